"""The corpus search dock: hits in context, sorting, jumping to a hit, coding hits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.commands.hits import plan_hits
from annotator.models import CodeId
from annotator.search import Hit, KwicLine, search
from ui.main_window import MainWindow
from ui.widgets.search_model import DOCUMENT, HIT, LEFT, RIGHT, UNIT
from ui.widgets.search_panel import SearchPanel


@pytest.fixture
def panel(demo_window: MainWindow) -> SearchPanel:
    demo_window.show()
    demo_window.search_action.trigger()
    assert demo_window.search_dock.isVisible()
    return demo_window.search_panel


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The error messages the window shows (a message box would wait for a click)."""
    shown: list[str] = []
    monkeypatch.setattr("ui.main_window.QMessageBox.warning", lambda *a: shown.append(a[2]))
    return shown


def _search(qtbot: QtBot, panel: SearchPanel, query: str, *, regex: bool = False) -> None:
    panel.query.setText(query)
    panel.regex.setChecked(regex)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)


@pytest.mark.parametrize("query", ["鄉村振興", "党"])
def test_hits_and_summary_match_the_core(
    qtbot: QtBot, demo_window: MainWindow, panel: SearchPanel, query: str
) -> None:
    _search(qtbot, panel, query)
    expected = search(demo_window.controller.project, query)
    assert expected.lines
    assert panel.model.rowCount() == len(expected.lines)
    assert panel.model.lines == expected.lines  # corpus order until a column is clicked
    assert panel.summary.text() == f"{expected.total} hits in {expected.documents} documents"
    assert panel.code_button.isEnabled()


def test_a_one_character_query_scans_every_document(
    qtbot: QtBot, demo_window: MainWindow, panel: SearchPanel
) -> None:
    _search(qtbot, panel, "党")
    result = search(demo_window.controller.project, "党")
    assert not result.used_index  # too short for the trigram index
    assert panel.model.rowCount() == len(result.lines) > 100
    assert {line.match for line in panel.model.lines} <= {"党", "黨"}


