"""Chinese and English: the interface follows the choice, live, on the same project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ui import app
from ui.app import build_window, rebuild_in_language
from ui.i18n import install
from ui.main_window import MainWindow


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.fixture
def settings(settings: Path) -> Iterator[Path]:
    """The shared settings; English is restored afterwards for the other tests."""
    yield settings
    QSettings().setValue("language", "en")
    install()  # leave English behind for the other tests


def test_chinese_interface_and_code_names(qtbot: QtBot, settings: Path) -> None:
    QSettings().setValue("language", "zh_CN")
    assert install() == "zh_CN"
    window = build_window(None, demo_path=settings / "demo.annot")
    qtbot.addWidget(window)
    assert _menus(window) == ["文件(&F)", "视图(&V)", "编辑(&E)", "审阅(&R)"]
    assert window.documents_model.headerData(0, _horizontal()) == "标题"
    assert str(window.codes_model.index(0, 0).data()) == "M  举措"
    window.controller.close()


def test_switching_language_rebuilds_the_window_on_the_same_project(
    qtbot: QtBot, settings: Path
) -> None:
    QSettings().setValue("language", "en")
    install()
    window = build_window(None, demo_path=settings / "demo.annot")
    qtbot.addWidget(window)
    assert _menus(window) == ["&File", "&View", "&Edit", "&Review"]
    assert str(window.codes_model.index(0, 0).data()) == "M  Measures"
    project = window.controller.project
    window.documents_view.selectRow(3)
    document = window.current_document

    window.language_changed.connect(lambda _language: rebuild_in_language(window))
    window.choose_language("zh_CN")
    [rebuilt] = app._windows
    qtbot.addWidget(rebuilt)
    assert rebuilt is not window
    assert _menus(rebuilt) == ["文件(&F)", "视图(&V)", "编辑(&E)", "审阅(&R)"]
    assert rebuilt.controller.project is project
    assert not project.closed
    assert rebuilt.current_document == document
    assert QSettings().value("language") == "zh_CN"
    rebuilt.controller.close()


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_every_interface_string_is_translated(tmp_path: Path) -> None:
    """lupdate over ui/ finds no string that the shipped translation lacks."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    from annotator.resources import resource_path

    def translated(path: Path) -> dict[tuple[str, str], str]:
        found = {}
        for context in ET.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                done = translation is not None and translation.get("type") != "unfinished"
                text = (translation.text or "") if done and translation is not None else ""
                found[(context.findtext("name") or "", message.findtext("source") or "")] = text
        return found

    root = Path(__file__).parents[2]
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (root / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = translated(resource_path("i18n", "annotator_zh_CN.ts"))
    missing = [key for key in translated(fresh) if not shipped.get(key)]
    assert missing == [], "run scripts/update_translations.sh and translate these"
    assert resource_path("i18n", "annotator_zh_CN.qm").stat().st_size > 1000
