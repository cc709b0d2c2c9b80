"""Prepare a coder's copy: who it is for, which documents, where to write it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from annotator.models import CONSENSUS_NAME, DocumentId
from annotator.project import SUFFIX


class HandoutDialog(QDialog):
    def __init__(
        self,
        coders: list[str],
        all_documents: list[DocumentId],
        shown: DocumentId | None,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare a coder's copy"))
        self._all, self._shown, self._folder = all_documents, shown, folder
        self.coder = QComboBox()
        self.coder.setEditable(True)
        self.coder.addItems([name for name in coders if name != CONSENSUS_NAME])
        self.coder.setCurrentText("")
        self.coder.lineEdit().setPlaceholderText(self.tr("The coder's name"))
        self.every = QRadioButton(self.tr("All {0} documents").format(len(all_documents)))
        self.only_shown = QRadioButton(self.tr("Only the document shown"))
        self.only_shown.setEnabled(shown is not None)
        self.every.setChecked(True)
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Coder"), self.coder)
        form.addRow(self.tr("Documents"), self.every)
        form.addRow("", self.only_shown)
        form.addRow(self.tr("Write to"), row)
        form.addRow(self.buttons)
        self.coder.currentTextChanged.connect(self._suggest_path)
        self.path.textChanged.connect(self._validate)
        self._validate()

    def _suggest_path(self, name: str) -> None:
        if name.strip():
            self.path.setText(str(self._folder / f"{name.strip()}{SUFFIX}"))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the copy to"), self.path.text() or str(self._folder),
            self.tr("Annotator projects (*{0})").format(SUFFIX),
        )  # fmt: skip
        if chosen:
            self.path.setText(chosen if chosen.endswith(SUFFIX) else chosen + SUFFIX)

    def _validate(self) -> None:
        ok = bool(self.coder.currentText().strip() and self.path.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def choice(self) -> tuple[str, list[DocumentId] | None, Path]:
        """The coder, the documents (None: all) and the file to write."""
        documents = None
        if self.only_shown.isChecked() and self._shown is not None:
            documents = [self._shown]
        return self.coder.currentText().strip(), documents, Path(self.path.text().strip())
