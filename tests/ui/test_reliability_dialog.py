"""The reliability report dialog: the core's figures per code, flags, coders, units, export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from annotator.agreement.report import reliability_report
from annotator.excel import load_workbook
from annotator.models import DocumentId
from annotator.project import Project
from tests.conftest import add_document
from ui.controller import ProjectController
from ui.dialogs.reliability_dialog import ReliabilityDialog
from ui.models.reliability_model import FLAG, FLAG_COLOUR, UNDEFINED

# Four sentences: 0–6, 6–12, 12–16, 16–20.
TEXT = "一二三四五。六七八九十。甲乙丙。丁戊己。"
ROLE = Qt.ItemDataRole
TWO = ["张三", "李四"]


@pytest.fixture
def controller(settings: Path) -> Iterator[ProjectController]:  # noqa: ARG001
    project = Project.in_memory()
    document = add_document(project, TEXT)
    a = project.add_code(key="A", name="甲")
    b = project.add_code(key="B", name="乙")
    project.add_code(key="C", name="丙")  # nobody uses it
    project.add_annotation(document.id, a.id, 0, 2, coder="张三")
    project.add_annotation(document.id, a.id, 2, 4, coder="李四")
    project.add_annotation(document.id, a.id, 7, 9, coder="李四")
    for coder in ("张三", "李四", "王五"):
        project.add_annotation(document.id, b.id, 12, 14, coder=coder)
    other = add_document(project, "子丑。寅卯。", title="另一篇")
    project.add_annotation(other.id, a.id, 0, 1, coder="张三")
    controller = ProjectController(project)
    yield controller
    controller.close()


def _dialog(
    qtbot: QtBot, controller: ProjectController, document_ids: list[DocumentId] | None = None
) -> ReliabilityDialog:
    dialog = ReliabilityDialog(controller, document_ids=document_ids)
    qtbot.addWidget(dialog)
    return dialog


def _texts(dialog: ReliabilityDialog, role: int = ROLE.DisplayRole) -> list[list[object]]:
    model = dialog.model
    return [
        [model.data(model.index(row, column), role) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _headers(dialog: ReliabilityDialog) -> list[str]:
    model = dialog.model
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def _by_key(dialog: ReliabilityDialog) -> dict[str, list[object]]:
    return {str(row[0]): row for row in _texts(dialog)}


def test_two_coders_show_the_core_figures_with_flags(
    qtbot: QtBot, controller: ProjectController
) -> None:
    dialog = _dialog(qtbot, controller)
    assert dialog.checked_coders() == TWO  # the first two who coded; 王五 is offered too
    assert dialog.unit() == "sentence"
    assert _headers(dialog) == [
        "Code", "Name", "N", "Both", "Only 张三", "Only 李四", "Neither", "% agreement",
        "κ", "Holsti", "α", "Flag",
    ]  # fmt: skip
    expected = reliability_report(controller.project, TWO, "sentence")
    shown = [row for row in expected.rows if row.used or row.code_id is None]
    assert dialog.model.rows == shown  # C is hidden: nobody used it
    for values, row in zip(_texts(dialog, ROLE.UserRole), shown, strict=True):
        t = row.table
        assert values[2:11] == [
            row.n, t.both, t.first_only, t.second_only, t.neither,
            row.percent, row.kappa, row.holsti, row.alpha,
        ]  # fmt: skip
    # By hand, code A in the six sentences: both coded the 1st, 张三 alone the 5th,
    # 李四 alone the 2nd, neither the other 3.
    a = _by_key(dialog)["A"]
    assert a[2:7] == ["6", "1", "1", "1", "3"]
    po, pe = 4 / 6, (2 * 2 + 4 * 4) / 36
    assert a[8] == f"{(po - pe) / (1 - pe):.3f}" == "0.250"
    assert a[9] == "0.500"  # Holsti 2·1/(2+2)


def test_flagged_undefined_and_overall_rows(qtbot: QtBot, controller: ProjectController) -> None:
    dialog = _dialog(qtbot, controller)
    model, rows = dialog.model, dialog.model.rows
    flagged = next(i for i, row in enumerate(rows) if row.key == "A")
    fine = next(i for i, row in enumerate(rows) if row.key == "B")
    flag_column = model.columnCount() - 1
    assert model.data(model.index(flagged, flag_column)) == FLAG
    assert model.data(model.index(flagged, 0), ROLE.BackgroundRole) == FLAG_COLOUR
    assert "0.6" in model.data(model.index(flagged, flag_column), ROLE.ToolTipRole)
    assert model.data(model.index(fine, flag_column)) == ""
    assert model.data(model.index(fine, 0), ROLE.BackgroundRole) is None
    overall = model.rowCount() - 1
    assert rows[overall].code_id is None
    assert model.data(model.index(overall, 1)) == "Overall"
    font = model.data(model.index(overall, 0), ROLE.FontRole)
    assert isinstance(font, QFont)
    assert font.bold()
    alignment = model.data(model.index(overall, 2), ROLE.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight

    first = controller.documents()[0].id
    one = _dialog(qtbot, controller, [first])
    one.unit_combo.setCurrentIndex(one.unit_combo.findData("document"))
    assert one.report is not None
    assert one.report.unit == "document"
    b = _by_key(one)["B"]  # one unit, and both coded it: Pe = 1, κ undefined
    assert (b[8], b[9]) == (UNDEFINED, "1.000")
    assert not any("nan" in str(cell).lower() for row in _texts(one) for cell in row)


def test_hide_codes_nobody_used(qtbot: QtBot, controller: ProjectController) -> None:
    dialog = _dialog(qtbot, controller)
    assert dialog.hide_unused.isChecked()
    assert list(_by_key(dialog)) == ["A", "B", ""]
    dialog.hide_unused.setChecked(False)
    assert list(_by_key(dialog)) == ["A", "B", "C", ""]
    assert _by_key(dialog)["C"][8:11] == [UNDEFINED] * 3  # κ, Holsti, α of an unused code
    assert dialog.model.rows[-1].code_id is None


def test_three_coders_show_alpha_mean_holsti_and_r(
    qtbot: QtBot, controller: ProjectController
) -> None:
    dialog = _dialog(qtbot, controller)
    dialog.set_checked_coders(["张三", "李四", "王五"])
    assert _headers(dialog) == ["Code", "Name", "N", "α", "Mean Holsti K̄", "R", "Flag"]
    expected = reliability_report(controller.project, ["张三", "李四", "王五"], "sentence")
    shown = [row for row in expected.rows if row.used or row.code_id is None]
    values = [row[2:6] for row in _texts(dialog, ROLE.UserRole)]
    assert values == [[r.n, r.alpha, r.mean_holsti, r.reliability] for r in shown]
    assert _by_key(dialog)["A"][-1] == FLAG  # R under 0.8
    assert _by_key(dialog)["B"][3:6] == ["1.000", "1.000", "1.000"]


def test_fewer_than_two_coders_compute_nothing(qtbot: QtBot, controller: ProjectController) -> None:
    dialog = _dialog(qtbot, controller)
    assert dialog.model.rowCount() > 0
    dialog.coder_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # the user unchecks 李四
    assert dialog.checked_coders() == ["张三"]
    assert "two coders" in dialog.status.text()
    assert dialog.model.rowCount() == 0
    assert dialog.report is None
    assert not dialog.export_button.isEnabled()
    dialog.coder_list.item(2).setCheckState(Qt.CheckState.Checked)  # 王五
    assert dialog.model.rowCount() > 0
    assert dialog.status.text() == ""


def test_units_and_selected_documents(qtbot: QtBot, controller: ProjectController) -> None:
    first = controller.documents()[0].id
    dialog = _dialog(qtbot, controller, [first])
    units = [dialog.unit_combo.itemData(i) for i in range(dialog.unit_combo.count())]
    assert units == ["character", "sentence", "paragraph", "document"]
    assert dialog.scope_combo.currentText() == "Selected documents (1)"
    assert dialog.scope() == [first]
    expected = reliability_report(controller.project, TWO, "sentence", [first])
    assert dialog.report == expected
    assert _by_key(dialog)["A"][2] == "4"  # the four sentences of the first document
    dialog.scope_combo.setCurrentIndex(0)  # All documents
    assert dialog.scope() is None
    assert _by_key(dialog)["A"][2] == "6"
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("character"))
    assert dialog.report == reliability_report(controller.project, TWO, "character")


def test_sorting_keeps_the_overall_row_last(qtbot: QtBot, controller: ProjectController) -> None:
    dialog = _dialog(qtbot, controller)
    dialog.hide_unused.setChecked(False)
    kappa = _headers(dialog).index("κ")
    dialog.table.sortByColumn(kappa, Qt.SortOrder.DescendingOrder)
    assert list(_by_key(dialog)) == ["B", "A", "C", ""]  # undefined last, overall after all
    dialog.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert list(_by_key(dialog)) == ["A", "B", "C", ""]  # codebook order


@pytest.mark.parametrize(
    ("language", "sheets"),
    [("en", ["Agreement", "Disagreements"]), ("zh_CN", ["信度", "分歧"])],
)
def test_export_writes_the_report_and_the_disagreements(
    qtbot: QtBot,
    controller: ProjectController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    sheets: list[str],
) -> None:
    QSettings().setValue("language", language)
    target = tmp_path / "out" / "信度.xlsx"
    target.parent.mkdir()
    dialog = _dialog(qtbot, controller)
    monkeypatch.setattr(dialog, "ask_export_path", lambda: target)
    dialog.export_button.click()
    workbook = load_workbook(target, read_only=True)
    try:
        assert workbook.sheetnames == sheets
        agreement = list(workbook[sheets[0]].iter_rows(values_only=True))
        assert [row[0] for row in agreement[1:4]] == ["A", "B", "C"]
        found = list(workbook[sheets[1]].iter_rows(values_only=True))[1:]
    finally:
        workbook.close()
    assert found  # 张三 and 李四 disagree on A
    assert dialog.status.text() == f"Wrote {len(found)} disagreements to {target}"


def test_export_cancelled_or_failing_writes_nothing(
    qtbot: QtBot, controller: ProjectController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, controller)
    monkeypatch.setattr(dialog, "ask_export_path", lambda: None)
    assert dialog.export() is None
    assert dialog.status.text() == ""
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(dialog, "ask_export_path", lambda: blocked / "信度.xlsx")
    with qtbot.waitSignal(controller.error):
        assert dialog.export() is None
    assert dialog.status.text() == ""


def test_the_report_moves_a_progress_bar_and_a_cancel_stops_it(
    qtbot: QtBot, controller: ProjectController, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    values: list[int] = []
    real_set_value = QProgressDialog.setValue
    monkeypatch.setattr(
        QProgressDialog, "setValue", lambda bar, v: (values.append(v), real_set_value(bar, v))
    )
    dialog = _dialog(qtbot, controller)  # computes on opening: two documents
    assert values == [0, 50, 100]
    assert dialog.report is not None
    errors: list[str] = []
    controller.error.connect(errors.append)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _bar: True)
    dialog.unit_combo.setCurrentIndex((dialog.unit_combo.currentIndex() + 1) % 2)
    assert dialog.report is None
    assert "Stopped" in dialog.status.text()
    assert errors == []  # a cancel is not an error
    assert not dialog.export_button.isEnabled()
