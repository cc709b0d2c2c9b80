"""Change a coding's bounds by number, with the text it would hold shown as you type."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from annotator.models import Annotation

_CONTEXT = 20


class BoundsDialog(QDialog):
    def __init__(self, annotation: Annotation, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the bounds"))
        self._text = text
        self.start, self.end = QSpinBox(), QSpinBox()
        for box, value in ((self.start, annotation.start), (self.end, annotation.end)):
            box.setRange(0, len(text))
            box.setValue(value)
            box.valueChanged.connect(self._preview)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Start (character)"), self.start)
        form.addRow(self.tr("End (character, not included)"), self.end)
        form.addRow(self.preview)
        form.addRow(self.buttons)
        self._preview()

    def bounds(self) -> tuple[int, int]:
        return self.start.value(), self.end.value()

    def _preview(self) -> None:
        start, end = self.bounds()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(start < end)
        if start >= end:
            self.preview.setText(self.tr("The end must come after the start."))
            return
        before = self._text[max(0, start - _CONTEXT) : start].replace("\n", " ")
        after = self._text[end : end + _CONTEXT].replace("\n", " ")
        self.preview.setText(f"…{before}【{self._text[start:end]}】{after}…")
