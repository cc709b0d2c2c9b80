"""Where coders differ: overlapping codings of one code, grouped and classified.

In one document, the codings of one code by the compared coders are joined
into clusters of spans that overlap (transitively). A cluster is

* ``agree``: every coder has it, with exactly the same spans;
* ``bounds``: every coder has it, with different spans;
* ``missing``: some coder does not have it at all.

The last two are the disagreements a reviewer adjudicates; the compare view
and the 分歧 / Disagreements sheet list them. Codings by the consensus layer
are not compared; a cluster says whether the consensus already covers it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from annotator.models import Annotation, CodeId, CoderId, DocumentId
from annotator.project import Project


class Kind(StrEnum):
    AGREE = "agree"
    BOUNDS = "bounds"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Cluster:
    document_id: DocumentId
    code_id: CodeId
    start: int
    end: int
    #: Each compared coder's codings in the cluster (an empty tuple: none).
    members: dict[CoderId, tuple[Annotation, ...]]
    kind: Kind
    #: Consensus codings of this code that overlap the cluster.
    consensus: tuple[Annotation, ...] = ()

    @property
    def annotations(self) -> list[Annotation]:
        return [a for group in self.members.values() for a in group]


def clusters(
    annotations: Iterable[Annotation],
    coder_ids: Sequence[CoderId],
    consensus: Iterable[Annotation] = (),
) -> list[Cluster]:
    """The clusters of ``annotations`` by ``coder_ids`` (others ignored), in text order."""
    wanted = set(coder_ids)
    groups: dict[tuple[DocumentId, CodeId], list[Annotation]] = defaultdict(list)
    for a in annotations:
        if a.coder_id in wanted:
            groups[a.document_id, a.code_id].append(a)
    agreed: dict[tuple[DocumentId, CodeId], list[Annotation]] = defaultdict(list)
    for a in consensus:
        agreed[a.document_id, a.code_id].append(a)
    found = [
        _cluster(run, coder_ids, agreed[place])
        for place, group in groups.items()
        for run in _runs(group)
    ]
    return sorted(found, key=lambda c: (c.document_id, c.start, c.end, c.code_id))


def _runs(group: list[Annotation]) -> list[list[Annotation]]:
    runs: list[list[Annotation]] = []
    end = -1
    for a in sorted(group, key=lambda a: (a.start, a.end)):
        if runs and a.start < end:
            runs[-1].append(a)
            end = max(end, a.end)
        else:
            runs.append([a])
            end = a.end
    return runs


def _cluster(
    run: list[Annotation], coder_ids: Sequence[CoderId], agreed: list[Annotation]
) -> Cluster:
    start, end = min(a.start for a in run), max(a.end for a in run)
    members = {c: tuple(a for a in run if a.coder_id == c) for c in coder_ids}
    spans = [{(a.start, a.end) for a in group} for group in members.values()]
    if any(not s for s in spans):
        kind = Kind.MISSING
    elif all(s == spans[0] for s in spans):
        kind = Kind.AGREE
    else:
        kind = Kind.BOUNDS
    covering = tuple(a for a in agreed if a.start < end and start < a.end)
    return Cluster(run[0].document_id, run[0].code_id, start, end, members, kind, covering)


def compare(
    project: Project,
    coder_ids: Sequence[CoderId],
    document_ids: Sequence[DocumentId] | None = None,
    annotations: Iterable[Annotation] | None = None,
) -> list[Cluster]:
    """Every cluster of the coders' codings in the chosen documents (all by default).

    ``annotations``: the codings of those documents, if the caller has read them.
    """
    from annotator.teamwork.consensus import consensus_id

    layer = consensus_id(project.stores)
    if annotations is None and document_ids is None:
        annotations = project.annotations()
    elif annotations is None:  # a few documents: read only theirs (the compare view asks)
        annotations = [a for d in dict.fromkeys(document_ids or ()) for a in project.annotations(d)]
    found: list[Annotation] = []
    agreed: list[Annotation] = []
    for a in annotations:
        (agreed if a.coder_id == layer else found).append(a)
    return clusters(found, [c for c in coder_ids if c != layer], agreed)


def disagreements(clusters_found: Iterable[Cluster]) -> list[Cluster]:
    return [c for c in clusters_found if c.kind is not Kind.AGREE]
