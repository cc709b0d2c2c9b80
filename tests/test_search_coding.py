"""Coding search hits: a preview of the places, then one undo step."""

from __future__ import annotations

import pytest

from annotator.commands.hits import plan_hits
from annotator.errors import ValidationError
from annotator.project import Project
from annotator.search import search
from tests.conftest import add_document

TEXT = "建立党建联盟，推动党建引领。第二句没有。\n党建工作专班。"


def _hits(project: Project, query: str) -> list[tuple[int, int, int]]:
    return [
        (line.hit.document_id, line.hit.start, line.hit.end)
        for line in search(project, query).lines
    ]


def test_hits_grow_to_sentences_and_join(project: Project) -> None:
    document = add_document(project, TEXT)
    code = project.add_code(key="M1", name="联盟")
    hits = _hits(project, "党建")
    assert len(hits) == 3
    places = plan_hits(project.stores, hits, code.id, project.coder, "sentence")
    assert [p.quote for p in places] == ["建立党建联盟，推动党建引领。", "党建工作专班。"]
    clauses = plan_hits(project.stores, hits, code.id, project.coder, "clause")
    assert [p.quote for p in clauses] == ["建立党建联盟，", "推动党建引领。", "党建工作专班。"]
    assert [p.quote for p in plan_hits(project.stores, hits, code.id, project.coder)] == [
        "党建", "党建", "党建",
    ]  # fmt: skip
    assert {p.document_id for p in places} == {document.id}


def test_coding_hits_is_one_undo_step_and_skips_what_is_coded(project: Project) -> None:
    add_document(project, TEXT)
    code = project.add_code(key="M1", name="联盟")
    hits = _hits(project, "党建")
    assert project.code_hits(hits, code.id, "sentence") == 2
    assert [a.quote for a in project.annotations()] == [
        "建立党建联盟，推动党建引领。",
        "党建工作专班。",
    ]
    assert plan_hits(project.stores, hits, code.id, project.coder, "sentence") == []
    other = plan_hits(project.stores, hits, code.id, "bob", "sentence")
    assert len(other) == 2  # another coder has coded nothing yet
    project.undo()
    assert project.annotations() == []
    project.redo()
    assert len(project.annotations()) == 2


def test_bad_requests_are_refused(project: Project) -> None:
    add_document(project, TEXT)
    code = project.add_code(key="M1", name="联盟")
    hits = _hits(project, "党建")
    with pytest.raises(ValidationError, match="extent"):
        plan_hits(project.stores, hits, code.id, project.coder, "paragraph")
    assert project.code_hits(hits, code.id) == 3
    steps = len(project.history_entries())
    assert project.code_hits(hits, code.id) == 0  # all coded already: no error, no step
    assert len(project.history_entries()) == steps


def test_a_hit_of_a_deleted_document_is_left_out(project: Project) -> None:
    """Review finding: one stale hit made the whole coding fail."""
    kept, gone = add_document(project, TEXT), add_document(project, TEXT + "另", "乙")
    code = project.add_code(key="M1", name="联盟")
    hits = _hits(project, "党建")
    project.delete_document(gone.id)
    assert project.code_hits(hits, code.id) == 3
    assert {a.document_id for a in project.annotations()} == {kept.id}


def test_short_queries_list_documents_in_order_after_an_undone_delete(project: Project) -> None:
    """Review finding: the restored document came last, so a limited list skipped it."""
    first, *_ = (add_document(project, f"乡村{i}", str(i)) for i in range(3))
    search(project, "乡村")  # the cache is filled
    project.delete_document(first.id)
    project.undo()
    lines = search(project, "乡村", limit=2).lines
    assert [line.document_number for line in lines] == [1, 2]
    assert lines[0].hit.document_id == first.id
