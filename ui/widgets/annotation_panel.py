"""The open document's codings, with what can be done to one (right-click or keys).

Click a row to see its text; right-click to change its code, edit its memo,
move its bounds to the current selection, or delete it (Delete). With several
rows selected: move them all to a code, or split them off into a new code.
Every action goes through the controller, so each is one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from annotator.models import Annotation, AnnotationId, CodeId
from ui.controller import ProjectController
from ui.dialogs.memo_dialog import MemoDialog
from ui.models.annotation_table_model import AnnotationTableModel
from ui.widgets.code_menu import fill_code_menu
from ui.widgets.tables import fit_columns


class AnnotationPanel(QTableView):
    #: Show this span in the text: ``(start, end)``.
    jump_requested = Signal(int, int)
    #: Move this annotation's bounds to the text's current selection.
    bounds_requested = Signal(int)

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model_ = AnnotationTableModel()
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        fit_columns(self.horizontalHeader(), stretch=1)
        self.delete_action = QAction(self.tr("Delete annotation"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.addAction(self.delete_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.clicked.connect(lambda index: self._jump(index.row()))
        self.selectionModel().currentRowChanged.connect(
            lambda current, _previous: current.isValid() and self._jump(current.row())
        )
        # Double-click or Return: the memo (arrow keys move and show the coding).
        self.activated.connect(lambda index: self.edit_memo(self.model_.annotation(index.row())))

    def selected(self) -> list[Annotation]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self.model_.annotation(row) for row in rows]

    def delete_selected(self) -> None:
        ids = [annotation.id for annotation in self.selected()]
        if ids:
            self.controller.run(lambda: self.controller.delete_annotations(ids))

    def change_code(self, annotation_ids: list[AnnotationId], code_id: CodeId) -> None:
        """Recode one coding, or move several to a code at once (one undo step)."""
        if len(annotation_ids) == 1:
            [only] = annotation_ids
            self.controller.run(lambda: self.controller.change_annotation_code(only, code_id))
        elif annotation_ids:
            self.controller.run(lambda: self.controller.recode_annotations(annotation_ids, code_id))

    def split_off(self, annotations: list[Annotation]) -> None:
        """A new code beside theirs, holding these codings (they must share one code)."""
        from ui.dialogs.code_dialog import CodeDialog

        source, ids = annotations[0].code_id, [a.id for a in annotations]
        CodeDialog.ask(None, lambda f: self.controller.split_code(source, ids, f), self)

    def edit_memo(self, annotation: Annotation) -> None:
        memo = MemoDialog.ask(self, annotation.memo)
        if memo is not None and memo != annotation.memo:
            self.controller.run(lambda: self.controller.set_annotation_memo(annotation.id, memo))

    def _jump(self, row: int) -> None:
        annotation = self.model_.annotation(row)
        self.jump_requested.emit(annotation.start, annotation.end)

    def _menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if index.isValid():
            if index.row() not in {i.row() for i in self.selectionModel().selectedRows()}:
                self.selectRow(index.row())
            menu = self.menu(self.selected())
            menu.exec(self.viewport().mapToGlobal(position))
            menu.deleteLater()

    def menu(self, chosen: list[Annotation]) -> QMenu:
        """What can be done to the chosen codings (one, or several at once)."""
        menu = QMenu(self)
        ids = [a.id for a in chosen]
        title = self.tr("Change code to") if len(ids) == 1 else self.tr("Move these to code")
        fill_code_menu(
            menu.addMenu(title), self.controller.codes(), lambda c: self.change_code(ids, c)
        )
        split = menu.addAction(
            self.tr("Split off into a new code…"), lambda: self.split_off(chosen)
        )
        split.setEnabled(bool(chosen) and len({a.code_id for a in chosen}) == 1)
        if len(chosen) == 1:
            annotation = chosen[0]
            menu.addAction(self.tr("Edit memo…"), lambda: self.edit_memo(annotation))
            menu.addAction(
                self.tr("Set bounds to the selected text"),
                lambda: self.bounds_requested.emit(annotation.id),
            )
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu
