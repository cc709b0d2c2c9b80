"""Keyword suggestions of the open document: step through them, accept or reject.

The list is in text order; the current suggestion is shown in the text (a
grey ground under its dotted line) and selected, so a coder may also code
the selection otherwise. Keys while the list has focus: ↓ ↑ or N to move,
A accept, R reject, Shift+A / Shift+R every suggestion of the current code.
Those keys belong to the list there, never to a code's shortcut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.models import Code, CodeId, DocumentId
from annotator.suggestions import Suggestion
from ui.controller import ProjectController
from ui.keys import KeyFilter, modifiers
from ui.widgets.code_menu import label, swatch

_CONTEXT = 12  # characters of text shown on each side of a suggestion
_SHIFT = Qt.KeyboardModifier.ShiftModifier


class SuggestionPanel(QWidget):
    #: The view should mark these spans ``(start, end, colour)``; the second is the current.
    marks_changed = Signal(list, int)
    #: Show this span in the text.
    jump_requested = Signal(int, int)

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.document_id: DocumentId | None = None
        self.suggestions: list[Suggestion] = []
        self._codes: dict[CodeId, Code] = {}
        self.summary = QLabel()
        self.list = QListWidget()
        KeyFilter(self, self._key_action, self.list)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Accept (A)"), self.accept_current),
            (self.tr("Reject (R)"), self.reject_current),
            (self.tr("All of this code (Shift+A)"), lambda: self.accept_current(whole_code=True)),
            (self.tr("None of it (Shift+R)"), lambda: self.reject_current(whole_code=True)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._current_changed)

    # -- content ---------------------------------------------------------------
    def show_document(self, document_id: DocumentId | None) -> None:
        self.document_id = document_id
        self.refresh()

    def refresh(self) -> None:
        """Recompute the suggestions (after a coding, a rejection or a codebook change)."""
        if self.document_id is None or not self.isVisible():
            self._fill([], "")
            return
        row = max(self.list.currentRow(), 0)
        self._codes = {code.id: code for code in self.controller.codes()}
        self._fill(
            self.controller.suggestions(self.document_id),
            self.controller.text(self.document_id),
        )
        if self.suggestions:
            self.list.setCurrentRow(min(row, len(self.suggestions) - 1))

    def _fill(self, suggestions: list[Suggestion], text: str) -> None:
        self.suggestions = suggestions
        self.list.blockSignals(True)
        self.list.clear()
        for s in suggestions:
            code = self._codes[s.code_id]
            left = text[max(0, s.start - _CONTEXT) : s.start].replace("\n", " ")
            right = text[s.end : s.end + _CONTEXT].replace("\n", " ")
            self.list.addItem(f"{label(code)}  ·  …{left}【{text[s.start : s.end]}】{right}…")
            self.list.item(self.list.count() - 1).setIcon(swatch(code.color))
        self.list.blockSignals(False)
        codes = len({s.code_id for s in suggestions})
        self.summary.setText(
            self.tr("{0} suggestions for {1} codes").format(len(suggestions), codes)
            if suggestions
            else self.tr("No keyword suggestions here.")
        )
        self._emit_marks()

    def current(self) -> Suggestion | None:
        row = self.list.currentRow()
        return self.suggestions[row] if 0 <= row < len(self.suggestions) else None

    # -- acting ----------------------------------------------------------------
    def accept_current(self, *, whole_code: bool = False) -> None:
        chosen = self._chosen(whole_code)
        if chosen and self.document_id is not None:
            document_id = self.document_id
            self.controller.run(lambda: self.controller.accept_suggestions(document_id, chosen))

    def reject_current(self, *, whole_code: bool = False) -> None:
        chosen = self._chosen(whole_code)
        if chosen and self.document_id is not None:
            document_id = self.document_id
            self.controller.run(lambda: self.controller.reject_suggestions(document_id, chosen))

    def _chosen(self, whole_code: bool) -> list[Suggestion]:
        current = self.current()
        if current is None:
            return []
        if not whole_code:
            return [current]
        return [s for s in self.suggestions if s.code_id == current.code_id]

    def next(self) -> None:
        if self.suggestions:
            self.list.setCurrentRow((self.list.currentRow() + 1) % len(self.suggestions))

    def _key_action(self, event: QKeyEvent) -> object | None:
        whole = bool(event.modifiers() & _SHIFT)
        others = modifiers(event) & ~_SHIFT
        if others:
            return None
        return {
            Qt.Key.Key_A: lambda: self.accept_current(whole_code=whole),
            Qt.Key.Key_R: lambda: self.reject_current(whole_code=whole),
            Qt.Key.Key_N: self.next,
        }.get(Qt.Key(event.key()))

    def _current_changed(self, _row: int) -> None:
        self._emit_marks()
        current = self.current()
        if current is not None:
            self.jump_requested.emit(current.start, current.end)

    def _emit_marks(self) -> None:
        marks = [(s.start, s.end, self._codes[s.code_id].color) for s in self.suggestions]
        self.marks_changed.emit(marks, self.list.currentRow())
