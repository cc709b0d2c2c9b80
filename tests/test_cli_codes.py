"""``annotator codes`` and ``annotator codebook`` with Excel and REFI-QDA files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.project import Project
from tests.conftest import add_document
from tests.test_cli import run, run_json


@pytest.fixture
def project_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "codes.annot"
    assert run(capsys, "new", path)[0] == 0
    return path


def test_add_edit_move_shortcut_archive(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_json(capsys, "codes", project_path, "add", "M", "举措")
    added = run_json(
        capsys, "codes", project_path, "add", "M1", "组织",
        "keywords=支部、党建联盟，网格", "attr.RZ=环境型", "color=#aabbcc", "--parent", "M",
    )  # fmt: skip
    assert isinstance(added, dict)
    assert added["keywords"] == ["支部", "党建联盟", "网格"]
    assert added["attributes"] == {"RZ": "环境型"}
    edited = run_json(
        capsys, "codes", project_path, "edit", "M1", "name=组织体系", "attr.HR=强制型"
    )
    assert isinstance(edited, dict)
    assert (edited["name"], edited["attributes"]) == ("组织体系", {"RZ": "环境型", "HR": "强制型"})
    run_json(capsys, "codes", project_path, "shortcut", "M1", "1")
    status, out, _ = run(capsys, "codes", project_path, "shortcut", "M", "1")
    assert status == 0
    assert "taken from M1" in out
    run_json(capsys, "codes", project_path, "move", "M1")
    run_json(capsys, "codes", project_path, "archive", "M")
    with Project.open(project_path) as project:
        m, m1 = project.code_by_key("M"), project.code_by_key("M1")
        assert (m.shortcut, m1.shortcut, m1.parent_id, m.archived) == ("1", "", None, True)
        assert project.history_entries(1)[0].summary.startswith("归档编码")


def test_merge_split_recode_and_delete_needs_yes(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Project.open(project_path) as project:
        project.coder = "cli"
        document = add_document(project)
        a = project.add_code(key="A", name="甲")
        b = project.add_code(key="B", name="乙")
        first = project.add_annotation(document.id, a.id, 0, 3)
        second = project.add_annotation(document.id, a.id, 4, 8)
        project.add_annotation(document.id, b.id, 0, 3)
    split = run_json(
        capsys, "codes", project_path, "split", "A", "A2", "甲二", "--annotations", str(second.id)
    )
    assert isinstance(split, dict)
    assert split["key"] == "A2"
    merged = run_json(capsys, "codes", project_path, "merge", "A", "B")
    assert merged == {"merged": "A", "into": "B", "annotations": 1}
    moved = run_json(capsys, "codes", project_path, "recode", "B", "--annotations", str(second.id))
    assert moved == {"to": "B", "annotations": 1, "folded": 0}
    status, _, err = run(capsys, "codes", project_path, "delete", "B")
    assert status == 1
    assert "2 codings: add --yes" in err
    deleted = run_json(capsys, "codes", project_path, "delete", "B", "--yes")
    assert deleted == {"deleted": "B", "codes": 1, "annotations": 2}
    with Project.open(project_path) as project:
        assert [c.key for c in project.codes()] == ["A2"]
        assert project.annotations() == []
        assert first.id not in {x.id for x in project.annotations()}


@pytest.mark.parametrize("suffix", ["xlsx", "qdc", "json"])
def test_codebook_export_and_import_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    source, target = tmp_path / "source.annot", tmp_path / "target.annot"
    run(capsys, "new", source, "--codebook", "default")
    run(capsys, "new", target)
    out = tmp_path / f"codebook.{suffix}"
    assert run_json(capsys, "codebook", source, "--export", out) == {"file": str(out), "codes": 54}
    report = run_json(capsys, "codebook", target, "--import", out)
    assert isinstance(report, dict)
    assert len(report["added"]) == 54
    status, out_text, _ = run(capsys, "codebook", target, "--import", out)
    assert status == 0
    assert "added 0, updated 0, unchanged 54" in out_text


def test_bad_field_is_a_one_line_error(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "codes", project_path, "add", "X", "某", "colour=#fff")
    assert status == 1
    assert err.startswith("annotator: ")
    assert "FIELD one of" in err
    status, _, err = run(capsys, "codes", project_path, "edit", "NOPE", "name=x")
    assert (status, err.count("\n")) == (1, 1)


def test_suggestions_listed_then_accepted_for_chosen_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.resources import demo_corpus_paths

    path = tmp_path / "s.annot"
    run(capsys, "new", path, "--codebook", "default")
    run(capsys, "import", path, *demo_corpus_paths())
    listed = run_json(capsys, "suggestions", path, "--documents", "4", "--code", "M4.1")
    assert isinstance(listed, list)
    assert listed
    assert {item["key"] for item in listed} == {"M4.1"}
    assert all(item["text"] for item in listed)
    accepted = run_json(
        capsys, "suggestions", path, "--documents", "4", "--code", "M4.1", "--accept"
    )
    assert accepted == listed
    assert run_json(capsys, "suggestions", path, "--documents", "4", "--code", "M4.1") == []
    with Project.open(path) as project:
        origins = {a.origin for a in project.annotations(project.document("4").id)}
        assert origins == {"suggestion"}
    status, _, err = run(capsys, "suggestions", path, "--accept", "--reject")
    assert status == 1
    assert "Choose --accept or --reject" in err
