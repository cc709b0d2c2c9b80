"""The consensus layer: the reviewer's final version of the codings.

It is a coder of its own (:data:`~annotator.models.CONSENSUS_UUID`, the same
in every project, so it survives hand-outs and merges). A reviewer fills it by
adopting a coder's codings (copies: the coders' own work stays as it was, so
agreement can still be computed on it) and edits it like any coding. Exports
use it by default once it has codings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence

from annotator.commands.base import Command, Composite, Stores, new_uuid
from annotator.models import (
    CONSENSUS_NAME,
    CONSENSUS_UUID,
    Annotation,
    AnnotationId,
    Coder,
    CoderId,
)
from annotator.teamwork.rows import InsertAnnotations, InsertCoder


def consensus_id(stores: Stores) -> CoderId | None:
    """The consensus layer's coder id, or None while it has never been used."""
    coder = stores.coders.by_uuid(CONSENSUS_UUID)
    return None if coder is None else coder.id


class AdoptAnnotations(Composite):
    """Copy coders' codings into the consensus layer (one undo step).

    A coding the layer already has (same document, code and span) is skipped.
    """

    action = "adopt_annotations"

    def __init__(self, annotation_ids: Sequence[AnnotationId]) -> None:
        super().__init__()
        self.annotation_ids = list(dict.fromkeys(annotation_ids))
        self.adopted: list[AnnotationId] = []
        self.skipped = 0

    @property
    def text(self) -> str:
        return "采纳到共识 / Adopt into consensus"

    def plan(self, stores: Stores) -> Iterator[Command]:
        layer = consensus_id(stores)
        if layer is None:
            created = InsertCoder(Coder(CoderId(0), CONSENSUS_UUID, CONSENSUS_NAME), stores.now())
            yield created
            layer = created.coder.id
        sources = stores.annotations.by_ids(self.annotation_ids)
        copies: dict[tuple[object, ...], Annotation] = {}
        self.skipped = 0
        for annotation_id in self.annotation_ids:
            copy = _copy(sources[annotation_id], layer, stores.now())
            place = (copy.document_id, copy.code_id, copy.start, copy.end)
            if place in copies or stores.annotations.same_as(copy, copy.code_id) is not None:
                self.skipped += 1
                continue
            copies[place] = copy
        if copies:
            insert = InsertAnnotations(list(copies.values()))
            yield insert
            self.adopted = insert.ids

    def payload(self) -> Mapping[str, object]:
        return {"sources": self.annotation_ids, "adopted": self.adopted, "skipped": self.skipped}


def not_yet_adopted(stores: Stores, annotation_ids: Sequence[AnnotationId]) -> list[AnnotationId]:
    """The codings whose span and code the consensus layer does not have yet."""
    layer = consensus_id(stores)
    if layer is None:
        return list(annotation_ids)
    sources = stores.annotations.by_ids(annotation_ids)
    return [
        i for i in annotation_ids
        if stores.annotations.same_as(_copy(sources[i], layer, ""), sources[i].code_id) is None
    ]  # fmt: skip


def _copy(source: Annotation, layer: CoderId, now: str) -> Annotation:
    return dataclasses.replace(
        source, id=AnnotationId(0), uuid=new_uuid(), coder_id=layer, created=now, updated=now
    )
