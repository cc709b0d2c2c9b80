"""The statistics window's cross-tab: codes × the values of a document attribute.

Rows are every code in tree order (top-level codes bold), each counting its
references with its sub-codes', as the core's :func:`cross_tab` gives them;
columns are the attribute's values ("(none)" for documents without one), then
the code's total; the last row totals the top-level codes (each coding once).
"Row %" shows each code's references per value as shares of its total (the
total column keeps the count the shares are of).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.exporting.labels import attribute_name
from annotator.exporting.tables import CrossTab
from annotator.models import Code
from ui.controller import ProjectController
from ui.i18n import code_name, is_english

# What a cell shows: a count, or a row share as text ("" when the row has none).
Cell = str | int
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def percent(share: float | None) -> str:
    """A row share as the table shows it (the tests format the core's the same way)."""
    return "" if share is None else f"{share:.1%}"


class CrossTabTab(QWidget):
    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.attribute = QComboBox()
        self.row_share = QCheckBox(self.tr("Row %"))
        self.row_share.setToolTip(self.tr("Each value's share of the code's references"))
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Document attribute:")))
        controls.addWidget(self.attribute)
        controls.addWidget(self.row_share)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        self.fill_attributes()
        self.attribute.currentIndexChanged.connect(self.refresh)
        self.row_share.toggled.connect(self.refresh)
        self.refresh()

    def fill_attributes(self) -> None:
        """The attributes of the documents (the chosen one stays chosen if still there)."""
        language = "en" if is_english() else "zh"
        chosen = self.attribute.currentData()
        self.attribute.blockSignals(True)
        self.attribute.clear()
        for name in self.controller.cross_tab_attributes():
            self.attribute.addItem(attribute_name(name, language), name)
        self.attribute.setCurrentIndex(max(self.attribute.findData(chosen), 0))
        self.attribute.blockSignals(False)

    def refresh(self) -> None:
        name = self.attribute.currentData()
        if name is None:
            self.table.clear()
            return
        codes, table = self.controller.cross_tab(str(name))
        none = self.tr("(none)")
        headers = [self.tr("Code"), self.tr("Name"), *(v or none for v in table.values)]
        self.table.clear()
        self.table.setColumnCount(len(headers) + 1)
        self.table.setHorizontalHeaderLabels([*headers, self.tr("Total")])
        self.table.setRowCount(len(codes) + 1)
        shares = self.row_share.isChecked()
        for row, code in enumerate(codes):
            self._row(row, self.code_row(code, table, shares), code.parent_id is None)
        self._row(len(codes), self.total_row(codes, table, shares), True)
        self.table.resizeColumnsToContents()

    def code_row(self, code: Code, table: CrossTab, shares: bool) -> list[Cell]:
        counts = table.counts[code.id]
        cells: list[Cell] = (
            [percent(table.row_share(code.id, v)) for v in table.values]
            if shares
            else [counts[v] for v in table.values]
        )
        return [code.key or "", code_name(code), *cells, table.total(code.id)]

    def total_row(self, codes: list[Code], table: CrossTab, shares: bool) -> list[Cell]:
        """Top-level codes per value; with "Row %", their shares of the grand total."""
        totals = [table.column_total(v, codes) for v in table.values]
        grand = sum(totals)
        cells: list[Cell] = (
            [percent(n / grand if grand else None) for n in totals] if shares else list(totals)
        )
        return [self.tr("Total"), "", *cells, grand]

    def _row(self, row: int, cells: list[Cell], bold: bool) -> None:
        for column, value in enumerate(cells):
            item = QTableWidgetItem()
            item.setData(Qt.ItemDataRole.DisplayRole, value)
            if column >= 2:
                item.setTextAlignment(NUMBER)
            if bold:
                font = QFont(self.table.font())
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)
