"""The annotations of the open document, in text order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.models import Annotation, Code, CodeId, CoderId

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class AnnotationTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Annotation] = []
        self._codes: dict[CodeId, Code] = {}
        self._coders: dict[CoderId, str] = {}
        self._headers = (self.tr("Code"), self.tr("Text"), self.tr("Coder"), self.tr("Memo"))

    def reload(
        self, annotations: list[Annotation], codes: list[Code], coders: dict[CoderId, str]
    ) -> None:
        self.beginResetModel()
        self._rows = annotations
        self._codes = {code.id: code for code in codes}
        self._coders = coders
        self.endResetModel()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation = self._rows[index.row()]
        code = self._codes.get(annotation.code_id)
        if role == ID_ROLE:
            return annotation.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                (code.key or code.name) if code else "?",
                annotation.quote.replace("\n", " "),
                self._coders.get(annotation.coder_id, ""),
                annotation.memo,
            )[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and code:
            return QColor(code.color)
        if role == Qt.ItemDataRole.ToolTipRole and code:
            return f"{code.key} {code.name}\n[{annotation.start}, {annotation.end})"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
