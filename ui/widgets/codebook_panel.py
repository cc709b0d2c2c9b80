"""The codebook beside the text: a filter box, the code tree, and per-code shortcuts.

Right-click for the editor (ui/codebook_editor.py); drag a code to move it.

The filter finds codes by key, name, English name or pinyin initials
(``djyl`` → 党建引领) and keeps the parents of what it finds. Expanded
branches stay expanded when the tree is rebuilt after a change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.models import Code, CodeId
from annotator.pinyin import code_matches
from ui.keys import action_keys, key_text
from ui.models.code_tree_model import CODE_ROLE, ID_ROLE, CodeTreeModel
from ui.widgets.tables import fit_columns


class CodeFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.query = ""
        self.setRecursiveFilteringEnabled(True)

    def set_query(self, query: str) -> None:
        # Qt 6.10 deprecates invalidateFilter(); begin/endFilterChange replace it.
        self.beginFilterChange()
        self.query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        code = self.sourceModel().index(row, 0, parent).data(CODE_ROLE)
        return code is None or code_matches(code, self.query)


class CodebookPanel(QWidget):
    #: A code was chosen (double-click, Return, or its shortcut): its id.
    code_activated = Signal(int)
    #: The tree's context menu: ``(code id or 0 off the codes, global position)``.
    menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CodeTreeModel()
        self.proxy = CodeFilter()
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Find a code: key, name or pinyin (djyl)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(True)
        fit_columns(self.view.header(), stretch=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)
        self._shortcuts: list[QShortcut] = []
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self._activate_first)
        self.view.activated.connect(self.activate)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)

    def reload(self, codes: list[Code], here: dict[CodeId, int], total: dict[CodeId, int]) -> None:
        first_load = self.model.rowCount() == 0
        expanded = self._expanded()
        self.model.reload(codes, here, total)
        if first_load:
            self.view.expandToDepth(0)
        else:
            self._expand(expanded)

    def set_counts(self, here: dict[CodeId, int], total: dict[CodeId, int]) -> None:
        self.model.set_counts(here, total)

    def focus_filter(self) -> None:
        """Ctrl+K: type a key, a name or pinyin initials, Return applies the first match."""
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def activate(self, index: QModelIndex) -> None:
        code_id = index.siblingAtColumn(0).data(ID_ROLE)
        if code_id is not None:
            self.code_activated.emit(code_id)

    def _menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        code_id = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        self.menu_requested.emit(code_id or 0, self.view.viewport().mapToGlobal(position))

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        if text:
            self.view.expandAll()

    def _activate_first(self) -> None:
        if not self.proxy.query:
            return
        index = self.proxy.index(0, 0)
        while self.proxy.rowCount(index) > 0:  # the first leaf that matched
            index = self.proxy.index(0, 0, index)
        if index.isValid():
            self.activate(index)

    def install_shortcuts(
        self, window: QWidget, codes: list[Code], apply: Callable[[int], None]
    ) -> list[Code]:
        """One window-wide shortcut per code that has one; returns the codes left without.

        A key a menu already uses, or an earlier code, is skipped: Qt would find
        two shortcuts for it and run neither (a project written before keys were
        checked may hold such a key).
        """
        for shortcut in self._shortcuts:
            shortcut.setParent(None)
            shortcut.deleteLater()
        self._shortcuts = []
        taken = set(action_keys(window))
        skipped = []
        for code in codes:
            if not code.shortcut or code.archived:
                continue
            sequence = QKeySequence(code.shortcut)
            key = key_text(sequence)
            if key in taken or sequence.isEmpty():
                skipped.append(code)
                continue
            taken.add(key)
            shortcut = QShortcut(sequence, window)
            shortcut.activated.connect(lambda code_id=code.id: apply(code_id))
            self._shortcuts.append(shortcut)
        return skipped

    def _expanded(self) -> set[CodeId]:
        found: set[CodeId] = set()
        rows = [self.proxy.index(r, 0) for r in range(self.proxy.rowCount())]
        while rows:
            index = rows.pop()
            if self.view.isExpanded(index):
                found.add(index.data(ID_ROLE))
                rows.extend(
                    self.proxy.index(r, 0, index) for r in range(self.proxy.rowCount(index))
                )
        return found

    def _expand(self, code_ids: set[CodeId]) -> None:
        rows = [self.proxy.index(r, 0) for r in range(self.proxy.rowCount())]
        while rows:
            index = rows.pop()
            if index.data(ID_ROLE) in code_ids:
                self.view.expand(index)
                rows.extend(
                    self.proxy.index(r, 0, index) for r in range(self.proxy.rowCount(index))
                )
