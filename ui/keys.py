"""Keys as text, the keys a window's own actions hold (no code may take those), and
keys a list takes for itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

KeyActions = Callable[[QKeyEvent], Callable[[], object] | None]


def key_text(sequence: QKeySequence) -> str:
    """The portable text of a key sequence ("3", "Q", "Ctrl+1"), as the core stores it."""
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def action_keys(window: QWidget) -> dict[str, str]:
    """Every key an action of ``window`` holds, with the action's text."""
    return {
        key_text(key): action.text().replace("&", "")
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
    }


def modifiers(event: QKeyEvent) -> Qt.KeyboardModifier:
    """The modifiers held, without the keypad flag (digits on the keypad count as digits)."""
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


def take_key(event: QEvent, actions: KeyActions) -> bool:
    """For an event filter: a key ``actions`` maps is consumed and its action run.

    The ShortcutOverride is consumed too, so a window shortcut (a code's key)
    never sees the key while the list or pane has focus.
    """
    if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        return False
    assert isinstance(event, QKeyEvent)
    action = actions(event)
    if action is None:
        return False
    event.accept()
    if event.type() == QEvent.Type.KeyPress:
        action()
    return True


class KeyFilter(QObject):
    """The event filter of a list or pane that takes keys for itself (see :func:`take_key`):
    install it on each widget with :meth:`watch`; ``actions`` maps a key to what it does."""

    def __init__(self, parent: QObject, actions: KeyActions, *watched: QWidget) -> None:
        super().__init__(parent)
        self._actions = actions
        for widget in watched:
            self.watch(widget)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return take_key(event, self._actions) or super().eventFilter(watched, event)
