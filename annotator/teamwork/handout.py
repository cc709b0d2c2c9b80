"""Prepare a coder's copy: the codebook, the chosen documents, that coder's own codings.

A copy is a whole project file built fresh (never a copy of the main file, so
no other coder's codings, reviews or history travel with it). Documents,
codes and the coder keep their uuids, which is how :mod:`.merge` recognises
them when the copy comes back.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.changes import Changes
from annotator.codebooks.merge import MergeCodebook
from annotator.commands.base import Command, Stores, new_uuid
from annotator.errors import ValidationError
from annotator.models import (
    CONSENSUS_NAME,
    Annotation,
    AnnotationId,
    Coder,
    CoderId,
    DocumentId,
)
from annotator.project import Project
from annotator.storage.documents import DocumentSnapshot
from annotator.teamwork.rows import InsertAnnotations, InsertCoder, InsertDocuments

#: The setting that marks a project file as a hand-out copy (JSON).
HANDOUT_SETTING = "handout"


@dataclass(frozen=True, slots=True)
class Handout:
    """What a copy holds."""

    path: Path
    coder: str
    documents: int
    annotations: int


class RecordHandout(Command):
    """Mark the copy as a hand-out for one coder (the GUI opens it as that coder)."""

    action = "record_handout"

    def __init__(self, info: Mapping[str, object]) -> None:
        self.info = json.dumps(info, ensure_ascii=False)

    @property
    def text(self) -> str:
        return "记录分发信息 / Record the hand-out"

    def apply(self, stores: Stores) -> Changes:
        stores.settings.set(HANDOUT_SETTING, self.info)
        return Changes()

    def revert(self, stores: Stores) -> Changes:
        stores.settings.delete(HANDOUT_SETTING)
        return Changes()


def handout_info(project: Project) -> dict[str, object] | None:
    """The hand-out record of a copy (coder, source project, documents), or None."""
    found = project.settings.find(HANDOUT_SETTING)
    return None if found is None else dict(json.loads(found))


def hand_out(
    project: Project,
    out: Path | str,
    coder: str,
    document_ids: Sequence[DocumentId] | None = None,
) -> Handout:
    """Write a new project at ``out`` for ``coder`` (nothing is written if any step fails)."""
    name = coder.strip()
    if not name:
        raise ValidationError("请指定编码员 / Name the coder the copy is for")
    if name == CONSENSUS_NAME:
        raise ValidationError("共识层不是编码员 / The consensus layer is not a coder")
    ids = [d.id for d in project.documents()] if document_ids is None else list(document_ids)
    if not ids:
        raise ValidationError("没有要分发的文档 / No documents to hand out")
    ids = list(dict.fromkeys(ids))
    snapshots = [_blank_id(project.stores.documents.snapshot(d)) for d in ids]
    person, created, own = _coder_and_codings(project, name, set(ids))
    info = {
        "coder": name,
        "from": project.name,
        "from_path": str(project.path or ""),
        "documents": [s.document.uuid for s in snapshots],
        "created": project.stores.now(),
    }
    codebook = project.codebook()

    def setup(copy: Project) -> None:
        copy.coder = name
        copy.execute(MergeCodebook(codebook))
        copy.execute(InsertDocuments(snapshots))
        copy.execute(InsertCoder(person, created))
        if own:
            copy.execute(InsertAnnotations(_moved(project, copy, own)))
        copy.execute(RecordHandout(info))

    Project.create(out, name=f"{project.name} · {name}", setup=setup).close()
    return Handout(Path(out), name, len(snapshots), len(own))


def _coder_and_codings(
    project: Project, name: str, documents: set[DocumentId]
) -> tuple[Coder, str, list[Annotation]]:
    """The coder as the copy will hold it, when it was created, and its own codings."""
    existing = project.stores.coders.by_name(name)
    if existing is None:
        return Coder(CoderId(0), new_uuid(), name), project.stores.now(), []
    own = [a for a in project.annotations(coder_id=existing.id) if a.document_id in documents]
    created = project.stores.coders.created(existing.id)
    return dataclasses.replace(existing, id=CoderId(0)), created, own


def _blank_id(snapshot: DocumentSnapshot) -> DocumentSnapshot:
    document = dataclasses.replace(snapshot.document, id=DocumentId(0))
    return dataclasses.replace(snapshot, document=document)


def _moved(project: Project, copy: Project, annotations: list[Annotation]) -> list[Annotation]:
    """The annotations with the copy's ids for their document, code and coder."""
    code_uuids = {code.id: code.uuid for code in project.codes()}
    codes = {code.uuid: code.id for code in copy.codes()}
    by_uuid = {d.uuid: d.id for d in copy.documents()}
    documents = {d.id: by_uuid[d.uuid] for d in project.documents() if d.uuid in by_uuid}
    coder = copy.stores.coders.by_name(copy.coder)
    assert coder is not None
    return [
        dataclasses.replace(
            a,
            id=AnnotationId(0),
            document_id=documents[a.document_id],
            code_id=codes[code_uuids[a.code_id]],
            coder_id=coder.id,
        )
        for a in annotations
    ]
