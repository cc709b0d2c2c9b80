"""Choosing the key that applies a code: press it; clashes are shown before they happen.

A key another code has moves to this one (one undoable action). A key the
menus or the text view use is refused, so a code never steals Undo or Copy.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QKeySequenceEdit,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.commands.codes import is_usable_shortcut
from annotator.models import Code
from ui.keys import key_text
from ui.widgets.code_menu import label


class ShortcutDialog(QDialog):
    def __init__(
        self,
        code: Code,
        codes: list[Code],
        reserved: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = code
        self._holders = {c.shortcut.upper(): c for c in codes if c.shortcut and c.id != code.id}
        self._reserved = {key.upper(): name for key, name in reserved.items()}
        self.setWindowTitle(self.tr("Shortcut for {0}").format(label(code)))
        self.editor = QKeySequenceEdit(QKeySequence(code.shortcut))
        self.editor.setMaximumSequenceLength(1)
        self.editor.setClearButtonEnabled(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Press a digit, a letter or F1–F12 (Ctrl, Alt, Shift allowed).")), 0
        )
        layout.addWidget(self.editor)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.editor.keySequenceChanged.connect(self._check)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._check()

    @property
    def shortcut(self) -> str:
        return key_text(self.editor.keySequence())

    def _check(self) -> None:
        """Say what the key will do, and refuse keys that cannot be a code's."""
        key = self.shortcut
        usable = not key or (is_usable_shortcut(key) and key.upper() not in self._reserved)
        if not key:
            note = self.tr("No shortcut.")
        elif key.upper() in self._reserved:
            note = self.tr("{0} is taken by “{1}”.").format(key, self._reserved[key.upper()])
        elif not usable:
            note = self.tr("{0} cannot be a code's shortcut.").format(key)
        elif key.upper() in self._holders:
            holder = label(self._holders[key.upper()])
            note = self.tr("{0} is the shortcut of {1}; it will move to this code.").format(
                key, holder
            )
        else:
            note = ""
        self.note.setText(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(usable)

    @classmethod
    def ask(
        cls, code: Code, codes: list[Code], reserved: dict[str, str], parent: QWidget | None = None
    ) -> str | None:
        """The chosen shortcut ("" for none), or None if cancelled."""
        dialog = cls(code, codes, reserved, parent)
        return dialog.shortcut if dialog.exec() == QDialog.DialogCode.Accepted else None
