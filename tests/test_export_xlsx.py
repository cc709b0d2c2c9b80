"""The workbook read back with openpyxl: every sheet's figures against the project
(the hand-made project of :mod:`tests.export_fixture`, figures worked by hand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from annotator.exporting import ExportOptions, export
from annotator.exporting.xlsx import export_xlsx
from annotator.models import NewDocument
from annotator.project import Project
from tests.export_fixture import TEXT_1, Coded, build

ZH_SHEETS = [
    "编码明细",
    "文档",
    "编码本",
    "频数",
    "文档×编码",
    "文档×编码 (0-1)",
    "交叉表",
    "共现",
    "举措×机制",
    "信度",
    "分歧",
]


@pytest.fixture
def coded(project: Project) -> Coded:
    return build(project)


def _rows(sheet: Worksheet) -> list[dict[str, Any]]:
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


def _book(coded: Coded, path: Path, **options: Any) -> openpyxl.Workbook:
    export_xlsx(coded.project, path, ExportOptions(**options))
    return openpyxl.load_workbook(path)


def test_sheets_and_their_layout(coded: Coded, tmp_path: Path) -> None:
    book = _book(coded, tmp_path / "out.xlsx")
    assert book.sheetnames == ZH_SHEETS
    for name in ZH_SHEETS[:9]:
        sheet = book[name]
        assert sheet.freeze_panes in ("B2", "C2"), name
        assert str(sheet.auto_filter.ref).startswith("A1:"), name
        assert all(cell.font.b for cell in sheet[1] if cell.value is not None), name
    segments = book["编码明细"]
    assert segments.auto_filter.ref == "A1:Y8"
    assert segments.column_dimensions["L"].width == 40
    assert segments["L2"].alignment.wrap_text
    english = _book(coded, tmp_path / "en.xlsx", language="en")
    assert english.sheetnames == [
        "Segments", "Documents", "Codebook", "Frequencies", "Document × code",
        "Document × code (0-1)", "Cross-tab", "Co-occurrence", "Measures × mechanisms",
        "Agreement", "Disagreements",
    ]  # fmt: skip
    assert english["Segments"]["L1"].value == "Quote"


def test_segments_hold_everything_a_paper_needs(coded: Coded, tmp_path: Path) -> None:
    rows = _rows(_book(coded, tmp_path / "out.xlsx")["编码明细"])
    by_id = {row["标注ID"]: row for row in rows}
    assert len(rows) == 7
    a1, a2, a3 = (by_id[coded.a[k].id] for k in ("a1", "a2", "a3"))
    assert (a1["文档号"], a1["文档标题"], a1["来源"], a1["日期"]) == (
        1,
        "甲文 =标题",
        "人民网",
        "2023-05-01",
    )
    assert (a1["地区"], a1["层级"], a1["单元编号"]) == ("浙江省天台县", "县", "1-1-1-1")
    assert (a1["编码"], a1["编码路径"], a1["编码名称"]) == ("M1.1", "M > M1 > M1.1", "设置")
    assert (a1["引文"], a1["起始"], a1["结束"]) == ("=SUM(A1:A9)", 7, 18)
    assert (a1["上文"], a1["下文"]) == (None, " 党建引领。第二句𠮷😀。")  # "" reads back empty
    assert (a1["编码员"], a1["备忘"]) == ("alice", "+备忘")
    assert (a1["审阅状态"], a1["审阅人"], a1["审阅意见"]) == ("已接受", "rita", "好")
    assert a1["创建时间"] == coded.a["a1"].created
    assert a1["标注UUID"] == coded.a["a1"].uuid
    assert (a2["单元编号"], a2["引文"], a2["上文"]) == (
        "1-1-1-2",
        "第二句𠮷😀",
        "=SUM(A1:A9) 党建引领。",
    )
    assert (a3["单元编号"], a3["审阅状态"], a3["审阅人"]) == ("1-1-2-1", "已拒绝", "rita")
    assert by_id[coded.a["a4"].id]["单元编号"] == "2-0-1-1"
    assert by_id[coded.a["b1"].id]["审阅状态"] == "待审"
    assert [row["引文"] for row in rows] == [TEXT_1[7:18], TEXT_1[7:18], "第二句𠮷😀", "-1+2",
                                             "村集体经济发展", "联建共建", "联建共建"]  # fmt: skip


def test_formula_like_text_comes_back_as_text(coded: Coded, tmp_path: Path) -> None:
    book = _book(coded, tmp_path / "out.xlsx")
    segments = book["编码明细"]
    cells = [c for row in segments.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert {c.value for c in risky} >= {"=SUM(A1:A9)", "+备忘", "-1+2"}
    assert all(c.data_type == "s" for c in risky)  # never "f"
    assert book["文档"]["B2"].value == "甲文 =标题"
    for sheet in book.worksheets:
        assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_numbers_are_numbers_and_codes_coloured(coded: Coded, tmp_path: Path) -> None:
    book = _book(coded, tmp_path / "out.xlsx")
    segments = book["编码明细"]
    assert isinstance(segments["O2"].value, int)
    assert isinstance(segments["B2"].value, int)
    # the code cells take their code's colour by a conditional format per code used
    rules = {
        rule.formula[0]: rule.dxf.fill.fgColor.rgb
        for cells in segments.conditional_formatting
        for rule in cells.rules
        if str(cells.sqref) == "I2:I8"
    }
    assert rules['$J2="M > M1 > M1.1"'].endswith("BCD0F1")
    assert set(rules) == {
        f'$J2="{p}"' for p in ("M > M1", "M > M1 > M1.1", "M > M1 > M1.2", "J > J1")
    }
    codebook = _rows(book["编码本"])
    assert [row["编码"] for row in codebook] == ["M", "M1", "M1.1", "M1.2", "J", "J1"]
    m11 = codebook[2]
    assert (m11["编码路径"], m11["上级编码"], m11["层级"], m11["定义"]) == (
        "M > M1 > M1.1",
        "M1",
        3,
        "定义",
    )
    assert (m11["颜色"], m11["参考点"], m11["材料来源"]) == ("#bcd0f1", 3, 2)
    assert book["编码本"]["A4"].fill.fgColor.rgb.endswith("BCD0F1")


def test_documents_sheet(coded: Coded, tmp_path: Path) -> None:
    rows = _rows(_book(coded, tmp_path / "out.xlsx")["文档"])
    assert [row["文档号"] for row in rows] == [1, 2, 3]
    first = rows[0]
    assert (first["标题"], first["层级"], first["日期"], first["字数"]) == (
        "甲文 =标题",
        "县",
        "2023-05-01",
        len(TEXT_1),
    )
    assert (first["编码数"], first["M 举措"], first["J 机制"]) == (4, 3, 1)
    assert (rows[1]["编码数"], rows[1]["M 举措"], rows[1]["J 机制"]) == (3, 2, 1)
    assert (rows[2]["编码数"], rows[2]["M 举措"]) == (0, 0)


def test_frequencies_with_subtotals(coded: Coded, tmp_path: Path) -> None:
    sheet = _book(coded, tmp_path / "out.xlsx")["频数"]
    rows = _rows(sheet)
    by_key = {row["编码"]: row for row in rows}
    m, m1, m11 = by_key["M"], by_key["M1"], by_key["M1.1"]
    assert (m["参考点"], m["直接编码"], m["材料来源"]) == (5, 0, 2)
    assert m["占全部 %"] == pytest.approx(5 / 7)
    assert m["占上级 %"] is None
    assert (m1["参考点"], m1["直接编码"], m1["占上级 %"]) == (5, 1, 1.0)
    assert (m11["参考点"], m11["材料来源"], m11["占上级 %"]) == (3, 2, pytest.approx(3 / 5))
    assert m11["单元编号"] == "1-1-1-1, 1-1-1-1, 2-0-1-1"
    assert by_key["M1.2"]["参考点"] == 1
    assert by_key["J1"]["参考点"] == 2
    assert m["名称"] == "举措 (小计)"
    assert sheet["E2"].font.b
    assert not sheet["E4"].font.b
    assert sheet["H2"].number_format == "0.0%"
    assert rows[-1]["编码"] == "合计"
    assert (rows[-1]["参考点"], rows[-1]["材料来源"]) == (7, 2)


def test_document_by_code_counts_and_binary(coded: Coded, tmp_path: Path) -> None:
    book = _book(coded, tmp_path / "out.xlsx")
    counts, binary = _rows(book["文档×编码"]), _rows(book["文档×编码 (0-1)"])
    assert [(r["M"], r["M1"], r["M1.1"], r["M1.2"], r["J"], r["J1"]) for r in counts] == [
        (3, 3, 2, 1, 1, 1), (2, 2, 1, 0, 1, 1), (0, 0, 0, 0, 0, 0),
    ]  # fmt: skip
    assert [(r["M1.1"], r["M1.2"], r["J1"]) for r in binary] == [(1, 1, 1), (1, 0, 1), (0, 0, 0)]


def test_cross_tab_counts_and_row_percentages(coded: Coded, tmp_path: Path) -> None:
    sheet = _book(coded, tmp_path / "out.xlsx")["交叉表"]
    header = next(sheet.iter_rows(values_only=True))
    assert header == (
        "编码 \\ 层级",
        "名称",
        "县",
        "地级市",
        "(无)",
        "合计",
        None,
        "县 %",
        "地级市 %",
        "(无) %",
    )
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["M1.1"][2:6] == (2, 1, 0, 3)
    assert rows["M1.1"][7:10] == (pytest.approx(2 / 3), pytest.approx(1 / 3), 0)
    assert rows["J"][2:6] == (1, 1, 0, 2)
    assert rows["合计"][2:6] == (4, 3, 0, 7)
    by_year = _book(coded, tmp_path / "year.xlsx", attribute="year")["交叉表"]
    assert next(by_year.iter_rows(values_only=True))[2:4] == ("2023", "2024")


def test_agreement_sheets_only_with_several_coders(coded: Coded, tmp_path: Path) -> None:
    book = _book(coded, tmp_path / "out.xlsx")
    agreement = _rows(book["信度"])
    m11 = next(row for row in agreement if row["编码"] == "M1.1")
    assert (m11["双方"], m11["仅alice"], m11["仅bob"]) == (1, 1, 0)  # sentence units
    kinds = {(row["编码"], row["分歧"]) for row in _rows(book["分歧"])}
    assert ("J1", "有人未编") in kinds
    alice = coded.project.coder_by_name("alice").id
    alone = _book(coded, tmp_path / "alice.xlsx", coder_ids=frozenset({alice}))
    assert alone.sheetnames == ZH_SHEETS[:9]


def test_progress_reaches_the_end_and_a_cancel_leaves_nothing(coded: Coded, tmp_path: Path) -> None:
    from annotator.errors import CancelledError

    seen: list[tuple[int, int]] = []
    export(coded.project, tmp_path / "out.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(done, 18) for done in (8, 9, 10, 11, 12, 14, 15, 16, 17, 18)]
    assert seen == sorted(seen)

    def cancel(*_: int) -> None:
        raise CancelledError("已取消 / Cancelled")

    with pytest.raises(CancelledError):
        export(coded.project, tmp_path / "gone.xlsx", progress=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_an_empty_project_exports(project: Project, tmp_path: Path) -> None:
    assert export(project, tmp_path / "empty.xlsx") == 0
    book = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert book.sheetnames == ZH_SHEETS[:8]  # no M and J codes: no pair sheet
    assert _rows(book["频数"])[-1]["参考点"] == 0


def test_text_excel_cannot_hold_is_made_safe(project: Project, tmp_path: Path) -> None:
    """U+FFFF breaks the sheet's XML; "#N/A" would be an error cell; a memo longer than a
    cell holds would be cut silently (review findings)."""
    text = "甲\uffff乙 #N/A 丙"
    document = project.add_documents([NewDocument(text=text, raw_text=text, title="#REF!")])[0]
    code = project.add_code(key="#NULL!", name="#DIV/0!")
    project.add_annotation(document.id, code.id, 0, 3, memo="长" * 40_000)
    project.add_annotation(document.id, code.id, 4, 8)
    book = _book(Coded(project, [document], {}, {}), tmp_path / "odd.xlsx")  # it loads
    rows = _rows(book["编码明细"])
    assert rows[0]["引文"] == "甲\ufffd乙"
    assert len(rows[0]["备忘"]) == 32_767
    assert rows[0]["备忘"].endswith("…")
    assert (rows[1]["引文"], rows[0]["文档标题"], rows[0]["编码"]) == ("#N/A", "#REF!", "#NULL!")
    errors = [
        c for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "e"
    ]
    assert errors == []


def test_every_row_share_of_the_cross_tab_is_a_percentage(coded: Coded, tmp_path: Path) -> None:
    sheet = _book(coded, tmp_path / "out.xlsx")["交叉表"]
    header = [cell.value for cell in sheet[1]]
    shares = [i for i, title in enumerate(header, 1) if str(title).endswith(" %")]
    assert len(shares) == 3
    assert all(sheet.cell(row=2, column=i).number_format == "0.0%" for i in shares)
    assert sheet.cell(row=2, column=shares[0] - 1).value is None  # the gap


def test_codes_that_go_together(coded: Coded, tmp_path: Path) -> None:
    book = _book(coded, tmp_path / "out.xlsx")
    heat = book["共现"]
    header = next(heat.iter_rows(values_only=True))
    assert header == ("同句共现", "M1", "M1.1", "M1.2", "J1")  # the codes used
    rows = {row[0]: row[1:] for row in heat.iter_rows(min_row=2, values_only=True)}
    assert rows["M1"] == (None, 0, 0, 1)  # 联建共建: M1 (alice) and J1 (bob)
    assert rows["J1"] == (1, 0, 0, None)
    assert any("B2:E5" in str(rng.sqref) for rng in heat.conditional_formatting)
    pairs = _rows(book["举措×机制"])
    assert pairs == [
        {"举措": "M1", "举措名称": "组织", "机制": "J1", "机制名称": "责任", "共现句数": 1,
         "单元编号": "2-0-1-2"},
    ]  # fmt: skip
    frequencies = book["频数"]
    [chart] = frequencies._charts
    chart_rows = [row[11:13] for row in frequencies.iter_rows(min_row=2, values_only=True)]
    # codes without sub-codes, most used last (Excel draws the first bar at the bottom)
    assert [r for r in chart_rows if r[0]] == [("M1.2", 1), ("J1", 2), ("M1.1", 3)]
    assert chart.title is not None
