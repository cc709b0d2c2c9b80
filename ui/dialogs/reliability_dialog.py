"""The reliability report: how far coders agree, per code, with the usual flags.

Choose two coders or more, the unit and the documents. One row per code, and
a last (bold) row pooling the used codes, with the figures of
``docs/agreement.md``: for two coders the 2×2 counts, percent agreement, κ,
Holsti's CR and α; for more, α, the mean pairwise Holsti K̄ and R. Rows under
the thresholds are red and marked ⚠. Export writes the report and the
disagreements to Excel (the 信度 and 分歧 sheets), through the controller.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
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
    HOLSTI_THRESHOLD,
    KAPPA_THRESHOLD,
    ReliabilityReport,
    ReliabilityRow,
)
from annotator.errors import AnnotatorError, CancelledError
from annotator.models import CONSENSUS_NAME, CodeId, DocumentId
from ui.controller import ProjectController
from ui.i18n import code_name, is_english
from ui.widgets.progress import ProgressBar

Index = QModelIndex | QPersistentModelIndex
Value = str | int | float | None
#: The fill of flagged rows (the same as the Excel sheet's).
FLAG_COLOUR = QColor("#FFC7CE")
#: Shown for a figure that is undefined (never "nan").
UNDEFINED = "—"
FLAG = "⚠"
_ROLE = Qt.ItemDataRole


def figure(value: Value) -> str:
    """A cell's text: counts as they are, figures to three decimals, undefined as "—"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return UNDEFINED
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _sort_key(value: Value) -> tuple[float, str]:
    return (float(value), "") if isinstance(value, int | float) else (0.0, str(value))


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    value: Callable[[ReliabilityRow], Value]
    numeric: bool = True


class ReliabilityModel(QAbstractTableModel):
    """The report's rows (unused codes optionally left out); the overall row stays last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: ReliabilityReport | None = None
        #: The rows shown, in the order shown.
        self.rows: list[ReliabilityRow] = []
        self.columns: list[Column] = []
        self._names: dict[CodeId, str] = {}
        self._codebook_order: list[ReliabilityRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_report(
        self, report: ReliabilityReport | None, names: dict[CodeId, str], hide_unused: bool
    ) -> None:
        """Show ``report`` (None: nothing); ``names`` are the codes' names to show."""
        self.beginResetModel()
        self.report, self._names = report, names
        self.columns = [] if report is None else self._columns(report)
        rows = [] if report is None else list(report.rows[:-1])
        self._codebook_order = [r for r in rows if r.used or not hide_unused]
        self.rows = self._sorted()
        self.endResetModel()

    @property
    def many(self) -> bool:
        return self.report is not None and len(self.report.coders) > 2

    def _columns(self, report: ReliabilityReport) -> list[Column]:
        common = [
            Column(self.tr("Code"), lambda r: r.key, numeric=False),
            Column(self.tr("Name"), self.name, numeric=False),
            Column(self.tr("N"), lambda r: r.n),
        ]
        flag = Column(self.tr("Flag"), lambda r: FLAG if r.below_threshold else "", False)
        if len(report.coders) > 2:
            return [
                *common,
                Column("α", lambda r: r.alpha),
                Column(self.tr("Mean Holsti K̄"), lambda r: r.mean_holsti),
                Column("R", lambda r: r.reliability),
                flag,
            ]
        first, second = report.coders[:2]
        return [
            *common,
            Column(self.tr("Both"), lambda r: r.table.both),
            Column(self.tr("Only {0}").format(first), lambda r: r.table.first_only),
            Column(self.tr("Only {0}").format(second), lambda r: r.table.second_only),
            Column(self.tr("Neither"), lambda r: r.table.neither),
            Column(self.tr("% agreement"), lambda r: r.percent),
            Column("κ", lambda r: r.kappa),
            Column(self.tr("Holsti"), lambda r: r.holsti),
            Column("α", lambda r: r.alpha),
            flag,
        ]

    def name(self, row: ReliabilityRow) -> str:
        if row.code_id is None:
            return self.tr("Overall")
        return self._names.get(row.code_id, row.name)

    def flag_tip(self) -> str:
        if self.many:
            return self.tr("Below threshold: R < {0}").format(HOLSTI_THRESHOLD)
        return self.tr("Below threshold: κ < {0} or Holsti < {1}").format(
            KAPPA_THRESHOLD, HOLSTI_THRESHOLD
        )

    # -- the model -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == _ROLE.DisplayRole:
            return self.columns[section].title
        if role == _ROLE.ToolTipRole and section == len(self.columns) - 1:
            return self.flag_tip()
        return None

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        flagged = row.below_threshold
        if role == _ROLE.DisplayRole:
            return figure(column.value(row))
        if role == _ROLE.UserRole:  # the raw value (None when undefined)
            return column.value(row)
        if role == _ROLE.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == _ROLE.BackgroundRole and flagged:
            return FLAG_COLOUR
        if role == _ROLE.ForegroundRole and flagged:
            return QColor(Qt.GlobalColor.black)  # readable on the red in a dark theme too
        if role == _ROLE.FontRole and row.code_id is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == _ROLE.ToolTipRole:
            return self._tip(row, index.column())
        return None

    def _tip(self, row: ReliabilityRow, column: int) -> str | None:
        if column == len(self.columns) - 1 and row.below_threshold:
            return self.flag_tip()
        if column == 2 and self.many:
            marked = range(len(self.report.coders) + 1) if self.report else range(0)
            counts = " / ".join(str(row.histogram.get(k, 0)) for k in marked)
            return self.tr("Units marked by 0, 1, 2… coders: {0}").format(counts)
        return None

    # -- sorting: the overall row stays last; column -1 is codebook order --------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self.rows = self._sorted()
        self.layoutChanged.emit()

    def _sorted(self) -> list[ReliabilityRow]:
        rows = list(self._codebook_order)
        column, order = self._sort
        if 0 <= column < len(self.columns):
            value = self.columns[column].value
            known = [r for r in rows if value(r) is not None]
            descending = order == Qt.SortOrder.DescendingOrder
            known.sort(key=lambda r: _sort_key(value(r)), reverse=descending)
            rows = known + [r for r in rows if value(r) is None]  # undefined last
        return rows if self.report is None else [*rows, self.report.overall]


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
            item.setData(_ROLE.UserRole, coder.name)
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
            str(item.data(_ROLE.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked_coders(self, names: Sequence[str]) -> None:
        """Check exactly ``names`` (then compute once, if the dialog is built)."""
        self.coder_list.blockSignals(True)
        for row in range(self.coder_list.count()):
            item = self.coder_list.item(row)
            checked = item.data(_ROLE.UserRole) in names
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
