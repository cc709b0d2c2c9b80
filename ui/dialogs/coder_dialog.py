"""Who is coding: asked once on first start, changeable from the File menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget


class CoderDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> str | None:
        """The coder's name, or None if the user cancelled (tests replace this)."""
        title = QCoreApplication.translate("CoderDialog", "Coder")
        label = QCoreApplication.translate(
            "CoderDialog", "Your coder name (shown on each of your codings):"
        )
        name, accepted = QInputDialog.getText(parent, title, label, text=current)
        name = name.strip()
        return name if accepted and name else None
