"""Coding search hits: one code on many places of the corpus, as one undo step.

The places are planned first (:func:`plan_hits`), so the user sees them before
anything changes: each hit, or the sentence or clause around it; places that
overlap are joined, and a place the coder has already coded with that code is
left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from annotator.commands.annotations import AddAnnotation
from annotator.commands.base import Command, Composite, Stores
from annotator.errors import NotFoundError, ValidationError
from annotator.models import CodeId, DocumentId
from annotator.sentences import clause_span, sentence_span

#: How far a hit grows before it is coded.
EXTENTS = ("hit", "clause", "sentence")


@dataclass(frozen=True, slots=True)
class Place:
    document_id: DocumentId
    start: int
    end: int
    quote: str


def plan_hits(
    stores: Stores,
    hits: Iterable[tuple[DocumentId, int, int]],
    code_id: CodeId,
    coder: str,
    extent: str = "hit",
) -> list[Place]:
    """The places coding ``hits`` would add, in document and text order (hits in a
    document deleted since the search are left out)."""
    if extent not in EXTENTS:
        raise ValidationError(f"范围应为 {'/'.join(EXTENTS)} / Unknown extent {extent!r}")
    grown: dict[DocumentId, list[tuple[int, int]]] = {}
    for document_id, start, end in hits:
        try:
            text = stores.documents.text(document_id)
        except NotFoundError:
            continue  # a hit list kept while its document was deleted
        span = _grow(text, start, end, extent)
        grown.setdefault(document_id, []).append(span)
    person = stores.coders.by_name(coder)
    places = []
    for document_id in sorted(grown):
        text = stores.documents.text(document_id)
        have = {
            (a.start, a.end)
            for a in stores.annotations.query(document_id=document_id, code_ids=[code_id])
            if person is not None and a.coder_id == person.id
        }
        for start, end in _joined(grown[document_id]):
            if (start, end) not in have:
                places.append(Place(document_id, start, end, text[start:end]))
    return places


def _grow(text: str, start: int, end: int, extent: str) -> tuple[int, int]:
    if extent == "sentence":
        return sentence_span(text, start, end)
    if extent == "clause":
        return clause_span(text, start, end)
    return start, end


def _joined(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Overlapping spans as one (two hits in one sentence are one coding)."""
    current: tuple[int, int] | None = None
    for start, end in sorted(spans):
        if current is not None and start < current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


class CodeHits(Composite):
    """Add the planned places as codings of one code (one undo step)."""

    action = "code_hits"

    def __init__(self, places: Sequence[Place], code_id: CodeId, coder: str) -> None:
        super().__init__()
        self.places, self.code_id, self.coder = list(places), code_id, coder

    @property
    def text(self) -> str:
        return f"编码查找结果 / Code search hits ×{len(self.places)}"

    def plan(self, _stores: Stores) -> Iterator[Command]:
        if not self.places:
            raise ValidationError("没有要编码的位置 / No places to code")
        for p in self.places:
            yield AddAnnotation(p.document_id, self.code_id, self.coder, p.start, p.end)

    def payload(self) -> Mapping[str, object]:
        return {"code_id": self.code_id, "count": len(self.places)}
