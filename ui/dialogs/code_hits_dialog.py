"""Code search hits: one code on many places, seen before anything changes.

The user picks the code and how far each hit grows (the hit itself, its clause
or its sentence); the list shows the places that would be coded, overlapping
ones joined and those the coder has already coded with that code left out.
OK codes them all as one undo step; Cancel changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QRadioButton,
    QWidget,
)

from annotator.commands.hits import EXTENTS, Place
from annotator.models import Code, CodeId
from annotator.search import Hit
from ui.controller import ProjectController
from ui.widgets.code_menu import label, swatch


def _tree_order(codes: Sequence[Code]) -> list[Code]:
    """Usable codes as the codebook shows them: each parent before its children."""
    children: dict[CodeId | None, list[Code]] = {}
    for code in codes:
        if not code.archived:
            children.setdefault(code.parent_id, []).append(code)
    ordered: list[Code] = []

    def walk(parent: CodeId | None) -> None:
        for code in children.get(parent, []):
            ordered.append(code)
            walk(code.id)

    walk(None)
    return ordered


class CodeHitsDialog(QDialog):
    def __init__(
        self, controller: ProjectController, hits: Sequence[Hit], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller, self.hits = controller, list(hits)
        #: The places OK would code (for the current code and extent).
        self.planned: list[Place] = []
        self.setWindowTitle(self.tr("Code hits"))
        self.resize(640, 480)
        self.code_combo = QComboBox()
        self._fill_codes()
        self.extent_buttons = self._extents()
        self.count = QLabel()
        self.places = QListWidget()
        self.places.setUniformItemSizes(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if len(self.hits) == 1:
            form.addRow(QLabel(self.tr("Code 1 hit")))
        else:
            form.addRow(QLabel(self.tr("Code {0} hits").format(f"{len(self.hits):,}")))
        form.addRow(self.tr("Code"), self.code_combo)
        row = QHBoxLayout()
        for button in self.extent_buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        form.addRow(self.tr("Extent"), row)
        form.addRow(self.count)
        form.addRow(self.places)
        form.addRow(self.buttons)
        self.code_combo.currentIndexChanged.connect(self.replan)
        self.replan()

    def _fill_codes(self) -> None:
        codes = _tree_order(self.controller.codes())
        for code in codes:
            self.code_combo.addItem(swatch(code.color), label(code), code.id)
        recent = [c for c in self.controller.recent_codes if c in {code.id for code in codes}]
        self.code_combo.setPlaceholderText(self.tr("Choose a code"))
        self.code_combo.setCurrentIndex(self.code_combo.findData(recent[0]) if recent else -1)

    def _extents(self) -> dict[str, QRadioButton]:
        names = {
            "hit": self.tr("The hit only"),
            "clause": self.tr("Its clause"),
            "sentence": self.tr("Its sentence"),
        }
        group = QButtonGroup(self)
        buttons = {}
        for extent in EXTENTS:
            button = QRadioButton(names[extent])
            group.addButton(button)
            buttons[extent] = button
        buttons["hit"].setChecked(True)
        for button in buttons.values():  # after the first choice: the list is built later
            button.toggled.connect(self._extent_toggled)
        return buttons

    def _extent_toggled(self, on: bool) -> None:
        if on:  # the button turned off toggles too
            self.replan()

    def code_id(self) -> CodeId | None:
        data = self.code_combo.currentData()
        return None if data is None else CodeId(data)

    def extent(self) -> str:
        return next((e for e, b in self.extent_buttons.items() if b.isChecked()), "hit")

    def replan(self) -> None:
        """Show the places OK would code now."""
        code_id, extent = self.code_id(), self.extent()
        planned = None
        if code_id is not None:
            c = self.controller
            planned = c.run(lambda: c.plan_hits(self.hits, code_id, extent))
        self.planned = planned or []
        self._show_plan()

    def _show_plan(self) -> None:
        self.places.clear()
        units = self.controller.place_units(self.planned)
        for unit, place in zip(units, self.planned, strict=True):
            self.places.addItem(f"{unit}  {place.quote.replace(chr(10), ' ')}")
        n = len(self.planned)
        if self.code_id() is None:
            text = self.tr("Choose a code to see the places it would code.")
        elif n == 0:
            text = self.tr("Nothing to code: you have coded every place with this code already.")
        elif n == 1:
            text = self.tr("1 place will be coded:")
        else:
            text = self.tr("{0} places will be coded:").format(f"{n:,}")
        self.count.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)

    def accept(self) -> None:
        """Code the places (one undo step); an error keeps the dialog open."""
        code_id, extent = self.code_id(), self.extent()
        if code_id is None or not self.planned:
            return
        c = self.controller
        if c.run(lambda: c.code_hits(self.hits, code_id, extent)) is not None:
            super().accept()
