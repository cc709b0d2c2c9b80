"""The review queue, driven by keyboard: filters, decisions, corrections, progress, undo,
and rejected codings struck through in the text (issue 6, item 2)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.models import ReviewStatus
from annotator.project import Project
from tests.conftest import add_document
from ui.controller import ProjectController
from ui.main_window import MainWindow
from ui.widgets.review_panel import ReviewPanel

TEXT = "𠮷第一句讲党建引领。第二句讲集体经济。第三句讲人才振兴。"


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[ReviewPanel]:
    project = Project.in_memory()
    project.add_code(key="M1", name="党建引领")
    project.add_code(key="M2", name="集体经济")
    document = add_document(project, TEXT)
    m1, m2 = project.code_by_key("M1").id, project.code_by_key("M2").id
    project.add_annotation(document.id, m1, 1, 10, coder="张三")
    project.add_annotation(document.id, m2, 10, 19, coder="张三")
    project.add_annotation(document.id, m1, 1, 10, coder="李四")
    project.coder = "审阅人"
    controller = ProjectController(project)
    widget = ReviewPanel(controller)
    qtbot.addWidget(widget)
    widget.show()
    widget.reload_filters()
    widget.table.setFocus()
    yield widget
    controller.close()


def _states(panel: ReviewPanel) -> list[str]:
    return [item.state for item in panel.model.items]


def test_keys_accept_reject_and_move_on_with_progress(panel: ReviewPanel, qtbot: QtBot) -> None:
    assert panel.table.currentIndex().row() == 0
    assert "第一句" in panel.context.toPlainText()
    qtbot.keyClick(panel.table, Qt.Key.Key_A)
    assert _states(panel) == ["accepted", "pending", "pending"]
    assert panel.table.currentIndex().row() == 1  # a decision moves on
    qtbot.keyClick(panel.table, Qt.Key.Key_R)
    assert _states(panel) == ["accepted", "rejected", "pending"]
    assert panel.progress_bar.value() == 2
    assert panel.progress_bar.maximum() == 3
    assert "2" in panel.document_progress.text()
    reviews = panel.controller.project.reviews([panel.model.items[1].annotation.id])
    assert [(r.status, r.reviewer_id) for r in reviews] == [
        (ReviewStatus.REJECTED, panel.controller.project.coder_by_name("审阅人").id)
    ]
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    qtbot.keyClick(panel.table, Qt.Key.Key_N)  # the next pending one
    assert panel.table.currentIndex().row() == 2
    panel.controller.undo()
    assert _states(panel) == ["accepted", "pending", "pending"]


def test_filters_by_coder_code_and_state(panel: ReviewPanel, qtbot: QtBot) -> None:
    panel.coder_filter.setCurrentIndex(panel.coder_filter.findText("李四"))
    assert [i.annotation.quote for i in panel.model.items] == [TEXT[1:10]]
    panel.coder_filter.setCurrentIndex(0)
    m2 = panel.controller.project.code_by_key("M2").id
    panel.code_filter.setCurrentIndex(panel.code_filter.findData(m2))
    assert [i.annotation.code_id for i in panel.model.items] == [m2]
    panel.code_filter.setCurrentIndex(0)
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("pending"))
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_A)  # accepted: leaves the pending queue
    assert len(panel.model.items) == 2
    assert panel.table.currentIndex().row() == 0


def test_comment_recode_and_bounds_are_recorded(
    panel: ReviewPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = panel.controller.project
    first = panel.model.items[0].annotation
    monkeypatch.setattr(panel, "ask_comment", lambda: ("请核对", True))
    qtbot.keyClick(panel.table, Qt.Key.Key_C)
    assert _states(panel)[0] == "pending"  # a comment decides nothing
    assert panel.model.items[0].comments == 1
    assert panel.table.currentIndex().row() == 0
    panel.recode_to(project.code_by_key("M2").id)
    assert project.code(project.annotation(first.id).code_id).key == "M2"
    monkeypatch.setattr(panel, "ask_bounds", lambda _item: (3, 8))
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_B)
    revised = project.annotation(first.id)
    assert (revised.start, revised.end, revised.quote) == (3, 8, TEXT[3:8])
    comments = [r.comment for r in project.reviews([revised.id])]
    assert comments[0] == "请核对"
    assert any("[1, 10)" in comment for comment in comments[1:])


def test_window_queue_keys_beat_code_shortcuts_and_rejections_are_struck_through(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window, controller = demo_window, demo_window.controller
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    project = controller.project
    project.set_shortcut(project.code_by_key("J1.1").id, "R")  # R is also a code's key
    window.teamwork.queue_action.trigger()
    review = window.teamwork.review
    qtbot.waitUntil(lambda: bool(review.model.items))
    review.table.setFocus()
    first = review.current()
    assert first is not None
    assert window.current_document == first.annotation.document_id
    count = len(project.annotations())
    qtbot.keyClick(review.table, Qt.Key.Key_R)
    assert len(project.annotations()) == count  # no coding was added by the code's key
    assert review.model.items[0].state == "rejected"
    qtbot.keyClick(review.table, Qt.Key.Key_Up)  # back from the next coding to this one
    assert window.current_document == first.annotation.document_id
    start = first.annotation.start
    qtbot.waitUntil(lambda: window.view.is_struck_at(start))  # a long text paints in two goes
    assert window.view.highlight_at(start) is not None  # still in its code's colour
    assert not window.view.is_struck_at(first.annotation.end)
    controller.undo()
    qtbot.waitUntil(lambda: not window.view.is_struck_at(start))
