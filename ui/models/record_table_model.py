"""The shared shape of a flat, read-only table over a list of core records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt

from ui.models.titled_table_model import Index, TitledTableModel

T = TypeVar("T")
ID_ROLE = Qt.ItemDataRole.UserRole


class RecordTableModel(TitledTableModel, Generic[T]):
    """Rows are records of type ``T``; subclasses say what each column shows.

    Subclasses implement :meth:`display` (one value per header) and may extend
    :meth:`data` for other roles; ``ID_ROLE`` gives a row's record id.
    """

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[T] = []

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._rows[row]

    def display(self, record: T) -> tuple[Any, ...]:
        raise NotImplementedError

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == ID_ROLE:
            return getattr(record, "id", None)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record)[index.column()]
        return None
