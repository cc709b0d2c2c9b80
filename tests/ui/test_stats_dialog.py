"""The statistics window on the demo project: its figures are the core's."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from annotator.codestats import co_occurrence, measure_mechanism_pairs
from annotator.exporting.dataset import ExportOptions, collect
from annotator.exporting.tables import cross_tab, frequencies
from ui.dialogs.stats_crosstab import percent
from ui.dialogs.stats_dialog import StatsDialog, table_rows
from ui.dialogs.word_lists_dialog import WordListsDialog
from ui.i18n import code_name
from ui.main_window import MainWindow


@pytest.fixture
def dialog(demo_window: MainWindow) -> StatsDialog:
    demo_window.stats_action.trigger()
    found = demo_window.findChild(StatsDialog)
    assert found is not None
    return found


def _counted(dialog: StatsDialog, qtbot: QtBot) -> dict[str, tuple[int, int]]:
    tab = dialog.words
    tab.top.setValue(10000)
    tab.count_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() > 0)
    return {str(word): (count, documents) for word, count, documents in table_rows(tab.table)}


def test_code_frequencies_are_the_core_figures(dialog: StatsDialog) -> None:
    project = dialog.controller.project
    rows = [r for r in frequencies(collect(project)) if not r.subtotal and r.references]
    expected = sorted(
        ([r.code.key, code_name(r.code), r.references, r.documents] for r in rows),
        key=lambda row: -row[2],
    )
    assert table_rows(dialog.codes.table) == expected
    assert dialog.codes.chart.bars == [(key, refs) for key, _, refs, _ in expected[:30]]
    leaf_counts = project.code_counts()
    assert all(leaf_counts[r.code.id] == r.references for r in rows)


@pytest.mark.parametrize("unit", ["overlap", "sentence", "document"])
def test_heat_map_is_the_core_co_occurrence(dialog: StatsDialog, unit: str) -> None:
    tab = dialog.co_occurrence
    tab.unit.setCurrentIndex(tab.unit.findData(unit))
    counts = co_occurrence(dialog.controller.project, unit)
    keys = {code.key: code.id for code in dialog.controller.codes()}
    ids = [keys[label] for label in tab.heat_map.labels]
    assert {a for pair in counts for a in pair} <= set(ids)
    shown = {
        (min(a, b), max(a, b)): tab.heat_map.matrix[i][j]
        for i, a in enumerate(ids)
        for j, b in enumerate(ids)
        if a != b and tab.heat_map.matrix[i][j]
    }
    assert shown == dict(counts)


def test_pairs_table_is_the_core_pairs(dialog: StatsDialog) -> None:
    project = dialog.controller.project
    keys = {code.id: code.key for code in project.codes()}
    expected = [
        [keys[p.first], keys[p.second], p.sentences, ", ".join(p.units)]
        for p in measure_mechanism_pairs(project, "M", "J")
    ]
    assert table_rows(dialog.co_occurrence.pairs) == expected
    assert dialog.co_occurrence.pairs.columnCount() == 4


def test_corpus_word_counts(dialog: StatsDialog, qtbot: QtBot) -> None:
    words = _counted(dialog, qtbot)
    assert words["乡村振兴"][0] == 22
    assert words["村级集体经济"][0] == 14
    assert dialog.words.chart.bars[0][1] == max(count for count, _ in words.values())
    assert not dialog.words.group.isVisible()


def test_grouped_by_document_offers_each_document(dialog: StatsDialog, qtbot: QtBot) -> None:
    tab = dialog.words
    tab.by.setCurrentIndex(tab.by.findData("document"))
    _counted(dialog, qtbot)
    assert tab.group.count() == len(dialog.controller.documents())


def test_word_lists_change_counts_and_undo_restores_them(
    dialog: StatsDialog, demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _counted(dialog, qtbot)

    def typed(self: WordListsDialog) -> int:
        self.stopwords.setPlainText("乡村振兴\n\n")
        self.dictionary.setPlainText("村级集体经济组织")
        return 1

    monkeypatch.setattr(WordListsDialog, "exec", typed)
    dialog.words.lists_button.click()
    assert dialog.controller.word_lists().stopwords == ("乡村振兴",)
    after = {str(row[0]): row[1] for row in table_rows(dialog.words.table)}
    assert "乡村振兴" not in after
    demo_window.undo_action.trigger()
    restored = {str(w): (c, d) for w, c, d in table_rows(dialog.words.table)}
    assert restored == before


def test_save_as_png(dialog: StatsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "chart"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    dialog.show()
    pane = dialog.co_occurrence.heat_map.parentWidget()
    pane.save_button.click()
    image = QImage(str(target) + ".png")
    assert not image.isNull()
    assert image.width() > 0
    dialog.tabs.setCurrentIndex(0)
    dialog.codes.chart.parentWidget().save_button.click()
    assert (tmp_path / "chart.png").stat().st_size > 0


def test_export_to_excel_writes_the_word_sheet(
    dialog: StatsDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    QSettings().setValue("language", "zh_CN")  # the workbook follows the interface
    target = tmp_path / "词频.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    _counted(dialog, qtbot)
    dialog.words.export_button.click()
    book = openpyxl.load_workbook(target)
    assert "词频" in book.sheetnames
    cells = [c for row in book["词频"].iter_rows(values_only=True) for c in row]
    assert "乡村振兴" in cells


def _cross_tab(dialog: StatsDialog, attribute: str, shares: bool) -> list[list[object]]:
    """The core's cross-tab of ``attribute`` as the tab should show it."""
    data = collect(dialog.controller.project, ExportOptions(attribute=attribute))
    table = cross_tab(data, attribute)
    rows: list[list[object]] = []
    for code in data.codes:
        cells = [
            percent(table.row_share(code.id, v)) if shares else table.counts[code.id][v]
            for v in table.values
        ]
        rows.append([code.key or "", code_name(code), *cells, table.total(code.id)])
    totals = [table.column_total(v, data.codes) for v in table.values]
    grand = sum(totals)
    cells = [percent(n / grand) if shares else n for n in totals]
    return [*rows, ["Total", "", *cells, grand]]


