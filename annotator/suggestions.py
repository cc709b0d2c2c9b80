"""Keyword suggestions: where a code's keywords occur, offered as candidate codings.

Keywords are matched on the simplified shadow, so 鄉村振興 is found by 乡村振兴,
and only where both ends of the hit are jieba word boundaries (with the domain
dictionary): 联建 is not suggested inside 村企联建 when the dictionary keeps
that word whole. Where two keywords of one code overlap, the longer hit wins.
A span the coder has already coded with that code, and a suggestion the coder
rejected, are not offered again. Suggestions are never codings until a coder
accepts them (domain.md §3: keywords pre-highlight, they do not auto-code).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from annotator.models import Annotation, Code, CodeId
from annotator.shadow import to_simplified


@dataclass(frozen=True, order=True)
class Suggestion:
    start: int
    end: int
    code_id: CodeId
    keyword: str

    @property
    def span(self) -> tuple[CodeId, int, int]:
        return (self.code_id, self.start, self.end)


def keyword_hits(shadow: str, keyword: str) -> Iterator[tuple[int, int]]:
    """Every occurrence of ``keyword`` (in simplified script) in ``shadow``."""
    needle = to_simplified(keyword.strip())
    if not needle:
        return
    start = shadow.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = shadow.find(needle, start + 1)


def word_boundaries(spans: Iterable[tuple[int, int]]) -> set[int]:
    """The offsets where a word starts or ends."""
    return {offset for span in spans for offset in span}


def find_suggestions(
    text: str,
    codes: Sequence[Code],
    boundaries: set[int],
    *,
    coded: Iterable[Annotation] = (),
    rejected: set[tuple[CodeId, int, int]] | None = None,
) -> list[Suggestion]:
    """Suggestions in text order, for every code that is not archived."""
    shadow = to_simplified(text)
    covered = _covered_by(coded)
    archived = _archived(codes)
    found: list[Suggestion] = []
    for code in codes:
        if code.id in archived:
            continue
        hits = {
            (start, end): keyword
            for keyword in code.keywords
            for start, end in keyword_hits(shadow, keyword)
            if start in boundaries and end in boundaries
        }
        for start, end in _outermost(hits):
            suggestion = Suggestion(start, end, code.id, hits[(start, end)])
            if suggestion.span not in (rejected or set()) and not covered(code.id, start, end):
                found.append(suggestion)
    return sorted(found)


def _outermost(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of spans that overlap, the longest (the earliest among equals); the rest go."""
    kept: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []  # kept spans in start order, for a bisect
    for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
        at = bisect.bisect_left(taken, (start, end))
        before = taken[at - 1] if at else None
        after = taken[at] if at < len(taken) else None
        if (before and before[1] > start) or (after and after[0] < end):
            continue
        taken.insert(at, (start, end))
        kept.append((start, end))
    return sorted(kept)


def _archived(codes: Sequence[Code]) -> set[CodeId]:
    """Archived codes and everything below them (the menus hide those too)."""
    by_id = {code.id: code for code in codes}
    hidden: set[CodeId] = set()
    for code in codes:
        walk: Code | None = code
        while walk is not None:
            if walk.archived:
                hidden.add(code.id)
                break
            walk = by_id.get(walk.parent_id) if walk.parent_id is not None else None
    return hidden


def _covered_by(annotations: Iterable[Annotation]) -> Callable[[CodeId, int, int], bool]:
    by_code: dict[CodeId, list[tuple[int, int]]] = {}
    for annotation in annotations:
        by_code.setdefault(annotation.code_id, []).append((annotation.start, annotation.end))

    def covered(code_id: CodeId, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in by_code.get(code_id, ()))

    return covered
