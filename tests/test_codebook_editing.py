"""Editing the codebook: merge, split, move codings; nothing lost, everything undoable."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.errors import ValidationError
from annotator.models import ReviewStatus
from annotator.project import Project
from tests.conftest import add_document
from tests.test_undo import state


@pytest.fixture
def coded(project: Project) -> Project:
    """Codes A (with child A1), B, C; codings of A and B on one span, one reviewed."""
    document = add_document(project)
    a = project.add_code(key="A", name="甲")
    project.add_code(key="A1", name="甲一", parent_id=a.id)
    b = project.add_code(key="B", name="乙")
    project.add_code(key="C", name="丙")
    on_a = project.add_annotation(document.id, a.id, 0, 3, memo="甲的备忘")
    project.add_annotation(document.id, a.id, 4, 8)
    project.add_annotation(document.id, b.id, 0, 3, memo="乙的备忘")  # same span as on_a
    project.add_annotation(document.id, a.id, 0, 3, coder="bob")  # another coder's
    project.review_annotation(on_a.id, ReviewStatus.ACCEPTED, "好", reviewer="rita")
    project.history.clear()
    return project


def _codings(project: Project) -> list[tuple[str, str, int, int, str]]:
    names = {coder.id: coder.name for coder in project.coders()}
    return sorted(
        (project.code(a.code_id).key or "", names[a.coder_id], a.start, a.end, a.memo)
        for a in project.annotations()
    )


def test_merge_moves_codings_and_sub_codes_and_folds_copies(coded: Project) -> None:
    a, b = coded.code_by_key("A"), coded.code_by_key("B")
    assert coded.merge_codes(a.id, b.id) == 3
    assert [c.key for c in coded.codes()] == ["B", "A1", "C"]
    assert coded.code_by_key("A1").parent_id == b.id
    assert coded.coder == "alice"
    assert _codings(coded) == [
        ("B", "alice", 0, 3, "乙的备忘\n甲的备忘"),  # the copy folded in, memo kept
        ("B", "alice", 4, 8, ""),
        ("B", "bob", 0, 3, ""),
    ]
    folded = next(x for x in coded.annotations() if x.memo.startswith("乙"))
    [review] = coded.reviews([folded.id])
    assert (review.status, review.comment) == (ReviewStatus.ACCEPTED, "好")  # the review moved
    assert coded.history.undo_text == "合并编码 / Merge codes"
    assert coded.verify() == []


def test_merge_refuses_a_target_inside_the_source(coded: Project) -> None:
    a, a1 = coded.code_by_key("A"), coded.code_by_key("A1")
    for target in (a, a1):
        with pytest.raises(ValidationError, match="cannot merge into itself"):
            coded.merge_codes(a.id, target.id)
    coded.update_code(coded.code_by_key("C").id, archived=True)
    with pytest.raises(ValidationError, match="archived"):
        coded.merge_codes(a.id, coded.code_by_key("C").id)


def test_recoding_into_an_archived_code_is_refused_even_when_every_coding_folds(
    coded: Project,
) -> None:
    """Found by the stateful test: a recode made only of folds skipped the check."""
    a, c = coded.code_by_key("A"), coded.code_by_key("C")
    [first, *_] = [x for x in coded.annotations() if x.code_id == a.id]
    copy = coded.add_annotation(first.document_id, c.id, first.start, first.end)
    coded.update_code(c.id, archived=True)
    before = coded.annotations()
    with pytest.raises(ValidationError, match="archived"):
        coded.recode_annotations([first.id], c.id)  # would fold into ``copy``
    assert coded.annotations() == before
    assert copy.id in {x.id for x in before}


def test_split_puts_a_new_code_after_the_source_with_the_chosen_codings(coded: Project) -> None:
    a = coded.code_by_key("A")
    chosen = [x.id for x in coded.annotations() if x.code_id == a.id and x.start == 4]
    new = coded.split_code(a.id, chosen, key="A2", name="甲二")
    assert [c.key for c in coded.codes() if c.parent_id is None] == ["A", "A2", "B", "C"]
    assert [x.start for x in coded.annotations() if x.code_id == new.id] == [4]
    with pytest.raises(ValidationError, match="Choose annotations of the code being split"):
        coded.split_code(coded.code_by_key("B").id, chosen, key="B2", name="乙二")


def test_moving_codings_reports_folds(coded: Project) -> None:
    a, b = coded.code_by_key("A"), coded.code_by_key("B")
    mine = [x.id for x in coded.annotations() if x.code_id == a.id and x.coder_id != _bob(coded)]
    assert coded.recode_annotations(mine, b.id) == 1
    assert coded.history.undo_text.startswith("将 2 个标注改为另一编码")
    with pytest.raises(ValidationError, match="No annotations chosen"):
        coded.recode_annotations([], b.id)


def _bob(project: Project) -> int:
    return project.coder_by_name("bob").id


EDITS: dict[str, Callable[[Project], object]] = {
    "merge": lambda p: p.merge_codes(p.code_by_key("A").id, p.code_by_key("B").id),
    "split": lambda p: p.split_code(
        p.code_by_key("A").id, [p.annotations()[0].id], key="A2", name="甲二"
    ),
    "recode": lambda p: p.recode_annotations(
        [x.id for x in p.annotations()], p.code_by_key("C").id
    ),
}


@pytest.mark.parametrize("name", EDITS)
def test_each_edit_undoes_and_redoes_exactly(coded: Project, name: str) -> None:
    before = state(coded)
    EDITS[name](coded)
    after = state(coded)
    assert after != before
    coded.undo()
    assert state(coded) == before
    coded.redo()
    assert state(coded) == after
    coded.undo()
    assert state(coded) == before
    assert coded.verify() == []
