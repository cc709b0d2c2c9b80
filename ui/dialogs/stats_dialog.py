"""The statistics window: code frequencies, co-occurrence, word frequency and
codes × a document attribute.

Four tabs. The first three are each a chart (with "Save as PNG…") beside or
above a table. Code frequencies chart the references of the codes without
sub-codes (top 30); co-occurrence paints the codes used × codes used in the
chosen unit and lists the measure × mechanism (M × J) pairs; word frequency
counts jieba's words per corpus, document or attribute value, with the
project's own word lists and an Excel export. The cross-tab
(:mod:`ui.dialogs.stats_crosstab`) counts each code's references per value of
a document attribute. Figures come from the core through the controller; the
tabs redraw when the project changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.changes import Changes
from annotator.exporting.labels import attribute_name
from annotator.wordfreq import CORPUS, DOCUMENT, WordCount
from ui.controller import ProjectController
from ui.dialogs.stats_crosstab import CrossTabTab
from ui.i18n import code_name, is_english
from ui.widgets.charts import BarChart, HeatMap, SavablePane

#: How many codes the frequency chart shows.
TOP_CODES = 30
#: How many words the word chart shows (the table shows them all).
TOP_WORDS = 25
Cell = str | int


def fill_table(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Show ``rows`` in ``table`` (numbers sort as numbers)."""
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem()
            item.setData(Qt.ItemDataRole.DisplayRole, value)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.setSortingEnabled(True)


