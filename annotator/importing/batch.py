"""Storing prepared files: duplicates out, near-duplicates flagged, one transaction.

An exact re-import (the same cleaned text) is reported and skipped. A repost
(the same article from another site, slightly edited) is imported but linked
to and flagged with the document it resembles, so the researcher decides.
All documents of one call are added by one command, so one undo removes the
whole import, and a failure stores none of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from annotator.commands.base import new_uuid
from annotator.commands.documents import text_sha256
from annotator.importing.fingerprint import NearDuplicateIndex
from annotator.importing.prepare import READERS, PreparedFile, prepare_files
from annotator.models import DocumentId, Flag, NewDocument
from annotator.project import Project


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass
class ImportResult:
    file: str
    status: ImportStatus
    document_id: DocumentId | None = None
    uuid: str | None = None
    title: str | None = None
    flags: list[str] = field(default_factory=list)
    error: str | None = None

    def line(self) -> str:
        """One line of the import report."""
        if self.status is ImportStatus.IMPORTED:
            note = f"  ⚑ {len(self.flags)} flag(s)" if self.flags else ""
            return f"imported  {self.file}  → #{self.document_id} {self.title or ''}{note}".rstrip()
        if self.status is ImportStatus.DUPLICATE:
            return f"duplicate {self.file}  = #{self.document_id} (skipped)"
        if self.status is ImportStatus.SKIPPED:
            return f"skipped   {self.file}"
        return f"failed    {self.file}  {self.error}"


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every supported file inside a given folder (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
            )
        else:
            found.append(path)
    return found


def import_prepared(project: Project, prepared: Sequence[PreparedFile]) -> list[ImportResult]:
    """Store the prepared files that can be stored; one result per file, in order."""
    index = NearDuplicateIndex()
    for _, uuid, data in project.stores.documents.fingerprints():
        index.add(uuid, data)
    results: list[ImportResult] = []
    pending: list[tuple[ImportResult, NewDocument]] = []
    seen: dict[str, ImportResult] = {}
    for item in prepared:
        result = ImportResult(str(item.path), ImportStatus.FAILED, error=item.error)
        results.append(result)
        if item.document is None:
            continue
        document = _with_uuid(item.document)
        digest = text_sha256(document.text)
        twin = seen.get(digest)
        existing = project.stores.documents.id_for_hash(digest)
        if existing is not None or twin is not None:
            result.status, result.error = ImportStatus.DUPLICATE, None
            result.document_id, result.uuid = existing, twin.uuid if twin else None
            if existing is not None:
                result.uuid = project.document(existing).uuid
            continue
        document = _flag_near_duplicate(project, index, document, pending)
        seen[digest] = result
        result.uuid, result.title = document.uuid, document.title
        result.flags = [flag.message for flag in document.flags]
        pending.append((result, document))
    _store(project, pending, results)
    return results


def _with_uuid(document: NewDocument) -> NewDocument:
    return document if document.uuid else dataclasses.replace(document, uuid=new_uuid())


def _flag_near_duplicate(
    project: Project,
    index: NearDuplicateIndex,
    document: NewDocument,
    pending: list[tuple[ImportResult, NewDocument]],
) -> NewDocument:
    assert document.uuid is not None
    if document.fingerprint is None:
        return document
    match = index.best_match(document.fingerprint)
    index.add(document.uuid, document.fingerprint)
    if match is None:
        return document
    uuid, score = match
    # Named as the document list shows it: its title, else its file; the uuid last.
    title = next((d.title or d.source_path for _, d in pending if d.uuid == uuid), None)
    if title is None:
        found = [d for d in project.documents() if d.uuid == uuid]
        title = (found[0].title or found[0].source_path) if found else None
    title = title or uuid
    message = (
        f"疑似转载：与《{title}》相似度 {score:.0%} / Near duplicate of “{title}”"
        f" (similarity {score:.0%})"
    )
    flags = (*document.flags, Flag("duplicate", 0, 0, message))
    return dataclasses.replace(document, near_duplicate_of=uuid, flags=flags)


def _store(
    project: Project,
    pending: list[tuple[ImportResult, NewDocument]],
    results: list[ImportResult],
) -> None:
    if not pending:
        return
    stored = project.add_documents([document for _, document in pending])
    ids = {document.uuid: document.id for document in stored}
    for result, _document in pending:
        result.status, result.error = ImportStatus.IMPORTED, None
        result.document_id = ids[result.uuid or ""]
    for result in results:  # duplicates of a file stored in this same batch
        if result.status is ImportStatus.DUPLICATE and result.document_id is None:
            result.document_id = ids.get(result.uuid or "")


def import_paths(
    project: Project,
    paths: Sequence[Path],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[ImportResult]:
    """Prepare and store files and folders at once (the command line's import)."""
    return import_prepared(project, prepare_files(expand_paths(paths), progress))
