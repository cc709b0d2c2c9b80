"""The first sheet of the workbook: one row per annotation, safe to open."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from annotator.exporting.xlsx import export_xlsx
from annotator.project import Project
from tests.conftest import add_document


def test_segments_sheet_reads_back(project: Project, tmp_path: Path) -> None:
    text = "=SUM(A1:A9) 𠮷😀党建引领\n-1+2 @cmd 乡村振兴"
    document = add_document(project, text, "标题")
    m = project.add_code(key="M", name="举措")
    m1 = project.add_code(key="M1", name="组织", parent_id=m.id)
    project.add_annotation(document.id, m1.id, 0, 11, memo="+备忘")
    project.add_annotation(document.id, m.id, 12, 18, coder="bob")
    project.add_annotation(document.id, m.id, 19, 23)
    out = tmp_path / "out.xlsx"
    assert export_xlsx(project, out) == 3

    sheet = openpyxl.load_workbook(out)["编码明细"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == (
        "标注ID",
        "标注UUID",
        "文档ID",
        "文档标题",
        "编码",
        "编码路径",
        "编码名称",
        "引文",
    )
    first, second, third = rows[1:]
    assert first[4:8] == ("M1", "M > M1", "组织", "=SUM(A1:A9)")
    assert (first[8], first[9], first[10], first[11]) == (0, 11, "alice", "+备忘")
    assert second[7] == "𠮷😀党建引领"
    assert second[10] == "bob"
    assert third[7] == "-1+2"
    for cell in sheet["H"][1:]:
        assert cell.data_type == "s"  # text, never a formula
    assert sheet.freeze_panes == "A2"


def test_english_headers(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "en.xlsx"
    export_xlsx(project, out, language="en")
    sheet = openpyxl.load_workbook(out)["Segments"]
    assert next(sheet.iter_rows(values_only=True))[7] == "Quote"
