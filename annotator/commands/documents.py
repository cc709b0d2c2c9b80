"""Commands on documents: add (import), edit metadata, delete."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping, Sequence
from typing import TypeVar

from annotator.changes import Changes
from annotator.commands.annotations import DeleteAnnotations
from annotator.commands.base import Command, Stores, new_uuid
from annotator.dates import date_precision
from annotator.errors import ValidationError
from annotator.models import DOCUMENT_FIELDS, Document, DocumentId, NewDocument
from annotator.storage.documents import DocumentSnapshot

V = TypeVar("V")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_new_document(new: NewDocument) -> None:
    """Refuse what no stored text may hold; importers call this per file."""
    unknown = set(new.metadata) - set(DOCUMENT_FIELDS)
    if unknown:
        raise ValidationError(f"未知的文档字段 / Unknown document fields: {sorted(unknown)}")
    if not new.text.strip():
        raise ValidationError("文档没有文字 / The document has no text")
    if "\x00" in new.text:
        raise ValidationError("文字中含有空字符（二进制数据？）/ The text holds NUL characters")
    if "\r" in new.text:
        raise ValidationError("文字须以 \\n 换行 / The text must use \\n line endings")


def _snapshot(new: NewDocument, imported_at: str) -> DocumentSnapshot:
    check_new_document(new)
    metadata = {k: v for k, v in new.metadata.items() if k not in ("memo", "title")}
    document = Document(
        id=DocumentId(0),
        uuid=new.uuid or new_uuid(),
        title=new.metadata.get("title", new.title),
        text_length=len(new.text),
        text_sha256=text_sha256(new.text),
        memo=str(new.metadata.get("memo") or ""),
        source_path=new.source_path,
        imported_at=imported_at,
        attributes=dict(new.attributes),
        flags=tuple(new.flags),
        near_duplicate_of=new.near_duplicate_of,
        **metadata,
    )
    return DocumentSnapshot(
        document, new.text, new.raw_text, tuple(new.import_log), new.fingerprint
    )


class AddDocuments(Command):
    """Add documents in one step (an import of a thousand files is one undo)."""

    action = "add_documents"

    def __init__(self, documents: Sequence[NewDocument]) -> None:
        self.new_documents = list(documents)
        self.snapshots: list[DocumentSnapshot] = []

    @property
    def text(self) -> str:
        count = len(self.new_documents)
        return (
            "导入文档 / Import document"
            if count == 1
            else f"导入 {count} 个文档 / Import {count} documents"
        )

    @property
    def documents(self) -> list[Document]:
        return [snapshot.document for snapshot in self.snapshots]

    def apply(self, stores: Stores) -> Changes:
        if not self.snapshots:
            now = stores.now()
            seen: set[str] = set()
            snapshots: list[DocumentSnapshot] = []  # kept only if every insert succeeds
            for new in self.new_documents:
                draft = _snapshot(new, now)
                digest = draft.document.text_sha256
                if digest in seen or stores.documents.id_for_hash(digest) is not None:
                    raise ValidationError(
                        f"文档已在项目中 / The document is already in the project: "
                        f"{new.title or new.source_path or digest[:12]}"
                    )
                seen.add(digest)
                document_id = stores.documents.insert(draft)
                document = dataclasses.replace(draft.document, id=document_id)
                snapshots.append(dataclasses.replace(draft, document=document))
            self.snapshots = snapshots
        else:
            for snapshot in self.snapshots:
                stores.documents.insert(snapshot)
        return Changes.of(documents=[d.id for d in self.documents])

    def revert(self, stores: Stores) -> Changes:
        for snapshot in reversed(self.snapshots):
            stores.documents.delete(snapshot.document.id)
        return Changes.of(documents=[d.id for d in self.documents])

    def payload(self) -> Mapping[str, object]:
        return {"ids": [d.id for d in self.documents], "titles": [d.title for d in self.documents]}


def with_derived_fields(
    before: Mapping[str, object], fields: Mapping[str, V]
) -> dict[str, V | str | None]:
    """``fields`` plus the fields that follow an edited one, unless given too.

    An edited date brings its precision (2021 → year, 2021-05 → month); an
    edited region drops the old region's code and level, which described it.
    """
    result: dict[str, V | str | None] = dict(fields)
    if "published" in fields and "date_precision" not in fields:
        value = fields["published"]
        result["date_precision"] = date_precision(str(value)) if value else None
    if "region" in fields and fields["region"] != before.get("region"):
        result.setdefault("region_code", None)
        result.setdefault("region_level", None)
    return result


class UpdateDocument(Command):
    """Edit a document's metadata, memo or free attributes (never its text)."""

    action = "update_document"

    def __init__(self, document_id: DocumentId, fields: Mapping[str, object]) -> None:
        self.document_id, self.fields = document_id, dict(fields)
        self.before: dict[str, object] = {}

    @property
    def text(self) -> str:
        if set(self.fields) == {"memo"}:
            return "编辑文档备忘 / Edit document memo"
        return "编辑文档信息 / Edit document details"

    def apply(self, stores: Stores) -> Changes:
        current = stores.documents.get(self.document_id)
        unknown = set(self.fields) - set(DOCUMENT_FIELDS) - {"attributes"}
        if not self.fields:
            raise ValidationError("没有要修改的字段 / Nothing to change")
        if unknown:
            raise ValidationError(
                f"无法修改的字段 / Fields that cannot be edited: {sorted(unknown)}"
            )
        if not self.before:
            old = {name: getattr(current, name) for name in DOCUMENT_FIELDS}
            self.fields = with_derived_fields(old, self.fields)
            self.before = {name: getattr(current, name) for name in self.fields}
        stores.documents.update(self.document_id, self.fields)
        return Changes.of(documents=[self.document_id])

    def revert(self, stores: Stores) -> Changes:
        stores.documents.update(self.document_id, self.before)
        return Changes.of(documents=[self.document_id])

    def payload(self) -> Mapping[str, object]:
        return {"id": self.document_id, "fields": sorted(self.fields)}


class DeleteDocument(Command):
    """Delete a document with its annotations; undo brings all of it back."""

    action = "delete_document"

    def __init__(self, document_id: DocumentId) -> None:
        self.document_id = document_id
        self.snapshot: DocumentSnapshot | None = None
        self._annotations: DeleteAnnotations | None = None

    @property
    def text(self) -> str:
        return "删除文档 / Delete document"

    def apply(self, stores: Stores) -> Changes:
        self.snapshot = stores.documents.snapshot(self.document_id)
        ids = [a.id for a in stores.annotations.query(document_id=self.document_id)]
        self._annotations = DeleteAnnotations(ids)
        changes = self._annotations.apply(stores)
        stores.documents.delete(self.document_id)
        return changes | Changes.of(documents=[self.document_id])

    def revert(self, stores: Stores) -> Changes:
        assert self.snapshot is not None
        assert self._annotations is not None
        stores.documents.insert(self.snapshot)
        return self._annotations.revert(stores) | Changes.of(documents=[self.document_id])

    def payload(self) -> Mapping[str, object]:
        title = self.snapshot.document.title if self.snapshot else None
        return {"id": self.document_id, "title": title}
