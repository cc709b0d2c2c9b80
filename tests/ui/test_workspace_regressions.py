"""Regressions from the review of the workspace: each test failed on the code before its fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.errors import ValidationError
from annotator.models import NewDocument
from ui import app
from ui.app import rebuild_in_language
from ui.i18n import install
from ui.main_window import MainWindow


def _select_document(window: MainWindow, title_part: str) -> None:
    for row in range(window.documents.proxy.rowCount()):
        if title_part in str(window.documents.proxy.index(row, 0).data()):
            window.documents_view.selectRow(row)
            return
    raise AssertionError(title_part)


def _code_id(window: MainWindow, key: str) -> int:
    return window.controller.project.code_by_key(key).id


# -- 1. find bar -------------------------------------------------------------
def test_closed_find_bar_does_not_select_hits_in_the_next_document(
    demo_window: MainWindow,
) -> None:
    window = demo_window
    _select_document(window, "铜仁江口")
    window.find_bar.open_bar()
    window.find_bar.edit.setText("党")
    window.find_bar.close_bar()
    assert window.view.extraSelections() == []
    _select_document(window, "强化党建引领力")
    # The bar is closed: nothing is highlighted, nothing is selected.
    assert window.view.extraSelections() == []
    assert window.view.selected_span() is None


def test_find_after_switching_to_an_empty_project(demo_window: MainWindow, settings: Path) -> None:
    window = demo_window
    _select_document(window, "铜仁江口")
    window.controller.new_project(settings / "empty.annot", default_codebook=False)
    assert window.current_document is None
    window.find_bar.open_bar()
    window.find_bar.edit.setText("党")  # old document's text is still in the bar
    assert window.find_bar.hits == []


# -- 2. language switch --------------------------------------------------------
@pytest.fixture
def english(settings: Path) -> Iterator[Path]:
    QSettings().setValue("language", "en")
    install()
    yield settings
    QSettings().setValue("language", "en")
    install()


@pytest.mark.usefixtures("english")
def test_language_switch_keeps_blind_coding(demo_window: MainWindow, qtbot: QtBot) -> None:
    window = demo_window
    _select_document(window, "铜仁江口")
    window.only_mine_action.trigger()  # View → Show only my codings
    assert window.annotations_model.rowCount() == 0  # the demo codings are someone else's
    window.language_changed.connect(lambda _l: rebuild_in_language(window))
    window.choose_language("zh_CN")
    [rebuilt] = app._windows
    qtbot.addWidget(rebuilt)
    assert rebuilt.only_mine_action.isChecked()
    assert rebuilt.annotations_model.rowCount() == 0


@pytest.mark.usefixtures("english")
def test_language_switch_leaves_old_window_connected(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = demo_window
    shown: list[str] = []
    monkeypatch.setattr("ui.main_window.QMessageBox.warning", lambda *a: shown.append(a[2]))
    window.language_changed.connect(lambda _l: rebuild_in_language(window))
    window.choose_language("zh_CN")
    [rebuilt] = app._windows
    qtbot.addWidget(rebuilt)
    rebuilt.controller.error.emit("boom")
    assert shown == ["boom"]  # one message box, not one per window ever built


@pytest.mark.usefixtures("english")
def test_language_switch_keeps_dock_layout(demo_window: MainWindow, qtbot: QtBot) -> None:
    window = demo_window
    window.show()
    codebook_dock = next(
        d for d in window.findChildren(QDockWidget) if d.widget() is window.codebook
    )
    codebook_dock.hide()  # the user closed the Codebook dock
    window.language_changed.connect(lambda _l: rebuild_in_language(window))
    window.choose_language("zh_CN")
    [rebuilt] = app._windows
    qtbot.addWidget(rebuilt)
    dock = next(d for d in rebuilt.findChildren(QDockWidget) if d.widget() is rebuilt.codebook)
    assert dock.isHidden()


# -- 3. blind coding leaks -----------------------------------------------------
def test_blind_coding_hides_other_coders_counts(demo_window: MainWindow) -> None:
    window = demo_window
    _select_document(window, "铜仁江口")
    window.only_mine_action.trigger()  # View → Show only my codings
    assert window.annotations_model.rowCount() == 0
    row = window.documents_model.row_of(window.current_document)
    assert row is not None
    # The document list and the codebook counts still show the other coder's work.
    assert window.documents_model.index(row, 4).data() == 0
    counts = [
        window.codes_model.index(r, c).data()
        for r in range(window.codes_model.rowCount())
        for c in (1, 2)
    ]
    assert all(not value for value in counts)


def test_blind_coding_after_changing_coder_and_undoing(demo_window: MainWindow) -> None:
    window = demo_window
    controller = window.controller
    _select_document(window, "铜仁江口")
    window.view.select_span(0, 4)
    window.apply_code(_code_id(window, "J1.1"))  # coder 王
    mine = window.annotations_model.rowCount()
    window.annotations_view.selectRow(0)
    ids = [a.id for a in controller.annotations(window.current_document) if a.start == 0]
    controller.delete_annotations(ids)
    controller.coder = "新人"  # File → Change coder… (a coder with no codings yet)
    window.on_coder_changed()
    window.only_mine_action.trigger()  # View → Show only my codings
    assert window.annotations_model.rowCount() == 0
    window.undo_action.trigger()  # brings back 王's coding
    assert mine > 0
    assert window.annotations_model.rowCount() == 0, "王's coding shown in 新人's blind view"


# -- 4. project switch -----------------------------------------------------------
def test_recent_codes_do_not_leak_into_another_project(
    demo_window: MainWindow, settings: Path
) -> None:
    window = demo_window
    _select_document(window, "铜仁江口")
    window.view.select_span(0, 4)
    window.apply_code(_code_id(window, "J1.1"))
    assert window.controller.recent_codes
    window.controller.new_project(settings / "other.annot", default_codebook=True)
    assert window.controller.recent_codes == []


def test_export_with_no_project_reports_instead_of_raising(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, settings: Path
) -> None:
    from ui.app import build_window

    monkeypatch.setattr("ui.app.QMessageBox.critical", lambda *_a: None)
    bogus = settings / "notes.annot"
    bogus.write_text("not a project", encoding="utf-8")
    window = build_window(bogus)  # the project could not be opened: the window has none
    qtbot.addWidget(window)
    assert not window.controller.has_project
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(settings / "x.xlsx"), ""),
    )
    window.file_menu.export()  # raised RuntimeError("no project is open")


# -- 5. document list ----------------------------------------------------------------
def test_typing_in_the_document_filter_does_not_open_another_document(
    demo_window: MainWindow,
) -> None:
    window = demo_window
    _select_document(window, "强化党建引领力")
    shown = window.current_document
    window.documents.filter_edit.setText("铜仁")  # hides the open document
    assert window.current_document == shown


def test_editing_document_details_keeps_the_reading_position(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = demo_window
    window.show()
    _select_document(window, "强化党建引领力")
    window.view.select_span(200, 210)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    position = bar.value()
    monkeypatch.setattr("ui.main_window.DocumentDialog.ask", lambda *_a, **_k: {"title": "新标题"})
    window.edit_document_details()
    assert window.view.selected_span() == (200, 210)
    assert bar.value() == position


# -- 6. shortcuts ---------------------------------------------------------------------
def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.view.setFocus()
    qtbot.keyClick(window.view, key, modifier)


def test_code_shortcut_that_clashes_with_a_menu_shortcut(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window = demo_window
    project = window.controller.project
    j11 = project.code_by_key("J1.1")
    with pytest.raises(ValidationError, match="program's own keys"):
        project.set_shortcut(j11.id, "Ctrl+K")  # the core refuses a menu's key
    # A project written before keys were checked may still hold one: the menu keeps it.
    project.stores.codes.update(j11.id, {"shortcut": "Ctrl+K"})
    project.update_code(j11.id, name_en="rebuild the tree and its shortcuts")
    assert "clash" in window.statusBar().currentMessage()
    _select_document(window, "铜仁江口")
    before = len(project.annotations(window.current_document))
    window.view.select_span(0, 4)
    _press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.codebook.filter_edit.hasFocus()  # Find a code… ran
    assert len(project.annotations(window.current_document)) == before


def test_every_menu_key_is_reserved_in_the_core(demo_window: MainWindow) -> None:
    from annotator.commands.codes import RESERVED_SHORTCUTS
    from ui.keys import action_keys

    # Delete acts in the annotation panel only, and a code cannot have it anyway.
    used = set(action_keys(demo_window)) - {"Del"}
    assert used <= RESERVED_SHORTCUTS, used - RESERVED_SHORTCUTS


def test_shortcuts_differing_only_in_modifier_order(demo_window: MainWindow, qtbot: QtBot) -> None:
    window = demo_window
    project = window.controller.project
    project.set_shortcut(project.code_by_key("J1.1").id, "Ctrl+Shift+A")
    project.set_shortcut(project.code_by_key("J1.2").id, "Shift+Ctrl+A")  # the same key
    _select_document(window, "铜仁江口")
    before = len(project.annotations(window.current_document))
    window.view.select_span(0, 4)
    _press(
        qtbot,
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(project.annotations(window.current_document)) == before + 1


def test_letter_shortcut_does_not_fire_while_typing_in_filters(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window = demo_window
    project = window.controller.project
    project.update_code(project.code_by_key("J1.1").id, shortcut="A")
    _select_document(window, "铜仁江口")
    window.view.select_span(0, 4)
    before = len(project.annotations())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.codebook.filter_edit.setFocus()
    qtbot.keyClicks(window.codebook.filter_edit, "a")
    window.documents.filter_edit.setFocus()
    qtbot.keyClicks(window.documents.filter_edit, "a")
    assert len(project.annotations()) == before
    assert window.codebook.filter_edit.text() == "a"


# -- 7. hover -------------------------------------------------------------------------
def test_hover_describes_the_character_under_the_mouse(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent

    window = demo_window
    window.show()
    controller = window.controller
    text = "甲乙丙丁戊己庚辛"
    controller.project.add_documents([NewDocument(text=text, raw_text=text, title="悬停")])
    _select_document(window, "悬停")
    window.view.select_span(4, 6)  # 戊己
    window.apply_code(_code_id(window, "J1.1"))
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.widgets.document_view.QToolTip.showText", lambda _p, text, *_a: shown.append(text)
    )
    view = window.view

    def hover(codepoint: int, fraction: float) -> list[str]:
        shown.clear()
        cursor = view.textCursor()
        cursor.setPosition(codepoint)
        left = view.cursorRect(cursor)
        cursor.setPosition(codepoint + 1)
        right = view.cursorRect(cursor)
        x = int(left.x() + (right.x() - left.x()) * fraction)
        pos = QPoint(x, left.center().y())
        view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
        return list(shown)

    assert hover(3, 0.8) == [], "right half of 丁 (not coded) shows 戊己's coding"
    assert hover(5, 0.8) != [], "right half of 己 (coded) shows nothing"


# -- 8. language of code names ---------------------------------------------------------------
@pytest.mark.usefixtures("english")
def test_hover_and_panel_show_code_names_in_english(demo_window: MainWindow) -> None:
    window = demo_window
    controller = window.controller
    code = controller.project.code_by_key("J1.1")
    assert code.name_en
    _select_document(window, "铜仁江口")
    annotation = window.annotations_model.annotation(0)
    described = window._describe(annotation)
    code_here = controller.code(annotation.code_id)
    assert code_here.name_en in described, described


@pytest.mark.parametrize(
    ("shortcut", "key", "modifier"),
    [
        ("A", Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
        ("1", Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier),
        ("Ctrl+1", Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_code_shortcuts_in_the_text_view(
    demo_window: MainWindow,
    qtbot: QtBot,
    shortcut: str,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    window = demo_window
    project = window.controller.project
    project.update_code(project.code_by_key("J1.1").id, shortcut=shortcut)
    _select_document(window, "铜仁江口")
    before = len(project.annotations(window.current_document))
    window.view.select_span(0, 4)
    _press(qtbot, window, key, modifier)
    assert len(project.annotations(window.current_document)) == before + 1


def test_return_in_an_empty_code_filter_applies_nothing(demo_window: MainWindow) -> None:
    window = demo_window
    _select_document(window, "铜仁江口")
    window.view.select_span(0, 4)
    before = len(window.controller.project.annotations())
    window.codebook.focus_filter()  # Ctrl+K, then Return by mistake
    window.codebook.filter_edit.returnPressed.emit()
    assert len(window.controller.project.annotations()) == before


def test_annotation_panel_keyboard_moves_jump_to_the_text(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window = demo_window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    _select_document(window, "强化党建引领力")
    panel = window.annotations_view
    assert window.annotations_model.rowCount() >= 2
    panel.setFocus()
    panel.setCurrentIndex(window.annotations_model.index(0, 0))
    qtbot.keyClick(panel, Qt.Key.Key_Down)
    second = window.annotations_model.annotation(1)
    assert panel.currentIndex().row() == 1
    assert window.view.selected_span() == (second.start, second.end)


def test_annotation_menu_is_not_leaked(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMenu

    window = demo_window
    window.show()
    _select_document(window, "铜仁江口")
    panel = window.annotations_view

    class NoExecMenu(QMenu):
        def exec(self, *_a, **_k):  # type: ignore[no-untyped-def]
            return None

    monkeypatch.setattr("ui.widgets.annotation_panel.QMenu", NoExecMenu)
    rect = panel.visualRect(window.annotations_model.index(0, 0))
    before = len(panel.findChildren(QMenu))
    for _ in range(5):
        panel._menu(rect.center())
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(panel.findChildren(QMenu)) == before


def test_save_copy_does_not_silently_replace_another_file(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, settings: Path
) -> None:
    window = demo_window
    precious = settings / "thesis.annot"
    precious.write_bytes(b"my other project")
    # The user typed "thesis" (no such file, so the dialog asked nothing).
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(settings / "thesis"), ""),
    )
    monkeypatch.setattr(
        "ui.file_menu.QMessageBox.question", lambda *_a, **_k: QMessageBox.StandardButton.No
    )
    window.file_menu.save_copy()
    assert precious.read_bytes() == b"my other project"


def test_editing_document_details_keeps_the_scroll_position(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = demo_window
    window.show()
    _select_document(window, "强化党建引领力")
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    position = bar.value()
    assert position > 0
    monkeypatch.setattr("ui.main_window.DocumentDialog.ask", lambda *_a, **_k: {"title": "新标题"})
    window.edit_document_details()
    assert bar.value() == position


def test_sorting_the_document_list_keeps_the_reading_position(demo_window: MainWindow) -> None:
    window = demo_window
    window.show()
    _select_document(window, "强化党建引领力")
    shown = window.current_document
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    position = bar.value()
    window.documents_view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert window.current_document == shown
    assert bar.value() == position


def test_undoing_the_import_of_the_open_document_then_find(demo_window: MainWindow) -> None:
    window = demo_window
    text = "测试文字，党建引领。"
    window.controller.project.add_documents([NewDocument(text=text, raw_text=text, title="临时")])
    _select_document(window, "临时")
    window.find_bar.open_bar()
    window.find_bar.edit.setText("党建")
    window.undo_action.trigger()  # undo the import: the open document is gone
    assert window.current_document is None
    window.find_bar.next()  # Return in the find bar


def test_escape_on_the_codebook_question_cancels_new_project(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, settings: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = demo_window
    window.show()
    target = settings / "fresh.annot"
    monkeypatch.setattr(
        "ui.file_menu.QFileDialog.getSaveFileName", lambda *_a, **_k: (str(target), "")
    )

    def escape() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        QTest.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(200, escape)
    window.file_menu.new()
    assert not target.exists(), "Escape (cancel) still created the project"


@pytest.mark.parametrize("focus", ["view", "documents", "codes", "annotations"])
def test_undo_and_redo_keys_work_from_the_main_widgets(
    demo_window: MainWindow, qtbot: QtBot, focus: str
) -> None:
    window = demo_window
    project = window.controller.project
    _select_document(window, "铜仁江口")
    window.view.select_span(0, 4)
    window.apply_code(_code_id(window, "J1.1"))
    count = len(project.annotations())
    widget = {
        "view": window.view,
        "documents": window.documents_view,
        "codes": window.codes_view,
        "annotations": window.annotations_view,
    }[focus]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(project.annotations()) == count - 1
    qtbot.keyClick(
        widget,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(project.annotations()) == count


def test_opening_another_project_shows_its_first_document(
    demo_window: MainWindow, settings: Path
) -> None:
    window = demo_window
    controller = window.controller
    copy = settings / "copy.annot"
    controller.save_copy(copy)
    other = settings / "other.annot"
    controller.new_project(other, default_codebook=True)
    text = "另一个项目的文字。"
    controller.project.add_documents([NewDocument(text=text, raw_text=text, title="另一")])
    assert window.view.toPlainText() == ""  # added while nothing was shown: list updates only
    controller.open(copy)
    first = window.documents.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole)
    assert window.current_document == first
    assert window.view.toPlainText().replace("\n\n", "\n") == controller.text(first)
    controller.open(other)
    assert window.current_document is not None
    assert window.view.toPlainText() == text


def test_hover_on_the_blank_line_between_paragraphs(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent

    window = demo_window
    window.show()
    text = "甲乙丙\n丁戊己"
    window.controller.project.add_documents([NewDocument(text=text, raw_text=text, title="空行")])
    _select_document(window, "空行")
    window.view.select_span(4, 6)  # 丁戊, first characters of paragraph 2
    window.apply_code(_code_id(window, "J1.1"))
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.widgets.document_view.QToolTip.showText", lambda _p, text, *_a: shown.append(text)
    )
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(4)  # view position of the blank line ("甲乙丙\n" + inserted "\n")
    rect = view.cursorRect(cursor)
    pos = QPoint(rect.x() + 40, rect.center().y())  # somewhere on the empty line
    view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    assert shown == [], "hovering the empty line shows the next paragraph's coding"


def test_deferred_paint_of_a_replaced_document(qtbot: QtBot) -> None:
    from ui.widgets.document_view import FIRST_SCREENS, DocumentView

    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_text("党" * (FIRST_SCREENS * 2))
    view.paint_annotations([], [])  # schedules the rest for the event loop
    view.set_text("")  # e.g. the document is gone before the loop ran
    qtbot.wait(10)  # _paint_rest runs on the empty text: ValueError from to_view


def test_codebook_menu_is_not_leaked(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QPoint
    from PySide6.QtWidgets import QMenu

    class NoExecMenu(QMenu):
        def exec(self, *_args: object) -> None:  # type: ignore[override]
            return None

    monkeypatch.setattr("ui.codebook_editor.QMenu", NoExecMenu)
    window = demo_window
    before = len(window.findChildren(QMenu))
    code_id = _code_id(window, "M1")
    for _ in range(5):
        window.codebook_editor.show_menu(code_id, QPoint(0, 0))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(window.findChildren(QMenu)) == before


def test_closed_find_bar_then_code_key_codes_the_stale_hit(demo_window: MainWindow) -> None:
    window = demo_window
    _select_document(window, "铜仁江口")
    window.find_bar.open_bar()
    window.find_bar.edit.setText("党")
    window.find_bar.close_bar()
    _select_document(window, "强化党建引领力")

    before = len(window.controller.project.annotations(window.current_document))
    window.apply_code(_code_id(window, "J1.1"))  # what a code shortcut does
    after = window.controller.project.annotations(window.current_document)
    assert len(after) == before, [a.quote for a in after]
