"""The codebook as a tree: colour swatch, key and name, counts; ``ID_ROLE`` gives the id."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from annotator.models import Code, CodeId
from ui.i18n import code_name

ID_ROLE = Qt.ItemDataRole.UserRole
#: The whole :class:`Code` record, for filtering.
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CodeTreeModel(QStandardItemModel):
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
            label = f"{code.key}  {code_name(code)}" if code.key else code_name(code)
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
