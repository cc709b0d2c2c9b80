"""Agreement between two coders on a project, per code: the tables behind every index.

Units (``docs/agreement.md`` defines them):

* ``character``: every character of every chosen document (NVivo's coding
  comparison); a character is coded with a code if a coding of it covers it;
* ``sentence``, ``paragraph``, ``document``: a code is present in a unit for a
  coder when one of that coder's codings with the code overlaps the unit.

Each code gets one :class:`~annotator.agreement.tables.Table` summed over the
documents, from which percent agreement, Cohen's κ and Holsti's CR follow.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from annotator.agreement.indices import Kappa, binary_alpha, composite_reliability
from annotator.agreement.tables import Span, Table, character_table, merged
from annotator.errors import ValidationError
from annotator.models import Annotation, CodeId, CoderId, DocumentId
from annotator.project import Project
from annotator.sentences import sentences
from annotator.structure import paragraph_spans

UNITS: dict[str, Callable[[str], list[Span]]] = {
    "sentence": sentences,
    "paragraph": paragraph_spans,
    "document": lambda text: [(0, len(text))],
}


@dataclass(frozen=True)
class CodeAgreement:
    code_id: CodeId
    table: Table

    @property
    def percent(self) -> float | None:
        return self.table.percent()

    @property
    def kappa(self) -> Kappa:
        return self.table.kappa()

    @property
    def holsti(self) -> float | None:
        return self.table.holsti()


def unit_table(units: Sequence[Span], first: Iterable[Span], second: Iterable[Span]) -> Table:
    """Units in which both coders, one of them, or neither used the code."""
    ends = [end for _, end in units]
    a, b = _hit(units, ends, merged(first)), _hit(units, ends, merged(second))
    return Table(len(a & b), len(a - b), len(b - a), len(units) - len(a | b))


def _hit(units: Sequence[Span], ends: Sequence[int], runs: Iterable[Span]) -> set[int]:
    """The indices of the units a run overlaps. Units are sorted and apart, so a
    bisection finds the first one; a document's other units are never looked at."""
    found: set[int] = set()
    for start, end in runs:
        index = bisect_right(ends, start)
        while index < len(units) and units[index][0] < end:
            found.add(index)
            index += 1
    return found


@dataclass(frozen=True)
class _Cell:
    """One code in one document: its length in units, the units, each coder's runs."""

    code_id: CodeId
    size: int
    units: list[Span] | None  # None: every character is a unit
    runs: list[list[Span]]


#: The runs of a cell where neither of two coders used the code (tested by identity).
_NOBODY: list[list[Span]] = [[], []]


#: ``progress(documents done, documents in all)``; it may raise to stop (a cancel).
Progress = Callable[[int, int], None]


def _cells(
    project: Project,
    names: Sequence[str],
    unit: str,
    document_ids: Sequence[DocumentId] | None,
    progress: Progress | None = None,
) -> Iterator[_Cell]:
    """Every (document, code) once: the one pass both entry points share."""
    if unit != "character" and unit not in UNITS:
        raise ValidationError(f"单位应为 character/{'/'.join(UNITS)} / Unknown unit {unit!r}")
    coders = [project.coder_by_name(name).id for name in names]
    documents = list(document_ids) if document_ids else [d.id for d in project.documents()]
    codes = [code.id for code in project.codes()]
    by_document = _codings_by_document(project, coders, documents)
    nobody = _NOBODY if len(coders) == 2 else [[] for _ in coders]  # a code no coder used
    for done, document_id in enumerate(documents):
        if progress is not None:
            progress(done, len(documents))
        text = project.text(document_id)
        spans = _spans_by_coder_and_code(by_document.get(document_id, []), coders)
        used = {code_id for _, code_id in spans}
        units = None if unit == "character" else UNITS[unit](text)  # once per document
        size = len(text) if units is None else len(units)
        for code_id in codes:
            if code_id not in used:
                yield _Cell(code_id, size, units, nobody)
                continue
            runs = [merged(spans.get((coder, code_id), [])) for coder in coders]
            yield _Cell(code_id, size, units, runs)
    if progress is not None:
        progress(len(documents), len(documents))


def _codings_by_document(
    project: Project, coders: list[CoderId], documents: list[DocumentId]
) -> dict[DocumentId, list[Annotation]]:
    """The coders' codings, read in one query per coder (not one per document)."""
    wanted = set(documents)
    grouped: dict[DocumentId, list[Annotation]] = {}
    for coder_id in dict.fromkeys(coders):
        for annotation in project.annotations(coder_id=coder_id):
            if annotation.document_id in wanted:
                grouped.setdefault(annotation.document_id, []).append(annotation)
    return grouped


