"""The document list: one row per document (title, length, number of codings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from annotator.models import Document, DocumentId
from ui.models.record_table_model import ID_ROLE, Index, RecordTableModel

__all__ = ["ID_ROLE", "DocumentTableModel"]

_CODINGS = 4  # the column of coding counts


class DocumentTableModel(RecordTableModel[Document]):
    def __init__(self) -> None:
        super().__init__(
            (self.tr("Title"), self.tr("Region"), self.tr("Date"), self.tr("Characters"),
             self.tr("Codings"))
        )  # fmt: skip
        self._counts: dict[DocumentId, int] = {}

    def reload(self, documents: list[Document], counts: dict[DocumentId, int]) -> None:
        self._counts = counts
        self.set_rows(documents)

    def set_counts(self, counts: dict[DocumentId, int]) -> None:
        """New coding counts, repainting only the rows whose count changed."""
        old, self._counts = self._counts, counts
        for row, document in enumerate(self._rows):
            if old.get(document.id, 0) != counts.get(document.id, 0):
                index = self.index(row, _CODINGS)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def row_of(self, document_id: DocumentId) -> int | None:
        for row, document in enumerate(self._rows):
            if document.id == document_id:
                return row
        return None

    def display(self, record: Document) -> tuple[Any, ...]:
        title = record.title or record.source_path or f"#{record.id}"
        if record.flags:
            title = f"⚑ {title}"
        region = (record.region or "").split("省")[-1] or record.region or ""
        return (title, region, record.published or "", record.text_length,
                self._counts.get(record.id, 0))  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            document = self.record(index.row())
            lines = [f"#{document.id} {document.source_path or ''}"]
            lines += [f"⚑ {flag.message}" for flag in document.flags]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)
