"""Importing a REFI-QDA project exchange file (``.qdpx``) as a new project.

Whole or nothing: the file is read and checked first (:mod:`.qdpx_parse`,
nothing written), then :meth:`Project.create` builds the project as
``<name>.partial`` and renames it into place only once every step succeeded,
as the demo and hand-out copies are made. A failure leaves no file.

The steps are the commands that keep uuids (those of hand-out and merge), so
documents, codes, coders and codings keep the identity the file gave them and
a later merge into a project that shares them recognises them:
:class:`~annotator.codebooks.MergeCodebook` (codes with their uuids and, from
our own files, keys), :class:`~annotator.teamwork.rows.InsertDocuments`,
:class:`~annotator.teamwork.rows.InsertCoder`,
:class:`~annotator.teamwork.rows.InsertAnnotations` and
:class:`~annotator.teamwork.rows.InsertReviews`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from annotator.codebooks.merge import MergeCodebook
from annotator.errors import ValidationError
from annotator.exchange.qdpx_parse import QdpxContents, read_qdpx
from annotator.models import (
    Annotation,
    AnnotationId,
    CodeId,
    Coder,
    CoderId,
    DocumentId,
    Review,
    ReviewId,
)
from annotator.project import Project
from annotator.teamwork.rows import InsertAnnotations, InsertCoder, InsertDocuments, InsertReviews


def import_qdpx(source: Path, target: Path, *, coder: str = "") -> Project:
    """A new project at ``target`` holding what the ``.qdpx`` at ``source`` holds.

    ``coder`` is who the history says did it. Returns the project, open.
    """
    _check_target(Path(target))
    return project_from_qdpx(read_qdpx(Path(source)), Path(target), coder=coder)


def project_from_qdpx(contents: QdpxContents, target: Path, *, coder: str = "") -> Project:
    """A new project at ``target`` from contents already read (the caller shows the notes)."""
    _check_target(target)

    def setup(project: Project) -> None:
        project.coder = coder
        if contents.codebook.codes:
            project.execute(MergeCodebook(contents.codebook))
        if contents.snapshots:
            project.execute(InsertDocuments(contents.snapshots))
        coders = _insert_coders(project, contents.users)
        inserted = _insert_codings(project, contents, coders)
        _insert_reviews(project, contents, coders, inserted)

    return Project.create(target, name=contents.name, setup=setup)


def _check_target(target: Path) -> None:
    if target.exists():
        raise ValidationError(f"目标文件已存在 / The target exists already: {target}")


def _insert_coders(project: Project, users: dict[str, str]) -> dict[str, CoderId]:
    """Every user of the file as a coder with the same uuid; their ids by GUID."""
    ids: dict[str, CoderId] = {}
    created = project.stores.now()
    for guid, name in users.items():
        command = InsertCoder(Coder(CoderId(0), guid, name), created)
        project.execute(command)
        ids[guid] = command.coder.id
    return ids


def _code_ids(project: Project, contents: QdpxContents) -> dict[str, CodeId]:
    """The merged codes' ids by the GUID codings refer to."""
    ids: dict[str, CodeId] = {}
    for guid, spec in contents.codes.items():
        found = project.stores.codes.by_key(spec.key) if spec.key else None
        if found is None and spec.uuid is not None:
            found = project.stores.codes.by_uuid(spec.uuid)
        assert found is not None, f"code {spec.ref} was merged"
        ids[guid] = found.id
    return ids


def _insert_codings(
    project: Project, contents: QdpxContents, coders: dict[str, CoderId]
) -> dict[str, Annotation]:
    """The codings with their uuids and times; the stored ones by uuid."""
    if not contents.codings:
        return {}
    codes = _code_ids(project, contents)
    documents = {document.uuid: document.id for document in project.documents()}
    rows = [
        dataclasses.replace(
            row.annotation,
            document_id=documents[row.document],
            code_id=codes[row.code],
            coder_id=coders[row.coder],
        )
        for row in contents.codings
    ]
    command = InsertAnnotations(rows)
    project.execute(command)
    return {annotation.uuid: annotation for annotation in command.annotations}


def _insert_reviews(
    project: Project,
    contents: QdpxContents,
    coders: dict[str, CoderId],
    inserted: dict[str, Annotation],
) -> None:
    reviews: list[Review] = []
    documents: dict[AnnotationId, DocumentId] = {}
    for row in contents.codings:
        annotation = inserted[row.annotation.uuid]
        for review in row.reviews:
            reviewer = coders[review.reviewer]
            reviews.append(
                Review(
                    ReviewId(0),
                    annotation.id,
                    reviewer,
                    review.status,
                    review.comment,
                    review.created,
                )
            )
            documents[annotation.id] = annotation.document_id
    if reviews:
        project.execute(InsertReviews(reviews, documents))