def test_a_cut_list_says_how_many_it_shows(
    qtbot: QtBot, demo_window: MainWindow, panel: SearchPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = demo_window.controller
    real = controller.search
    monkeypatch.setattr(controller, "search", lambda q, r: real(q, r, limit=5))
    _search(qtbot, panel, "党")
    total = search(controller.project, "党").total
    assert panel.model.rowCount() == 5
    assert panel.summary.text() == f"{total} hits in 5 documents; showing the first 5"


def test_every_column_sorts(qtbot: QtBot, panel: SearchPanel) -> None:
    _search(qtbot, panel, "党")
    keys = {
        DOCUMENT: lambda line: line.document_number,
        UNIT: lambda line: tuple(int(part) for part in line.unit.split("-")),
        LEFT: lambda line: line.left[::-1],  # as concordancers: nearest character first
        HIT: lambda line: line.match,
        RIGHT: lambda line: line.right,
    }
    for column, key in keys.items():
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            panel.table.sortByColumn(column, order)
            values = [key(line) for line in panel.model.lines]
            descending = order == Qt.SortOrder.DescendingOrder
            assert values == sorted(values, reverse=descending), (column, order)
    assert panel.model.index(0, HIT).data() in {"党", "黨"}


def test_sorting_keeps_the_selected_hits_selected(qtbot: QtBot, panel: SearchPanel) -> None:
    _search(qtbot, panel, "党建")
    chosen = _select(panel, [0, 3])
    panel.table.sortByColumn(RIGHT, Qt.SortOrder.DescendingOrder)
    assert panel.model.lines[:2] != _corpus_first_two(panel)  # the rows did move
    assert sorted(panel.chosen_hits(), key=_order) == sorted(chosen, key=_order)


def _corpus_first_two(panel: SearchPanel) -> list[KwicLine]:
    return sorted(panel.model.lines, key=lambda line: _order(line.hit))[:2]


def _order(hit: Hit) -> tuple[int, int, int]:
    return (hit.document_id, hit.start, hit.end)


def _select(panel: SearchPanel, rows: list[int]) -> list[Hit]:
    selection = panel.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.clearSelection()
    for row in rows:
        selection.select(panel.model.index(row, 0), flags)
    return [panel.model.lines[row].hit for row in rows]


def _row_in_another_document(window: MainWindow, panel: SearchPanel) -> int:
    return max(
        row
        for row, line in enumerate(panel.model.lines)
        if line.hit.document_id != window.current_document
    )


def _expect_shown(window: MainWindow, line: KwicLine) -> None:
    hit = line.hit
    assert window.current_document == hit.document_id
    assert window.documents.view.currentIndex().isValid()
    assert window.view.selected_span() == (hit.start, hit.end)  # code points, not UTF-16
    assert window.controller.text(hit.document_id)[hit.start : hit.end] == line.match


def test_clicking_a_hit_opens_its_document_and_selects_it(
    qtbot: QtBot, demo_window: MainWindow, panel: SearchPanel
) -> None:
    _search(qtbot, panel, "鄉村振興")
    row = _row_in_another_document(demo_window, panel)
    panel.table.scrollTo(panel.model.index(row, HIT))
    rect = panel.table.visualRect(panel.model.index(row, HIT))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _expect_shown(demo_window, panel.model.lines[row])


def test_enter_on_a_hit_opens_it(qtbot: QtBot, demo_window: MainWindow, panel: SearchPanel) -> None:
    _search(qtbot, panel, "党建")
    row = _row_in_another_document(demo_window, panel)
    panel.table.setFocus()
    panel.table.selectionModel().blockSignals(True)  # moving alone opens nothing here
    panel.table.setCurrentIndex(panel.model.index(row, HIT))
    panel.table.selectionModel().blockSignals(False)
    assert demo_window.current_document != panel.model.lines[row].hit.document_id
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    _expect_shown(demo_window, panel.model.lines[row])


def test_code_hits_by_sentence_is_one_undo_step(
    qtbot: QtBot, demo_window: MainWindow, panel: SearchPanel
) -> None:
    project = demo_window.controller.project
    _search(qtbot, panel, "党建")
    hits = _select(panel, [1, 4])
    code_id = CodeId(project.code_by_key("M1.1").id)
    before = {a.id for a in project.annotations()}
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_C)  # the list's key, never a code's
    dialog = panel.code_hits_dialog
    assert dialog is not None
    assert dialog.hits == hits
    dialog.code_combo.setCurrentIndex(dialog.code_combo.findData(code_id))
    dialog.extent_buttons["sentence"].click()
    spans = [(h.document_id, h.start, h.end) for h in hits]
    planned = plan_hits(project.stores, spans, code_id, project.coder, "sentence")
    assert len(planned) == 2
    assert dialog.planned == planned
    assert dialog.places.count() == 2
    assert dialog.count.text() == "2 places will be coded:"
    assert all(planned[i].quote in dialog.places.item(i).text() for i in range(2))

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    added = [a for a in project.annotations() if a.id not in before]
    assert sorted((a.document_id, a.start, a.end) for a in added) == [
        (p.document_id, p.start, p.end) for p in planned
    ]
    assert {a.code_id for a in added} == {code_id}
    shown = [a for a in added if a.document_id == demo_window.current_document]
    assert shown
    assert all(a in demo_window.view.annotations_at(a.start) for a in shown)

    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {a.id for a in project.annotations()} == before


def test_cancel_codes_nothing(qtbot: QtBot, demo_window: MainWindow, panel: SearchPanel) -> None:
    project = demo_window.controller.project
    _search(qtbot, panel, "党建")
    panel.table.clearSelection()
    before = len(project.annotations())
    panel.code_button.click()
    dialog = panel.code_hits_dialog
    assert dialog is not None
    assert len(dialog.hits) == panel.model.rowCount()  # none selected: every row
    assert dialog.code_id() is None  # no code used yet: the user picks one
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(project.annotations()) == before
    assert not demo_window.controller.can_undo


def test_a_bad_expression_is_shown_and_the_panel_still_works(
    qtbot: QtBot, panel: SearchPanel, errors: list[str]
) -> None:
    _search(qtbot, panel, "党建(", regex=True)
    assert len(errors) == 1
    assert "regular expression" in errors[0]
    assert panel.model.rowCount() == 0
    assert not panel.code_button.isEnabled()
    _search(qtbot, panel, "党建[联引]", regex=True)
    assert panel.model.rowCount() > 0
    assert {line.match for line in panel.model.lines} <= {"党建联", "党建引", "黨建聯", "黨建引"}


def test_an_empty_query_is_refused(qtbot: QtBot, panel: SearchPanel, errors: list[str]) -> None:
    _search(qtbot, panel, "   ")
    assert len(errors) == 1
    assert "Type something" in errors[0]


def test_no_hits(qtbot: QtBot, panel: SearchPanel, errors: list[str]) -> None:
    _search(qtbot, panel, "量子计算机")
    assert errors == []
    assert panel.model.rowCount() == 0
    assert panel.summary.text() == "0 hits"
    assert not panel.code_button.isEnabled()
