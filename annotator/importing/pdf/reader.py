"""``read_pdf``: the whole import of one PDF, and every way reading the file can fail.

The file is checked, opened and read completely in one place (:func:`_load`),
so that whatever a damaged or encrypted file makes pdfminer raise becomes an
:class:`~annotator.errors.ImportFailedError` with a message for the user, and
nothing else escapes. The steps after it (rows, furniture, columns,
paragraphs, metadata) handle plain data: a failure there is a bug, not a
broken file, and is not caught.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from annotator.errors import ImportFailedError
from annotator.importing.extracted import Extracted
from annotator.importing.pdf.furniture import drop_furniture
from annotator.importing.pdf.glyphs import PageData, Tally, read_page, tally_log
from annotator.importing.pdf.layout import Block, page_blocks, reading_order
from annotator.importing.pdf.lines import page_rows
from annotator.importing.pdf.metadata import metadata_hints
from annotator.importing.pdf.paragraphs import rebuild_paragraphs

#: What reading a malformed file can raise besides pdfplumber's ``PdfminerException``
#: (which wraps failures while opening the document, listing pages and parsing a
#: page's content): pdfminer's own exceptions and the built-in ones its parser
#: lets through when it indexes, unpacks and decompresses untrusted bytes, from
#: the places pdfplumber does not wrap (page boxes, object attributes, metadata).
_MALFORMED = (
    PSException,
    MalformedPDFException,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    EOFError,
    OverflowError,
    RecursionError,
    ZeroDivisionError,
    NotImplementedError,
    struct.error,
    zlib.error,
)


def read_pdf(path: Path) -> Extracted:
    """Read a PDF with a text layer into text in reading order, one paragraph a line."""
    _check_file(path)
    pages, metadata, tally = _load(path)
    if not any(glyph.shows for page in pages for glyph in page.glyphs):
        raise _no_text(tally)
    log = [f"read {len(pages)} page{'s' if len(pages) != 1 else ''} with pdfplumber"]
    log.extend(tally_log(tally))
    rows = [page_rows(page) for page in pages]
    rows, furniture_log = drop_furniture(rows, [page.height for page in pages])
    log.extend(furniture_log)
    blocks: list[Block] = []
    for page, on_page in zip(pages, rows, strict=True):
        found, columns = page_blocks(on_page)
        blocks.extend(found)
        if columns > 1:
            log.append(f"page {page.number}: {columns} columns")
    paragraphs = rebuild_paragraphs(reading_order(blocks))
    text = "\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise _no_text(tally)
    log.append(f"{len(paragraphs)} paragraphs")
    raw = "\n".join(page.raw_text for page in pages)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return Extracted(text=text, raw=raw, hints=metadata_hints(metadata), log=log)


def _check_file(path: Path) -> None:
    """Refuse what is plainly not a PDF before pdfminer guesses at it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise ImportFailedError(f"无法读取文件 / Cannot read the file: {error}") from error
    if not head:
        raise ImportFailedError("无法读取 PDF / Cannot read the PDF: 文件为空 / the file is empty")
    if b"%PDF-" not in head:
        raise ImportFailedError(
            "无法读取 PDF / Cannot read the PDF: 不是 PDF 文件 / not a PDF file (no %PDF header)"
        )


def _load(path: Path) -> tuple[list[PageData], dict[str, Any], Tally]:
    """Everything needed from the file, read in one place so every parser failure is caught.

    pdfminer parses lazily (a page is parsed when its characters are asked
    for), so the whole reading happens inside this ``try``; the layout work
    after it handles plain data and its failures are bugs, not broken files.
    """
    tally = Tally()
    try:
        # The file is opened here, not by pdfplumber, which leaves its own stream open
        # when a damaged file makes anything but its PdfminerException escape.
        with path.open("rb") as stream, pdfplumber.open(stream) as pdf:
            metadata = dict(pdf.metadata)
            pages = [read_page(page, tally) for page in pdf.pages]
    except PdfminerException as error:
        raise _failure(error.args[0] if error.args else error) from error
    except OSError as error:
        raise ImportFailedError(f"无法读取文件 / Cannot read the file: {error}") from error
    except _MALFORMED as error:
        raise _failure(error) from error
    if not pages:
        raise ImportFailedError("无法读取 PDF / Cannot read the PDF: 没有页面 / it has no pages")
    return pages, metadata, tally


def _failure(cause: object) -> ImportFailedError:
    """The user's message for what pdfminer raised (pdfplumber wraps it as ``args[0]``)."""
    if isinstance(cause, PDFPasswordIncorrect):
        return ImportFailedError("PDF 已加密，需要密码 / The PDF is encrypted and needs a password")
    if isinstance(cause, PDFEncryptionError):
        return ImportFailedError(
            f"PDF 已加密，无法解密 / The PDF is encrypted in a way that cannot be read: {cause}"
        )
    detail = str(cause).strip() or type(cause).__name__
    return ImportFailedError(
        "无法读取 PDF / Cannot read the PDF: "
        f"文件已损坏或不完整 / the file is damaged or incomplete ({detail[:200]})"
    )


def _no_text(tally: Tally) -> ImportFailedError:
    """No characters at all is a scan; characters without Unicode are a font problem."""
    if tally.unmapped:
        return ImportFailedError(
            "PDF 的文字无法转换为 Unicode（字体缺少映射）/ The PDF's text cannot be "
            f"converted to Unicode: {tally.unmapped} glyphs have no character mapping"
        )
    return ImportFailedError("PDF 没有文字层（扫描件？）/ The PDF has no text layer (scanned?)")
