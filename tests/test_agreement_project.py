"""Agreement of two coders on a project, per code, in each kind of unit."""

from __future__ import annotations

import pytest

from annotator.agreement.compute import agreement
from annotator.agreement.tables import Table
from annotator.errors import ValidationError
from annotator.models import NewDocument
from annotator.project import Project

TEXT = "一二三四五。六七八九十。"  # two sentences of six characters


@pytest.fixture
def coded(project: Project) -> Project:
    [document] = project.add_documents([NewDocument(text=TEXT, raw_text=TEXT, title="信度")])
    a = project.add_code(key="A", name="甲")
    project.add_code(key="B", name="乙")  # no one uses it
    project.add_annotation(document.id, a.id, 0, 2, coder="alice")
    project.add_annotation(document.id, a.id, 1, 3, coder="alice")  # overlaps her first
    project.add_annotation(document.id, a.id, 7, 9, coder="bob")
    project.add_annotation(document.id, a.id, 2, 4, coder="bob")
    return project


def _by_key(project: Project, results: list) -> dict:  # type: ignore[type-arg]
    return {project.code(r.code_id).key: r for r in results}


def test_character_level(coded: Project) -> None:
    results = _by_key(coded, agreement(coded, "alice", "bob"))
    # alice covers 0–3, bob 2–4 and 7–9: both 1 (char 2), alice only 2, bob only 3, neither 6
    assert results["A"].table == Table(both=1, first_only=2, second_only=3, neither=6)
    assert results["A"].percent == pytest.approx(7 / 12)
    assert results["A"].holsti == pytest.approx(2 * 1 / (3 + 4))
    assert results["B"].table == Table(0, 0, 0, 12)
    assert results["B"].kappa.kappa is None  # a code no one used: κ undefined, not NaN
    assert results["B"].holsti is None


def test_sentence_and_document_units(coded: Project) -> None:
    sentences = _by_key(coded, agreement(coded, "alice", "bob", "sentence"))
    # sentence 1: both used A; sentence 2: only bob
    assert sentences["A"].table == Table(both=1, first_only=0, second_only=1, neither=0)
    assert sentences["A"].holsti == pytest.approx(2 / 3)
    documents = _by_key(coded, agreement(coded, "alice", "bob", "document"))
    assert documents["A"].table == Table(1, 0, 0, 0)
    assert documents["A"].percent == 1.0
    assert documents["A"].kappa.kappa is None  # both said "present" to the one unit: Pe = 1


def test_symmetric_in_the_coders_and_refuses_unknown_units(coded: Project) -> None:
    forth = _by_key(coded, agreement(coded, "alice", "bob", "paragraph"))
    back = _by_key(coded, agreement(coded, "bob", "alice", "paragraph"))
    assert forth["A"].kappa == back["A"].kappa
    assert forth["A"].holsti == back["A"].holsti
    with pytest.raises(ValidationError, match="Unknown unit"):
        agreement(coded, "alice", "bob", "word")


def test_cli_reports_each_code_with_its_counts(
    coded: Project, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from annotator.cli import main

    path = tmp_path_factory.mktemp("cli") / "信度.annot"
    coded.save_copy(path)
    assert main(["agreement", str(path), "--coders", "alice,bob", "--unit", "sentence",
                 "--json"]) == 0  # fmt: skip
    rows = {row["key"]: row for row in json.loads(capsys.readouterr().out)}
    assert (rows["A"]["n"], rows["A"]["both"], rows["A"]["second_only"]) == (2, 1, 1)
    assert rows["A"]["below_threshold"] is True  # Holsti 0.667 < 0.8
    assert rows["B"]["kappa"] is None
    assert main(["agreement", str(path), "--coders", "alice"]) == 1
    assert "Give two coders" in capsys.readouterr().err
