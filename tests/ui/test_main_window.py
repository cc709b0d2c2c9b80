"""The GUI shell, driven through its real widgets (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QColor, QTextCursor
from pytestqt.qtbot import QtBot

from annotator.demo import create_demo_project
from annotator.models import NewDocument
from annotator.spans import blend
from ui.app import build_window
from ui.controller import ProjectController
from ui.main_window import MainWindow
from ui.models.code_tree_model import ID_ROLE as CODE_ID


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().setValue("coder", "测试员")
    demo = tmp_path / "demo" / "演示 项目.annot"
    main = build_window(None, demo_path=demo)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.controller.close()


def _select_document(window: MainWindow, title_part: str) -> int:
    for row in range(window.documents_model.rowCount()):
        if title_part in str(window.documents_model.index(row, 0).data()):
            window.documents_view.selectRow(row)
            return row
    raise AssertionError(f"no document titled {title_part}")


def _code_index(window: MainWindow, key: str) -> QModelIndex:
    """The tree row of the code with ``key`` (rows read "M1.1  党组织设置与覆盖")."""
    model = window.codes_model
    flags = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    matches = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, f"{key}  ", -1, flags)
    return next(i for i in matches if str(i.data()).split()[0] == key)


def test_demo_project_opens_with_articles_codebook_and_codings(window: MainWindow) -> None:
    project = window.controller.project
    assert window.documents_model.rowCount() == 5
    assert window.codes_model.rowCount() == 4  # M, J, B, E at the top
    # toRawText keeps NBSP (toPlainText folds it into a space); U+2029 ends paragraphs.
    # The view shows each paragraph break as a blank line.
    shown = window.view.document().toRawText().replace("\u2029", "\n")
    assert shown == project.text(project.documents()[0].id).replace("\n", "\n\n")
    assert len(project.annotations()) >= 8
    assert "测试员" in window.status_label.text()


def test_codings_are_painted_and_overlaps_blend(window: MainWindow) -> None:
    _select_document(window, "强化党建引领力")
    project = window.controller.project
    document_id = window.current_document
    assert document_id is not None
    annotations = project.annotations(document_id)
    assert window.annotations_model.rowCount() == len(annotations)
    colours = {code.id: code.color for code in project.codes()}
    outer = next(a for a in annotations if a.quote.startswith("以村民小组"))
    inner = next(a for a in annotations if a.quote == "把党组织建到网格上")
    assert window.view.highlight_at(outer.start) == QColor(colours[outer.code_id])
    mixed = blend([colours[outer.code_id], colours[inner.code_id]])
    assert window.view.highlight_at(inner.start + 1) == QColor(mixed)
    assert window.view.highlight_at(0) is None


def test_coding_a_selection_after_astral_characters(window: MainWindow, qtbot: QtBot) -> None:
    controller: ProjectController = window.controller
    text = "标题\n𠮷😀安阳市坚持以党建引领乡村振兴。"
    controller.project.add_documents([NewDocument(text=text, raw_text=text, title="𠮷 测试")])
    _select_document(window, "𠮷 测试")
    start = text.index("党建引领")
    # Select as a user would, in Qt's own UTF-16 positions.
    cursor = QTextCursor(window.view.document())
    u16 = len(text[:start].replace("\n", "\n\n").encode("utf-16-le")) // 2  # as displayed
    cursor.setPosition(u16)
    cursor.setPosition(u16 + 4, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    assert window.view.selected_span() == (start, start + 4)

    with qtbot.waitSignal(controller.changed):
        window.codes_view.activated.emit(_code_index(window, "M1.1"))
    [annotation] = controller.project.annotations(window.current_document)
    assert (annotation.start, annotation.end, annotation.quote) == (start, start + 4, "党建引领")
    assert window.annotations_model.rowCount() == 1
    assert window.annotations_model.index(0, 1).data() == "党建引领"
    assert window.view.highlight_at(start) is not None


def test_undo_and_redo_from_the_edit_menu(window: MainWindow) -> None:
    _select_document(window, "铜仁江口")
    before = window.annotations_model.rowCount()
    window.view.select_span(0, 4)
    code_id = _code_index(window, "J1.1").data(CODE_ID)
    window.apply_code(code_id)
    assert window.annotations_model.rowCount() == before + 1
    assert window.undo_action.isEnabled()
    assert "添加标注" in window.undo_action.text()

    window.undo_action.trigger()
    assert window.annotations_model.rowCount() == before
    assert window.view.highlight_at(1) is None
    window.redo_action.trigger()
    assert window.annotations_model.rowCount() == before + 1
    assert window.view.highlight_at(1) is not None


def test_delete_an_annotation_from_the_panel(window: MainWindow) -> None:
    _select_document(window, "铜仁江口")
    count = window.annotations_model.rowCount()
    assert count > 0
    window.annotations_view.selectRow(0)
    window.delete_action.trigger()
    assert window.annotations_model.rowCount() == count - 1
    window.undo_action.trigger()
    assert window.annotations_model.rowCount() == count


def test_clicking_an_annotation_selects_its_text(window: MainWindow) -> None:
    _select_document(window, "铜仁江口")
    first = window.annotations_model.annotation(0)
    window.annotations_view.clicked.emit(window.annotations_model.index(0, 0))
    assert window.view.selected_span() == (first.start, first.end)
    assert window.view.textCursor().selectedText() == first.quote


def test_applying_a_code_without_a_selection_only_says_so(window: MainWindow) -> None:
    total = len(window.controller.project.annotations())
    window.view.moveCursor(QTextCursor.MoveOperation.Start)
    window.apply_code(_code_index(window, "M1.1").data(CODE_ID))
    assert len(window.controller.project.annotations()) == total
    assert "Select some text" in window.statusBar().currentMessage()


def test_a_foreign_file_is_reported_not_crashed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.app.QMessageBox.critical", lambda _parent, _title, text: shown.append(text)
    )
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().setValue("coder", "测试员")
    bogus = tmp_path / "notes.annot"
    bogus.write_text("not a project", encoding="utf-8")
    main = build_window(bogus)
    qtbot.addWidget(main)
    assert shown
    assert "Not an Annotator project" in shown[0]
    assert not main.controller.has_project


def test_models_pass_qt_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _select_document(window, "强化党建引领力")
    qtmodeltester.check(window.documents_model)
    qtmodeltester.check(window.codes_model)
    qtmodeltester.check(window.annotations_model)


def test_demo_creation_is_repeatable(tmp_path: Path) -> None:
    with create_demo_project(tmp_path / "a.annot") as first:
        quotes = sorted(a.quote for a in first.annotations())
    with create_demo_project(tmp_path / "b.annot") as second:
        assert sorted(a.quote for a in second.annotations()) == quotes
        assert not second.history.can_undo


def test_renaming_a_coder_redraws_the_panel(window: MainWindow) -> None:
    _select_document(window, "铜仁江口")
    project = window.controller.project
    coder = project.coders()[0]
    project.rename_coder(coder.id, "李波")
    assert window.annotations_model.index(0, 2).data() == "李波"
    window.undo_action.trigger()
    assert window.annotations_model.index(0, 2).data() == coder.name


def test_export_errors_are_shown_not_raised(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.main_window.QMessageBox.warning", lambda *a: shown.append(a[2]))
    from ui.dialogs.export_dialog import ExportDialog

    def run(dialog: ExportDialog) -> int:
        dialog.path_edit.setText("/nonexistent/x.xlsx")
        dialog.accept()
        assert dialog.result() != ExportDialog.DialogCode.Accepted  # it stays open
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", run)
    window.file_menu.export()
    assert shown
    assert "No such folder" in shown[0]


def test_opening_the_open_project_again_keeps_it(window: MainWindow) -> None:
    project = window.controller.project
    assert project.path is not None
    window.controller.open(project.path)
    assert window.controller.project is project


def test_a_failed_demo_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.demo

    monkeypatch.setattr(annotator.demo, "default_codebook_path", lambda: tmp_path / "none.json")
    target = tmp_path / "demo" / "demo.annot"
    with pytest.raises(Exception, match="Cannot read the codebook"):
        create_demo_project(target)
    assert list(target.parent.iterdir()) == []


def test_document_details_are_editable_and_undoable(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _select_document(window, "001_")  # no title: shown by file name
    monkeypatch.setattr(
        "ui.main_window.DocumentDialog.ask", lambda *_a: {"title": "安阳市抓党建促乡村振兴"}
    )
    window.details_action.trigger()
    row = window.documents_model.row_of(window.current_document or 0)
    assert row is not None
    assert "安阳市抓党建促乡村振兴" in str(window.documents_model.index(row, 0).data())
    window.undo_action.trigger()
    assert "001_" in str(window.documents_model.index(row, 0).data())


def test_document_dialog_reports_only_changes(qtbot: QtBot, window: MainWindow) -> None:
    from ui.dialogs.document_dialog import DocumentDialog

    document = window.controller.project.documents()[4]
    dialog = DocumentDialog(document, ("decoded as utf-8",))
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}
    dialog.edits["author"].setText("江口县委组织部")
    dialog.edits["url"].setText("")
    assert dialog.changes() == {"author": "江口县委组织部", "url": None}


def test_incremental_painting_equals_a_full_repaint(window: MainWindow) -> None:
    _select_document(window, "强化党建引领力")
    project = window.controller.project
    codes = {code.key: code.id for code in project.codes()}
    document_id = window.current_document
    assert document_id is not None
    text = project.text(document_id)
    # Add overlapping codings, move one, recode one, delete one: each repaints its region only.
    first = project.add_annotation(document_id, codes["J1.1"], 100, 160)
    second = project.add_annotation(document_id, codes["M2.1"], 140, 200)
    project.edit_annotation(first.id, start=90, end=150)
    project.edit_annotation(second.id, code_id=codes["E1"])
    project.delete_annotations([project.annotations(document_id)[0].id])
    painted = [window.view.highlight_at(i) for i in range(len(text) - 1)]
    window.view.paint_annotations(project.annotations(document_id), project.codes())
    assert painted == [window.view.highlight_at(i) for i in range(len(text) - 1)]
    rows = [
        window.annotations_model.annotation(r).id
        for r in range(window.annotations_model.rowCount())
    ]
    assert rows == [a.id for a in project.annotations(document_id)]


def test_headings_are_set_apart_and_stay_so_after_coding(window: MainWindow) -> None:
    _select_document(window, "强化党建引领力")
    text = window.controller.text(window.current_document or 0)
    heading = text.index("共绘「联建共建」同心圆")
    assert window.view.is_heading_at(heading)
    assert not window.view.is_heading_at(0)
    window.view.select_span(heading, heading + 4)
    window.apply_code(window.controller.project.code_by_key("M1.2").id)
    assert window.view.is_heading_at(heading + 1)  # the region repaint keeps it
    assert window.view.highlight_at(heading + 1) is not None


def test_the_margin_shows_overlapping_codings_side_by_side(window: MainWindow) -> None:
    from annotator.spans import assign_lanes

    _select_document(window, "强化党建引领力")
    window.resize(1400, 900)
    project = window.controller.project
    annotations = project.annotations(window.current_document)
    outer = next(a for a in annotations if a.quote.startswith("以村民小组"))
    window.view.select_span(outer.start, outer.start)
    window.view.centerCursor()
    bars = window.view.visible_bars()
    colours = {code.id: code.color for code in project.codes()}
    mine = [bar for bar in bars if bar[2] in (colours[outer.code_id],)]
    assert mine
    overlapping = [
        (top, bottom) for top, bottom, _ in bars if top < mine[0][1] and bottom > mine[0][0]
    ]
    assert len(overlapping) >= 2
    assert len(set(assign_lanes(overlapping))) >= 2


def test_a_long_document_is_painted_first_screens_first(qtbot: QtBot) -> None:
    from annotator.models import Annotation, AnnotationId, Code, CodeId, CoderId, DocumentId
    from ui.widgets.document_view import FIRST_SCREENS, DocumentView

    text = ("党建引领乡村振兴。" * 20 + "\n") * 400  # 72,400 characters in 400 paragraphs
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.set_text(text)
    code = Code(CodeId(1), "u", None, "M", "举措", color="#aaccee")
    near, far = 100, len(text) - 50
    annotations = [
        Annotation(AnnotationId(i), f"a{i}", DocumentId(1), code.id, CoderId(1), s, s + 4,
                   text[s : s + 4], "", "", "")
        for i, s in ((1, near), (2, far))
    ]  # fmt: skip
    with qtbot.waitSignal(view.painted_all, timeout=5000):
        view.paint_annotations(annotations, [code])
        assert view.highlight_at(near) is not None  # at once
        assert far > FIRST_SCREENS
        assert view.highlight_at(far) is None  # not yet
    assert view.highlight_at(far) is not None


def test_a_stale_deferred_paint_does_not_touch_the_next_document(qtbot: QtBot) -> None:
    from ui.widgets.document_view import DocumentView

    view = DocumentView()
    qtbot.addWidget(view)
    view.set_text("乡村" * 40000)
    view.paint_annotations([], [])
    view.set_text("短文。")  # replaced before the deferred pass runs
    view.paint_annotations([], [])
    with qtbot.assertNotEmitted(view.painted_all, wait=50):
        pass
    assert view.document().toRawText() == "短文。"
