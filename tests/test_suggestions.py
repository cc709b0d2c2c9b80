"""Keyword suggestions on the corpus articles: found, bounded by words, accepted, rejected."""

from __future__ import annotations

import pytest

from annotator.codebooks import MergeCodebook, read_codebook
from annotator.importing import import_paths
from annotator.models import Document
from annotator.project import Project
from annotator.resources import default_codebook_path, demo_corpus_paths
from annotator.segmentation import word_spans
from annotator.shadow import to_simplified
from annotator.suggestions import Suggestion, find_suggestions, keyword_hits, word_boundaries


@pytest.fixture(scope="module")
def corpus() -> Project:
    project = Project.in_memory()
    project.coder = "alice"
    project.execute(MergeCodebook(read_codebook(default_codebook_path())))
    import_paths(project, demo_corpus_paths())
    project.history.clear()
    return project


def _document(project: Project, part: str) -> Document:
    return next(d for d in project.documents() if part in (d.source_path or ""))


def _found(project: Project, document: Document, key: str) -> list[str]:
    code = project.code_by_key(key)
    text = project.text(document.id)
    return [text[s.start : s.end] for s in project.suggestions(document.id) if s.code_id == code.id]


def test_every_keyword_hit_at_word_boundaries_is_suggested(corpus: Project) -> None:
    """Against a brute-force scan: all hits whose ends are word boundaries, and only those."""
    for document in corpus.documents():
        text = corpus.text(document.id)
        shadow, spans = to_simplified(text), word_spans(text)
        boundaries = word_boundaries(spans)
        suggested = {s.span for s in corpus.suggestions(document.id)}
        for code in corpus.codes():
            hits = {
                (start, end)
                for keyword in code.keywords
                for start, end in keyword_hits(shadow, keyword)
                if start in boundaries and end in boundaries
            }
            longest = {
                h for h in hits if not any(o != h and o[0] <= h[0] and h[1] <= o[1] for o in hits)
            }
            assert {(s, e) for c, s, e in suggested if c == code.id} == longest, code.key
        for _, start, end in suggested:
            inside = [(s, e) for s, e in spans if s <= start and end <= e and e - s > end - start]
            assert not inside, text[start:end]  # never inside a longer word kept whole


def test_known_spans_are_found_and_dictionary_words_are_not_split(corpus: Project) -> None:
    first = _document(corpus, "000_")
    text = corpus.text(first.id)
    suggestions = corpus.suggestions(first.id)

    def starts(key: str) -> set[int]:
        code = corpus.code_by_key(key)
        return {s.start for s in suggestions if s.code_id == code.id}

    whole = to_simplified(text).index("村级后备干部")
    assert whole + 2 not in starts("M2.1")  # 后备干部 inside 村级后备干部, kept whole
    assert text.index("工作专班") in starts("M1.3")
    assert text.index("工作专班") + 2 not in starts("J1.1")  # 专班 inside 工作专班


def test_traditional_text_is_matched_by_simplified_keywords(corpus: Project) -> None:
    traditional = _document(corpus, "002_")
    found = _found(corpus, traditional, "M1.2")
    assert "黨建聯盟" in found  # keyword 党建联盟


def test_accept_makes_codings_from_a_suggestion_and_undo_restores(corpus: Project) -> None:
    document = _document(corpus, "003_")
    before = corpus.suggestions(document.id)
    code = corpus.code_by_key("M4.1")
    grid = [s for s in before if s.code_id == code.id]
    assert grid
    corpus.accept_suggestions(document.id, grid)
    coded = corpus.annotations(document.id)
    assert {(a.start, a.end, a.origin) for a in coded} == {
        (s.start, s.end, "suggestion") for s in grid
    }
    after = corpus.suggestions(document.id)
    assert not set(grid) & set(after)  # an accepted suggestion is not offered again
    assert corpus.history.undo_text.startswith("接受建议 / Accept suggestion")
    corpus.undo()
    assert corpus.annotations(document.id) == []
    assert corpus.suggestions(document.id) == before


def test_rejected_suggestions_stay_away_for_that_document_only(corpus: Project) -> None:
    document = _document(corpus, "004_")
    other = _document(corpus, "001_")
    first = corpus.suggestions(document.id)[0]
    others_before = corpus.suggestions(other.id)
    corpus.reject_suggestions(document.id, [first])
    assert first not in corpus.suggestions(document.id)
    assert corpus.suggestions(other.id) == others_before
    corpus.undo()
    assert first in corpus.suggestions(document.id)


def test_archived_codes_and_longer_overlaps() -> None:
    from annotator.models import Code, CodeId

    text = "设立工作专班，专班统筹。"
    boundaries = {0, 2, 4, 6, 7, 9, 11, 12}
    code = Code(CodeId(1), "u", None, "A", "甲", keywords=("专班", "工作专班"))
    found = find_suggestions(text, [code], boundaries)
    assert [(s.start, s.end, s.keyword) for s in found] == [(2, 6, "工作专班"), (7, 9, "专班")]
    archived = Code(CodeId(2), "v", None, "B", "乙", keywords=("专班",), archived=True)
    assert find_suggestions(text, [archived], boundaries) == []
    assert isinstance(found[0], Suggestion)
