"""Shared GUI fixtures: settings kept in the test's folder, and a window on the demo project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ui.app import build_window
from ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> Path:
    """User settings in ``tmp_path`` (never the developer's), with a coder already named."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().setValue("coder", "王")
    return tmp_path


@pytest.fixture
def demo_window(qtbot: QtBot, settings: Path) -> Iterator[MainWindow]:
    """The main window on a fresh demo project (five articles, default codebook, codings)."""
    window = build_window(None, demo_path=settings / "demo.annot")
    qtbot.addWidget(window)
    yield window
    window.controller.close()
