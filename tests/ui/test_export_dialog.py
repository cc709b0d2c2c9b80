"""File → Export…: the dialog's choices decide what the written file holds; Cancel
leaves nothing; File → Import REFI-QDA project opens the project it makes."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QListWidget, QMessageBox

from annotator.models import AnnotationId, DocumentId, ReviewStatus
from ui.dialogs.export_dialog import ExportDialog
from ui.main_window import MainWindow

SEGMENTS = "编码明细"


@pytest.fixture(autouse=True)
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The error messages the window shows (a message box would wait for a click)."""
    shown: list[str] = []
    monkeypatch.setattr("ui.main_window.QMessageBox.warning", lambda *a: shown.append(a[2]))
    return shown


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    """The demo with a second coder, B, on two documents, and some codings reviewed."""
    project = demo_window.controller.project
    documents = project.documents()
    code = project.codes()[1]
    for document in documents[:2]:
        project.add_annotation(document.id, code.id, 0, 4, coder="B")
        project.add_annotation(document.id, code.id, 5, 9, coder="B")
    first, second, *_ = project.annotations()
    project.review_annotation(first.id, ReviewStatus.ACCEPTED, "", reviewer="审")
    project.review_annotation(second.id, ReviewStatus.REJECTED, "", reviewer="审")
    return demo_window


def _dialog(window: MainWindow, path: Path, **kwargs: Any) -> ExportDialog:
    dialog = ExportDialog(window.controller, window, **kwargs)
    dialog.path_edit.setText(str(path))
    return dialog


def _export_qdpx(window: MainWindow, tmp_path: Path) -> None:
    """The project exported through the dialog to ``tmp_path / "exchange.qdpx"``."""
    pytest.importorskip("annotator.exchange")
    dialog = _dialog(window, tmp_path / "exchange.qdpx")
    dialog.set_format(".qdpx")
    dialog.accept()
    assert dialog.written is not None


def _check_only(widget: QListWidget, wanted: set[object]) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        on = item.data(Qt.ItemDataRole.UserRole) in wanted
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _exported_ids(path: Path, sheet: str = SEGMENTS) -> list[int]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    book.close()
    return [int(row[0]) for row in rows[1:]]  # type: ignore[arg-type]


def _ids(window: MainWindow, **where: Any) -> list[AnnotationId]:
    project = window.controller.project
    found = project.annotations()
    if "coder" in where:
        coder = project.coder_by_name(where["coder"]).id
        found = [a for a in found if a.coder_id == coder]
    if "documents" in where:
        found = [a for a in found if a.document_id in where["documents"]]
    return [a.id for a in found]


def test_everything_by_default_in_the_interface_language(
    window: MainWindow, tmp_path: Path
) -> None:
    dialog = _dialog(window, tmp_path / "all")
    assert dialog.all_coders_radio.isChecked()  # no consensus layer yet
    assert not dialog.consensus_radio.isEnabled()
    assert dialog.language() == "en"  # the tests run in English
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    path = tmp_path / "all.xlsx"  # the suffix follows the format
    assert dialog.written == (path, 13)
    assert sorted(_exported_ids(path, "Segments")) == sorted(_ids(window))


