"""The codebook as a tree: colour swatch, key and name, counts; ``ID_ROLE`` gives the id.

Codes can be dragged onto another code (to become its sub-code) or between
codes (to reorder). The model moves nothing itself: it asks, through
``move_requested``, and the tree is rebuilt from the core after the move.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from annotator.models import Code, CodeId
from ui.i18n import code_label

ID_ROLE = Qt.ItemDataRole.UserRole
#: The whole :class:`Code` record, for filtering.
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
MIME_TYPE = "application/x-annotator-code"
Index = QModelIndex | QPersistentModelIndex


class CodeTreeModel(QStandardItemModel):
    #: A code was dropped: ``(code id, new parent id or 0 for the top, row or -1 for last)``.
    move_requested = Signal(int, int, int)

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Here"), self.tr("All")])
        self._count_items: dict[CodeId, tuple[QStandardItem, QStandardItem]] = {}

    def reload(
        self, codes: list[Code], in_document: dict[CodeId, int], in_project: dict[CodeId, int]
    ) -> None:
        """Rebuild from ``codes`` (parents before children, as the core lists them)."""
        self.removeRows(0, self.rowCount())
        self._count_items = {}
        parents: dict[CodeId, QStandardItem] = {}
        for code in codes:
            label = code_label(code)
            if code.shortcut:
                label += f"   [{code.shortcut}]"
            item = QStandardItem(label)
            item.setData(code.id, ID_ROLE)
            item.setData(code, CODE_ROLE)
            item.setData(QColor(code.color), Qt.ItemDataRole.DecorationRole)
            item.setToolTip(
                "\n".join(
                    part
                    for part in (code.name, code.name_en, code.definition, code.include)
                    if part
                )
            )
            item.setEditable(False)
            if code.archived:
                item.setForeground(QColor("#888888"))
            counts = (QStandardItem(), QStandardItem())
            for count in counts:
                count.setEditable(False)
                count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._count_items[code.id] = counts
            parent = self.invisibleRootItem() if code.parent_id is None else parents[code.parent_id]
            parent.appendRow([item, *counts])
            parents[code.id] = item
        self.set_counts(in_document, in_project)

    def set_counts(self, in_document: dict[CodeId, int], in_project: dict[CodeId, int]) -> None:
        """New counts in place: the tree, its expansion and selection stay as they are."""
        for code_id, (here, total) in self._count_items.items():
            for item, counts in ((here, in_document), (total, in_project)):
                text = str(counts.get(code_id) or "")
                if item.text() != text:
                    item.setText(text)

    # -- dragging codes --------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = {index.siblingAtColumn(0).data(ID_ROLE) for index in indexes}
        if len(ids) == 1:
            data.setData(MIME_TYPE, str(ids.pop()).encode())
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, _column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        code_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        parent_id = parent.siblingAtColumn(0).data(ID_ROLE) if parent.isValid() else 0
        self.move_requested.emit(code_id, parent_id or 0, row)
        return False  # the core moves it; the tree is rebuilt from there
