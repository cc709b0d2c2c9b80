"""The one way our list views size their columns."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView


def fit_columns(header: QHeaderView, stretch: int) -> None:
    """Columns fit their contents (measured over 100 rows); ``stretch`` takes the rest."""
    header.setResizeContentsPrecision(100)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