def test_only_the_chosen_coder(window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(window, tmp_path / "b.xlsx")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh"))
    b = window.controller.project.coder_by_name("B").id
    assert [dialog.coder_list.item(r).text() for r in range(2)] == ["演示 demo (9)", "B (4)"]
    dialog.chosen_coders_radio.setChecked(True)
    _check_only(dialog.coder_list, {b})
    dialog.accept()
    assert _exported_ids(tmp_path / "b.xlsx") == _ids(window, coder="B")


def test_only_accepted_codings(window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(window, tmp_path / "accepted.xlsx")
    dialog.state_boxes["pending"].setChecked(False)
    dialog.state_boxes["rejected"].setChecked(False)
    dialog.accept()
    assert _exported_ids(tmp_path / "accepted.xlsx", "Segments") == _ids(window)[:1]


def test_only_the_chosen_documents(window: MainWindow, tmp_path: Path) -> None:
    documents = window.controller.documents()
    chosen = {documents[1].id, documents[3].id}
    dialog = _dialog(window, tmp_path / "two.xlsx")
    dialog.chosen_documents_radio.setChecked(True)
    _check_only(dialog.document_list, set(chosen))
    dialog.accept()
    assert _exported_ids(tmp_path / "two.xlsx", "Segments") == _ids(window, documents=chosen)


def test_the_documents_selected_in_the_window(window: MainWindow, tmp_path: Path) -> None:
    document = window.controller.documents()[0].id
    dialog = _dialog(window, tmp_path / "one.xlsx", selected=[document, DocumentId(999)])
    assert dialog.selected == [document]  # an unknown id is dropped
    dialog.selected_documents_radio.setChecked(True)
    dialog.accept()
    assert _exported_ids(tmp_path / "one.xlsx", "Segments") == _ids(window, documents={document})


def test_english_sheet_names_and_cross_tab_attribute(window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(window, tmp_path / "en.xlsx")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh"))
    assert dialog.attribute_combo.currentText() == "层级"
    dialog.attribute_combo.setCurrentIndex(dialog.attribute_combo.findData("region"))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.attribute_combo.currentText() == "Region"  # the choice is kept
    assert dialog.options().attribute == "region"
    dialog.accept()
    book = openpyxl.load_workbook(tmp_path / "en.xlsx", read_only=True)
    assert book.sheetnames[:3] == ["Segments", "Documents", "Codebook"]
    assert next(book["Segments"].iter_rows(values_only=True))[0] == "Annotation ID"
    book.close()


def test_the_consensus_layer_is_the_default_once_it_has_codings(
    window: MainWindow, tmp_path: Path
) -> None:
    controller = window.controller
    adopted = controller.adopt(_ids(window, coder="B")[:3])
    dialog = _dialog(window, tmp_path / "consensus.xlsx")
    assert dialog.consensus_radio.isChecked()
    assert dialog.consensus_radio.text() == "The consensus layer (3 codings)"
    dialog.accept()
    assert _exported_ids(tmp_path / "consensus.xlsx", "Segments") == adopted


def test_csv_and_json(window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(window, tmp_path / "out.xlsx")
    dialog.set_format(".csv")
    assert dialog.path_edit.text() == str(tmp_path / "out.csv")
    assert not dialog.form.isRowVisible(dialog.attribute_combo)  # Excel only
    dialog.accept()
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == 1 + 13
    dialog = _dialog(window, tmp_path / "out.json")
    dialog.set_format(".json")
    assert not dialog.form.isRowVisible(dialog.language_combo)
    dialog.accept()
    segments = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["segments"]
    assert len(segments) == 13


def test_cancel_during_the_export_leaves_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    report = ExportDialog._report

    def press_cancel(self: ExportDialog, done: int, total: int) -> None:
        assert self.progress is not None
        self.progress.cancel()
        report(self, done, total)

    monkeypatch.setattr(ExportDialog, "_report", press_cancel)
    dialog = _dialog(window, tmp_path / "cancelled.xlsx")
    dialog.accept()
    assert dialog.cancelled
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, to try again
    assert dialog.progress is None
    assert dialog.buttons.isEnabled()
    assert "cancelled" in dialog.status.text()
    assert list(tmp_path.glob("cancelled*")) == []
    assert errors == []


def test_no_review_state_is_refused(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    dialog = _dialog(window, tmp_path / "none.xlsx")
    for check in dialog.state_boxes.values():
        check.setChecked(False)
    dialog.accept()
    assert "review state" in shown[0]
    assert not (tmp_path / "none.xlsx").exists()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_replacing_a_file_is_asked_first(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.xlsx"
    path.write_text("keep me", encoding="utf-8")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: answers.pop(0))
    dialog = _dialog(window, path)
    dialog.accept()
    assert path.read_text(encoding="utf-8") == "keep me"
    dialog.accept()
    assert dialog.written == (path, 13)


def test_file_export_action(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+E opens the dialog with the window's selected document; the status bar reports."""
    [action] = [a for a in window.findChildren(QAction) if a.text() == "&Export…"]
    assert action.shortcut().toString() == "Ctrl+E"
    document = window.controller.documents()[2].id
    window.documents.select_document(document)

    def run(dialog: ExportDialog) -> int:
        dialog.path_edit.setText(str(tmp_path / "selected.xlsx"))
        assert dialog.selected == [document]
        dialog.selected_documents_radio.setChecked(True)
        dialog.accept()
        return dialog.result()

    offered: list[str] = []
    opened: list[QUrl] = []

    def answer(*args: Any) -> QMessageBox.StandardButton:
        offered.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(ExportDialog, "exec", run)
    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr("ui.file_menu.QDesktopServices.openUrl", opened.append)
    action.trigger()
    count = len(_ids(window, documents={document}))
    message = f"Exported {count} codings to {tmp_path / 'selected.xlsx'}"
    assert window.statusBar().currentMessage() == message
    assert offered[0].startswith(message)  # and asks whether to open the workbook
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "selected.xlsx"))]


def test_html_one_file_per_document(window: MainWindow, tmp_path: Path) -> None:
    pytest.importorskip("annotator.exporting.html_report")
    dialog = _dialog(window, tmp_path / "report.xlsx")
    dialog.set_format(".html")
    assert dialog.form.isRowVisible(dialog.per_document_box)
    dialog.per_document_box.setChecked(True)
    dialog.accept()
    assert dialog.written == (tmp_path / "report", 13)
    assert (tmp_path / "report").is_dir()


def test_import_qdpx_opens_the_new_project(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    _export_qdpx(window, tmp_path)
    source, target = tmp_path / "exchange.qdpx", tmp_path / "imported"
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getOpenFileName", lambda *_a, **_k: (str(source), "")
    )
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getSaveFileName", lambda *_a, **_k: (str(target), "")
    )
    notes: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: notes.append(a[2]))
    window.file_menu.import_qdpx()
    assert errors == []
    assert notes == []  # our own export loses nothing
    assert "Imported exchange.qdpx as the new project" in window.statusBar().currentMessage()
    project = window.controller.project
    assert project.path == target.with_suffix(".annot")
    assert len(project.documents()) == 5
    assert window.documents_model.rowCount() == 5


def test_a_bad_qdpx_file_is_a_message(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    pytest.importorskip("annotator.exchange")
    project = window.controller.project
    source = tmp_path / "broken.qdpx"
    source.write_text("not a zip", encoding="utf-8")
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getOpenFileName", lambda *_a, **_k: (str(source), "")
    )
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(tmp_path / "new.annot"), ""),
    )
    window.file_menu.import_qdpx()
    assert len(errors) == 1
    assert window.controller.project is project
    assert not (tmp_path / "new.annot").exists()


