"""The steps of merging one copy, kind by kind (see :mod:`.merge`).

Each planner yields commands (the caller applies each before asking for the
next), fills ``ids`` with copy id → project id, and writes what it did into
the report. Reports are bilingual sentences, one per conflict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from annotator.codebooks.model import spec_fields
from annotator.commands import AddCode, EditAnnotation
from annotator.commands.base import Command, Stores, new_uuid
from annotator.errors import NotFoundError
from annotator.models import (
    Annotation,
    AnnotationId,
    Code,
    CodeId,
    Coder,
    CoderId,
    DocumentId,
    Review,
)
from annotator.storage.documents import DocumentSnapshot
from annotator.teamwork.rows import (
    InsertAnnotations,
    InsertCoder,
    InsertDocuments,
    InsertReviews,
    coder_row,
    review_row,
)

if TYPE_CHECKING:
    from annotator.teamwork.merge import CopyReport

#: Copy id → project id, for documents, codes and coders.
IdMaps = tuple[dict[DocumentId, DocumentId], dict[CodeId, CodeId], dict[CoderId, CoderId]]
#: Code fields compared when a copy's code matches one of the project's.
_COMPARED = ("key", "name", "name_en", "definition", "include", "exclude", "parent")
_ANNOTATION_FIELDS = ("document_id", "code_id", "coder_id", "start", "end", "memo")


def _uuid_taken(stores: Stores, uuid: str) -> bool:
    try:
        stores.documents.find(uuid)
    except NotFoundError:
        return False
    return True


def document_steps(
    stores: Stores,
    snapshots: Sequence[DocumentSnapshot],
    ids: dict[DocumentId, DocumentId],
    report: CopyReport,
) -> Iterator[Command]:
    new: list[tuple[DocumentId, DocumentSnapshot]] = []
    for snapshot in snapshots:
        document = snapshot.document
        found = stores.documents.id_for_hash(document.text_sha256)
        if found is not None:
            ids[document.id] = found
            report.documents_matched += 1
            continue
        fresh = dataclasses.replace(document, id=DocumentId(0))
        if _uuid_taken(stores, document.uuid):
            fresh = dataclasses.replace(fresh, uuid=new_uuid())
            report.conflicts.append(
                f"文档《{document.title or document.uuid}》的文字与项目中同一 uuid 的文档不同，"
                f"作为新文档加入 / The text of “{document.title or document.uuid}” differs from "
                "the project's document with its uuid: added as a new document"
            )
        new.append((document.id, dataclasses.replace(snapshot, document=fresh)))
    if new:
        command = InsertDocuments([snapshot for _, snapshot in new])
        yield command
        ids.update(zip((old for old, _ in new), command.ids, strict=True))
        report.documents_added += len(new)


def _by_depth(codes: Sequence[Code]) -> list[Code]:
    """Parents before children (a copy's ids need not be in that order)."""
    by_id = {code.id: code for code in codes}

    def depth(code: Code) -> int:
        level = 0
        while code.parent_id is not None:
            code, level = by_id[code.parent_id], level + 1
        return level

    return sorted(codes, key=lambda code: (depth(code), code.position, code.id))


def code_steps(
    stores: Stores, codes: Sequence[Code], ids: dict[CodeId, CodeId], report: CopyReport
) -> Iterator[Command]:
    """Codes by uuid, then by key; a key whose project code another copy code already
    matched by uuid (the coder re-keyed it, then reused the key) is a new code."""
    by_uuid = {code.id: stores.codes.by_uuid(code.uuid) for code in codes}
    claimed = {found.id for found in by_uuid.values() if found is not None}
    for code in _by_depth(codes):
        parent = None if code.parent_id is None else ids[code.parent_id]
        found = by_uuid[code.id]
        ref = code.key or code.name
        keyed = stores.codes.by_key(code.key) if code.key and found is None else None
        if keyed is not None and keyed.id not in claimed:
            found = keyed
        if found is not None:
            ids[code.id] = found.id
            report.conflicts.extend(_code_differences(found, code, parent, ref))
            continue
        yield from _add_code(stores, code, parent, ids, report, key_taken=keyed is not None)


def _code_differences(found: Code, code: Code, parent: CodeId | None, ref: str) -> list[str]:
    mine = {**spec_fields(found), "key": found.key, "parent": found.parent_id}
    theirs = {**spec_fields(code), "key": code.key, "parent": parent}
    differing = [name for name in _COMPARED if mine[name] != theirs[name]]
    if not differing:
        return []
    return [
        f"编码 {ref} 在副本中不同（{', '.join(differing)}），保留项目中的版本 / "
        f"Code {ref} differs in the copy ({', '.join(differing)}): kept the project's"
    ]


def _add_code(
    stores: Stores,
    code: Code,
    parent: CodeId | None,
    ids: dict[CodeId, CodeId],
    report: CopyReport,
    *,
    key_taken: bool,
) -> Iterator[Command]:
    ref = code.key or code.name
    fields = {"key": None if key_taken else code.key, **spec_fields(code)}
    if key_taken:
        report.conflicts.append(
            f"副本的新编码 {ref} 的键已属于项目中的另一个编码，作为无键编码加入 / "
            f"The copy's new code {ref}: its key belongs to another code here: added without a key"
        )
    holder = stores.codes.by_shortcut(fields["shortcut"]) if fields["shortcut"] else None
    if holder is not None:
        report.conflicts.append(
            f"编码 {ref} 的快捷键 {fields['shortcut']} 在项目中已属于 {holder.name}，未带入 / "
            f"Code {ref}: its shortcut {fields['shortcut']} belongs to {holder.name} here: "
            "left out"
        )
        fields["shortcut"] = ""
    command = AddCode(fields, parent, uuid=code.uuid)
    yield command
    assert command.code is not None
    ids[code.id] = command.code.id
    report.codes_added.append(ref)


def coder_steps(
    stores: Stores,
    coders: Sequence[tuple[Coder, str]],
    ids: dict[CoderId, CoderId],
    report: CopyReport,
) -> Iterator[Command]:
    for coder, created in coders:
        found = stores.coders.by_uuid(coder.uuid) or stores.coders.by_name(coder.name)
        if found is not None:
            ids[coder.id] = found.id
            continue
        command = InsertCoder(coder_row(coder), created)
        yield command
        ids[coder.id] = command.coder.id
        report.coders_added.append(coder.name)


def _differs(a: Annotation, b: Annotation) -> bool:
    return any(getattr(a, name) != getattr(b, name) for name in _ANNOTATION_FIELDS)


def _conflict(a: Annotation, why: str, why_en: str) -> str:
    quote = a.quote if len(a.quote) <= 16 else a.quote[:15] + "…"
    return f"标注「{quote}」：{why} / Annotation “{quote}”: {why_en}"


def annotation_steps(
    stores: Stores,
    annotations: Sequence[Annotation],
    maps: IdMaps,
    ids: dict[AnnotationId, AnnotationId],
    report: CopyReport,
) -> Iterator[Command]:
    """First the codings the project has (by uuid), with their edits; then the others,
    checked against the project as those edits left it."""
    documents, codes, coders = maps
    project = {a.uuid: a for a in stores.annotations.query()}
    in_copy = {a.uuid for a in annotations}
    targets = [
        (a, dataclasses.replace(
            a, id=AnnotationId(0), document_id=documents[a.document_id],
            code_id=codes[a.code_id], coder_id=coders[a.coder_id],
        ))
        for a in annotations
    ]  # fmt: skip
    for a, target in targets:
        existing = project.get(a.uuid)
        if existing is None:
            continue
        ids[a.id] = existing.id
        if not _differs(existing, target):
            report.annotations_unchanged += 1
        elif step := _update(stores, existing, target, report):
            yield step
            report.annotations_updated += 1
    report.conflicts.extend(_missing_in_copy(project, annotations, maps))
    new: dict[tuple[object, ...], tuple[AnnotationId, Annotation]] = {}
    for a, target in targets:
        if a.uuid in project:
            continue
        twin = stores.annotations.same_as(target, target.code_id)
        if twin is not None and twin.uuid not in in_copy:  # the same coding, made twice
            ids[a.id] = twin.id
            report.annotations_unchanged += 1
            continue
        place = (target.document_id, target.code_id, target.coder_id, target.start, target.end)
        if twin is not None or place in new:
            report.conflicts.append(
                _conflict(a, "与另一个标注重复，未加入", "repeats another: left out")
            )
            continue
        new[place] = (a.id, target)
    if new:
        command = InsertAnnotations([annotation for _, annotation in new.values()])
        yield command
        ids.update(zip((old for old, _ in new.values()), command.ids, strict=True))
        report.annotations_added += len(new)


def _update(
    stores: Stores, existing: Annotation, target: Annotation, report: CopyReport
) -> Command | None:
    """The edit that brings the copy's newer version in, or None (a conflict, reported)."""
    if target.updated <= existing.updated:
        why = ("项目中的版本较新，保留", "the project's version is newer: kept")
    elif existing.document_id != target.document_id or existing.coder_id != target.coder_id:
        why = ("副本把它移到了别的文档或编码员，保留项目中的版本", "moved in the copy: kept")
    elif (twin := stores.annotations.same_as(target, target.code_id)) is not None and (
        twin.id != existing.id
    ):
        why = ("副本的版本与另一个标注重复，保留项目中的版本", "the copy's version repeats another")
    elif stores.codes.get(target.code_id).archived and target.code_id != existing.code_id:
        why = ("副本改用的编码在项目中已归档，保留", "its new code is archived here: kept")
    else:
        return EditAnnotation(
            existing.id, code_id=target.code_id, start=target.start, end=target.end,
            memo=target.memo,
        )  # fmt: skip
    report.conflicts.append(_conflict(existing, *why))
    return None


def _missing_in_copy(
    project: dict[str, Annotation],
    annotations: Sequence[Annotation],
    maps: IdMaps,
) -> list[str]:
    """Codings of the copy's coders on the copy's documents that the copy no longer has."""
    documents, _, coders = maps
    in_copy = {a.uuid for a in annotations}
    copied_by = {coders[a.coder_id] for a in annotations}
    copied_in = set(documents.values())
    missing = [
        a for uuid, a in project.items()
        if a.coder_id in copied_by and a.document_id in copied_in and uuid not in in_copy
    ]  # fmt: skip
    if not missing:
        return []
    return [
        f"项目中有 {len(missing)} 个该编码员的标注不在副本中（在副本里删除了？），已保留 / "
        f"{len(missing)} of this coder's annotations are not in the copy (deleted there?): kept"
    ]


def review_steps(
    stores: Stores,
    reviews: Sequence[Review],
    maps: tuple[dict[AnnotationId, AnnotationId], dict[CoderId, CoderId]],
    report: CopyReport,
) -> Iterator[Command]:
    annotations, coders = maps
    targets = [
        review_row(r, annotations[r.annotation_id], coders[r.reviewer_id])
        for r in reviews
        if r.annotation_id in annotations
    ]
    known = {_review_key(r) for r in stores.reviews.for_annotations(annotations.values())}
    new = [r for r in targets if _review_key(r) not in known]
    if new:
        where = stores.annotations.by_ids(r.annotation_id for r in new)
        yield InsertReviews(new, {i: a.document_id for i, a in where.items()})
        report.reviews_added += len(new)


def _review_key(review: Review) -> tuple[object, ...]:
    return (review.annotation_id, review.reviewer_id, review.status, review.comment, review.created)
