"""Corpus search: every hit of a query in every document, as keyword-in-context lines.

A query matches as the in-document finder does (:mod:`annotator.find`): 乡村
finds 鄉村, 村两委 finds 村“两委”, 建立82人 finds 建立 82 人. The documents'
normalised texts are stored beside them (:mod:`annotator.storage.search_index`):
a query of three characters or more asks FTS5's trigram index which documents
hold it; a shorter one, which that index cannot serve, scans the normalised
texts (kept in memory once read). Either way the hits are found in the
normalised text and mapped back to the document's own offsets, so a hit is
always a span of the document. Regular expressions run on the normalised text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from annotator.errors import ValidationError
from annotator.find import normalise
from annotator.models import DocumentId
from annotator.project import Project
from annotator.shadow import to_simplified
from annotator.structure import context
from annotator.units import unit_index

#: The trigram index serves queries of at least this many (normalised) characters.
INDEXED = 3


@dataclass(frozen=True, slots=True)
class Hit:
    document_id: DocumentId
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class KwicLine:
    hit: Hit
    document_number: int
    title: str
    #: The unit number 文档-小节-段落-句 of the hit's start.
    unit: str
    left: str
    match: str
    right: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    #: Hits in all searched documents (``lines`` holds at most ``limit`` of them).
    total: int
    documents: int
    lines: list[KwicLine]
    used_index: bool


def search(
    project: Project,
    query: str,
    *,
    regex: bool = False,
    limit: int = 1000,
    context: int = 20,
    document_ids: Collection[DocumentId] | None = None,
) -> SearchResult:
    """Every hit of ``query``; the first ``limit`` as lines with ``context`` characters."""
    if limit < 0:
        raise ValidationError(f"显示行数不能为负 / The limit cannot be negative: {limit}")
    finder, needle = _finder(query, regex)
    index = project.stores.documents.search
    used_index = not regex and len(needle) >= INDEXED
    texts = index.all()
    candidates = [d for d in index.holding(needle) if d in texts] if used_index else sorted(texts)
    if document_ids is not None:
        wanted = set(document_ids)
        candidates = [d for d in candidates if d in wanted]
    hits: list[Hit] = []
    total = documents = 0
    for document_id in candidates:
        norm, removed = texts[document_id]
        if len(hits) < limit:
            spans = list(finder(norm))
            found = len(spans)
            room = limit - len(hits)
            hits += [Hit(document_id, *_original(s, e, removed)) for s, e in spans[:room]]
        else:  # past the lines shown, only counted
            found = finder.count(norm)
        if found:
            total, documents = total + found, documents + 1
    return SearchResult(query, total, documents, _lines(project, hits, context), used_index)


def _finder(query: str, regex: bool) -> tuple[_Finder, str]:
    if not query.strip():
        raise ValidationError("请输入要查找的内容 / Type something to search for")
    if regex:
        try:  # simplified like the texts it runs on; its syntax is ASCII and unchanged
            pattern = re.compile(to_simplified(query))
        except re.error as error:
            raise ValidationError(
                f"正则表达式有误 / Not a valid regular expression: {error}"
            ) from error
        return _Finder(pattern=pattern), query
    needle = normalise(query).text
    if not needle:
        raise ValidationError("请输入要查找的内容 / Type something to search for")
    return _Finder(needle=needle, overlapping=_overlaps_itself(needle)), needle


@dataclass(frozen=True, slots=True)
class _Finder:
    needle: str = ""
    pattern: re.Pattern[str] | None = None
    #: Whether two occurrences of the needle can overlap (哈哈 in 哈哈哈).
    overlapping: bool = False

    def __call__(self, text: str) -> Iterator[tuple[int, int]]:
        """Hits in a normalised text: every occurrence (overlapping ones too, as the
        in-document finder counts them), or every match of the expression."""
        if self.pattern is not None:
            for match in self.pattern.finditer(text):
                if match.end() > match.start():
                    yield match.start(), match.end()
            return
        size = len(self.needle)
        position = text.find(self.needle)
        while position >= 0:
            yield position, position + size
            position = text.find(self.needle, position + 1)

    def count(self, text: str) -> int:
        """How many hits, at C speed where occurrences cannot overlap (str.count counts
        those that do not; 哈哈 in 哈哈哈 is two hits, not one)."""
        if self.pattern is None and not self.overlapping:
            return text.count(self.needle)
        return sum(1 for _ in self(text))


def _overlaps_itself(needle: str) -> bool:
    """True when two occurrences can overlap: the needle starts as it ends (哈哈, abab)."""
    return any(needle[:k] == needle[-k:] for k in range(1, len(needle)))


def _original(start: int, end: int, removed: tuple[int, ...]) -> tuple[int, int]:
    """A span of the normalised text as a span of the document's own text."""
    first = _origin(start, removed)
    return first, _origin(end - 1, removed) + 1


def _origin(index: int, removed: tuple[int, ...]) -> int:
    """The original offset of normalised character ``index``: the smallest offset
    ``o`` kept by normalising with ``index`` kept offsets before it."""
    offset = index
    while True:
        moved = index + bisect_right(removed, offset)
        if moved == offset:
            return offset
        offset = moved


def _lines(project: Project, hits: list[Hit], size: int) -> list[KwicLine]:
    store = project.stores.documents
    numbers = store.search.numbers()
    titles = store.titles(hit.document_id for hit in hits)
    lines = []
    for hit in hits:
        text = project.text(hit.document_id)
        number = numbers[hit.document_id]
        unit = unit_index(text).label(number, hit.start, hit.start + 1)  # where the hit starts
        left, right = context(text, hit.start, hit.end, size)
        match = text[hit.start : hit.end]
        lines.append(KwicLine(hit, number, titles[hit.document_id], unit, left, match, right))
    return lines
