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


@pytest.mark.parametrize("seed", range(6))
def test_group_alpha_matches_a_per_unit_computation(project: Project, seed: int) -> None:
    import random

    from annotator.agreement.compute import UNITS, group_agreement
    from annotator.agreement.indices import krippendorff_alpha_nominal

    rng = random.Random(seed)
    text = "。".join("".join(rng.choice("党建引领乡村振兴") for _ in range(rng.randint(3, 9)))
                    for _ in range(8)) + "。"  # fmt: skip
    [document] = project.add_documents([NewDocument(text=text, raw_text=text, title="随机")])
    code = project.add_code(key="A", name="甲")
    names = ["alice", "bob", "carol"]
    marks: dict[str, list[int]] = {}
    for name in names:
        marks[name] = [0] * len(text)
        spans = set()
        for _ in range(rng.randint(1, 4)):  # every coder coded something (so exists)
            start = rng.randrange(len(text) - 1)
            spans.add((start, min(len(text), start + rng.randint(1, 12))))
        for start, end in spans:
            project.add_annotation(document.id, code.id, start, end, coder=name)
            marks[name][start:end] = [1] * (end - start)
    [characters] = group_agreement(project, names)
    expected = krippendorff_alpha_nominal([[marks[n][i] for n in names] for i in range(len(text))])
    assert (characters.alpha is None) == (expected is None)
    if expected is not None:
        assert characters.alpha == pytest.approx(expected)
    assert sum(characters.histogram.values()) == len(text)

    [by_sentence] = group_agreement(project, names, "sentence")
    rows = [[int(any(marks[n][s:e])) for n in names] for s, e in UNITS["sentence"](text)]
    expected = krippendorff_alpha_nominal(rows)
    assert (by_sentence.alpha is None) == (expected is None)
    if expected is not None:
        assert by_sentence.alpha == pytest.approx(expected)
    pairwise = [r.holsti for a, b in (("alice", "bob"), ("alice", "carol"), ("bob", "carol"))
                for r in agreement(project, a, b, "sentence")]  # fmt: skip
    known = [h for h in pairwise if h is not None]
    if known:
        assert by_sentence.mean_holsti == pytest.approx(sum(known) / len(known))


def test_cli_for_three_coders_reports_alpha_and_r(
    coded: Project, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from annotator.cli import main

    document = coded.documents()[0]
    coded.add_annotation(document.id, coded.code_by_key("A").id, 0, 2, coder="carol")
    path = tmp_path_factory.mktemp("cli3") / "三人.annot"
    coded.save_copy(path)
    assert main(["agreement", str(path), "--coders", "alice,bob,carol", "--unit", "sentence",
                 "--json"]) == 0  # fmt: skip
    rows = {row["key"]: row for row in json.loads(capsys.readouterr().out)}
    # sentence 1: all three used A; sentence 2: only bob
    assert rows["A"]["units_marked_by"] == {"3": 1, "1": 1}
    pairs = [2 / 3, 1.0, 2 / 3]  # Holsti: alice–bob, alice–carol, bob–carol
    mean = sum(pairs) / 3
    assert rows["A"]["mean_holsti"] == pytest.approx(mean)
    assert rows["A"]["r"] == pytest.approx(3 * mean / (1 + 2 * mean))
    assert rows["B"]["alpha"] is None
