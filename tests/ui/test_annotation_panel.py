"""Working on codings from the panel and the text: recode, memo, bounds, hover, recent codes."""

from __future__ import annotations

import pytest

from annotator.models import NewDocument
from ui.main_window import MainWindow

TEXT = "第一段：建立党建联盟，推动强村富民。\n第二段：实施基本报酬加绩效奖励制度。"


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    main = demo_window
    main.controller.project.add_documents([NewDocument(text=TEXT, raw_text=TEXT, title="面板")])
    row = main.documents_model.row_of(main.controller.documents()[-1].id)
    assert row is not None
    main.documents_view.selectRow(row)
    start = TEXT.index("建立")
    main.view.select_span(start, start + 6)
    main.apply_code(main.controller.project.code_by_key("M1.2").id)
    return main


def _only(window: MainWindow):  # type: ignore[no-untyped-def]
    [annotation] = window.controller.annotations(window.current_document)
    return annotation


def test_change_code_from_the_panel_and_undo(window: MainWindow) -> None:
    project = window.controller.project
    annotation = _only(window)
    window.annotations_view.change_code([annotation.id], project.code_by_key("J1.2").id)
    assert project.code(_only(window).code_id).key == "J1.2"
    assert window.annotations_model.index(0, 0).data() == "J1.2"
    window.undo_action.trigger()
    assert project.code(_only(window).code_id).key == "M1.2"


def test_edit_memo(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.widgets.annotation_panel.MemoDialog.ask", lambda _p, _c: "联盟是核心")
    window.annotations_view.edit_memo(_only(window))
    assert _only(window).memo == "联盟是核心"
    assert window.annotations_model.index(0, 3).data() == "联盟是核心"


def test_set_bounds_to_the_selection(window: MainWindow) -> None:
    start = TEXT.index("建立党建联盟，推动强村富民")
    window.view.select_span(start, start + 13)
    window.annotations_view.bounds_requested.emit(_only(window).id)
    assert _only(window).quote == "建立党建联盟，推动强村富民"
    assert window.view.highlight_at(start + 12) is not None


def test_delete_with_the_key_action(window: MainWindow) -> None:
    window.annotations_view.selectRow(0)
    window.delete_action.trigger()
    assert window.controller.annotations(window.current_document) == []


def test_hover_names_code_coder_and_memo(window: MainWindow) -> None:
    window.controller.project.edit_annotation(_only(window).id, memo="备注")
    start = TEXT.index("党建")
    [here] = window.view.annotations_at(start)
    expected = "M1.2  Party-building alliances & joint building · 王 — 备注"  # English interface
    assert window.view.describe(here) == expected
    assert window.view.annotations_at(TEXT.index("第二段")) == []


def test_recent_codes_and_the_quick_picker(window: MainWindow) -> None:
    project = window.controller.project
    assert window.controller.recent_codes == [project.code_by_key("M1.2").id]
    window.view.select_span(TEXT.index("实施"), TEXT.index("实施") + 4)
    window.apply_code(project.code_by_key("J4.1").id)
    assert window.controller.recent_codes[:2] == [
        project.code_by_key("J4.1").id,
        project.code_by_key("M1.2").id,
    ]
    window.show()
    window.activateWindow()
    window.codebook.focus_filter()
    assert (
        window.codebook.filter_edit.hasFocus() or window.codebook.filter_edit.selectedText() == ""
    )


def test_a_user_error_is_shown_not_raised(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.main_window.QMessageBox.warning", lambda *a: shown.append(a[2]))
    annotation = _only(window)
    window.annotations_view.change_code([annotation.id], annotation.code_id + 10_000)
    assert shown
    assert "No such code" in shown[0]
