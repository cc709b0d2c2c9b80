"""Document → Details: edit a document's metadata; see its import log and flags.

``ask`` returns only the fields the user changed (an empty field clears a
value), so the controller records exactly that as one undoable action.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.models import Document

FIELDS = ("title", "author", "author_role", "source", "url", "published", "date_precision",
          "region", "region_code", "region_level", "script")  # fmt: skip


class DocumentDialog(QDialog):
    def __init__(self, document: Document, log: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Document details"))
        self.resize(720, 640)
        labels = {
            "title": self.tr("Title"), "author": self.tr("Author"),
            "author_role": self.tr("Author's role"), "source": self.tr("Source"),
            "url": self.tr("URL"), "published": self.tr("Published (YYYY[-MM[-DD]])"),
            "date_precision": self.tr("Date precision (year/month/day)"),
            "region": self.tr("Region"), "region_code": self.tr("Region code"),
            "region_level": self.tr("Administrative level"), "script": self.tr("Script"),
        }  # fmt: skip
        self.edits = {name: QLineEdit(getattr(document, name) or "") for name in FIELDS}
        self.memo = QPlainTextEdit(document.memo)
        form = QFormLayout()
        for name, edit in self.edits.items():
            form.addRow(labels[name], edit)
        form.addRow(self.tr("Memo"), self.memo)
        report = QPlainTextEdit()
        report.setReadOnly(True)
        lines = [f"⚑ {flag.message}" for flag in document.flags]
        lines += [f"{key}: {value}" for key, value in document.attributes.items()]
        report.setPlainText("\n".join([*lines, "", *log]))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(report, 1)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, str | None]:
        """The fields whose value differs from the document's."""
        changed: dict[str, str | None] = {}
        for name, edit in self.edits.items():
            value = edit.text().strip() or None
            if value != getattr(self.document, name):
                changed[name] = value
        if self.memo.toPlainText() != self.document.memo:
            changed["memo"] = self.memo.toPlainText()
        return changed

    @classmethod
    def ask(
        cls, document: Document, log: tuple[str, ...], parent: QWidget | None = None
    ) -> dict[str, str | None] | None:
        dialog = cls(document, log, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.changes()
