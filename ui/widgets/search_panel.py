"""Search the corpus: every hit of a word or phrase in every document, in context.

A query matches as Ctrl+F does (traditional and simplified alike, quote marks
and spaces between Chinese and digits ignored), or as a regular expression.
The hits are a concordance (keyword in context); each column sorts. Clicking a
hit (or Enter, or moving to it) opens its document and selects it. "Code
hits…" (C while the table has focus) codes the selected hits, or every hit
shown, with one code: each hit, or its clause or sentence, in one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.changes import Changes
from annotator.models import DocumentId
from annotator.search import Hit, SearchResult
from ui.controller import ProjectController
from ui.dialogs.code_hits_dialog import CodeHitsDialog
from ui.keys import KeyFilter, modifiers
from ui.widgets.search_model import DOCUMENT, HIT, LEFT, RIGHT, UNIT, LeftElided, SearchModel

if TYPE_CHECKING:
    from ui.main_window import MainWindow

#: The key that shows and hides the search dock (the core must reserve it:
#: ``RESERVED_SHORTCUTS`` in annotator/commands/codes.py, so no code can take it).
SEARCH_KEY = "Ctrl+Shift+F"


class SearchPanel(QWidget):
    #: Show this span ``(document, start, end)`` in the text.
    jump_requested = Signal(int, int, int)

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        #: The last search run (query, regex): redone when documents come or go.
        self._last: tuple[str, bool] | None = None
        self.code_hits_dialog: CodeHitsDialog | None = None
        self.model = SearchModel()
        self.model.set_headers(
            [self.tr("Document"), self.tr("Unit"), self.tr("Before"), self.tr("Hit"),
             self.tr("After")]
        )  # fmt: skip
        self._build()
        controller.changed.connect(self._on_changed)
        controller.project_replaced.connect(self.clear)

    def title(self) -> str:
        return self.tr("Search corpus")

    def _build(self) -> None:
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr("A word or phrase (traditional and simplified alike); Enter searches")
        )
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.regex = QCheckBox(self.tr("Regular expression"))
        search = QPushButton(self.tr("Search"))
        search.clicked.connect(self.run_search)
        self.code_button = QPushButton(self.tr("Code hits…"))
        self.code_button.setToolTip(self.tr("Code the selected hits, or all hits shown (C)"))
        self.code_button.clicked.connect(self.code_hits)
        self.summary = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        for widget in (self.regex, search, self.code_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self._table(), 1)
        self._enable()

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # corpus order until a click
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(LEFT, LeftElided(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in (
            (DOCUMENT, QHeaderView.ResizeMode.Interactive),
            (UNIT, QHeaderView.ResizeMode.ResizeToContents),
            (LEFT, QHeaderView.ResizeMode.Stretch),
            (HIT, QHeaderView.ResizeMode.ResizeToContents),
            (RIGHT, QHeaderView.ResizeMode.Stretch),
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(DOCUMENT, 220)
        # C codes the hits, before any window shortcut (a code's key) sees it.
        KeyFilter(self, self._key_action, self.table)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(lambda now, _: self._open(now))
        return self.table

    # -- searching -------------------------------------------------------------
    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        """Search for the query; a problem (an empty query, a bad expression) is shown."""
        if not self.controller.has_project:
            return
        query, regex = self.query.text(), self.regex.isChecked()
        result = self.controller.run(lambda: self.controller.search(query, regex))
        if result is None:
            self._last = None
            self.model.reset([])
            self.summary.setText("")
        else:
            self._last = (query, regex)
            self.show_result(result)
        self._enable()

    def show_result(self, result: SearchResult) -> None:
        self.model.reset(result.lines)
        self.summary.setText(self.summary_text(result))
        self.table.scrollToTop()

    def summary_text(self, result: SearchResult) -> str:
        """The count ("22 hits in 3 documents"), and how many are shown when not all are."""
        total, documents = f"{result.total:,}", f"{result.documents:,}"
        if result.total == 0:
            return self.tr("0 hits")
        if result.total == 1:
            text = self.tr("1 hit in 1 document")
        elif result.documents == 1:
            text = self.tr("{0} hits in 1 document").format(total)
        else:
            text = self.tr("{0} hits in {1} documents").format(total, documents)
        if len(result.lines) < result.total:
            text += self.tr("; showing the first {0}").format(f"{len(result.lines):,}")
        return text

    def clear(self) -> None:
        """A new project: no hits (they were another project's)."""
        self._last = None
        self.model.reset([])
        self.summary.setText("")
        self._enable()

    def _on_changed(self, changes: Changes) -> None:
        """Documents came or went: the hits are searched again (texts never change)."""
        if changes.documents and self._last is not None and self.controller.has_project:
            query, regex = self._last
            result = self.controller.run(lambda: self.controller.search(query, regex))
            if result is not None:
                self.show_result(result)
            self._enable()

    def _enable(self) -> None:
        self.code_button.setEnabled(self.model.rowCount() > 0)

    # -- acting ----------------------------------------------------------------
    def chosen_hits(self) -> list[Hit]:
        """The selected hits in table order, or every hit shown when none is selected."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        lines = self.model.lines
        return [lines[row].hit for row in rows] if rows else [line.hit for line in lines]

    def code_hits(self) -> None:
        """Open the dialog that codes the chosen hits (it applies them itself)."""
        hits = self.chosen_hits()
        if not hits or not self.controller.has_project:
            return
        dialog = CodeHitsDialog(self.controller, hits, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "code_hits_dialog", None))
        self.code_hits_dialog = dialog
        dialog.open()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.lines[index.row()].hit
            self.jump_requested.emit(hit.document_id, hit.start, hit.end)

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        if modifiers(event):
            return None
        return self.code_hits if event.key() == Qt.Key.Key_C else None


def install_search(window: MainWindow) -> QAction:
    """Add the search dock to ``window`` (hidden); return the action that toggles it."""
    panel = SearchPanel(window.controller, window)
    dock = window._dock("search", panel.title(), panel, Qt.DockWidgetArea.BottomDockWidgetArea)
    dock.hide()
    window.search_panel, window.search_dock = panel, dock
    dock.visibilityChanged.connect(lambda shown: panel.focus_query() if shown else None)
    panel.jump_requested.connect(lambda d, s, e: _show_hit(window, DocumentId(d), s, e))
    action = dock.toggleViewAction()
    action.setText(panel.title())
    action.setShortcut(QKeySequence(SEARCH_KEY))
    return action


def _show_hit(window: MainWindow, document_id: DocumentId, start: int, end: int) -> None:
    if window.current_document != document_id:
        window.documents.select_document(document_id, quietly=True)
        window.show_document(document_id)
    window.view.select_span(start, end)
