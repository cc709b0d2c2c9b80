"""The project's own word lists: dictionary terms (kept whole when counting words)
and stop words (left out), one word per line. OK applies both as one undo step
(the caller does it through the controller)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.wordfreq import WordLists


def _words(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class WordListsDialog(QDialog):
    def __init__(self, lists: WordLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Word lists"))
        self.dictionary = QPlainTextEdit("\n".join(lists.dictionary))
        self.stopwords = QPlainTextEdit("\n".join(lists.stopwords))
        columns = QHBoxLayout()
        for title, edit in ((self.tr("Dictionary terms (kept whole)"), self.dictionary),
                            (self.tr("Stop words (left out)"), self.stopwords)):  # fmt: skip
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(edit)
            columns.addLayout(column)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("One word per line.")))
        layout.addLayout(columns)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def lists(self) -> tuple[list[str], list[str]]:
        """The dictionary terms and the stop words as typed (blank lines left out)."""
        return _words(self.dictionary.toPlainText()), _words(self.stopwords.toPlainText())
