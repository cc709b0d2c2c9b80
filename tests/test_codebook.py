"""Codebook files: the shipped default, round trips, merging by key, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.codebooks import MergeCodebook, parse_codebook, read_codebook, write_codebook
from annotator.errors import ValidationError
from annotator.project import Project
from annotator.resources import default_codebook_path


def test_default_codebook_is_the_research_scheme(project: Project) -> None:
    codebook = read_codebook(default_codebook_path())
    project.execute(MergeCodebook(codebook))
    codes = {code.key: code for code in project.codes()}
    assert len(codes) == 54
    assert [c.key for c in project.codes() if c.parent_id is None] == ["M", "J", "B", "E"]
    m11 = codes["M1.1"]
    assert m11.parent_id == codes["M1"].id
    assert codes["M1"].parent_id == codes["M"].id
    assert (m11.name, m11.name_en) == ("党组织设置与覆盖", "Party-cell placement & coverage")
    assert "联合组建" in m11.keywords
    assert dict(m11.attributes) == {"RZ": "环境型", "HR": "强制型"}
    assert len({code.color for code in codes.values()}) == 54


def test_write_then_read_gives_the_same_codebook(project: Project, tmp_path: Path) -> None:
    project.execute(MergeCodebook(read_codebook(default_codebook_path())))
    path = tmp_path / "out.json"
    write_codebook(project.codebook(), path)
    with Project.in_memory() as other:
        other.coder = "bob"
        other.execute(MergeCodebook(read_codebook(path)))
        assert [
            (c.uuid, c.key, c.name, c.keywords, c.color, c.attributes, c.position)
            for c in other.codes()
        ] == [
            (c.uuid, c.key, c.name, c.keywords, c.color, c.attributes, c.position)
            for c in project.codes()
        ]


def test_merge_reports_added_updated_unchanged(project: Project) -> None:
    project.add_code(key="M", name="举措")
    project.add_code(key="J", name="机制", color="#ffcc99")
    command = MergeCodebook(
        parse_codebook(
            {
                "format": "annotator-codebook",
                "version": 1,
                "codes": [
                    {"key": "M", "name": "举措"},
                    {"key": "J", "name": "机制（新）", "color": "#ffcc99"},
                    {"key": "J1", "parent": "J", "name": "统筹"},
                ],
            }
        )
    )
    project.execute(command)
    assert (command.report.added, command.report.updated, command.report.unchanged) == (
        ["J1"],
        {"J": ["name"]},
        ["M"],
    )
    assert command.report.details() == ["+ J1", "~ J: name"]
    assert project.code_by_key("J").name == "机制（新）"
    project.undo()
    assert project.code_by_key("J").name == "机制"
    assert [code.key for code in project.codes()] == ["M", "J"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "other"}, "Not an Annotator codebook"),
        ({"format": "annotator-codebook", "version": 9, "codes": []}, "Unsupported"),
        ({"format": "annotator-codebook", "version": 1}, "no list of codes"),
        ({"format": "annotator-codebook", "version": 1, "codes": [{"name": "x"}]}, "has no key"),
        ({"format": "annotator-codebook", "version": 1, "codes": [{"key": "A"}]}, "has no name"),
        (
            {"format": "annotator-codebook", "version": 1,
             "codes": [{"key": "A", "name": "a"}, {"key": "A", "name": "b"}]},
            "Duplicate key",
        ),
        (
            {"format": "annotator-codebook", "version": 1,
             "codes": [{"key": "A1", "parent": "A", "name": "a"}]},
            "must come before",
        ),
        (
            {"format": "annotator-codebook", "version": 1,
             "codes": [{"key": "A", "name": "a", "keywords": "x"}]},
            "a list",
        ),
    ],
)  # fmt: skip
def test_bad_codebooks_are_refused_clearly(data: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_codebook(data)


def test_bad_colour_in_a_file_changes_nothing(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    codes = [{"key": "A", "name": "好"}, {"key": "B", "name": "坏", "color": "red"}]
    path.write_text(json.dumps({"format": "annotator-codebook", "version": 1, "codes": codes}))
    with pytest.raises(ValidationError, match="#RRGGBB"):
        project.execute(MergeCodebook(read_codebook(path)))
    assert project.codes() == []


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b"{not json")
    with pytest.raises(ValidationError, match="Cannot read"):
        read_codebook(path)