@pytest.mark.parametrize("attribute", ["region_level", "year"])
def test_cross_tab_is_the_core_cross_tab(dialog: StatsDialog, attribute: str) -> None:
    tab = dialog.crosstab
    assert dialog.tabs.indexOf(tab) == 3
    tab.attribute.setCurrentIndex(tab.attribute.findData(attribute))
    data = collect(dialog.controller.project, ExportOptions(attribute=attribute))
    values = cross_tab(data, attribute).values
    headers = [tab.table.horizontalHeaderItem(c).text() for c in range(tab.table.columnCount())]
    assert headers == ["Code", "Name", *(v or "(none)" for v in values), "Total"]
    assert table_rows(tab.table) == _cross_tab(dialog, attribute, shares=False)
    assert len(values) > 1
    assert table_rows(tab.table)[-1][-1] == len(data.annotations)
    tab.row_share.setChecked(True)
    assert table_rows(tab.table) == _cross_tab(dialog, attribute, shares=True)


def test_cross_tab_rows_in_tree_order_top_level_bold(dialog: StatsDialog) -> None:
    tab = dialog.crosstab
    codes = dialog.controller.codes()
    assert tab.attribute.currentData() == "region_level"
    assert tab.attribute.itemText(0) == "Level"
    assert [tab.table.item(r, 0).text() for r in range(len(codes))] == [c.key for c in codes]
    bold = [tab.table.item(r, 0).font().bold() for r in range(len(codes))]
    assert bold == [c.parent_id is None for c in codes]
    assert tab.table.item(len(codes), 0).font().bold()


def test_cross_tab_follows_the_project(dialog: StatsDialog, demo_window: MainWindow) -> None:
    tab = dialog.crosstab
    tab.attribute.setCurrentIndex(tab.attribute.findData("year"))
    before = table_rows(tab.table)
    document = dialog.controller.documents()[0]
    coded = [a for a in dialog.controller.project.annotations() if a.document_id == document.id]
    dialog.controller.run(lambda: dialog.controller.delete_annotations([a.id for a in coded]))
    assert tab.attribute.currentData() == "year"
    assert table_rows(tab.table)[-1][-1] == before[-1][-1] - len(coded)
    assert table_rows(tab.table) == _cross_tab(dialog, "year", shares=False)
    demo_window.undo_action.trigger()
    assert table_rows(tab.table) == before
