"""Compare coders and adjudicate: clusters listed, keys adopt into the consensus layer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from annotator.models import CONSENSUS_NAME, DocumentId
from annotator.project import Project
from tests.conftest import add_document
from ui.controller import ProjectController
from ui.dialogs.compare_dialog import CompareDialog
from ui.widgets.code_menu import label

pytestmark = pytest.mark.usefixtures("settings")  # QSettings in the test's folder

#: 𠮷 (outside the BMP) twice before the first coding; a paragraph break before the last.
TEXT = "𠮷𠮷前言。乡村振兴推动发展。\n第二段：建立工作专班机制。"
AGREED = (2, 4)  # 前言, code A by both
BOUNDS = ((5, 9), (5, 11))  # code A: 乡村振兴 by 张三, 乡村振兴推动 by 李四
MISSING = (19, 23)  # code B: 建立工作 by 张三 alone


@pytest.fixture
def controller() -> Iterator[ProjectController]:
    project = Project.in_memory()
    project.coder = "王"
    document = add_document(project, TEXT)
    add_document(project, "另一篇文章，没有编码。", title="空白")
    a = project.add_code(key="A", name="甲", color="#ffd6a5")
    b = project.add_code(key="B", name="乙", color="#caffbf")
    project.add_annotation(document.id, a.id, *AGREED, coder="张三")
    project.add_annotation(document.id, a.id, *AGREED, coder="李四")
    project.add_annotation(document.id, a.id, *BOUNDS[0], coder="张三")
    project.add_annotation(document.id, a.id, *BOUNDS[1], coder="李四")
    project.add_annotation(document.id, b.id, *MISSING, coder="张三")
    controller = ProjectController(project)
    yield controller
    controller.close()


def _dialog(qtbot: QtBot, controller: ProjectController) -> CompareDialog:
    document_id = controller.documents()[0].id
    dialog = CompareDialog(controller, document_id=document_id)
    qtbot.addWidget(dialog)
    return dialog


def _column(dialog: CompareDialog, column: int) -> list[str]:
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]


def _consensus(controller: ProjectController, document_id: DocumentId) -> list[tuple[int, int]]:
    layer = controller.consensus_id()
    if layer is None:
        return []
    found = controller.project.annotations(document_id, coder_id=layer)
    return sorted((a.start, a.end) for a in found)


def test_table_lists_the_clusters_and_filters_disagreements(
    qtbot: QtBot, controller: ProjectController
) -> None:
    dialog = _dialog(qtbot, controller)
    project = controller.project
    assert dialog.coder_ids == [project.coder_by_name(n).id for n in ("张三", "李四")]
    assert [t.text() for t in dialog.pane_titles] == ["1 · 张三", "2 · 李四", CONSENSUS_NAME]
    assert dialog.only_disagreements.isChecked()
    assert _column(dialog, 1) == ["Bounds differ", "Not coded by all"]
    assert _column(dialog, 2) == ["5–11", "19–23"]
    assert _column(dialog, 3) == ["乡村振兴推动", "建立工作"]
    assert _column(dialog, 4) == ["5–9", "19–23"]  # 张三's spans
    assert _column(dialog, 5) == ["5–11", "—"]  # 李四's
    assert _column(dialog, 6) == ["no", "no"]
    assert dialog.status.text().startswith("2 disagreements, 0 in consensus")

    dialog.only_disagreements.setChecked(False)
    assert _column(dialog, 1) == ["Agree", "Bounds differ", "Not coded by all"]
    assert _column(dialog, 0)[0] == label(controller.project.code_by_key("A"))


def test_key_2_adopts_the_second_coders_version_and_delete_removes_it(
    qtbot: QtBot, controller: ProjectController
) -> None:
    dialog = _dialog(qtbot, controller)
    document_id = controller.documents()[0].id
    dialog.table.setFocus()
    dialog.table.selectRow(0)  # the bounds cluster
    qtbot.keyClick(dialog.table, Qt.Key.Key_2)
    assert _consensus(controller, document_id) == [BOUNDS[1]]
    assert dialog.table.currentRow() == 0  # the row stays after the refresh
    assert _column(dialog, 6)[0] == "5–11"
    assert dialog.status.text().startswith("2 disagreements, 1 in consensus")

    qtbot.keyClick(dialog.table, Qt.Key.Key_2)  # once more: nothing new, no error
    assert _consensus(controller, document_id) == [BOUNDS[1]]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert _consensus(controller, document_id) == []
    assert _column(dialog, 6)[0] == "no"

    dialog.table.selectRow(1)  # 李四 has nothing in the missing cluster
    qtbot.keyClick(dialog.table, Qt.Key.Key_2)
    assert _consensus(controller, document_id) == []
    assert "李四" in dialog.status.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_1)
    assert _consensus(controller, document_id) == [MISSING]
    controller.undo()  # the adoption is one step of the project's history
    assert _consensus(controller, document_id) == []


def test_adopt_all_agreed_takes_every_agreed_cluster(
    qtbot: QtBot, controller: ProjectController
) -> None:
    dialog = _dialog(qtbot, controller)
    qtbot.mouseClick(dialog.adopt_agreed_button, Qt.MouseButton.LeftButton)
    assert _consensus(controller, controller.documents()[0].id) == [AGREED]
    dialog.only_disagreements.setChecked(False)
    assert _column(dialog, 6) == ["2–4", "no", "no"]


def test_n_p_and_arrows_move_the_selection_and_the_panes_follow(
    qtbot: QtBot, controller: ProjectController
) -> None:
    dialog = _dialog(qtbot, controller)
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    assert dialog.table.currentRow() == 1
    start, end = MISSING
    for pane in dialog.panes:
        assert pane.textCursor().selectedText() == TEXT[start:end]
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)  # stays on the last row
    assert dialog.table.currentRow() == 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_P)
    assert dialog.table.currentRow() == 0
    qtbot.keyClick(dialog.panes[1], Qt.Key.Key_Down)  # keys work in a pane too
    assert dialog.table.currentRow() == 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up)
    assert dialog.table.currentRow() == 0


def test_panes_highlight_each_coders_codings_and_the_disagreements(
    qtbot: QtBot, controller: ProjectController
) -> None:
    dialog = _dialog(qtbot, controller)
    project = controller.project
    marks = 2  # the bounds and the missing cluster
    for pane, coder in zip(dialog.panes, dialog.coder_ids, strict=False):
        codings = project.annotations(controller.documents()[0].id, coder_id=coder)
        selections: list[QTextEdit.ExtraSelection] = pane.extraSelections()
        assert len(selections) == len(codings) + marks
        shown = [s.cursor.selectedText() for s in selections[: len(codings)]]
        assert sorted(shown) == sorted(a.quote for a in codings)
        assert all(s.format.background().style() != Qt.BrushStyle.NoBrush for s in selections[:-2])
    assert len(dialog.panes[-1].extraSelections()) == marks  # consensus: empty so far
    first = dialog.panes[0].extraSelections()[0]
    assert first.cursor.selectedText() == "前言"  # right after the two 𠮷
    assert [s.cursor.selectedText() for s in dialog.panes[0].extraSelections()[-marks:]] == [
        TEXT[5:11],
        TEXT[slice(*MISSING)],
    ]


def test_coders_and_documents_can_be_chosen(qtbot: QtBot, controller: ProjectController) -> None:
    dialog = _dialog(qtbot, controller)
    assert dialog.coder_list.count() == 2
    dialog.coder_list.item(0).setCheckState(Qt.CheckState.Unchecked)  # one would be too few
    assert dialog.coder_list.item(0).checkState() == Qt.CheckState.Checked
    assert len(dialog.coder_ids) == 2
    qtbot.keyClick(dialog.table, Qt.Key.Key_1)  # the consensus coder appears ...
    assert dialog.coder_list.count() == 2  # ... but is never one of the compared

    dialog.document_combo.setCurrentIndex(1)
    assert dialog.table.rowCount() == 0
    assert dialog.panes[0].toPlainText() == "另一篇文章，没有编码。"
    assert dialog.status.text().startswith("0 disagreements")