def test_a_qdpx_takes_every_coder_until_the_user_chooses(
    window: MainWindow, tmp_path: Path
) -> None:
    """A .qdpx is an exchange: the consensus layer alone would drop the coders' work."""
    window.controller.adopt(_ids(window, coder="B")[:1])
    dialog = _dialog(window, tmp_path / "out.xlsx")
    assert dialog.consensus_radio.isChecked()
    dialog.set_format(".qdpx")
    assert dialog.all_coders_radio.isChecked()
    dialog.set_format(".xlsx")
    assert dialog.consensus_radio.isChecked()
    dialog.chosen_coders_radio.click()  # the user's choice stands whatever the format
    dialog.set_format(".qdpx")
    assert dialog.chosen_coders_radio.isChecked()


def test_a_bare_file_name_goes_in_the_project_folder(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    dialog = ExportDialog(window.controller, window)
    dialog.path_edit.setText("results.xlsx")
    folder = window.controller.project.path.parent  # type: ignore[union-attr]
    assert dialog.path() == folder / "results.xlsx"


def test_a_target_of_the_wrong_kind_is_refused_before_any_question(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("asked"))
    (tmp_path / "folder.xlsx").mkdir()
    _dialog(window, tmp_path / "folder.xlsx").accept()
    (tmp_path / "report").write_text("a file", encoding="utf-8")
    dialog = _dialog(window, tmp_path / "report.html")
    dialog.set_format(".html")
    dialog.per_document_box.setChecked(True)
    dialog.accept()
    assert ["is a folder" in shown[0], "is a file" in shown[1]] == [True, True]
    assert (tmp_path / "report").read_text(encoding="utf-8") == "a file"


def test_an_existing_project_file_is_asked_for_again(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    _export_qdpx(window, tmp_path)
    taken = tmp_path / "taken.annot"
    taken.write_text("someone's project", encoding="utf-8")
    answers = [str(taken), str(tmp_path / "fresh.annot")]
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getOpenFileName",
        lambda *_a, **_k: (str(tmp_path / "exchange.qdpx"), ""),
    )
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getSaveFileName", lambda *_a, **_k: (answers.pop(0), "")
    )
    warned: list[str] = []
    monkeypatch.setattr("ui.file_menu.QMessageBox.warning", lambda *a: warned.append(a[2]))
    window.file_menu.import_qdpx()
    assert "exists already" in warned[0]
    assert taken.read_text(encoding="utf-8") == "someone's project"
    assert window.controller.project.path == tmp_path / "fresh.annot"
    assert errors == []
