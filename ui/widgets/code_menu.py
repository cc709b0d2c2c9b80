"""A menu of codes as nested submenus following the codebook tree."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMenu

from annotator.models import Code, CodeId
from ui.i18n import code_label


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


label = code_label  # the name the menus and editor use


def fill_code_menu(menu: QMenu, codes: list[Code], choose: Callable[[CodeId], None]) -> None:
    """Add every usable code to ``menu``: leaves as actions, parents as submenus."""
    children: dict[CodeId | None, list[Code]] = {}
    for code in codes:
        if not code.archived:
            children.setdefault(code.parent_id, []).append(code)

    def add(target: QMenu, parent: CodeId | None) -> None:
        for code in children.get(parent, []):
            if code.id in children:
                submenu = target.addMenu(swatch(code.color), label(code))
                submenu.addAction(swatch(code.color), label(code)).triggered.connect(
                    lambda _=False, code_id=code.id: choose(code_id)
                )
                submenu.addSeparator()
                add(submenu, code.id)
            else:
                action = target.addAction(swatch(code.color), label(code))
                action.triggered.connect(lambda _=False, code_id=code.id: choose(code_id))

    add(menu, None)
