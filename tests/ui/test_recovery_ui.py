"""Backups in the window: a damaged project is offered its newest good backup, File →
Restore from backup… lists the backups with dates, and a read-only file says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import Project
from annotator.storage.backups import list_backups
from tests.recovery_support import coded_project, damage_header, damage_pages, two_backups
from ui.app import build_window
from ui.dialogs.backups_dialog import BackupsDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("settings")  # user settings in the test's folder


def answer(monkeypatch: pytest.MonkeyPatch, reply: QMessageBox.StandardButton) -> list[str]:
    """Every question asked, answered with ``reply``."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return reply

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: asked.append(str(args[2])))
    return asked


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = build_window(path)
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("damage", [damage_header, damage_pages])
def test_damaged_project_is_offered_its_newest_good_backup(
    qtbot: QtBot,
    project_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    damage: object,
) -> None:
    coded_project(project_path)
    [newest] = list_backups(project_path)
    damage(project_path)  # type: ignore[operator]
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, project_path)
    qtbot.waitUntil(lambda: window.controller.has_project and bool(asked))
    assert "damaged" in asked[0]
    assert newest.taken.astimezone().strftime("%Y-%m-%d %H:%M") in asked[0]
    assert "12 documents" in asked[0]
    assert window.documents_model.rowCount() == 12
    assert window.controller.project.verify() == []
    damaged = [p for p in project_path.with_name(project_path.name + "-backups").iterdir()]
    assert any(p.name.endswith(".damaged") for p in damaged)
    window.controller.close()


def test_declining_the_offer_changes_nothing(
    qtbot: QtBot, project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coded_project(project_path)
    damage_header(project_path)
    before = project_path.read_bytes()
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window = open_window(qtbot, project_path)
    qtbot.waitUntil(lambda: bool(asked))
    assert not window.controller.has_project
    assert project_path.read_bytes() == before
    assert len(list_backups(project_path)) == 1
    window.controller.run(lambda: window.controller.open(project_path))  # asked again
    qtbot.waitUntil(lambda: len(asked) == 2)


def test_restore_from_backup_lists_dates_and_restores_the_chosen_one(
    qtbot: QtBot, project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coded_project(project_path, documents=3)
    window = open_window(qtbot, project_path)
    controller = window.controller
    controller.project.add_code(key="J", name="机制")  # newer than the backup
    seen: list[list[str]] = []

    def ask(backups: list, _parent: object) -> Path:
        dialog = BackupsDialog(backups, None)
        qtbot.addWidget(dialog)
        seen.append([dialog.table.item(0, c).text() for c in range(5)])
        return backups[0].backup.path

    monkeypatch.setattr(BackupsDialog, "ask", ask)
    [action] = [a for a in window.menuBar().actions()[0].menu().actions() if "backup" in a.text()]
    action.trigger()
    [row] = seen
    assert row[1:3] == ["3", "3"]
    assert row[4] == "good"
    assert [code.key for code in controller.codes()] == ["M"]
    assert window.documents_model.rowCount() == 3
    # the state before the restore is now the newest backup
    [kept, _] = controller.backups()
    with Project.open(kept.backup.path, backup=False) as copy:
        assert [code.key for code in copy.codes()] == ["M", "J"]
    controller.close()


def test_backups_dialog_confirms_and_refuses_damaged_rows(
    qtbot: QtBot, project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = two_backups(project_path)[1]
    damage_header(older.path)
    from annotator import recovery

    dialog = BackupsDialog(recovery.backups(project_path))
    qtbot.addWidget(dialog)
    assert dialog.table.item(1, 4).text().startswith("damaged")
    assert dialog.restore_button.isEnabled()  # the good, newest row is chosen
    dialog.table.clearSelection()
    dialog.table.selectRow(1)  # a damaged row cannot be chosen
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog.restore_button.click()
    assert dialog.chosen is None
    assert "2 documents" in asked[0]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    assert dialog.chosen is not None
    assert dialog.chosen.backup.path == list_backups(project_path)[0].path


def test_read_only_project_shows_a_banner_and_refuses_edits(
    qtbot: QtBot, project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coded_project(project_path, documents=2)
    monkeypatch.setattr("annotator.project.can_write", lambda _path: False)
    window = open_window(qtbot, project_path)
    assert window.controller.project.read_only
    assert not window.read_only_banner.isHidden()
    assert "read-only" in window.windowTitle()
    errors: list[str] = []
    window.controller.error.connect(errors.append)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: None)
    window.view.select_span(0, 4)
    window.apply_code(window.controller.codes()[0].id)
    assert errors
    assert "read-only" in errors[0]
    assert window.controller.annotations(window.current_document) != []  # still shown
    window.controller.close()


def test_a_user_error_escaping_a_slot_is_shown_and_a_bug_is_not_hidden(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from annotator.errors import SaveFailedError
    from ui.app import _report_user_errors
    from ui.controller import ProjectController

    controller = ProjectController()
    shown: list[str] = []
    controller.error.connect(shown.append)
    _report_user_errors(controller, SaveFailedError, SaveFailedError("disk is full"), None)
    assert shown == ["disk is full"]
    passed_on: list[BaseException] = []
    monkeypatch.setattr("sys.__excepthook__", lambda _k, error, _t: passed_on.append(error))
    bug = KeyError("bug")
    _report_user_errors(controller, KeyError, bug, None)
    assert passed_on == [bug]
    assert shown == ["disk is full"]


def test_damage_of_another_file_is_an_error_and_an_offer_comes_once(
    qtbot: QtBot, project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.storage.database import damaged

    answer(monkeypatch, QMessageBox.StandardButton.No)
    coded_project(project_path, documents=2)
    window = open_window(qtbot, project_path)
    controller = window.controller
    offers: list[str] = []
    errors: list[str] = []
    controller.damaged.connect(lambda _path, message, _newest: offers.append(message))
    controller.error.connect(errors.append)
    controller.report(damaged(tmp_path / "同事.annot", "malformed"))  # a colleague's copy
    assert offers == []
    assert errors
    assert "同事.annot" in errors[0]
    controller.report(damaged(project_path, "malformed"))
    controller.report(damaged(project_path, "malformed"))  # offered once, then shown
    assert len(offers) == 1
    assert len(errors) == 2
    controller.close()