def _table(cell: _Cell, first: int, second: int) -> Table:
    a, b = cell.runs[first], cell.runs[second]
    if not a and not b:  # nobody used the code here: every unit is "neither"
        return Table(0, 0, 0, cell.size)
    if cell.units is None:
        return character_table(cell.size, a, b)
    return unit_table(cell.units, a, b)


def agreement(
    project: Project,
    first: str,
    second: str,
    unit: str = "character",
    document_ids: Sequence[DocumentId] | None = None,
) -> list[CodeAgreement]:
    """Per code (every code, in codebook order), the two coders' table over the documents."""
    tables: dict[CodeId, Table] = {code.id: Table(0, 0, 0, 0) for code in project.codes()}
    unused: Counter[CodeId] = Counter()  # units of documents where neither used the code
    for cell in _cells(project, (first, second), unit, document_ids):
        if cell.runs is _NOBODY:
            unused[cell.code_id] += cell.size  # 9 cells in 10 at 10,000 documents
        else:
            tables[cell.code_id] += _table(cell, 0, 1)
    return [
        CodeAgreement(code_id, table + Table(0, 0, 0, unused[code_id]))
        for code_id, table in tables.items()
    ]


@dataclass(frozen=True)
class GroupAgreement:
    """Several coders on one code: Krippendorff's α, the mean pairwise Holsti K̄ and R."""

    code_id: CodeId
    alpha: float | None
    mean_holsti: float | None
    reliability: float | None
    #: Units that 0, 1, … n coders marked present (what α is computed from).
    histogram: dict[int, int]
    #: The table of each pair of coders, in the order of ``itertools.combinations``.
    pairs: tuple[Table, ...] = ()


def group_agreement(
    project: Project,
    names: Sequence[str],
    unit: str = "character",
    document_ids: Sequence[DocumentId] | None = None,
    progress: Progress | None = None,
) -> list[GroupAgreement]:
    """Per code, for two or more coders (every coder counts on every unit)."""
    if len(set(names)) < 2:
        raise ValidationError("至少需要两位编码员 / At least two coders are needed")
    if len(set(names)) != len(names):
        raise ValidationError("编码员重复 / A coder is named twice")
    pairs = list(combinations(range(len(names)), 2))
    codes = [code.id for code in project.codes()]
    histograms: dict[CodeId, Counter[int]] = {code_id: Counter() for code_id in codes}
    tables = {code_id: [Table(0, 0, 0, 0)] * len(pairs) for code_id in codes}
    for cell in _cells(project, names, unit, document_ids, progress):
        histogram, sums = histograms[cell.code_id], tables[cell.code_id]
        if not any(cell.runs):  # nobody used the code here
            histogram[0] += cell.size
        elif cell.units is None:
            histogram.update(_coverage(cell.size, cell.runs))
        else:
            histogram.update(_marks(cell.units, cell.runs))
        tables[cell.code_id] = [
            t + _table(cell, a, b) for t, (a, b) in zip(sums, pairs, strict=True)
        ]
    results = []
    for code_id in codes:
        found = [CodeAgreement(code_id, t).holsti for t in tables[code_id]]
        values = [h for h in found if h is not None]
        mean = sum(values) / len(values) if values else None
        results.append(GroupAgreement(
            code_id, binary_alpha(histograms[code_id], len(names)), mean,
            composite_reliability(mean, len(names)), dict(histograms[code_id]),
            tuple(tables[code_id]),
        ))  # fmt: skip
    return results


def _coverage(length: int, runs: list[list[Span]]) -> Counter[int]:
    """Characters by how many coders' runs cover them (a sweep over the run ends)."""
    events = sorted([(s, 1) for r in runs for s, _ in r] + [(e, -1) for r in runs for _, e in r])
    counts: Counter[int] = Counter()
    depth, position = 0, 0
    for offset, step in events:
        counts[depth] += offset - position
        depth, position = depth + step, offset
    counts[0] += length - position
    return counts


def _marks(units: Sequence[Span], runs: list[list[Span]]) -> Counter[int]:
    """Units by how many coders' runs overlap them."""
    ends = [end for _, end in units]
    marked: Counter[int] = Counter()
    for r in runs:
        marked.update(_hit(units, ends, r))
    # In unit order, as before the bisection: α sums its terms in this order.
    return Counter(marked.get(index, 0) for index in range(len(units)))


def _spans_by_coder_and_code(
    annotations: Iterable[Annotation], coders: list[CoderId]
) -> dict[tuple[CoderId, CodeId], list[Span]]:
    spans: dict[tuple[CoderId, CodeId], list[Span]] = {}
    for a in annotations:
        if a.coder_id in coders:
            spans.setdefault((a.coder_id, a.code_id), []).append((a.start, a.end))
    return spans
