"""The annotations of the open document, in text order."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.models import Annotation, AnnotationId, Code, CodeId, CoderId
from ui.i18n import code_label, code_name
from ui.models.record_table_model import ID_ROLE, Index, RecordTableModel

__all__ = ["ID_ROLE", "AnnotationTableModel"]


class AnnotationTableModel(RecordTableModel[Annotation]):
    def __init__(self) -> None:
        super().__init__((self.tr("Code"), self.tr("Text"), self.tr("Coder"), self.tr("Memo")))
        self._codes: dict[CodeId, Code] = {}
        self._coders: dict[CoderId, str] = {}

    def reload(
        self, annotations: list[Annotation], codes: list[Code], coders: dict[CoderId, str]
    ) -> None:
        self._codes = {code.id: code for code in codes}
        self._coders = coders
        self.set_rows(annotations)

    def apply_changes(self, changed: list[Annotation], removed: set[AnnotationId]) -> None:
        """Move, add and remove only the rows that changed, keeping text order."""
        gone = removed | {annotation.id for annotation in changed}
        for row in reversed([r for r, a in enumerate(self._rows) if a.id in gone]):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        for annotation in changed:
            keys = [(a.start, a.end, a.id) for a in self._rows]
            row = bisect.bisect(keys, (annotation.start, annotation.end, annotation.id))
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, annotation)
            self.endInsertRows()

    def annotation(self, row: int) -> Annotation:
        return self.record(row)

    def display(self, record: Annotation) -> tuple[Any, ...]:
        code = self._codes.get(record.code_id)
        label = (code.key or code_name(code)) if code else "?"
        coder = self._coders.get(record.coder_id, "")
        return label, record.quote.replace("\n", " "), coder, record.memo

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            annotation = self.record(index.row())
            code = self._codes.get(annotation.code_id)
            if code is None:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{code_label(code)}\n[{annotation.start}, {annotation.end})"
            return QColor(code.color) if index.column() == 0 else None
        return super().data(index, role)
