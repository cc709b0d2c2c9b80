"""Which codes go together: co-occurrence, and measure ↔ mechanism pairs.

Three ways two codes can meet (each counted once per place):

* ``overlap``: a coding of one overlaps a coding of the other (each such
  pair of codings counts);
* ``sentence``: both touch the same sentence (each sentence counts);
* ``document``: both occur in the same document (each document counts).

Codes count as coded (a coding of M1.1 is not a coding of M1). The pair
table crosses the codes under one top-level code (举措 M) with those under
another (机制 J) by sentence, as papers on "which mechanism carries which
measure" tabulate them, with the unit numbers of the sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from annotator.errors import ValidationError
from annotator.models import Annotation, Code, CodeId, CoderId, DocumentId
from annotator.project import Project
from annotator.sentences import sentences
from annotator.units import unit_index

UNITS = ("overlap", "sentence", "document")
Pair = tuple[CodeId, CodeId]


@dataclass(frozen=True, slots=True)
class PairRow:
    first: CodeId
    second: CodeId
    sentences: int
    #: The unit numbers 文档-小节-段落-句 of those sentences.
    units: tuple[str, ...]


def co_occurrence(
    project: Project,
    unit: str = "sentence",
    *,
    coder_id: CoderId | None = None,
    document_ids: Collection[DocumentId] | None = None,
) -> Counter[Pair]:
    """How often each pair of codes (lower id first) meets in ``unit``."""
    codings = _chosen(project, coder_id, document_ids)
    return count_co_occurrence(codings, project.text, unit)


def count_co_occurrence(
    codings: Iterable[Annotation], text: Callable[[DocumentId], str], unit: str = "sentence"
) -> Counter[Pair]:
    """:func:`co_occurrence` of given codings (an export's choice); ``text`` gives a
    document's text."""
    if unit not in UNITS:
        raise ValidationError(f"单位应为 {'/'.join(UNITS)} / Unknown unit {unit!r}")
    counts: Counter[Pair] = Counter()
    for document_id, found in _by_document(codings):
        if unit == "document":
            counts.update(_pairs({a.code_id for a in found}))
        elif unit == "overlap":
            counts.update(_overlapping(found))
        else:
            for codes in _sentence_codes(text(document_id), found).values():
                counts.update(_pairs(codes))
    return counts


def measure_mechanism_pairs(
    project: Project,
    first: str = "M",
    second: str = "J",
    *,
    coder_id: CoderId | None = None,
    document_ids: Collection[DocumentId] | None = None,
) -> list[PairRow]:
    """Codes under ``first`` × codes under ``second`` met in one sentence, most first."""
    codings = _chosen(project, coder_id, document_ids)
    numbers = {d.id: n for n, d in enumerate(project.documents(), 1)}
    family = families(project.codes(), first, second)
    return count_pairs(codings, project.text, numbers, family, first, second)


def count_pairs(
    codings: Iterable[Annotation],
    text: Callable[[DocumentId], str],
    numbers: Mapping[DocumentId, int],
    family: Mapping[CodeId, str],
    first: str = "M",
    second: str = "J",
) -> list[PairRow]:
    """:func:`measure_mechanism_pairs` of given codings; ``family`` from :func:`families`."""
    found: defaultdict[Pair, list[str]] = defaultdict(list)
    for document_id, chosen in _by_document(codings):
        content = text(document_id)
        index = unit_index(content)
        for sentence, codes in _sentence_codes(content, chosen).items():
            ones = sorted(c for c in codes if family.get(c) == first)
            others = sorted(c for c in codes if family.get(c) == second)
            for pair in ((a, b) for a in ones for b in others):
                found[pair].append(index.label(numbers[document_id], sentence, sentence + 1))
    rows = [PairRow(a, b, len(units), tuple(units)) for (a, b), units in found.items()]
    return sorted(rows, key=lambda r: (-r.sentences, r.first, r.second))


def families(codes: Sequence[Code], *keys: str) -> dict[CodeId, str]:
    """Each code under one of the top-level codes ``keys``: that key."""
    by_id = {code.id: code for code in codes}
    tops = {code.key for code in codes if code.parent_id is None}
    missing = [key for key in keys if key not in tops]
    if missing:
        raise ValidationError(f"没有这个顶层编码 / No such top-level code: {', '.join(missing)}")
    family: dict[CodeId, str] = {}
    for code in codes:
        top = code
        while top.parent_id is not None:
            top = by_id[top.parent_id]
        if top.key in keys:
            family[code.id] = top.key or ""
    return family


def _chosen(
    project: Project, coder_id: CoderId | None, document_ids: Collection[DocumentId] | None
) -> list[Annotation]:
    return [
        a
        for a in project.annotations(coder_id=coder_id)
        if document_ids is None or a.document_id in document_ids
    ]


def _by_document(codings: Iterable[Annotation]) -> list[tuple[DocumentId, list[Annotation]]]:
    grouped: defaultdict[DocumentId, list[Annotation]] = defaultdict(list)
    for a in codings:
        grouped[a.document_id].append(a)
    return sorted(grouped.items())


def _pairs(codes: Iterable[CodeId]) -> Iterable[Pair]:
    return combinations(sorted(set(codes)), 2)


def _overlapping(codings: list[Annotation]) -> Iterable[Pair]:
    ordered = sorted(codings, key=lambda a: (a.start, a.end))
    for index, a in enumerate(ordered):
        for b in ordered[index + 1 :]:
            if b.start >= a.end:
                break
            if a.code_id != b.code_id:
                yield (min(a.code_id, b.code_id), max(a.code_id, b.code_id))


def _sentence_codes(text: str, codings: list[Annotation]) -> dict[int, set[CodeId]]:
    """Per sentence (by its start offset): the codes whose codings touch it."""
    spans = sentences(text)
    ends = [end for _, end in spans]
    found: defaultdict[int, set[CodeId]] = defaultdict(set)
    for a in codings:
        index = bisect_right(ends, a.start)
        while index < len(spans) and spans[index][0] < a.end:
            found[spans[index][0]].add(a.code_id)
            index += 1
    return found
