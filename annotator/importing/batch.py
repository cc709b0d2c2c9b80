"""Importing many files at once: one report line per file, one transaction for all.

A file that fails is reported and leaves nothing behind; the others still
import. All documents of one call are added by one command, so one undo
removes the whole import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from annotator.commands.documents import check_new_document, text_sha256
from annotator.errors import ImportFailedError, ValidationError
from annotator.importing.plaintext import read_plain_text
from annotator.models import DocumentId, NewDocument
from annotator.project import Project

#: File suffix → reader. Grows with the import pipeline.
READERS: dict[str, Callable[[Path], NewDocument]] = {".txt": read_plain_text}


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


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
            return f"imported  {self.file}  → #{self.document_id} {self.title or ''}".rstrip()
        if self.status is ImportStatus.DUPLICATE:
            return f"duplicate {self.file}  = #{self.document_id} (skipped)"
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


def _read(path: Path) -> NewDocument:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFailedError(
            f"不支持的文件类型 / Unsupported file type {path.suffix or '(none)'}; "
            f"supported: {', '.join(sorted(READERS))}"
        )
    if not path.exists():
        raise ImportFailedError("文件不存在 / File not found")
    document = reader(path)
    try:
        check_new_document(document)  # one bad file must not fail the whole batch
    except ValidationError as error:
        raise ImportFailedError(str(error)) from error
    return document


def import_paths(
    project: Project,
    paths: Sequence[Path],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[ImportResult]:
    """Import files and folders; return one result per file, in order."""
    files = expand_paths(paths)
    results: list[ImportResult] = []
    pending: list[tuple[ImportResult, NewDocument]] = []
    seen: dict[str, ImportResult] = {}
    twins: list[tuple[ImportResult, ImportResult]] = []
    for index, path in enumerate(files):
        if progress is not None:
            progress(index, len(files))
        result = ImportResult(str(path), ImportStatus.FAILED)
        results.append(result)
        try:
            document = _read(path)
        except ImportFailedError as error:
            result.error = str(error)
            continue
        digest = text_sha256(document.text)
        existing = project.stores.documents.id_for_hash(digest)
        if existing is not None or digest in seen:
            result.status = ImportStatus.DUPLICATE
            result.document_id = existing
            if existing is not None:
                result.uuid = project.document(existing).uuid
            if existing is None:
                twins.append((result, seen[digest]))
            continue
        seen[digest] = result
        result.title = document.title
        pending.append((result, document))
    if pending:
        added = project.add_documents([document for _, document in pending])
        for (result, _), stored in zip(pending, added, strict=True):
            result.status = ImportStatus.IMPORTED
            result.document_id, result.uuid = stored.id, stored.uuid
    for duplicate, original in twins:
        duplicate.document_id, duplicate.uuid = original.document_id, original.uuid
    if progress is not None:
        progress(len(files), len(files))
    return results
