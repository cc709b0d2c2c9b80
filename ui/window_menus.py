"""The View and Edit menus of the main window.

Kept apart so the window stays wiring. The actions are set on the window
(``window.undo_action``…), where the rest of the program and the tests use
them. Every key used here is in the core's ``RESERVED_SHORTCUTS``, so no code
can take it (a test checks this).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.i18n import LANGUAGES
from ui.widgets.search_panel import install_search

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class WindowMenus(QObject):
    """Builds the View and Edit menus on ``window`` (its translations live here)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._view_menu()
        self._edit_menu()

    def _action(
        self, text: str, keys: QKeySequence | QKeySequence.StandardKey | str,
        slot: Callable[[], object],
    ) -> QAction:  # fmt: skip
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def _view_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&View"))
        w.only_mine_action = self._action(
            self.tr("Show only my codings (blind coding)"), "Ctrl+Shift+B",
            w.blind_coding_changed,
        )  # fmt: skip
        w.only_mine_action.setCheckable(True)
        menu.addAction(w.only_mine_action)
        w.suggestions_action = w.suggestions_dock.toggleViewAction()
        w.suggestions_action.setText(self.tr("Keyword suggestions"))
        w.suggestions_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        menu.addAction(w.suggestions_action)
        w.search_action = install_search(w)
        menu.addAction(w.search_action)
        w.stats_action = QAction(self.tr("Statistics…"), w)
        w.stats_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        w.stats_action.triggered.connect(self.statistics)
        menu.addAction(w.stats_action)
        self._language_menu(menu.addMenu(self.tr("Language")))

    def statistics(self) -> None:
        """Open the statistics window (code frequencies, co-occurrence, word frequency)."""
        if not self.window.controller.has_project:
            return
        from ui.dialogs.stats_dialog import StatsDialog

        dialog = StatsDialog(self.window.controller, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _language_menu(self, menu: QMenu) -> None:
        w = self.window
        group = QActionGroup(w)
        chosen = str(QSettings().value("language", "system") or "system")
        w.language_actions = {}
        for value, name in LANGUAGES.items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(value == chosen)
            group.addAction(action)
            action.triggered.connect(lambda _=False, choice=value: w.choose_language(choice))
            w.language_actions[value] = action

    def _edit_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Edit"))
        c = w.controller
        w.undo_action = self._action(
            self.tr("Undo"), QKeySequence.StandardKey.Undo, lambda: c.run(c.undo)
        )
        w.redo_action = self._action(self.tr("Redo"), "Ctrl+Shift+Z", lambda: c.run(c.redo))
        menu.addAction(w.undo_action)
        menu.addAction(w.redo_action)
        menu.addSeparator()
        menu.addAction(
            self._action(self.tr("Find…"), QKeySequence.StandardKey.Find, w.find_bar.open_bar)
        )
        menu.addAction(self._action(self.tr("Find a code…"), "Ctrl+K", w.codebook.focus_filter))
        w.snap_words_action = self._action(
            self.tr("Snap selection to words"), "Ctrl+Alt+W",
            lambda: w.extend_selection("words"),
        )  # fmt: skip
        w.snap_sentence_action = self._action(
            self.tr("Extend selection to the sentence"), "Ctrl+Alt+S",
            lambda: w.extend_selection("sentence"),
        )  # fmt: skip
        w.snap_clause_action = self._action(
            self.tr("Extend selection to the clause"), "Ctrl+Alt+C",
            lambda: w.extend_selection("clause"),
        )  # fmt: skip
        for action in (w.snap_words_action, w.snap_sentence_action, w.snap_clause_action):
            menu.addAction(action)
        menu.addSeparator()
        w.details_action = self._action(
            self.tr("Document details…"), "Ctrl+D", w.edit_document_details
        )
        menu.addAction(w.details_action)
        menu.addAction(w.delete_action)
