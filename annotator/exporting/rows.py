"""The coded segments as rows: one query, reused by every writer (Taguette's export)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.errors import ValidationError
from annotator.models import Code, CodeId, CoderId
from annotator.project import Project


@dataclass(frozen=True, slots=True)
class SegmentRow:
    annotation_id: int
    annotation_uuid: str
    document_id: int
    document_title: str
    code_key: str
    code_path: str
    code_name: str
    quote: str
    start: int
    end: int
    coder: str
    memo: str
    created: str
    updated: str


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


def segment_rows(project: Project, coder_id: CoderId | None = None) -> list[SegmentRow]:
    """One row per coding, by every coder or by ``coder_id`` alone."""
    codes = project.codes()
    by_code = {code.id: code for code in codes}
    paths = code_paths(codes)
    coders = {coder.id: coder.name for coder in project.coders()}
    documents = {document.id: document for document in project.documents()}
    rows = []
    for a in project.annotations(coder_id=coder_id):
        code = by_code[a.code_id]
        document = documents[a.document_id]
        rows.append(
            SegmentRow(
                annotation_id=a.id,
                annotation_uuid=a.uuid,
                document_id=a.document_id,
                document_title=document.title or document.source_path or "",
                code_key=code.key or "",
                code_path=paths[code.id],
                code_name=code.name,
                quote=a.quote,
                start=a.start,
                end=a.end,
                coder=coders[a.coder_id],
                memo=a.memo,
                created=a.created,
                updated=a.updated,
            )
        )
    return rows
