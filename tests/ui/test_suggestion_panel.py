"""Keyword suggestions in the window: dotted marks, stepping, accept and reject by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow


def _open(window: MainWindow, qtbot: QtBot, part: str) -> None:
    window.show()
    window.activateWindow()  # window shortcuts are live: the panel's keys must win over them
    qtbot.waitUntil(window.isActiveWindow)
    document = next(d for d in window.controller.documents() if part in (d.source_path or ""))
    row = window.documents_model.row_of(document.id)
    assert row is not None
    window.documents_view.selectRow(row)
    window.suggestions_action.trigger()
    qtbot.waitUntil(lambda: bool(window.suggestions.suggestions))


def test_marks_follow_the_suggestions_and_keys_accept_and_reject(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window, controller = demo_window, demo_window.controller
    _open(window, qtbot, "003_")
    document = window.current_document
    assert document is not None
    found = controller.suggestions(document)
    assert window.view.suggestion_marks() == [(s.start, s.end) for s in found]
    assert "suggestions for" in window.suggestions.summary.text()

    # A code's shortcut is "a": in the list, A still accepts instead of applying that code.
    project = controller.project
    project.set_shortcut(project.code_by_key("J1.1").id, "A")
    panel = window.suggestions
    panel.list.setFocus()
    first = panel.current()
    assert first is not None
    assert window.view.selected_span() == (first.start, first.end)
    before = len(controller.annotations(document))
    qtbot.keyClick(panel.list, Qt.Key.Key_A)
    coded = controller.annotations(document)
    assert len(coded) == before + 1
    [new] = [a for a in coded if (a.code_id, a.start, a.end) == first.span]
    assert new.origin == "suggestion"
    assert first not in panel.suggestions  # the list refreshed

    current = panel.current()
    assert current is not None
    same_code = [s for s in panel.suggestions if s.code_id == current.code_id]
    qtbot.keyClick(panel.list, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    assert not [s for s in panel.suggestions if s.code_id == current.code_id]
    expected = f"Undo 拒绝建议 / Reject suggestion ×{len(same_code)}"
    assert window.undo_action.text().startswith(expected)
    window.undo_action.trigger()
    assert len([s for s in panel.suggestions if s.code_id == current.code_id]) == len(same_code)


def test_n_steps_and_hiding_the_panel_clears_the_marks(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window = demo_window
    _open(window, qtbot, "004_")
    panel = window.suggestions
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_N)
    assert panel.list.currentRow() == 1
    window.suggestions_action.trigger()  # hide
    qtbot.waitUntil(lambda: window.view.suggestion_marks() == [])
