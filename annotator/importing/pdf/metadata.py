"""The PDF's document information (title, author…) → hints for the document's metadata.

Tools fill these fields carelessly: "untitled", "Administrator", or the file
name Word gives a PDF it prints. Only values that look filled in by a person
become hints; the creation date is the file's, so it is a ``file_created``
hint, never a publication date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from annotator.importing.pdf.glyphs import clean_text

#: Metadata values that tools write when nobody filled the field in.
PLACEHOLDERS = frozenset(
    {"untitled", "anonymous", "unknown", "unspecified", "administrator", "admin", "user"}
    | {"无标题", "未命名", "未知"}
)

#: "Microsoft Word - 关于印发….docx": the title Word gives a PDF it prints is the file name.
_WORD_TITLE = re.compile(
    r"^Microsoft (?:Word|PowerPoint|Excel) - |\.(?:docx?|wps|pptx?|xlsx?|pdf)$", re.IGNORECASE
)
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def metadata_hints(metadata: dict[str, Any]) -> dict[str, str]:
    """Title, author, subject, keywords and creation date from the document information."""
    hints: dict[str, str] = {}
    for key, hint in (
        ("Title", "title"),
        ("Author", "author"),
        ("Subject", "description"),
        ("Keywords", "keywords"),
    ):
        value = _metadata_text(metadata.get(key))
        if hint == "title":
            value = _WORD_TITLE.sub("", value).strip()
        if value:
            hints[hint] = value
    created = _pdf_date(_metadata_text(metadata.get("CreationDate")))
    if created:  # when the file was made, not when the article appeared
        hints["file_created"] = created
    return hints


def _metadata_text(value: object) -> str:
    """A metadata value as clean one-line text; empty for placeholders and non-text."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return ""
    text, _removed = clean_text(value)
    text = " ".join(text.split())
    return "" if text.lower() in PLACEHOLDERS else text


def _pdf_date(value: str) -> str | None:
    """``D:20240315093000+08'00'`` → ``2024-03-15`` (or ``2024-03``, ``2024``)."""
    match = _PDF_DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if not 1900 < int(year) < 2200:
        return None
    return "-".join(part for part in (year, month, day) if part)
