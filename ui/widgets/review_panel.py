"""The review queue: step through codings and accept, reject, correct or comment.

Filters choose the coder, the code (and the codes below it), the documents
(all, or the one shown) and the state. The current coding is shown in
context below the list and in the text. Keys while the list has focus:
↓ ↑ move, A accept, R reject, C comment, K change the code, B change the
bounds, N next pending. A decision moves on to the next coding; every
decision is one undo step (Ctrl+Z). Progress counts decided codings of the
queue, overall and in the current coding's document.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.changes import Changes
from annotator.models import CodeId, DocumentId, ReviewStatus
from annotator.teamwork.review import PENDING, STATES, QueueItem, progress
from ui.controller import ProjectController
from ui.dialogs.bounds_dialog import BoundsDialog
from ui.keys import KeyFilter, modifiers
from ui.widgets.code_menu import fill_code_menu, label
from ui.widgets.review_model import ReviewModel
from ui.widgets.tables import fit_columns

_CONTEXT = 60  # characters shown on each side of the coding


class ReviewPanel(QWidget):
    #: Show this span of this document in the text.
    jump_requested = Signal(int, int, int)

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        #: The document the window shows (the "this document" filter uses it).
        self.shown_document: DocumentId | None = None
        self._advance = False
        self.model = ReviewModel()
        self.model.set_labels(
            [self.tr("Document"), self.tr("Code"), self.tr("Coder"), self.tr("Text"),
             self.tr("State")],
            {PENDING: self.tr("pending"), "accepted": self.tr("accepted"),
             "rejected": self.tr("rejected")},
        )  # fmt: skip
        self._build()
        controller.changed.connect(self._on_changed)
        controller.project_replaced.connect(self._on_project_replaced)

    def _build(self) -> None:
        self.coder_filter, self.code_filter = QComboBox(), QComboBox()
        self.document_filter, self.state_filter = QComboBox(), QComboBox()
        self.document_filter.addItem(self.tr("All documents"), "all")
        self.document_filter.addItem(self.tr("The document shown"), "shown")
        self.state_filter.addItem(self.tr("Any state"), None)
        for state, text in zip(
            STATES, (self.tr("Pending"), self.tr("Accepted"), self.tr("Rejected")), strict=True
        ):
            self.state_filter.addItem(text, state)
        filters = QGridLayout()
        for column, (title, box) in enumerate(
            ((self.tr("Coder"), self.coder_filter), (self.tr("Code"), self.code_filter),
             (self.tr("Documents"), self.document_filter), (self.tr("State"), self.state_filter))
        ):  # fmt: skip
            filters.addWidget(QLabel(title), 0, column)
            filters.addWidget(box, 1, column)
            box.currentIndexChanged.connect(self.refresh)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # A, R, C, K, B, N act here, before any window shortcut (a code's key) sees them.
        KeyFilter(self, self._key_action, self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.context = QTextBrowser()
        self.context.setMaximumHeight(90)
        self.progress_bar, self.document_progress = QProgressBar(), QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.document_progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.context)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Accept (A)"), self.accept_current),
            (self.tr("Reject (R)"), self.reject_current),
            (self.tr("Comment (C)"), self.comment_current),
            (self.tr("Code (K)"), self.recode_current),
            (self.tr("Bounds (B)"), self.rebound_current),
            (self.tr("Next pending (N)"), self.next_pending),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    # -- content ---------------------------------------------------------------
    def _on_project_replaced(self) -> None:
        """Fill the queue now if it is on screen; a hidden dock is filled when shown
        (reading the whole queue took 1 s at 100,000 codings, for nobody to see)."""
        if self.isVisible():
            self.reload_filters()
        else:
            self.model.reset([], {}, {}, {})

    def reload_filters(self) -> None:
        """Fill the coder and code filters from the project (after opening one)."""
        for box in (self.coder_filter, self.code_filter):
            box.blockSignals(True)
            box.clear()
        self.coder_filter.addItem(self.tr("All coders"), None)
        self.code_filter.addItem(self.tr("All codes"), None)
        if self.controller.has_project:
            for coder in self.controller.coders():
                self.coder_filter.addItem(coder.name, coder.id)
            for code in self.controller.codes():
                self.code_filter.addItem(label(code), code.id)
        for box in (self.coder_filter, self.code_filter):
            box.blockSignals(False)
        self.refresh()

    def set_shown_document(self, document_id: DocumentId | None) -> None:
        self.shown_document = document_id
        if self.document_filter.currentData() == "shown":
            self.refresh()

    def refresh(self) -> None:
        if not self.controller.has_project:
            self.model.reset([], {}, {}, {})
            return
        current, row = self.current(), max(self.table.currentIndex().row(), 0)
        codes = {code.id: code for code in self.controller.codes()}
        self.model.reset(
            self.controller.review_queue(**self._filters()),
            codes,
            {coder.id: coder.name for coder in self.controller.coders()},
            {d.id: d.title or "" for d in self.controller.documents()},
        )
        fit_columns(self.table.horizontalHeader(), 3)
        kept = None if current is None else self.model.row_of(current.annotation.id)
        if kept is not None:
            row = kept + 1 if self._advance else kept
        self._advance = False
        if self.model.items:
            self.table.selectRow(min(row, len(self.model.items) - 1))
        self._show_progress()
        self._show_context()

    def _filters(self) -> dict[str, object]:
        coder, code = self.coder_filter.currentData(), self.code_filter.currentData()
        state = self.state_filter.currentData()
        documents = None
        if self.document_filter.currentData() == "shown":
            documents = [] if self.shown_document is None else [self.shown_document]
        return {
            "coder_ids": None if coder is None else [coder],
            "code_ids": None if code is None else [c.id for c in self.controller.subtree(code)],
            "document_ids": documents,
            "states": None if state is None else [state],
        }

    def current(self) -> QueueItem | None:
        row = self.table.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def _show_progress(self) -> None:
        overall, per_document = progress(self.model.items)
        self.progress_bar.setRange(0, max(overall.total, 1))
        self.progress_bar.setValue(overall.decided)
        self.progress_bar.setFormat(
            self.tr("%v of {0} reviewed (%p%)").format(overall.total) if overall.total else ""
        )
        current = self.current()
        here = None if current is None else per_document.get(current.annotation.document_id)
        self.document_progress.setText(
            ""
            if here is None
            else self.tr("This document: {0} of {1} reviewed").format(here.decided, here.total)
        )

    def _show_context(self) -> None:
        item = self.current()
        if item is None:
            self.context.setHtml("")
            return
        a = item.annotation
        text = self.controller.text(a.document_id)
        colour = self.controller.code(a.code_id).color
        before = html.escape(text[max(0, a.start - _CONTEXT) : a.start])
        after = html.escape(text[a.end : a.end + _CONTEXT])
        quote = html.escape(a.quote)
        style = "text-decoration: line-through;" if item.state == "rejected" else ""
        self.context.setHtml(
            f"…{before}<span style='background:{colour};{style}'><b>{quote}</b></span>{after}…"
        )

    def _on_changed(self, changes: Changes) -> None:
        if not changes or not self.isVisible():
            return
        if changes.coders or changes.codes:
            self.reload_filters()
        elif changes.documents or not self._update_in_place(changes):
            self.refresh()

    def _update_in_place(self, changes: Changes) -> bool:
        """A decision or an edit of shown codings: update their rows, not the whole queue
        (which rereads the project: 250 ms at 40,000 codings)."""
        items = self.controller.queue_items(changes.annotations)
        wanted = self.state_filter.currentData()
        code = self.code_filter.currentData()
        if len(items) != len(changes.annotations) or code is not None:
            return False  # deleted codings, or a recode the code filter must judge
        if wanted is not None and any(item.state != wanted for item in items):
            return False  # it leaves the filtered queue
        if not self.model.replace_items(items):
            return False
        if self._advance and self.table.currentIndex().row() + 1 < len(self.model.items):
            self.table.selectRow(self.table.currentIndex().row() + 1)
        self._advance = False
        self._show_progress()
        self._show_context()
        return True

    # -- acting ----------------------------------------------------------------
    def _act(self, action: Callable[[QueueItem], object], *, advance: bool = True) -> None:
        item = self.current()
        if item is None:
            return
        self._advance = advance
        self.controller.run(lambda: action(item))
        self._advance = False

    def accept_current(self) -> None:
        self._act(lambda i: self.controller.review(i.annotation.id, ReviewStatus.ACCEPTED))

    def reject_current(self) -> None:
        self._act(lambda i: self.controller.review(i.annotation.id, ReviewStatus.REJECTED))

    def comment_current(self) -> None:
        item = self.current()
        if item is None:
            return
        comment, ok = self.ask_comment()
        if ok and comment.strip():
            self._act(
                lambda i: self.controller.review(
                    i.annotation.id, ReviewStatus.COMMENTED, comment.strip()
                ),
                advance=False,
            )

    def ask_comment(self) -> tuple[str, bool]:
        return QInputDialog.getMultiLineText(self, self.tr("Comment"), self.tr("Your comment:"))

    def recode_current(self) -> None:
        if self.current() is None:
            return
        menu = QMenu(self)
        fill_code_menu(menu, self.controller.codes(), self.recode_to)
        menu.exec(QCursor.pos())
        menu.deleteLater()

    def recode_to(self, code_id: CodeId) -> None:
        self._act(lambda i: self.controller.revise(i.annotation.id, code_id=code_id))

    def rebound_current(self) -> None:
        item = self.current()
        if item is None:
            return
        bounds = self.ask_bounds(item)
        if bounds is not None:
            start, end = bounds
            self._act(lambda i: self.controller.revise(i.annotation.id, start=start, end=end))

    def ask_bounds(self, item: QueueItem) -> tuple[int, int] | None:
        dialog = BoundsDialog(item.annotation, self.controller.text(item.annotation.document_id))
        accepted = dialog.exec() == BoundsDialog.DialogCode.Accepted
        bounds = dialog.bounds()
        dialog.deleteLater()
        return (
            bounds if accepted and bounds != (item.annotation.start, item.annotation.end) else None
        )

    def next_pending(self) -> None:
        items, start = self.model.items, self.table.currentIndex().row()
        for step in range(1, len(items) + 1):
            row = (start + step) % len(items)
            if items[row].state == PENDING:
                self.table.selectRow(row)
                return

    # -- keys and selection ----------------------------------------------------
    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        if modifiers(event):
            return None
        return {
            Qt.Key.Key_A: self.accept_current,
            Qt.Key.Key_R: self.reject_current,
            Qt.Key.Key_C: self.comment_current,
            Qt.Key.Key_K: self.recode_current,
            Qt.Key.Key_B: self.rebound_current,
            Qt.Key.Key_N: self.next_pending,
        }.get(Qt.Key(event.key()))

    def _row_changed(self) -> None:
        self._show_context()
        self._show_progress()
        item = self.current()
        if item is not None:
            a = item.annotation
            self.jump_requested.emit(a.document_id, a.start, a.end)
