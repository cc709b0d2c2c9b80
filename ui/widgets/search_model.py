"""Search hits as a concordance table: document, unit, left context, hit, right context.

Every column sorts; the left context sorts by its reversed text (the character
next to the hit first), as concordancers do. Sorting moves the rows in place,
so the selection follows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.search import KwicLine
from ui.models.titled_table_model import Index, TitledTableModel

DOCUMENT, UNIT, LEFT, HIT, RIGHT = range(5)

_Key = tuple[Any, ...]


def _unit_key(unit: str) -> tuple[int, ...]:
    return tuple(int(part) for part in unit.split("-") if part.isdigit())


def _place(line: KwicLine) -> _Key:
    return (line.document_number, line.hit.start, line.hit.end)


#: The sort key of each column; column -1 (no sort chosen) is the order in the corpus.
_KEYS: dict[int, Callable[[KwicLine], _Key]] = {
    -1: _place,
    DOCUMENT: _place,
    UNIT: lambda line: (_unit_key(line.unit), *_place(line)),
    LEFT: lambda line: (line.left[::-1], line.match, line.right, *_place(line)),
    HIT: lambda line: (line.match, line.right, *_place(line)),
    RIGHT: lambda line: (line.right, line.match, *_place(line)),
}


def _flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", " ")


class SearchModel(TitledTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[KwicLine] = []
        self._sorted: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_headers(self, headers: list[str]) -> None:
        """Column titles in the interface language."""
        self._headers = headers

    def reset(self, lines: list[KwicLine]) -> None:
        """Show ``lines``, in the order last chosen."""
        self.beginResetModel()
        self.lines = sorted(lines, key=_KEYS[self._sorted[0]])
        if self._sorted[1] == Qt.SortOrder.DescendingOrder:
            self.lines.reverse()
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _flat(f"{line.left}【{line.match}】{line.right}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == HIT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(line: KwicLine, column: int) -> str:
        if column == DOCUMENT:
            return f"{line.document_number}  {line.title}"
        if column == UNIT:
            return line.unit
        return _flat((line.left, line.match, line.right)[column - LEFT])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: corpus order); selected rows stay selected."""
        self._sorted = (column if column in _KEYS else -1, order)
        self.layoutAboutToBeChanged.emit()
        key = _KEYS[self._sorted[0]]
        rows = sorted(range(len(self.lines)), key=lambda row: key(self.lines[row]))
        if order == Qt.SortOrder.DescendingOrder:
            rows.reverse()
        moved = {old: new for new, old in enumerate(rows)}
        self.lines = [self.lines[row] for row in rows]
        for index in self.persistentIndexList():
            self.changePersistentIndex(index, self.index(moved[index.row()], index.column()))
        self.layoutChanged.emit()


class LeftElided(QStyledItemDelegate):
    """The left context loses its far (left) end when the column is narrow."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft
