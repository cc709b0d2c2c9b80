"""The document list: filter by metadata (traditional and simplified alike), sort, pick."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.main_window import MainWindow
from ui.models.document_table_model import ID_ROLE


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    return demo_window


def _titles(window: MainWindow) -> list[str]:
    proxy = window.documents.proxy
    return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]


def test_columns_show_region_and_date(window: MainWindow) -> None:
    model = window.documents_model
    row = next(r for r in range(model.rowCount()) if "铜仁江口" in str(model.index(r, 0).data()))
    assert model.index(row, 1).data() == "铜仁市江口县"
    assert model.index(row, 2).data() == "2022-06-29"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("江口", ["铜仁江口"]), ("安阳", ["001_"]), ("组织部长谈", ["【組織部長談】"]),
     ("2024-12", ["坚持问题导向"]), ("浙江", ["【組織部長談】"]), ("不存在", [])],
)  # fmt: skip
def test_filter_by_metadata_in_either_script(
    window: MainWindow, query: str, expected: list[str]
) -> None:
    window.documents.filter_edit.setText(query)
    titles = _titles(window)
    assert len(titles) == len(expected)
    assert all(any(part in title for title in titles) for part in expected)


def test_sorting_by_codings_and_choosing_a_row(window: MainWindow) -> None:
    window.documents_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    counts = [window.documents.proxy.index(r, 4).data() for r in range(5)]
    assert counts == sorted(counts, reverse=True)
    window.documents_view.selectRow(0)  # the most coded article
    assert window.current_document is not None
    assert len(window.controller.annotations(window.current_document)) == counts[0]


def test_the_open_document_stays_selected_when_the_list_reloads(window: MainWindow) -> None:
    window.documents.filter_edit.setText("强化")
    window.documents_view.selectRow(0)
    current = window.current_document
    assert current is not None
    window.controller.project.update_document(current, memo="已读")
    assert window.current_document == current
    selected = window.documents_view.selectionModel().selectedRows()
    assert next(index.data() for index in selected).startswith("⚑ 强化")


def test_review_progress_column_updates_and_sorts_by_share(window: MainWindow) -> None:
    from annotator.models import ReviewStatus

    project, model = window.controller.project, window.documents_model
    proxy = window.documents.proxy
    counts = project.annotation_counts()
    first = next(d for d in project.documents() if counts.get(d.id, 0) >= 2)
    second = next(d for d in project.documents() if counts.get(d.id) and d != first)
    row = model.row_of(first.id)
    assert row is not None
    assert model.index(row, 5).data() == "0%"
    annotations = project.annotations(document_id=first.id)
    project.review_annotation(annotations[0].id, ReviewStatus.ACCEPTED, "", reviewer="审")
    assert model.index(row, 5).data() == f"{1 / len(annotations):.0%}"
    for annotation in project.annotations(document_id=second.id):
        project.review_annotation(annotation.id, ReviewStatus.REJECTED, "", reviewer="审")
    uncoded = next(r for r in range(model.rowCount()) if not model.index(r, 4).data())
    assert model.index(uncoded, 5).data() == ""  # nothing to review

    window.documents_view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    ids = [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(proxy.rowCount())]
    assert ids[:2] == [second.id, first.id]  # 100% before a share, "—" rows last
    assert proxy.index(proxy.rowCount() - 1, 5).data() == ""
    window.undo_action.trigger()
    assert model.index(model.row_of(second.id), 5).data() != "100%"


def test_a_sorted_list_keeps_its_order_and_selection_through_new_counts(
    window: MainWindow,
) -> None:
    view, proxy = window.documents_view, window.documents.proxy
    view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    view.selectRow(0)  # the least coded article
    chosen = window.current_document
    assert chosen is not None
    code = window.controller.codes()[0]
    for start in range(0, 60, 6):  # now the most coded
        window.controller.project.add_annotation(chosen, code.id, start, start + 3)
    counts = [proxy.index(r, 4).data() for r in range(proxy.rowCount())]
    assert counts == sorted(counts)
    last = proxy.index(proxy.rowCount() - 1, 0)
    assert last.data(ID_ROLE) == chosen
    [selected] = view.selectionModel().selectedRows()
    assert selected.row() == proxy.rowCount() - 1  # the selection moved with its row
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # import order again
    ids = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
    assert ids == sorted(ids)
