"""The review queue as a table: document, code, coder, text, state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from annotator.models import Code, CodeId, CoderId, DocumentId
from annotator.teamwork.review import PENDING, QueueItem
from ui.models.titled_table_model import Index, TitledTableModel
from ui.widgets.code_menu import label, swatch

_STATE_COLOURS = {"accepted": "#2e7d32", "rejected": "#c62828", PENDING: "#555555"}


class ReviewModel(TitledTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[QueueItem] = []
        self._codes: dict[CodeId, Code] = {}
        self._coders: dict[CoderId, str] = {}
        self._titles: dict[DocumentId, str] = {}
        self._states: dict[str, str] = {}

    def set_labels(self, headers: list[str], states: dict[str, str]) -> None:
        """Column titles and state names in the interface language."""
        self._headers, self._states = headers, states

    def reset(
        self,
        items: list[QueueItem],
        codes: dict[CodeId, Code],
        coders: dict[CoderId, str],
        titles: dict[DocumentId, str],
    ) -> None:
        self.beginResetModel()
        self.items, self._codes, self._coders, self._titles = items, codes, coders, titles
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        a, column = item.annotation, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return swatch(self._codes[a.code_id].color)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            return QBrush(QColor(_STATE_COLOURS[item.state]))
        if role == Qt.ItemDataRole.FontRole and item.state == "rejected" and column == 3:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _text(self, item: QueueItem, column: int) -> str:
        a = item.annotation
        if column == 0:
            return f"#{a.document_id} {self._titles.get(a.document_id, '')}"
        if column == 1:
            return label(self._codes[a.code_id])
        if column == 2:
            return self._coders.get(a.coder_id, "")
        if column == 3:
            return a.quote.replace("\n", " ")
        comments = f" 💬{item.comments}" if item.comments else ""
        return self._states.get(item.state, item.state) + comments

    def replace_items(self, items: list[QueueItem]) -> bool:
        """Put updated items in their rows; False when one is not in the table (or has
        moved document or place, which changes its row): then reload the whole queue."""
        rows = {item.annotation.id: row for row, item in enumerate(self.items)}
        for item in items:
            row = rows.get(item.annotation.id)
            old = None if row is None else self.items[row].annotation
            if old is None or (old.document_id, old.start, old.end) != (
                item.annotation.document_id,
                item.annotation.start,
                item.annotation.end,
            ):
                return False
        for item in items:
            row = rows[item.annotation.id]
            self.items[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    def row_of(self, annotation_id: int) -> int | None:
        for row, item in enumerate(self.items):
            if item.annotation.id == annotation_id:
                return row
        return None
