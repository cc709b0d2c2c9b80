"""Hand-out copies for two coders, code them apart, merge them back (issue 6, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.agreement.compute import agreement
from annotator.errors import AnnotatorError, ProjectError, ValidationError
from annotator.models import ReviewStatus
from annotator.project import Project
from annotator.teamwork.handout import hand_out, handout_info
from annotator.teamwork.merge import merge_copies
from tests.conftest import add_document

TEXT_A = "第一句讲党建引领。第二句讲集体经济。第三句讲人才振兴。第四句讲乡村治理。"
TEXT_B = "另一篇文章。只有两句。"


@pytest.fixture
def main(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "主项目 main.annot")
    project.coder = "审阅人"
    project.add_code(key="M1", name="党建引领", color="#ff0000", shortcut="1")
    project.add_code(key="M2", name="集体经济")
    add_document(project, TEXT_A, "甲")
    add_document(project, TEXT_B, "乙")
    return project


def _code(copy: Project, key: str, spans: list[tuple[int, int]]) -> None:
    document = copy.documents()[0]
    for start, end in spans:
        copy.add_annotation(document.id, copy.code_by_key(key).id, start, end)


def test_handout_holds_the_codebook_the_documents_and_only_that_coders_codings(
    main: Project, tmp_path: Path
) -> None:
    first = main.documents()[0]
    main.add_annotation(first.id, main.code_by_key("M1").id, 0, 9, coder="张三")
    main.add_annotation(first.id, main.code_by_key("M2").id, 9, 18, coder="李四")
    out = tmp_path / "副本 张三.annot"
    made = hand_out(main, out, "张三", [first.id])
    assert (made.documents, made.annotations) == (1, 1)
    with Project.open(out, backup=False) as copy:
        assert [d.uuid for d in copy.documents()] == [first.uuid]
        assert copy.text(copy.documents()[0].id) == TEXT_A
        assert [(c.uuid, c.key, c.shortcut) for c in copy.codes()] == [
            (c.uuid, c.key, c.shortcut) for c in main.codes()
        ]
        assert [c.name for c in copy.coders()] == ["张三"]
        assert copy.coders()[0].uuid == main.coder_by_name("张三").uuid
        assert [(a.uuid, a.quote) for a in copy.annotations()] == [
            (a.uuid, a.quote) for a in main.annotations(coder_id=main.coder_by_name("张三").id)
        ]
        info = handout_info(copy)
        assert info is not None
        assert info["coder"] == "张三"
    assert handout_info(main) is None


def test_two_copies_coded_apart_merge_back_and_agree_as_coded(
    main: Project, tmp_path: Path
) -> None:
    paths = [tmp_path / "a.annot", tmp_path / "b.annot"]
    hand_out(main, paths[0], "张三")
    hand_out(main, paths[1], "李四")
    with Project.open(paths[0], backup=False) as copy:
        copy.coder = "张三"
        _code(copy, "M1", [(0, 9), (18, 27)])
        _code(copy, "M2", [(9, 18)])
    with Project.open(paths[1], backup=False) as copy:
        copy.coder = "李四"
        _code(copy, "M1", [(0, 9)])
        _code(copy, "M2", [(9, 18), (27, 36)])
        copy.review_annotation(copy.annotations()[0].id, ReviewStatus.ACCEPTED, "好")

    reports = merge_copies(main, paths)
    assert [r.annotations_added for r in reports] == [3, 3]
    assert [r.documents_matched for r in reports] == [2, 2]
    assert [r.coders_added for r in reports] == [["张三"], ["李四"]]
    assert reports[1].reviews_added == 1
    assert all(not r.conflicts and not r.codes_added for r in reports)
    assert len(main.documents()) == 2
    assert len(main.annotations()) == 6

    undo_text = main.history.undo_text
    again = merge_copies(main, [paths[1]])
    assert main.history.undo_text == undo_text  # nothing new: no empty undo step
    assert again[0].changed_nothing
    assert again[0].annotations_unchanged == 3
    assert len(main.annotations()) == 6
    assert len(main.reviews(a.id for a in main.annotations())) == 1

    keys = {code.id: code.key for code in main.codes()}
    results = {keys[r.code_id]: r for r in agreement(main, "张三", "李四", "sentence")}
    # M1: both in sentence 1, 张三 alone in sentence 3, 5 sentences in all (4 + 2) -> 4/6 agree
    assert (results["M1"].table.both, results["M1"].table.first_only) == (1, 1)
    assert results["M1"].holsti == pytest.approx(2 * 1 / (2 + 1))
    assert (results["M2"].table.both, results["M2"].table.second_only) == (1, 1)
    assert results["M2"].percent == pytest.approx(5 / 6)


def test_a_newer_edit_in_the_copy_wins_an_older_one_is_a_reported_conflict(
    main: Project, tmp_path: Path
) -> None:
    document = main.documents()[0]
    original = main.add_annotation(document.id, main.code_by_key("M1").id, 0, 9, coder="张三")
    path = tmp_path / "c.annot"
    hand_out(main, path, "张三")
    with Project.open(path, backup=False) as copy:
        copy.edit_annotation(copy.annotations()[0].id, memo="副本的备忘")
    report = merge_copies(main, [path])[0]
    assert report.annotations_updated == 1
    assert main.annotation(original.id).memo == "副本的备忘"
    main.edit_annotation(original.id, end=5)  # now the project's version is newer
    report = merge_copies(main, [path])[0]
    assert report.annotations_updated == 0
    assert len(report.conflicts) == 1
    assert main.annotation(original.id).end == 5


def test_a_copy_brings_new_codes_and_documents_and_one_undo_removes_the_merge(
    main: Project, tmp_path: Path
) -> None:
    path = tmp_path / "d.annot"
    hand_out(main, path, "王五")
    with Project.open(path, backup=False) as copy:
        copy.coder = "王五"
        new = copy.add_code(key="M9", name="新编码", shortcut="9")
        extra = add_document(copy, "副本里新导入的文章。", "丙")
        copy.add_annotation(extra.id, new.id, 0, 4)
        copy.update_code(copy.code_by_key("M2").id, name="改过的名字")
    main.set_shortcut(main.code_by_key("M2").id, "9")
    before = len(main.history_entries())
    report = merge_copies(main, [path])[0]
    assert report.codes_added == ["M9"]
    assert report.documents_added == 1
    assert main.code_by_key("M9").shortcut == ""  # "9" belongs to M2 here
    assert any("M2" in line for line in report.conflicts)
    assert main.code_by_key("M2").name == "集体经济"
    assert len(main.history_entries()) == before + 1
    main.undo()
    assert len(main.documents()) == 2
    assert not main.annotations()
    with pytest.raises(AnnotatorError):
        main.code_by_key("M9")
    main.redo()
    assert len(main.documents()) == 3
    assert len(main.annotations()) == 1


def test_refusals(main: Project, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        hand_out(main, tmp_path / "x.annot", "  ")
    with pytest.raises(ProjectError):
        hand_out(main, tmp_path / "主项目 main.annot", "张三")
    assert main.path is not None
    with pytest.raises(ProjectError):
        merge_copies(main, [main.path])
    assert not (tmp_path / "x.annot").exists()


def test_a_coding_moved_and_its_old_place_coded_again_both_arrive(
    main: Project, tmp_path: Path
) -> None:
    """Regression (review): the new coding was taken for the moved one and dropped."""
    document = main.documents()[0]
    main.add_annotation(document.id, main.code_by_key("M1").id, 9, 18, coder="张三")
    path = tmp_path / "moved.annot"
    hand_out(main, path, "张三")
    with Project.open(path, backup=False) as copy:
        copy.coder = "张三"
        copy.edit_annotation(copy.annotations()[0].id, start=18, end=27)
        _code(copy, "M1", [(9, 18)])
    report = merge_copies(main, [path])[0]
    assert (report.annotations_updated, report.annotations_added) == (1, 1)
    assert sorted((a.start, a.end) for a in main.annotations()) == [(9, 18), (18, 27)]
    assert merge_copies(main, [path])[0].changed_nothing


def test_a_rekeyed_code_and_a_new_code_with_its_old_key_stay_apart(
    main: Project, tmp_path: Path
) -> None:
    """Regression (review): both matched the project's M1, and the merge failed."""
    path = tmp_path / "rekeyed.annot"
    hand_out(main, path, "张三")
    with Project.open(path, backup=False) as copy:
        copy.coder = "张三"
        old = copy.code_by_key("M1")
        copy.update_code(old.id, key="M1old")
        new = copy.add_code(key="M1", name="新的M1")
        document = copy.documents()[0].id
        copy.add_annotation(document, old.id, 0, 9)
        copy.add_annotation(document, new.id, 0, 9)
    report = merge_copies(main, [path])[0]
    assert report.annotations_added == 2
    added = [c for c in main.codes() if c.name == "新的M1"]
    assert [c.key for c in added] == [None]
    assert {main.code(a.code_id).name for a in main.annotations()} == {"党建引领", "新的M1"}
    assert any("M1" in line for line in report.conflicts)
