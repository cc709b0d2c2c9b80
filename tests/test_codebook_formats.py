"""Codebooks as JSON, Excel and REFI-QDA files: round trips, foreign files, safety."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema
from openpyxl import Workbook, load_workbook

from annotator.codebooks import MergeCodebook, read_codebook, write_codebook
from annotator.codebooks.qdc import parse_qdc
from annotator.errors import ValidationError
from annotator.project import Project
from annotator.resources import default_codebook_path

SCHEMA = Path(__file__).parents[1] / "resources" / "refi-qda" / "Codebook.xsd"
FORMATS = ["json", "xlsx", "qdc"]


@pytest.fixture
def coded(project: Project) -> Project:
    """The default codebook, with a shortcut, an archived code and an awkward text."""
    project.execute(MergeCodebook(read_codebook(default_codebook_path())))
    project.set_shortcut(project.code_by_key("M1.1").id, "1")
    project.update_code(project.code_by_key("B2").id, archived=True)
    project.update_code(
        project.code_by_key("E1").id, example="=SUM(A1) 不是公式\n第二行  ", name_en=" 𠮷 "
    )
    project.history.clear()
    return project


@pytest.mark.parametrize("suffix", FORMATS)
def test_project_to_file_to_project_gives_the_same_codebook(
    coded: Project, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"codebook.{suffix}"
    write_codebook(coded.codebook(), path)
    with Project.in_memory() as other:
        other.coder = "bob"
        other.execute(MergeCodebook(read_codebook(path)))
        assert other.codebook().codes == coded.codebook().codes
        assert [(c.uuid, c.position) for c in other.codes()] == [
            (c.uuid, c.position) for c in coded.codes()
        ]
        if suffix != "qdc":  # a .qdc has no place for the codebook's own texts
            assert other.codebook().info == coded.codebook().info


@pytest.mark.parametrize("suffix", FORMATS)
def test_file_to_file_gives_the_same_codebook(tmp_path: Path, suffix: str) -> None:
    original = read_codebook(default_codebook_path())
    path = tmp_path / f"codebook.{suffix}"
    write_codebook(original, path)
    again = read_codebook(path)
    assert again.codes == original.codes
    assert len(again.codes) == 54


def test_qdc_output_validates_against_the_refi_qda_schema(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "codebook.qdc"
    write_codebook(coded.codebook(), path)
    xmlschema.XMLSchema(SCHEMA).validate(str(path))
    text = path.read_text(encoding="utf-8")
    assert 'name="党组织设置与覆盖"' in text  # readable names for the other programs
    assert "<Description>把党组织/党员建到产业链" in text


def test_a_qdc_from_another_program_is_read_by_guid(project: Project) -> None:
    data = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA 2022">
  <Codes>
    <Code guid="{A1B2C3D4-0000-4000-8000-000000000001}" name="举措" isCodable="false" color="#F00">
      <Description>Measures</Description>
      <Code guid="a1b2c3d4-0000-4000-8000-000000000002" name="培训" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>""".encode()
    codebook = parse_qdc(data)
    parent, child = codebook.codes
    assert (parent.key, parent.uuid) == (None, "a1b2c3d4-0000-4000-8000-000000000001")
    assert (parent.fields["definition"], parent.fields["color"]) == ("Measures", "#FF0000")
    assert child.parent == parent.ref
    project.execute(MergeCodebook(codebook))
    project.execute(command := MergeCodebook(codebook))  # the same file again: nothing new
    assert command.report.added == []
    assert len(command.report.unchanged) == 2
    assert [c.name for c in project.codes()] == ["举措", "培训"]


def test_a_qdc_with_a_dtd_is_refused() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>"""
    with pytest.raises(ValidationError, match="DTD"):
        parse_qdc(bomb)


def test_a_researchers_own_sheet_is_understood(tmp_path: Path) -> None:
    """Chinese headers, children before parents, extra columns, mixed keyword separators."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["编号", "上级", "中文名", "定义", "关键词", "RZ", "备注"])
    sheet.append(
        [
            1.1,
            1,
            "党组织设置",
            "把支部建在产业链上",
            "支部建在产业链上，联合组建;网格",
            "环境型",
            "",
        ]
    )
    sheet.append([1, None, "组织体系建设", "", "", "", "一级"])
    sheet.append([None, None, None, None, None, None, None])
    path = tmp_path / "我的编码表.xlsx"
    workbook.save(path)
    codebook = read_codebook(path)
    parent, child = codebook.codes
    assert (parent.key, child.key, child.parent) == ("1", "1.1", "1")
    assert child.fields["keywords"] == ("支部建在产业链上", "联合组建", "网格")
    assert child.fields["attributes"] == {"RZ": "环境型"}
    assert parent.fields["attributes"] == {"备注": "一级"}


def test_excel_never_holds_a_formula_and_shows_colours(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "codebook.xlsx"
    write_codebook(coded.codebook(), path)
    sheet = load_workbook(path).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    formula = next(c for c in cells if str(c.value).startswith("=SUM"))
    assert formula.data_type == "s"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["编码", "上级编码", "名称"]
    assert header[-2:] == ["RZ", "HR"]
    color = sheet.cell(row=2, column=header.index("颜色") + 1)
    assert color.fill.fgColor.rgb.endswith(str(color.value).lstrip("#").upper())


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["名称"], ["党建"]], "no key column"),
        ([["编码", "名称", "上级编码"], ["A", "甲", "Z"]], "is not in the codebook"),
        ([["编码", "名称", "上级编码"], ["A", "甲", "B"], ["B", "乙", "A"]], "loop"),
        ([["编码", "名称", "已归档"], ["A", "甲", "也许"]], "archived must be yes or no"),
        ([["编码", "名称"], ["A", ""]], "has no name"),
    ],
)
def test_bad_sheets_are_refused_clearly(
    tmp_path: Path, rows: list[list[object]], message: str
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    with pytest.raises(ValidationError, match=message):
        read_codebook(path)


def test_unknown_extension_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\.json, \.xlsx, \.qdc"):
        read_codebook(tmp_path / "codes.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="Cannot read the workbook"):
        read_codebook(tmp_path / "broken.xlsx")
    (tmp_path / "broken.qdc").write_text("<CodeBook", encoding="utf-8")
    with pytest.raises(ValidationError, match="not well-formed"):
        read_codebook(tmp_path / "broken.qdc")


def test_reimport_reports_what_changed(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "codebook.json"
    write_codebook(coded.codebook(), path)
    coded.update_code(coded.code_by_key("M1").id, name="组织", keywords=("支部",))
    coded.move_code(coded.code_by_key("J1.1").id, coded.code_by_key("M").id)
    command = MergeCodebook(read_codebook(path))
    coded.execute(command)
    assert command.report.updated == {"M1": ["keywords", "name"], "J1.1": ["parent"]}
    assert coded.code_by_key("M1").name == "组织体系建设"
