"""Co-occurrence and measure ↔ mechanism pairs on a hand-made project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main as cli
from annotator.codestats import co_occurrence, measure_mechanism_pairs
from annotator.errors import ValidationError
from annotator.project import Project
from tests.conftest import add_document

# sentence 1: M1 + J1 (overlapping) ; sentence 2: M1 + M2 + J1 ; sentence 3 (doc 2): M2 + J2
TEXT_1 = "组建联合党委，建立联席会议制度。选派第一书记，推行积分制管理。"
TEXT_2 = "成立合作社，形成利益联结机制。"


@pytest.fixture
def coded(project: Project) -> dict[str, int]:
    return _build(project)


def _build(project: Project) -> dict[str, int]:
    one, two = add_document(project, TEXT_1), add_document(project, TEXT_2, "乙")
    m = project.add_code(key="M", name="举措")
    j = project.add_code(key="J", name="机制")
    ids = {
        "M1": project.add_code(key="M1", name="组织", parent_id=m.id).id,
        "M2": project.add_code(key="M2", name="人才", parent_id=m.id).id,
        "J1": project.add_code(key="J1", name="统筹", parent_id=j.id).id,
        "J2": project.add_code(key="J2", name="利益", parent_id=j.id).id,
    }

    def code(document: int, key: str, snippet: str) -> None:
        text = (TEXT_1, TEXT_2)[document]
        start = text.index(snippet)
        doc = (one, two)[document]
        project.add_annotation(doc.id, ids[key], start, start + len(snippet))

    code(0, "M1", "组建联合党委")
    code(0, "J1", "联合党委，建立联席会议制度")  # overlaps M1
    code(0, "M1", "选派第一书记")
    code(0, "M2", "第一书记")  # overlaps the second M1
    code(0, "J1", "推行积分制管理")
    code(1, "M2", "成立合作社")
    code(1, "J2", "利益联结机制")
    return ids


def test_co_occurrence_by_overlap_sentence_and_document(
    project: Project, coded: dict[str, int]
) -> None:
    m1, m2, j1, j2 = coded["M1"], coded["M2"], coded["J1"], coded["J2"]

    def pair(a: int, b: int) -> tuple[int, int]:
        return (min(a, b), max(a, b))

    overlap = co_occurrence(project, "overlap")
    assert overlap == {pair(m1, j1): 1, pair(m1, m2): 1}
    sentence = co_occurrence(project, "sentence")
    assert sentence == {pair(m1, j1): 2, pair(m1, m2): 1, pair(m2, j1): 1, pair(m2, j2): 1}
    document = co_occurrence(project, "document")
    assert document == {pair(m1, j1): 1, pair(m1, m2): 1, pair(m2, j1): 1, pair(m2, j2): 1}
    with pytest.raises(ValidationError):
        co_occurrence(project, "paragraph")


def test_measure_mechanism_pairs_by_sentence(project: Project, coded: dict[str, int]) -> None:
    rows = measure_mechanism_pairs(project)
    table = {(r.first, r.second): (r.sentences, r.units) for r in rows}
    assert table == {
        (coded["M1"], coded["J1"]): (2, ("1-0-1-1", "1-0-1-2")),
        (coded["M2"], coded["J1"]): (1, ("1-0-1-2",)),
        (coded["M2"], coded["J2"]): (1, ("2-0-1-1",)),
    }
    assert rows[0].sentences == 2  # most first
    with pytest.raises(ValidationError, match="top-level"):
        measure_mechanism_pairs(project, "M", "X")


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        project.coder = "alice"
        _build(project)
    assert cli(["stats", str(path), "--pairs", "M,J", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {
        "first": "M1",
        "second": "J1",
        "sentences": 2,
        "units": ["1-0-1-1", "1-0-1-2"],
    }
    assert cli(["stats", str(path), "--cooccurrence", "overlap"]) == 0
    assert capsys.readouterr().out.splitlines() == ["M1\tJ1\t1", "M1\tM2\t1"]


def test_the_cross_tab_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        project.coder = "alice"
        _build(project)
        first, second = project.documents()
        project.update_document(first.id, region_level="县")
        project.update_document(second.id, region_level="地级市")
    assert cli(["stats", str(path), "--crosstab", "region_level", "--json"]) == 0
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["M"] == {"code": "M", "县": 3, "地级市": 1}  # M1 ×2 and M2 in 县, M2 in 地级市
    assert rows["J1"] == {"code": "J1", "县": 2, "地级市": 0}
    assert cli(["stats", str(path), "--crosstab", "region_level"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "code\t县\t地级市"
