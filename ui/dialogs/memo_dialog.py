"""Writing a memo (on an annotation or a document)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget


class MemoDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> str | None:
        """The new memo text, or None if cancelled (tests replace this)."""
        text, accepted = QInputDialog.getMultiLineText(
            parent, "备忘 / Memo", "备忘 / Memo:", current
        )
        return text if accepted else None
