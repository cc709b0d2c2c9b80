"""The codebook editor in the window: add, edit, move by dragging, merge, split, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.models import NewDocument
from ui.dialogs.code_dialog import CodeDialog
from ui.main_window import MainWindow
from ui.widgets.code_menu import label

TEXT = "建立党建联盟，推动强村富民。实施基本报酬加绩效奖励制度。"


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    main = demo_window
    main.controller.project.add_documents([NewDocument(text=TEXT, raw_text=TEXT, title="编辑")])
    row = main.documents_model.row_of(main.controller.documents()[-1].id)
    assert row is not None
    main.documents_view.selectRow(row)
    return main


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation is answered Yes; the questions asked are kept."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_code_dialog_saves_every_field_and_keeps_input_after_an_error(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    controller = window.controller
    dialog = CodeDialog(None, lambda fields: controller.add_code(fields, None), window)
    qtbot.addWidget(dialog)
    dialog.lines["key"].setText("M")  # already used
    dialog.lines["name"].setText("新举措")
    dialog.texts["definition"].setPlainText("定义：第一行\n第二行")
    dialog.keywords.setText("党建联盟，强村富民、  网格")
    dialog._add_attribute("RZ", "环境型")
    dialog.accept()
    assert "already used" in warnings[0]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.lines["name"].text() == "新举措"  # nothing typed is lost
    dialog.lines["key"].setText("X1")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    code = controller.project.code_by_key("X1")
    assert (code.name, code.definition) == ("新举措", "定义：第一行\n第二行")
    assert code.keywords == ("党建联盟", "强村富民", "网格")
    assert dict(code.attributes) == {"RZ": "环境型"}
    assert window.undo_action.text() == "Undo 添加编码 / Add code X1"

    edit = CodeDialog(code, lambda f: controller.update_code(code.id, f), window)
    qtbot.addWidget(edit)
    edit.lines["name_en"].setText("New measure")
    assert edit.fields() == {"name_en": "New measure"}  # only what changed


def test_dragging_a_code_onto_another_makes_it_a_sub_code(window: MainWindow) -> None:
    project, model = window.controller.project, window.codebook.model
    m11, j = project.code_by_key("M1.1"), project.code_by_key("J")
    source = model.match(model.index(0, 0), Qt.ItemDataRole.UserRole, m11.id, 1,
                         Qt.MatchFlag.MatchRecursive)[0]  # fmt: skip
    target = model.match(model.index(0, 0), Qt.ItemDataRole.UserRole, j.id, 1,
                         Qt.MatchFlag.MatchRecursive)[0]  # fmt: skip
    data = model.mimeData([source])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target) is False
    moved = project.code(m11.id)
    assert moved.parent_id == j.id
    assert next(c.id for c in project.codes() if c.parent_id == j.id) == m11.id  # dropped first
    assert window.undo_action.text() == "Undo 移动编码 / Move code"
    # Reordering among siblings: M1.2 dropped after M1.3 (row 3 counts M1.2 itself).
    m1 = project.code_by_key("M1")
    parent = model.match(model.index(0, 0), Qt.ItemDataRole.UserRole, m1.id, 1,
                         Qt.MatchFlag.MatchRecursive)[0]  # fmt: skip
    m12 = project.code_by_key("M1.2")
    item = model.match(model.index(0, 0), Qt.ItemDataRole.UserRole, m12.id, 1,
                       Qt.MatchFlag.MatchRecursive)[0]  # fmt: skip
    model.dropMimeData(model.mimeData([item]), Qt.DropAction.MoveAction, 2, 0, parent)
    assert [c.key for c in project.codes() if c.parent_id == m1.id] == ["M1.3", "M1.2"]


def test_merge_asks_with_the_number_of_codings_then_merges(
    window: MainWindow, answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.controller.project
    source, target = project.code_by_key("M1.2"), project.code_by_key("M1.1")
    window.view.select_span(2, 6)
    window.apply_code(source.id)
    window.view.select_span(7, 11)
    window.apply_code(source.id)
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda *_args: (next(i for i in _args[3] if i.endswith(label(target))), True),
    )
    _, codings = window.controller.code_usage(source.id)  # M1.2 has no sub-codes
    [merge] = [a for a in window.codebook_editor.menu(source.id).actions() if "Merge" in a.text()]
    merge.trigger()
    assert f"{codings} codings move" in answers[0]
    assert [project.code(a.code_id).key for a in window.controller.annotations(
        window.current_document)] == ["M1.1", "M1.1"]  # fmt: skip
    assert "M1.2" not in {c.key for c in project.codes()}
    window.undo_action.trigger()
    assert "M1.2" in {c.key for c in project.codes()}


def test_delete_says_what_goes_and_archive_toggles(window: MainWindow, answers: list[str]) -> None:
    project = window.controller.project
    m1 = project.code_by_key("M1")
    window.view.select_span(0, 2)
    window.apply_code(project.code_by_key("M1.3").id)
    codes, codings = window.controller.code_usage(m1.id)
    assert codes == 4
    window.codebook_editor.delete(m1.id)
    assert f"removes 4 code(s) and {codings} coding(s)" in answers[0]
    assert "M1" not in {c.key for c in project.codes()}
    window.undo_action.trigger()
    j = project.code_by_key("J")
    [archive] = [a for a in window.codebook_editor.menu(j.id).actions() if a.text() == "Archive"]
    archive.trigger()
    assert project.code(j.id).archived
    menu = window.codebook_editor.menu(j.id)
    [unarchive] = [a for a in menu.actions() if a.text() == "Unarchive"]
    unarchive.trigger()
    assert not project.code(j.id).archived


def test_several_codings_move_to_a_code_or_split_off(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, panel = window.controller.project, window.annotations_view
    m12 = project.code_by_key("M1.2")
    for start in (0, 7, 14):
        window.view.select_span(start, start + 2)
        window.apply_code(m12.id)
    panel.selectAll()
    chosen = panel.selected()
    assert len(chosen) == 3
    panel.change_code([a.id for a in chosen[:2]], project.code_by_key("J1.1").id)
    coded = project.annotations(window.current_document)
    assert sorted(project.code(a.code_id).key or "" for a in coded) == ["J1.1", "J1.1", "M1.2"]
    assert window.undo_action.text().startswith("Undo 将 2 个标注改为另一编码")

    def fill_and_save(*args: object) -> bool:  # (code, save, parent), as CodeDialog.ask
        save = args[1]
        assert callable(save)
        save({"key": "M1.2b", "name": "拆出的编码"})
        return True

    monkeypatch.setattr(CodeDialog, "ask", fill_and_save)
    last = [a for a in project.annotations(window.current_document) if a.code_id == m12.id]
    split = next(a for a in panel.menu(last).actions() if a.text().startswith("Split off"))
    assert split.isEnabled()
    split.trigger()
    new = project.code_by_key("M1.2b")
    assert new.parent_id == m12.parent_id
    assert [a.code_id for a in project.annotations(window.current_document)].count(new.id) == 1
    mixed = project.annotations(window.current_document)
    split = next(a for a in panel.menu(mixed).actions() if a.text().startswith("Split"))
    assert not split.isEnabled()