def table_rows(table: QTableWidget) -> list[list[Cell]]:
    """What ``table`` shows, row by row (the tests compare it with the core)."""
    return [
        [table.item(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def new_table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    return table


class CodeFrequencyTab(QWidget):
    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.chart = BarChart()
        self.table = new_table()
        splitter = QSplitter()
        splitter.addWidget(SavablePane(self.chart, self.tr("code-frequencies")))
        splitter.addWidget(self.table)
        splitter.setSizes([640, 420])
        QVBoxLayout(self).addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        rows = [r for r in self.controller.code_frequencies() if not r.subtotal and r.references]
        rows.sort(key=lambda r: -r.references)  # stable: codebook order among equals
        self.chart.set_bars(
            self.tr("References per code (top {0})").format(TOP_CODES),
            [(r.code.key or code_name(r.code), r.references) for r in rows[:TOP_CODES]],
        )
        headers = [self.tr("Code"), self.tr("Name"), self.tr("References"), self.tr("Documents")]
        table = [[r.code.key, code_name(r.code), r.references, r.documents] for r in rows]
        fill_table(self.table, headers, table)


class CoOccurrenceTab(QWidget):
    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.unit = QComboBox()
        for value, text in (("overlap", self.tr("Overlapping codings")),
                            ("sentence", self.tr("Same sentence")),
                            ("document", self.tr("Same document"))):  # fmt: skip
            self.unit.addItem(text, value)
        self.unit.setCurrentIndex(1)
        self.unit.currentIndexChanged.connect(self.refresh)
        self.heat_map = HeatMap()
        self.pairs = new_table()
        self.pairs_note = QLabel()
        top = QFormLayout()
        top.addRow(self.tr("Codes meet in:"), self.unit)
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(QLabel(self.tr("Measures (M) × mechanisms (J), by sentence")))
        below.addWidget(self.pairs_note)
        below.addWidget(self.pairs)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(SavablePane(self.heat_map, self.tr("co-occurrence")))
        splitter.addWidget(lower)
        splitter.setSizes([560, 240])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        counts = self.controller.co_occurrence(str(self.unit.currentData()))
        used = {code_id for code_id, n in self.controller.code_counts().items() if n}
        used |= {code_id for pair in counts for code_id in pair}
        codes = [code for code in self.controller.codes() if code.id in used]
        self.heat_map.set_counts([c.key or code_name(c) for c in codes],
                                 [c.id for c in codes], counts)  # fmt: skip
        self.heat_map.setToolTip("\n".join(f"{c.key}  {code_name(c)}" for c in codes))
        self._pairs()

    def _pairs(self) -> None:
        keys = {code.id: code.key for code in self.controller.codes()}
        found = self.controller.run(self.controller.mechanism_pairs)
        self.pairs_note.setVisible(found is None)
        self.pairs_note.setText(self.tr("The codebook has no top-level M and J codes."))
        headers = [self.tr("M code"), self.tr("J code"), self.tr("Sentences"), self.tr("Units")]
        rows = [[keys[p.first], keys[p.second], p.sentences, ", ".join(p.units)]
                for p in found or []]  # fmt: skip
        fill_table(self.pairs, headers, rows)


class WordFrequencyTab(QWidget):
    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        #: The last count: group → words, most frequent first.
        self.found: dict[str, list[WordCount]] = {}
        self._build()

    def _build(self) -> None:
        self.by = QComboBox()
        self.min_length = QSpinBox(minimum=1, maximum=20, value=2)
        self.top = QSpinBox(minimum=1, maximum=10000, value=50)
        self.count_button = QPushButton(self.tr("Count"))
        self.count_button.clicked.connect(self.count)
        self.group = QComboBox()
        self.group.currentIndexChanged.connect(self.show_group)
        self.lists_button = QPushButton(self.tr("Edit word lists…"))
        self.lists_button.clicked.connect(self.edit_lists)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        controls = QHBoxLayout()
        for label, widget in ((self.tr("Group by:"), self.by),
                              (self.tr("Minimum length:"), self.min_length),
                              (self.tr("Top:"), self.top)):  # fmt: skip
            controls.addWidget(QLabel(label))
            controls.addWidget(widget)
        controls.addWidget(self.count_button)
        controls.addStretch(1)
        controls.addWidget(self.lists_button)
        controls.addWidget(self.export_button)
        self.group_label = QLabel(self.tr("Group:"))
        chooser = QHBoxLayout()
        chooser.addWidget(self.group_label)
        chooser.addWidget(self.group, 1)
        self.chart = BarChart()
        self.table = new_table()
        splitter = QSplitter()
        splitter.addWidget(SavablePane(self.chart, self.tr("word-frequencies")))
        splitter.addWidget(self.table)
        splitter.setSizes([640, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(chooser)
        layout.addWidget(splitter, 1)
        self.fill_groupings()

    def fill_groupings(self) -> None:
        language = "en" if is_english() else "zh"
        names = {CORPUS: self.tr("Whole corpus"), DOCUMENT: self.tr("Each document")}
        self.by.clear()
        for value in self.controller.word_groupings():
            self.by.addItem(names.get(value) or attribute_name(value, language), value)

    def count(self) -> None:
        """Count the words (jieba loads on first use: a busy cursor meanwhile)."""
        by = str(self.by.currentData())
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = self.controller.run(
                lambda: self.controller.word_frequencies(by, self.min_length.value(),
                                                         self.top.value())
            )  # fmt: skip
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.found = found or {}
        self.export_button.setEnabled(bool(self.found))
        titles = {str(n): f"{n} {d.title}" for n, d in enumerate(self.controller.documents(), 1)}
        chosen = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for group in self.found:
            shown = self.tr("Whole corpus") if group == CORPUS else titles.get(group, group)
            self.group.addItem(shown or self.tr("(none)"), group)
        self.group.setCurrentIndex(max(self.group.findData(chosen), 0))
        self.group.blockSignals(False)
        grouped = by != CORPUS
        self.group.setVisible(grouped)
        self.group_label.setVisible(grouped)
        self.show_group()

    def show_group(self) -> None:
        group = self.group.currentData()
        words = self.found.get(group, []) if group is not None else []
        self.chart.set_bars(
            self.tr("Most frequent words: {0}").format(self.group.currentText()),
            [(w.word, w.count) for w in words[:TOP_WORDS]],
        )
        headers = [self.tr("Word"), self.tr("Count", "how often"), self.tr("Documents")]
        fill_table(self.table, headers, [[w.word, w.count, w.documents] for w in words])

    def edit_lists(self) -> None:
        from ui.dialogs.word_lists_dialog import WordListsDialog

        dialog = WordListsDialog(self.controller.word_lists(), self)
        if not dialog.exec():
            return
        dictionary, stopwords = dialog.lists()
        self.controller.run(lambda: self.controller.set_word_lists(dictionary, stopwords))

    def export(self) -> None:
        language = "en" if is_english() else "zh"
        default = "word-frequencies.xlsx" if language == "en" else "词频.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export word frequencies"), default, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return
        from pathlib import Path

        found = self.found
        self.controller.run(
            lambda: self.controller.export_word_frequencies(found, Path(path), language)
        )


class StatsDialog(QDialog):
    """The four tabs; they redraw when the project changes (undo included)."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statistics"))
        self.controller = controller
        self.codes = CodeFrequencyTab(controller)
        self.co_occurrence = CoOccurrenceTab(controller)
        self.words = WordFrequencyTab(controller)
        self.crosstab = CrossTabTab(controller)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.codes, self.tr("Code frequencies"))
        self.tabs.addTab(self.co_occurrence, self.tr("Co-occurrence"))
        self.tabs.addTab(self.words, self.tr("Word frequency"))
        self.tabs.addTab(self.crosstab, self.tr("Cross-tab"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(1100, 760)
        controller.changed.connect(self._changed)
        controller.project_replaced.connect(self.close)

    def _changed(self, changes: Changes) -> None:
        self.codes.refresh()
        self.co_occurrence.refresh()
        self.crosstab.fill_attributes()
        self.crosstab.refresh()
        if self.words.found and (not changes or changes.documents):  # word lists, attributes
            self.words.count()
