"""What a format reader hands to the cleaning pipeline.

Every reader (plain text, HTML, DOCX, PDF) turns one file into an
:class:`Extracted`: the text in reading order, lines separated by ``\\n``,
plus whatever metadata the format itself carries. The cleaning rules
(:mod:`annotator.importing.cleaning`) then work on that text the same way for
every format, and metadata found in the text is merged with the hints.

A reader raises :class:`~annotator.errors.ImportFailedError` with a message
for the user (Chinese / English) for a file it cannot read; it never returns
partial garbage.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extracted:
    #: The text in reading order: ``\\n`` between lines, no ``\\r``, no NUL.
    text: str
    #: What to keep as the document's raw text: the decoded file for text and
    #: HTML, the extracted text before layout work for DOCX and PDF.
    raw: str
    #: Metadata the format gives: any of ``title``, ``author``, ``published``
    #: (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), ``url``, ``source``, ``site``,
    #: ``description``, ``keywords``, ``file_created`` (a file's own date, which is
    #: not the publication date).
    hints: dict[str, str] = field(default_factory=dict)
    #: What the reader did, one short English sentence each ("decoded as
    #: GB18030", "page 3: 2 columns", "dropped running header on 5 pages").
    log: list[str] = field(default_factory=list)
