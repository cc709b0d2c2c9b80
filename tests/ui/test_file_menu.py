"""The File menu and the View menu: new, save a copy, recent projects, blind coding."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import Project
from ui.app import build_window
from ui.file_menu import recent_projects
from ui.main_window import MainWindow


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    return demo_window


def test_new_project_with_the_default_codebook(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "研究 study"
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getSaveFileName", lambda *_a, **_k: (str(target), "")
    )
    monkeypatch.setattr(
        "ui.file_menu.QMessageBox.question", lambda *_a: QMessageBox.StandardButton.Yes
    )
    window.file_menu.new()
    project = window.controller.project
    assert project.path == target.with_suffix(".annot")
    assert len(project.codes()) == 54
    assert project.documents() == []
    assert window.documents_model.rowCount() == 0
    assert recent_projects()[0] == str(target.with_suffix(".annot").resolve())


def test_save_a_copy(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "copy.annot"
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getSaveFileName", lambda *_a, **_k: (str(target), "")
    )
    window.file_menu.save_copy()
    with Project.open(target, backup=False) as copy:
        assert len(copy.documents()) == 5
    assert "Saved a copy" in window.statusBar().currentMessage()


def test_the_last_project_comes_back_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().setValue("coder", "王")
    other = tmp_path / "other.annot"
    Project.create(other).close()
    first = build_window(other)
    qtbot.addWidget(first)
    first.controller.close()
    again = build_window(None)
    qtbot.addWidget(again)
    assert again.controller.project.path == other
    again.controller.close()


def test_blind_coding_shows_only_my_codings(window: MainWindow) -> None:
    project = window.controller.project
    document = project.documents()[3]  # 003, coded by the demo coder
    assert window.documents.select_document(document.id)
    assert window.annotations_model.rowCount() == 5
    window.only_mine_action.trigger()  # 王 has coded nothing yet
    assert window.annotations_model.rowCount() == 0
    assert window.view.highlight_at(project.annotations(document.id)[0].start) is None
    window.view.select_span(0, 4)
    window.apply_code(project.code_by_key("M1.1").id)
    assert window.annotations_model.rowCount() == 1
    window.only_mine_action.trigger()
    assert window.annotations_model.rowCount() == 6


def test_opening_a_project_backs_it_up_after_the_window_shows_it(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import controller as controller_module

    monkeypatch.setattr(controller_module, "BACKUP_DELAY_MS", 0)
    path = tmp_path / "另一个 项目.annot"
    with Project.create(path) as other:
        other.coder = "王"
        other.add_code(key="X", name="某")  # something changed since the last backup
    window.controller.open(path)
    assert window.controller.project.open_backup is None  # not while opening
    qtbot.waitUntil(lambda: window.controller.project.open_backup is not None)
    assert window.controller.project.open_backup.exists()
