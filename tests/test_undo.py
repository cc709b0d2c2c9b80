"""Undo and redo cover every mutation, and give back exactly the earlier project."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from annotator.changes import Changes
from annotator.codebooks import Codebook, CodeSpec, MergeCodebook
from annotator.errors import NothingToUndoError, ValidationError
from annotator.models import NewDocument, ReviewStatus
from annotator.project import Project
from annotator.search import search
from annotator.suggestions import Suggestion
from tests.conftest import add_document


def state(project: Project) -> dict[str, Any]:
    """Everything a user could see, history aside."""
    annotations = project.annotations()
    return {
        "documents": [
            (d, project.text(d.id), project.raw_text(d.id), project.import_log(d.id))
            for d in project.documents()
        ],
        "codes": project.codes(),
        "coders": project.coders(),
        "annotations": annotations,
        "reviews": project.reviews(a.id for a in annotations),
        "rejected": [project.stores.rejections.for_document(d.id) for d in project.documents()],
        "codebook": project.codebook().info,
    }


@pytest.fixture
def busy(project: Project) -> Project:
    """Two documents, a small code tree, annotations by two coders, a review."""
    first = add_document(project)
    add_document(project, "第二篇文档：党建联盟推动强村富民。", "第二篇")
    m = project.add_code(key="M", name="举措")
    m1 = project.add_code(key="M1", name="组织体系建设", parent_id=m.id)
    project.add_code(key="M1.1", name="党组织设置", parent_id=m1.id, keywords=("支部",))
    project.add_code(key="J", name="机制", color="#ffcc99", shortcut="q")
    coded = project.add_annotation(first.id, m1.id, 0, 3, memo="首句")
    project.add_annotation(first.id, m.id, 2, 8, coder="bob")
    project.review_annotation(coded.id, ReviewStatus.ACCEPTED, "好", reviewer="rita")
    project.history.clear()
    return project


def _doc(p: Project, index: int = 0) -> Any:
    return p.documents()[index]


def _code(p: Project, key: str) -> Any:
    return p.code_by_key(key)


ACTIONS: dict[str, Callable[[Project], object]] = {
    "add documents": lambda p: p.add_documents(
        [
            NewDocument(text="新文档一", raw_text="新文档一"),
            NewDocument(text="新文档二", raw_text="x"),
        ]
    ),
    "edit document details": lambda p: p.update_document(
        _doc(p).id, title="新标题", region="河南省安阳市", attributes={"年份": "2022"}
    ),
    "edit document memo": lambda p: p.update_document(_doc(p).id, memo="文档备忘"),
    "code search hits": lambda p: p.code_hits(
        [(h.hit.document_id, h.hit.start, h.hit.end) for h in search(p, "党").lines],
        _code(p, "M1").id,
        "sentence",
    ),
    "delete document with annotations and reviews": lambda p: p.delete_document(_doc(p).id),
    "add code": lambda p: p.add_code(
        key="M1.0", name="新编码", parent_id=_code(p, "M1").id, index=0
    ),
    "rename code": lambda p: p.update_code(_code(p, "M1").id, name="组织", name_en="Org", key="M9"),
    "archive code": lambda p: p.update_code(_code(p, "J").id, archived=True),
    "recolour code": lambda p: p.update_code(_code(p, "J").id, color="#aabbcc", shortcut="Ctrl+1"),
    "set a shortcut": lambda p: p.set_shortcut(_code(p, "M1.1").id, "3"),
    "take a shortcut from another code": lambda p: p.set_shortcut(_code(p, "M1.1").id, "q"),
    "accept suggestions": lambda p: p.accept_suggestions(
        _doc(p, 1).id, [Suggestion(0, 2, _code(p, "J").id, "第二")]
    ),
    "reject suggestions": lambda p: p.reject_suggestions(
        _doc(p).id, [Suggestion(0, 2, _code(p, "J").id, "x")]
    ),
    "move code": lambda p: p.move_code(_code(p, "M1.1").id, _code(p, "J").id),
    "reorder code": lambda p: p.move_code(_code(p, "J").id, None, 0),
    "delete code subtree with annotations": lambda p: p.delete_code(_code(p, "M").id),
    "add coder": lambda p: p.add_coder("carol"),
    "rename coder": lambda p: p.rename_coder(p.coder_by_name("bob").id, "Bob Li"),
    "add annotation by a new coder": lambda p: p.add_annotation(
        _doc(p, 1).id, _code(p, "J").id, 0, 5, coder="新人"
    ),
    "change annotation code": lambda p: p.edit_annotation(
        p.annotations()[0].id, code_id=_code(p, "J").id
    ),
    "change annotation bounds": lambda p: p.edit_annotation(p.annotations()[0].id, start=1, end=9),
    "edit annotation memo": lambda p: p.edit_annotation(p.annotations()[0].id, memo="新的备忘"),
    "delete annotations": lambda p: p.delete_annotations([a.id for a in p.annotations()]),
    "review annotation": lambda p: p.review_annotation(
        p.annotations()[1].id, ReviewStatus.REJECTED, "范围过宽", reviewer="新审阅人"
    ),
    "merge codebook": lambda p: p.execute(
        MergeCodebook(
            Codebook(
                "x",
                (
                    CodeSpec("J", None, {"name": "机制（改）", "color": "#ffcc99"}),
                    CodeSpec("J1", "J", {"name": "统筹协调机制"}),
                    CodeSpec("M1.1", "J", {"name": "党组织设置"}),
                ),
                description="编码说明",
            )
        )
    ),
}


@pytest.mark.parametrize("name", ACTIONS)
def test_undo_and_redo_restore_each_state(busy: Project, name: str) -> None:
    before = state(busy)
    ACTIONS[name](busy)
    after = state(busy)
    assert after != before, "the action changed nothing"
    assert busy.history.can_undo

    busy.undo()
    assert state(busy) == before
    busy.redo()
    assert state(busy) == after
    busy.undo()
    assert state(busy) == before
    assert busy.verify() == []


def test_all_actions_undone_in_one_run_give_back_the_start(busy: Project) -> None:
    start = state(busy)
    # Archiving and deleting last: later actions would (rightly) refuse archived codes.
    last = ["archive code", *(name for name in ACTIONS if name.startswith("delete"))]
    for name in [*(n for n in ACTIONS if n not in last), *last]:
        ACTIONS[name](busy)
    end = state(busy)
    while busy.history.can_undo:
        busy.undo()
    assert state(busy) == start
    while busy.history.can_redo:
        busy.redo()
    assert state(busy) == end


def test_undo_keeps_at_least_a_hundred_steps(busy: Project) -> None:
    document = _doc(busy)
    code = _code(busy, "J")
    for index in range(150):
        busy.add_annotation(document.id, code.id, index % 20, index % 20 + 1 + index // 20)
    undone = 0
    while busy.history.can_undo:
        busy.undo()
        undone += 1
    assert undone == busy.history.limit >= 100
    assert len(busy.annotations()) == 2 + 150 - undone


def test_menu_texts_name_the_action(busy: Project) -> None:
    busy.edit_annotation(busy.annotations()[0].id, memo="x")
    assert busy.history.undo_text == "编辑标注备忘 / Edit annotation memo"
    busy.undo()
    assert busy.history.redo_text == "编辑标注备忘 / Edit annotation memo"
    assert not busy.history.can_undo


def test_a_new_action_clears_redo(busy: Project) -> None:
    busy.add_coder("carol")
    busy.undo()
    assert busy.history.can_redo
    busy.add_coder("dave")
    assert not busy.history.can_redo
    with pytest.raises(NothingToUndoError):
        busy.redo()


def test_a_refused_action_leaves_no_trace(busy: Project) -> None:
    before, log = state(busy), len(busy.history_entries())
    with pytest.raises(ValidationError, match="out of range"):
        busy.add_annotation(_doc(busy).id, _code(busy, "J").id, 5, 500, coder="ghost")
    with pytest.raises(ValidationError, match="already used"):
        busy.add_code(key="M", name="重复")
    with pytest.raises(ValidationError, match="under itself"):
        busy.move_code(_code(busy, "M").id, _code(busy, "M1.1").id)
    assert state(busy) == before
    assert len(busy.history_entries()) == log
    assert not busy.history.can_undo


def test_duplicate_annotation_is_refused(busy: Project) -> None:
    existing = busy.annotations()[0]
    with pytest.raises(ValidationError, match="not saved"):
        busy.add_annotation(existing.document_id, existing.code_id, existing.start, existing.end)


def test_every_step_is_logged_with_its_actor(busy: Project) -> None:
    busy.coder = "alice"
    busy.add_coder("carol")
    busy.undo()
    busy.redo()
    actions = [(e.action, e.actor) for e in busy.history_entries(3)]
    assert actions == [
        ("redo:add_coder", "alice"),
        ("undo:add_coder", "alice"),
        ("add_coder", "alice"),
    ]


def test_listeners_hear_what_changed(busy: Project) -> None:
    heard: list[Changes] = []
    unsubscribe = busy.history.subscribe(heard.append)
    annotation = busy.annotations()[0]
    busy.edit_annotation(annotation.id, memo="x")
    busy.undo()
    unsubscribe()
    busy.redo()
    assert len(heard) == 2
    assert all(annotation.id in c.annotations for c in heard)
    assert all(annotation.document_id in c.annotated_documents for c in heard)


def test_counts_per_document_and_code(busy: Project) -> None:
    first, second = busy.documents()
    m, m1 = busy.code_by_key("M"), busy.code_by_key("M1")
    assert busy.annotation_counts() == {first.id: 2}
    assert busy.annotation_counts([second.id, first.id]) == {second.id: 0, first.id: 2}
    assert busy.code_counts() == {m.id: 1, m1.id: 1}
    assert busy.code_counts(second.id) == {}


def test_reviewed_counts_count_decisions_not_comments(busy: Project) -> None:
    first, second = busy.documents()
    accepted, other = busy.annotations(document_id=first.id)
    assert busy.reviewed_counts() == {first.id: 1}  # the fixture accepted one
    assert busy.reviewed_counts([second.id, first.id]) == {second.id: 0, first.id: 1}
    busy.review_annotation(other.id, ReviewStatus.COMMENTED, "再看看", reviewer="rita")
    assert busy.reviewed_counts() == {first.id: 1}  # a comment is not a decision
    busy.review_annotation(other.id, ReviewStatus.REJECTED, "", reviewer="rita")
    assert busy.reviewed_counts() == {first.id: 2}
    busy.review_annotation(accepted.id, ReviewStatus.REJECTED, "改判", reviewer="rita")
    assert busy.reviewed_counts() == {first.id: 2}  # decided twice is still one annotation
    busy.undo()
    busy.undo()
    assert busy.reviewed_counts() == {first.id: 1}


def test_a_shortcut_moves_from_the_code_that_had_it(busy: Project) -> None:
    m1, j = _code(busy, "M1"), _code(busy, "J")
    assert busy.set_shortcut(m1.id, "q") == j.id
    assert (_code(busy, "M1").shortcut, _code(busy, "J").shortcut) == ("Q", "")  # one spelling
    assert busy.history.undo_text == "设置快捷键 / Set shortcut"
    busy.undo()
    assert (_code(busy, "M1").shortcut, _code(busy, "J").shortcut) == ("", "Q")
    assert busy.set_shortcut(j.id, "Q") is None  # its own key: nothing taken
    assert busy.set_shortcut(j.id, "") is None
    assert _code(busy, "J").shortcut == ""
    with pytest.raises(ValidationError, match="Not a usable shortcut"):
        busy.set_shortcut(m1.id, "Ctrl+")
    with pytest.raises(ValidationError, match="program's own keys"):
        busy.set_shortcut(m1.id, "ctrl+z")  # Undo would stop working
    with pytest.raises(ValidationError, match="program's own keys"):
        busy.update_code(m1.id, shortcut="Ctrl+D")
    busy.set_shortcut(m1.id, "shift+ctrl+a")
    assert _code(busy, "M1").shortcut == "Ctrl+Shift+A"
    assert busy.set_shortcut(j.id, "Ctrl+Shift+a") == m1.id  # the same key, spelt otherwise
