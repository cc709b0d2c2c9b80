"""The import dialog: prepare, review (raw beside clean, flags, metadata), accept, import."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from annotator.importing import ImportStatus
from annotator.importing.prepare import PreparedFile
from annotator.project import Project
from annotator.resources import demo_corpus_paths
from ui.background import BackgroundMap
from ui.controller import ProjectController
from ui.dialogs.import_dialog import ImportDialog


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[ImportDialog]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in demo_corpus_paths():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    controller = ProjectController(Project.in_memory())
    controller.coder = "tester"
    window = ImportDialog(controller)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.preparation_finished):
        window.add_paths([folder])
    yield window
    controller.close()


def test_files_are_prepared_and_listed(dialog: ImportDialog) -> None:
    assert dialog.files.count() == 6
    names = [dialog.files.item(row).text() for row in range(6)]
    assert names[0].startswith("000_")
    assert any(name.startswith("✗ broken.pdf") for name in names)
    assert "⚑3" in names[1]  # 001: three corruption sites
    assert dialog.import_button.text() == "Import 5 files"


def test_preview_strikes_removed_lines_and_marks_flags(dialog: ImportDialog) -> None:
    dialog.files.setCurrentRow(2)  # 002, with its spam header
    raw = dialog.preview.raw.document()
    first = QTextCursor(raw.firstBlock())
    first.movePosition(QTextCursor.MoveOperation.Right)
    assert first.charFormat().fontStrikeOut()  # the SEO-spam line
    assert dialog.preview.fields["title"].text().startswith("【組織部長談】")
    assert dialog.preview.fields["author"].text() == "王若嘉"
    dialog.files.setCurrentRow(1)  # 001
    assert "corruption" in dialog.preview.status.text()
    document = dialog.prepared[1].document
    assert document is not None
    flag = document.flags[0]
    assert dialog.preview.clean.highlight_at(flag.start) is not None


def test_failed_file_shows_its_error(dialog: ImportDialog) -> None:
    row = next(r for r in range(6) if dialog.files.item(r).text().startswith("✗"))
    dialog.files.setCurrentRow(row)
    assert "Cannot import" in dialog.preview.status.text()
    assert not dialog.preview.fields["title"].isEnabled()


def test_edits_skips_and_import(dialog: ImportDialog) -> None:
    dialog.files.setCurrentRow(1)  # 001 has no title: give it one
    dialog.preview.fields["title"].setText("安阳市抓党建促乡村振兴")
    dialog.preview.fields["title"].textEdited.emit("安阳市抓党建促乡村振兴")
    dialog.files.item(0).setCheckState(Qt.CheckState.Unchecked)  # skip 000
    assert dialog.import_button.text() == "Import 4 files"

    results = dialog.controller.import_prepared([*dialog.accepted_files(), *dialog.failed_files()])
    statuses = [r.status for r in results]
    assert statuses.count(ImportStatus.IMPORTED) == 4
    assert statuses.count(ImportStatus.FAILED) == 1
    titles = {d.title for d in dialog.controller.documents()}
    assert "安阳市抓党建促乡村振兴" in titles
    assert "坚持问题导向 推动新型农村集体经济高质量发展" not in titles


def test_accept_all_and_skip_all(dialog: ImportDialog) -> None:
    dialog.set_all_accepted(False)
    assert not dialog.import_button.isEnabled()
    dialog.set_all_accepted(True)
    assert len(dialog.accepted_files()) == 5


def test_edited_fields_carry_their_derived_fields(dialog: ImportDialog) -> None:
    from ui.dialogs.import_dialog import apply_edits

    item = dialog.prepared[4]  # 004: dated to the day, region 江口县
    edited = apply_edits(item, {"published": "2022", "region": "贵州省铜仁市"})
    assert edited.document is not None
    metadata = edited.document.metadata
    assert (metadata["published"], metadata["date_precision"]) == ("2022", "year")
    assert (metadata["region_code"], metadata["region_level"]) == (None, None)
    cleared = apply_edits(item, {"published": ""})
    assert cleared.document is not None
    assert cleared.document.metadata["date_precision"] is None
    same = apply_edits(item, {"region": "贵州省铜仁市江口县"})
    assert same.document is not None
    assert same.document.metadata["region_code"] == "520621"


def test_preparing_runs_in_the_background(qtbot: QtBot) -> None:
    controller = ProjectController(Project.in_memory())
    window = ImportDialog(controller)
    qtbot.addWidget(window)
    window.add_paths(demo_corpus_paths())
    assert window.preparing
    assert window.files.count() == 0  # add_paths returned before reading anything
    assert not window.import_button.isEnabled()  # not before every file is read
    assert not window.add_files.isEnabled()
    qtbot.waitUntil(lambda: not window.preparing)
    assert window.files.count() == 5
    assert window.progress.value() == 5
    assert window.progress.isHidden()
    assert window.import_button.isEnabled()
    controller.close()


def test_stop_keeps_the_files_done_and_closing_waits(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = ProjectController(Project.in_memory())
    release = threading.Event()
    real = controller.prepare_file

    def held(path: Path) -> PreparedFile:
        if not release.is_set() and path != demo_corpus_paths()[0]:
            release.wait()  # the second file is still "being read" when Stop is pressed
        return real(path)

    monkeypatch.setattr(controller, "prepare_file", held)
    window = ImportDialog(controller)
    qtbot.addWidget(window)
    window.add_paths(demo_corpus_paths())
    qtbot.waitUntil(lambda: window.files.count() == 1)
    window.stop_preparing()
    assert window.progress_label.text() == "Stopping…"
    with qtbot.waitSignal(window.preparation_finished):
        release.set()
    assert window.files.count() == 2  # the file being read when Stop came is kept
    assert window.import_button.text() == "Import 2 files"
    assert window.import_button.isEnabled()

    release.clear()
    window.add_paths(demo_corpus_paths())
    [worker] = [w for w in window.findChildren(BackgroundMap) if w.running]
    release.set()
    window.reject()  # waits for the worker instead of leaving it running
    assert not worker.running
    assert window.result() == QDialog.DialogCode.Rejected
    controller.close()
