"""Find in the document (Ctrl+F): traditional and simplified alike, quotes and spaces ignored.

The matching itself is :func:`annotator.find.find_all`; this bar keeps the
hits of the current text, steps through them (Return, Shift+Return) and asks
the text view to show them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.find import Normalised, find_all, normalise


class FindBar(QWidget):
    #: The hits changed: a list of ``(start, end)`` in code points, and the current index.
    hits_changed = Signal(list, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find (繁/简, quotes and spaces ignored)"))
        self.count = QLabel()
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        previous.setText("↑")
        following.setText("↓")
        close.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, self.count, previous, following, close):
            layout.addWidget(widget)
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self._text = ""
        self._normalised: Normalised | None = None
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self.next)
        previous.clicked.connect(self.previous)
        following.clicked.connect(self.next)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.edit, self.previous)
        self.hide()

    def set_text(self, text: str) -> None:
        """A new document: its normalised form is built once, on the first search."""
        self._text, self._normalised = text, None
        if self.isVisible():
            self.search(self.edit.text())
        else:
            self.hits, self.current = [], -1

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.hits, self.current = [], -1
        self.hits_changed.emit([], -1)

    def search(self, query: str) -> None:
        if query and self._normalised is None:
            self._normalised = normalise(self._text)
        self.hits = find_all(self._text, query, self._normalised) if query else []
        self.current = 0 if self.hits else -1
        self._show()

    def next(self) -> None:
        if self.hits:
            self.current = (self.current + 1) % len(self.hits)
            self._show()

    def previous(self) -> None:
        if self.hits:
            self.current = (self.current - 1) % len(self.hits)
            self._show()

    def _show(self) -> None:
        total = len(self.hits)
        self.count.setText(f"{self.current + 1}/{total}" if total else self.tr("no hits"))
        self.hits_changed.emit(self.hits, self.current)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
