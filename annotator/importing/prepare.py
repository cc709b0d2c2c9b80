"""From a file to a document ready to store: read, clean, find metadata, sketch.

Preparing touches no project, so the GUI runs it in a worker thread and shows
the result for review before anything is stored; the command line prepares
and stores at once. A file that cannot be read becomes a
:class:`PreparedFile` with an ``error``, never an exception: one bad file must
not stop a batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.commands.documents import check_new_document
from annotator.errors import AnnotatorError, ImportFailedError, ValidationError
from annotator.importing.cleaning import clean
from annotator.importing.docx import read_docx
from annotator.importing.extracted import Extracted
from annotator.importing.fingerprint import sketch
from annotator.importing.html import read_html
from annotator.importing.pdf import read_pdf
from annotator.importing.plaintext import read_text_file
from annotator.importing.regions import find_region
from annotator.models import DOCUMENT_FIELDS, NewDocument
from annotator.shadow import script_of, to_simplified

logger = logging.getLogger(__name__)

READERS: dict[str, Callable[[Path], Extracted]] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
#: Larger files are refused before they are read into memory.
MAX_BYTES = 50 * 1024 * 1024
#: Hints that are document fields; the other hints become attributes.
_HINT_ATTRIBUTES = ("site", "description", "keywords", "file_created")


@dataclass
class PreparedFile:
    path: Path
    document: NewDocument | None = None
    error: str | None = None


def prepare_file(path: Path) -> PreparedFile:
    try:
        return PreparedFile(path, document_from(path, _extract(path)))
    except AnnotatorError as error:
        return PreparedFile(path, error=str(error))
    except Exception as error:  # a reader's bug must not stop the batch; it is reported
        logger.exception("reading %s failed", path)
        return PreparedFile(
            path, error=f"读取失败（程序错误）/ Could not read the file (internal error: {error!r})"
        )


def _extract(path: Path) -> Extracted:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFailedError(
            f"不支持的文件类型 / Unsupported file type {path.suffix or '(none)'}; "
            f"supported: {', '.join(sorted(READERS))}"
        )
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportFailedError(
            f"文件不存在或无法读取 / Cannot read the file: {error.strerror}"
        ) from error
    if size == 0:
        raise ImportFailedError("文件是空的 / The file is empty")
    if size > MAX_BYTES:
        raise ImportFailedError(
            f"文件过大（{size // 1_048_576} MB）/ The file is too large ({size:,} bytes)"
        )
    return reader(path)


def document_from(path: Path, extracted: Extracted) -> NewDocument:
    """Clean the extracted text and gather everything known about it."""
    text, draft = clean(extracted.text, extracted.hints)
    if not text.strip():
        raise ImportFailedError("文件没有文字 / The file has no text")
    shadow = to_simplified(text)
    metadata: dict[str, str | None] = {"script": script_of(text)}
    attributes = dict(draft.attributes)
    for key, value in draft.metadata.items():
        if key in DOCUMENT_FIELDS:
            metadata[key] = value
        else:
            attributes[key] = value
    for key in _HINT_ATTRIBUTES:
        if extracted.hints.get(key):
            attributes.setdefault(key, extracted.hints[key])
    region = find_region(shadow)
    if region is not None:
        metadata.update(region=region.name, region_code=region.adcode, region_level=region.level)
    title = metadata.pop("title", None)
    document = NewDocument(
        text=text,
        raw_text=extracted.raw,
        title=title,
        source_path=path.name,
        metadata=metadata,
        attributes=attributes,
        import_log=(*extracted.log, *draft.log),
        flags=tuple(draft.flags),
        fingerprint=sketch(shadow),
    )
    try:  # what the store would refuse is refused here, for this file alone
        check_new_document(document)
    except ValidationError as error:
        raise ImportFailedError(str(error)) from error
    return document


def prepare_files(
    paths: list[Path],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[PreparedFile]:
    """Prepare each file; stop early (returning what is done) when ``cancelled()``."""
    prepared = []
    for index, path in enumerate(paths):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(index, len(paths))
        prepared.append(prepare_file(path))
    if progress is not None:
        progress(len(prepared), len(paths))
    return prepared
