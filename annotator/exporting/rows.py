"""The coded segments as rows: one reading, reused by every writer (Taguette's export).

A row carries what a paper's 内容分析单元编码表 prints (domain.md §1.3):
document number, title and metadata, the unit number, the code with its
path, the quote with its context, and the review (state, reviewer, comments).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from annotator.errors import ValidationError
from annotator.models import Code, CodeId, CoderId
from annotator.project import Project
from annotator.structure import context

if TYPE_CHECKING:
    from annotator.exporting.dataset import Dataset


@dataclass(frozen=True, slots=True)
class SegmentRow:
    annotation_id: int
    document_number: int
    document_title: str
    source: str
    published: str
    region: str
    region_level: str
    unit: str
    code_key: str
    code_path: str
    code_name: str
    quote: str
    context_before: str
    context_after: str
    start: int
    end: int
    coder: str
    memo: str
    #: pending, accepted or rejected (writers translate it).
    status: str
    reviewer: str
    comment: str
    created: str
    updated: str
    annotation_uuid: str
    document_uuid: str


def code_paths(codes: list[Code]) -> dict[CodeId, str]:
    """``M > M2 > M2.3`` for each code (keys, or names where a code has no key)."""
    by_id = {code.id: code for code in codes}
    paths: dict[CodeId, str] = {}
    for code in codes:
        parts, current = [], code
        while True:
            parts.append(current.key or current.name)
            if current.parent_id is None:
                break
            current = by_id[current.parent_id]
        paths[code.id] = " > ".join(reversed(parts))
    return paths


def exported_coder(project: Project, layer: str = "auto") -> CoderId | None:
    """Whose codings an export holds: ``"all"`` coders (None), the ``"consensus"`` layer,
    or ``"auto"``: the consensus layer once it has codings, else all."""
    from annotator.teamwork.consensus import consensus_id

    if layer == "all":
        return None
    found = consensus_id(project.stores)
    if layer == "consensus":
        if found is None:
            raise ValidationError("项目还没有共识层 / The project has no consensus layer yet")
        return found
    return found if found is not None and project.annotation_counts(coder_id=found) else None


def segment_rows(data: Dataset) -> Iterator[SegmentRow]:
    """One row per chosen coding, in document and text order."""
    size = data.options.context
    for a in data.annotations:
        code, document = data.code_by_id[a.code_id], data.document_by_id[a.document_id]
        review = data.review(a.id)
        before, after = context(data.text(a.document_id), a.start, a.end, size)
        yield SegmentRow(
            annotation_id=a.id,
            document_number=data.numbers[a.document_id],
            document_title=document.title or document.source_path or "",
            source=document.source or "",
            published=document.published or "",
            region=document.region or "",
            region_level=document.region_level or "",
            unit=data.unit(a),
            code_key=code.key or "",
            code_path=data.paths[code.id],
            code_name=code.name,
            quote=a.quote,
            context_before=before,
            context_after=after,
            start=a.start,
            end=a.end,
            coder=data.coders[a.coder_id],
            memo=a.memo,
            status=review.state,
            reviewer="" if review.reviewer_id is None else data.coders[review.reviewer_id],
            comment="\n".join(review.comments),
            created=a.created,
            updated=a.updated,
            annotation_uuid=a.uuid,
            document_uuid=document.uuid,
        )


def row_values(row: SegmentRow, language: str) -> list[str | int]:
    """A row's values in column order, the review state in ``language``."""
    from annotator.exporting.labels import STATUS

    values: list[str | int] = list(_values(row))
    values[_STATUS_INDEX] = STATUS[language][row.status]
    return values


#: ``astuple`` deep-copies each value and costs 8× more: this is a row's plain values.
_values = attrgetter(*SegmentRow.__dataclass_fields__)
_STATUS_INDEX = list(SegmentRow.__dataclass_fields__).index("status")
