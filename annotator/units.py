"""Unit numbers ``文档-小节-段落-句`` of a place in a document (domain.md §1.2).

Policy studies number their units ``政策编号-章节-条款`` (4-3-2); news and
experience articles have no chapters, so we number ``document-section-
paragraph-sentence``: the section is the number of headings before the place
(0 = the lead before the first heading), the paragraph counts from 1 within
its section (a heading is paragraph 0 of the section it opens), and the
sentence counts from 1 within its paragraph (split on 。！？；!?;). The worked
IDs of the research notes (5-1-1-3, 1-0-5-4…) are tests.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from annotator.sentences import sentences
from annotator.structure import heading_spans, paragraph_spans

Unit = tuple[int, int, int]


class UnitIndex:
    """Answers "which unit is offset N in?" for one text, in O(log n)."""

    def __init__(self, text: str) -> None:
        headings = {start for start, _ in heading_spans(text)}
        self._paragraph_starts: list[int] = []
        self._paragraph_units: list[tuple[int, int]] = []
        section, paragraph = 0, 0
        for start, _ in paragraph_spans(text):
            if start in headings:
                section, paragraph = section + 1, 0
            else:
                paragraph += 1
            self._paragraph_starts.append(start)
            self._paragraph_units.append((section, paragraph))
        self._sentence_starts = [start for start, _ in sentences(text)]

    def unit(self, offset: int) -> Unit:
        """(section, paragraph, sentence) of the character at ``offset``."""
        index = bisect_right(self._paragraph_starts, offset) - 1
        if index < 0:  # blank lines before the first paragraph
            return (0, 0, 0)
        section, paragraph = self._paragraph_units[index]
        first = bisect_right(self._sentence_starts, self._paragraph_starts[index] - 1)
        sentence = bisect_right(self._sentence_starts, offset) - first
        return (section, paragraph, max(sentence, 1))

    def label(self, document_number: int, start: int, end: int) -> str:
        """``5-1-1-3``; a span over several sentences: ``5-1-1-3~5-1-1-4``."""
        first = _join(document_number, self.unit(start))
        last = _join(document_number, self.unit(max(start, end - 1)))
        return first if last == first else f"{first}~{last}"


def _join(document_number: int, unit: Unit) -> str:
    return "-".join(str(part) for part in (document_number, *unit))


@lru_cache(maxsize=2048)
def unit_index(text: str) -> UnitIndex:
    """The unit index of a text, kept for the texts used lately (a text never changes,
    and exports, search and statistics ask for the same ones again and again)."""
    return UnitIndex(text)
