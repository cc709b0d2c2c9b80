"""Writing a memo (on an annotation or a document)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget


class MemoDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> str | None:
        """The new memo text, or None if cancelled (tests replace this)."""
        title = QCoreApplication.translate("MemoDialog", "Memo")
        text, accepted = QInputDialog.getMultiLineText(parent, title, f"{title}:", current)
        return text if accepted else None
