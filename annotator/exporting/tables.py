"""The figures of the summary sheets, as plain data (no openpyxl here).

Counting follows domain.md §1.4: a code's references (参考点) are the codings
of it and of its sub-codes; its documents (材料来源) are the documents with at
least one; shares are of all chosen codings and of the parent's references.
A code with sub-codes is a subtotal of them (and of its own codings).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.attributes import attribute_value, check_attribute
from annotator.exporting.dataset import Dataset
from annotator.models import Code, CodeId


@dataclass(frozen=True, slots=True)
class FrequencyRow:
    code: Code
    depth: int
    #: Codings of this code and its sub-codes, and of this code alone.
    references: int
    own: int
    documents: int
    share: float | None
    share_of_parent: float | None
    #: True for a code with sub-codes: its figures add theirs up.
    subtotal: bool
    #: The unit numbers of its own codings, as papers list them (5-1-1-3, 4-3-3-2…).
    units: str


def depths(codes: Sequence[Code]) -> dict[CodeId, int]:
    found: dict[CodeId, int] = {}
    for code in codes:  # tree order: a parent comes first
        found[code.id] = 0 if code.parent_id is None else found[code.parent_id] + 1
    return found


def frequencies(data: Dataset) -> list[FrequencyRow]:
    """One row per code, in tree order."""
    per_document = data.counts_by_document
    references: Counter[CodeId] = Counter()
    documents: Counter[CodeId] = Counter()
    for counts in per_document.values():
        references.update(counts)
        documents.update(counts.keys())
    own: Counter[CodeId] = Counter(a.code_id for a in data.annotations)
    units: defaultdict[CodeId, list[str]] = defaultdict(list)
    for a in data.annotations:
        units[a.code_id].append(data.unit(a))
    parents = {code.parent_id for code in data.codes}
    level, total = depths(data.codes), len(data.annotations)
    return [
        FrequencyRow(
            code=code,
            depth=level[code.id],
            references=references[code.id],
            own=own[code.id],
            documents=documents[code.id],
            share=references[code.id] / total if total else None,
            share_of_parent=_share(references, code),
            subtotal=code.id in parents,
            units=", ".join(units[code.id]),  # a cell cuts it if too long (excel.py)
        )
        for code in data.codes
    ]


def _share(references: Counter[CodeId], code: Code) -> float | None:
    if code.parent_id is None:
        return None
    parent = references[code.parent_id]
    return references[code.id] / parent if parent else None


@dataclass(frozen=True, slots=True)
class CrossTab:
    """References of each code per value of a document attribute."""

    attribute: str
    values: list[str]
    counts: dict[CodeId, Counter[str]]

    def total(self, code_id: CodeId) -> int:
        return sum(self.counts[code_id].values())

    def row_share(self, code_id: CodeId, value: str) -> float | None:
        total = self.total(code_id)
        return self.counts[code_id][value] / total if total else None

    def column_total(self, value: str, codes: Sequence[Code]) -> int:
        """References of the top-level codes (each coding once) with this value."""
        return sum(self.counts[c.id][value] for c in codes if c.parent_id is None)


def cross_tab(data: Dataset, attribute: str) -> CrossTab:
    """Code × attribute value; "" stands for documents without a value."""
    check_attribute(attribute, data.project.documents)  # any document may have it
    values = {d.id: attribute_value(d, attribute) for d in data.documents}
    counts: dict[CodeId, Counter[str]] = {code.id: Counter() for code in data.codes}
    for document_id, by_code in data.counts_by_document.items():
        for code_id, count in by_code.items():
            counts[code_id][values[document_id]] += count
    ordered = sorted(set(values.values()), key=lambda v: (v == "", v))
    return CrossTab(attribute, ordered, counts)
