"""The reliability report's table: one row per code and a pooled row, sortable,
with flagged rows filled red (the report itself is the core's)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from annotator.agreement.report import (
    HOLSTI_THRESHOLD,
    KAPPA_THRESHOLD,
    ReliabilityReport,
    ReliabilityRow,
)
from annotator.models import CodeId

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
