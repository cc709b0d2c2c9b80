"""The document list: one row per document (title, length, number of codings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.models import Document, DocumentId

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Rows are :class:`Document` records; ``ID_ROLE`` gives a row's document id."""

    def __init__(self) -> None:
        super().__init__()
        self._documents: list[Document] = []
        self._counts: dict[DocumentId, int] = {}
        self._headers = (self.tr("Title"), self.tr("Characters"), self.tr("Codings"))

    def reload(self, documents: list[Document], counts: dict[DocumentId, int]) -> None:
        self.beginResetModel()
        self._documents, self._counts = documents, counts
        self.endResetModel()

    def row_of(self, document_id: DocumentId) -> int | None:
        for row, document in enumerate(self._documents):
            if document.id == document_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        document = self._documents[index.row()]
        if role == ID_ROLE:
            return document.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                document.title or document.source_path or f"#{document.id}",
                document.text_length,
                self._counts.get(document.id, 0),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"#{document.id} {document.source_path or ''}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
