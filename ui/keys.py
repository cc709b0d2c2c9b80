"""Keys as text, and the keys a window's own actions hold (no code may take those)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


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
