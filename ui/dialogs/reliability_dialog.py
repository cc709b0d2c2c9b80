"""The reliability report: how far coders agree, per code, with the usual flags.

Choose two coders or more, the unit and the documents. One row per code, and
a last (bold) row pooling the used codes, with the figures of
``docs/agreement.md``: for two coders the 2×2 counts, percent agreement, κ,
Holsti's CR and α; for more, α, the mean pairwise Holsti K̄ and R. Rows under
the thresholds are red and marked ⚠. Export writes the report and the
disagreements to Excel (the 信度 and 分歧 sheets), through the controller.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.report import (
    ReliabilityReport,
)
from annotator.errors import AnnotatorError, CancelledError
from annotator.models import CONSENSUS_NAME, DocumentId
from ui.controller import ProjectController
from ui.i18n import code_name, is_english
from ui.models.reliability_model import ReliabilityModel
from ui.widgets.progress import ProgressBar


class ReliabilityDialog(QDialog):
    def __init__(
        self,
        controller: ProjectController,
        parent: QWidget | None = None,
        document_ids: Sequence[DocumentId] | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.document_ids = list(document_ids) if document_ids else None
        self.report: ReliabilityReport | None = None
        self._built = False
        self.setWindowTitle(self.tr("Inter-coder agreement"))
        self.resize(1100, 640)
        self.coder_list = QListWidget()
        self.unit_combo = QComboBox()
        self.scope_combo = QComboBox()
        self.hide_unused = QCheckBox(self.tr("Hide codes nobody used"))
        self.hide_unused.setChecked(True)
        self.compute_button = QPushButton(self.tr("Compute"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.model = ReliabilityModel(self)
        self.table = QTableView()
        self.status = QLabel()
        self._fill_choices()
        self._layout()
        self._connect()
        self._built = True
        self.compute()

    def _fill_choices(self) -> None:
        units = (
            (self.tr("Character"), "character"),
            (self.tr("Sentence"), "sentence"),
            (self.tr("Paragraph"), "paragraph"),
            (self.tr("Document"), "document"),
        )
        for text, unit in units:
            self.unit_combo.addItem(text, unit)
        self.unit_combo.setCurrentIndex(self.unit_combo.findData("sentence"))
        self.scope_combo.addItem(self.tr("All documents"), False)
        if self.document_ids:
            count = len(self.document_ids)
            self.scope_combo.addItem(self.tr("Selected documents ({0})").format(count), True)
            self.scope_combo.setCurrentIndex(1)
        self.scope_combo.setEnabled(self.scope_combo.count() > 1)
        self._fill_coders()

    def _fill_coders(self) -> None:
        """Every coder, the consensus last; the first two who coded anything are checked."""
        coders = self.controller.coders()
        coders.sort(key=lambda coder: coder.name == CONSENSUS_NAME)  # stable: order kept
        ids = self.scope()
        coded = [
            c.name for c in coders if sum(self.controller.annotation_counts(ids, c.id).values())
        ]
        for coder in coders:
            item = QListWidgetItem(coder.name)
            item.setData(Qt.ItemDataRole.UserRole, coder.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.coder_list.addItem(item)
        self.set_checked_coders(coded[:2])

    def _layout(self) -> None:
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click: back to codebook order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.coder_list.setMaximumWidth(200)
        form = QFormLayout()
        form.addRow(self.tr("Unit:"), self.unit_combo)
        form.addRow(self.tr("Documents:"), self.scope_combo)
        form.addRow(self.hide_unused)
        form.addRow(self.compute_button)
        choices = QVBoxLayout()
        choices.addWidget(QLabel(self.tr("Coders (two or more):")))
        choices.addWidget(self.coder_list, 1)
        choices.addLayout(form)
        caption = QLabel(
            self.tr("N = units; thresholds: κ 0.6, Holsti/R 0.8; see docs/agreement.md")
        )
        caption.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(caption)
        right.addWidget(self.status)
        top = QHBoxLayout()
        top.addLayout(choices)
        top.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.compute_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(self.export)
        self.coder_list.itemChanged.connect(lambda _item: self.compute())
        self.unit_combo.currentIndexChanged.connect(lambda _index: self.compute())
        self.scope_combo.currentIndexChanged.connect(lambda _index: self.compute())
        self.hide_unused.toggled.connect(lambda _on: self._show(self.report))

    # -- the choices -----------------------------------------------------------
    def checked_coders(self) -> list[str]:
        items = (self.coder_list.item(row) for row in range(self.coder_list.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked_coders(self, names: Sequence[str]) -> None:
        """Check exactly ``names`` (then compute once, if the dialog is built)."""
        self.coder_list.blockSignals(True)
        for row in range(self.coder_list.count()):
            item = self.coder_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.coder_list.blockSignals(False)
        if self._built:
            self.compute()

    def unit(self) -> str:
        return str(self.unit_combo.currentData())

    def scope(self) -> list[DocumentId] | None:
        """The chosen documents (None: all)."""
        return self.document_ids if self.scope_combo.currentData() else None

    # -- computing and exporting -----------------------------------------------
    def compute(self) -> None:
        names = self.checked_coders()
        self.status.clear()
        if len(names) < 2:
            self.status.setText(self.tr("Check at least two coders to compare."))
            self._show(None)
            return
        unit, ids = self.unit(), self.scope()
        bar = ProgressBar(self, self.tr("Computing agreement…"))
        try:
            report = self.controller.reliability(names, unit, ids, bar.step)
        except CancelledError:
            report = None
            self.status.setText(self.tr("Stopped: choose again to compute."))
        except AnnotatorError as problem:
            report = None
            self.controller.report(problem)
        finally:
            bar.close()
        self._show(report)

    def _show(self, report: ReliabilityReport | None) -> None:
        self.report = report
        names = {code.id: code_name(code) for code in self.controller.codes()} if report else {}
        self.model.set_report(report, names, self.hide_unused.isChecked())
        self.export_button.setEnabled(report is not None)

    def language(self) -> str:
        """The workbook's language: the interface's."""
        return "en" if is_english() else "zh"

    def ask_export_path(self) -> Path | None:
        """Where to write the workbook (None: cancelled); tests replace this."""
        default = "agreement.xlsx" if self.language() == "en" else "信度.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export agreement"), default, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return None
        chosen = Path(path)
        return (
            chosen if chosen.suffix.lower() == ".xlsx" else chosen.with_name(chosen.name + ".xlsx")
        )

    def export(self) -> int | None:
        """Write the report and the disagreements; returns how many disagreements."""
        report = self.report
        if report is None:
            return None
        path = self.ask_export_path()
        if path is None:
            return None
        ids, language = self.scope(), self.language()
        count = self.controller.run(
            lambda: self.controller.export_reliability(path, report, ids, language)
        )
        if count is not None:
            self.status.setText(self.tr("Wrote {0} disagreements to {1}").format(count, path))
        return count
