"""One prepared file, for review: raw text beside the cleaned one, and its metadata.

Removed lines are struck through in the raw text (taken from the import log,
which lists every removal); flagged places are marked in the cleaned text.
Metadata edits are kept per file and applied when the file is imported.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.importing.diff import removed_lines
from annotator.importing.prepare import PreparedFile
from ui.widgets.document_view import DocumentView, cjk_font

EDITABLE = ("title", "author", "author_role", "source", "url", "published", "region", "script")


class ImportPreview(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setFont(cjk_font(11))
        self.raw.document().setUndoRedoEnabled(False)
        self.clean = DocumentView(point_size=11)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.fields = {name: QLineEdit() for name in EDITABLE}
        labels = {
            "title": self.tr("Title"), "author": self.tr("Author"), "author_role": self.tr("Role"),
            "source": self.tr("Source"), "url": self.tr("URL"), "published": self.tr("Published"),
            "region": self.tr("Region"), "script": self.tr("Script"),
        }  # fmt: skip
        form = QFormLayout()
        for name, edit in self.fields.items():
            form.addRow(labels[name], edit)
            edit.textEdited.connect(self.edited)
        texts = QSplitter(Qt.Orientation.Horizontal)
        texts.addWidget(
            self._titled(self.tr("As imported (removed lines struck through)"), self.raw)
        )
        texts.addWidget(self._titled(self.tr("Cleaned (flags marked)"), self.clean))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(texts, 1)
        layout.addLayout(form)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title))
        layout.addWidget(widget)
        return box

    def show_file(self, item: PreparedFile, edits: dict[str, str]) -> None:
        document = item.document
        if document is None:
            self.status.setText(self.tr("Cannot import: {0}").format(item.error))
            self.raw.setPlainText("")
            self.clean.set_text("")
            for edit in self.fields.values():
                edit.setText("")
                edit.setEnabled(False)
            return
        flags = "\n".join(f"⚑ {flag.message}" for flag in document.flags)
        self.status.setText(flags or self.tr("No problems found."))
        self.raw.setPlainText(document.raw_text)
        self.clean.set_text(document.text)
        self._strike_removed(removed_lines(document.raw_text, document.text))
        self.clean.paint_flags(document.flags)
        values = {
            "title": document.title or "",
            **{k: v or "" for k, v in document.metadata.items()},
        }
        for name, edit in self.fields.items():
            edit.setEnabled(True)
            edit.setText(edits.get(name, values.get(name, "")))

    def edits(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.fields.items()}

    def _strike_removed(self, indices: list[int]) -> None:
        fmt = QTextCharFormat()
        fmt.setFontStrikeOut(True)
        fmt.setForeground(QColor("#b00020"))
        document = self.raw.document()
        for index in indices:
            cursor = QTextCursor(document.findBlockByNumber(index))
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            cursor.mergeCharFormat(fmt)
