"""Who is coding: asked once on first start, changeable from the File menu."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget


class CoderDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> str | None:
        """The coder's name, or None if the user cancelled (tests replace this)."""
        name, accepted = QInputDialog.getText(
            parent,
            "编码员 / Coder",
            "您的编码员名称（显示在您的每一条标注上）\n"
            "Your coder name (shown on each of your codings):",
            text=current,
        )
        name = name.strip()
        return name if accepted and name else None
