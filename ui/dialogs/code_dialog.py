"""Adding or editing one code: every field of the codebook, attributes as a table.

Saving runs the change at once (one undoable action). If the core refuses it
(a key in use, a bad colour), the message is shown and the dialog stays open
with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.codebooks.model import split_keywords
from annotator.errors import AnnotatorError
from annotator.models import Code

_TEXTS = ("definition", "include", "exclude", "example")
_LINES = ("key", "name", "name_en")


class CodeDialog(QDialog):
    def __init__(
        self, code: Code | None, save: Callable[[dict[str, object]], object], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.code, self._save = code, save
        self.setWindowTitle(self.tr("Edit code") if code else self.tr("New code"))
        self.resize(640, 720)
        self.lines = {name: QLineEdit(getattr(code, name) or "" if code else "") for name in _LINES}
        self.texts = {name: QPlainTextEdit(getattr(code, name) if code else "") for name in _TEXTS}
        for edit in self.texts.values():
            edit.setTabChangesFocus(True)
        self.keywords = QLineEdit("、".join(code.keywords) if code else "")
        self.colour = code.color if code else "#ffd966"
        self.colour_button = QPushButton()
        self.colour_button.clicked.connect(self._choose_colour)
        self.attributes = QTableWidget(0, 2)
        self.attributes.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.attributes.horizontalHeader().setStretchLastSection(True)
        for name, value in (code.attributes if code else {}).items():
            self._add_attribute(name, value)
        self._layout()
        self._show_colour()

    def _layout(self) -> None:
        form = QFormLayout()
        labels = {
            "key": self.tr("Key (e.g. M1.2)"), "name": self.tr("Name"),
            "name_en": self.tr("English name"), "definition": self.tr("Definition"),
            "include": self.tr("Include when"), "exclude": self.tr("Exclude when"),
            "example": self.tr("Example"),
        }  # fmt: skip
        for name in _LINES:
            form.addRow(labels[name], self.lines[name])
        for name in _TEXTS:
            form.addRow(labels[name], self.texts[name])
        form.addRow(self.tr("Keywords (separated by 、)"), self.keywords)
        form.addRow(self.tr("Colour"), self.colour_button)
        add_attribute = QPushButton(self.tr("Add attribute"))
        add_attribute.clicked.connect(lambda: self._add_attribute("", ""))
        remove_attribute = QPushButton(self.tr("Remove attribute"))
        remove_attribute.clicked.connect(
            lambda: self.attributes.removeRow(self.attributes.currentRow())
        )
        row = QHBoxLayout()
        row.addWidget(add_attribute)
        row.addWidget(remove_attribute)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.attributes)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _add_attribute(self, name: str, value: str) -> None:
        row = self.attributes.rowCount()
        self.attributes.insertRow(row)
        self.attributes.setItem(row, 0, QTableWidgetItem(name))
        self.attributes.setItem(row, 1, QTableWidgetItem(value))

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Colour"))
        if chosen.isValid():
            self.colour = chosen.name()
            self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setText(self.colour)
        self.colour_button.setStyleSheet(f"background-color: {self.colour}")

    def fields(self) -> dict[str, object]:
        """What the form says; for an edit, only what differs from the code."""
        values: dict[str, object] = {n: e.text().strip() for n, e in self.lines.items()}
        values["key"] = values["key"] or None
        values.update({n: e.toPlainText() for n, e in self.texts.items()})
        values["keywords"] = split_keywords(self.keywords.text())
        values["color"] = self.colour
        values["attributes"] = self._attribute_values()
        if self.code is None:
            return values
        return {n: v for n, v in values.items() if getattr(self.code, n) != v}

    def _attribute_values(self) -> dict[str, str]:
        found = {}
        for row in range(self.attributes.rowCount()):
            name, value = self.attributes.item(row, 0), self.attributes.item(row, 1)
            if name is not None and name.text().strip():
                found[name.text().strip()] = value.text() if value is not None else ""
        return found

    def accept(self) -> None:
        fields = self.fields()
        if fields:
            try:
                self._save(fields)
            except AnnotatorError as problem:  # keep the dialog and what was typed
                QMessageBox.warning(self, "Annotator", str(problem))
                return
        super().accept()

    @classmethod
    def ask(
        cls, code: Code | None, save: Callable[[dict[str, object]], object], parent: QWidget
    ) -> bool:
        """Show the dialog; ``save(fields)`` runs on Save. True if something was saved."""
        return cls(code, save, parent).exec() == QDialog.DialogCode.Accepted
