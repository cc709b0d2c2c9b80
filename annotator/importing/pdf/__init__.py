"""PDF files with a text layer: characters with positions → rows → columns → paragraphs.

Why not ``page.extract_text()``: it reads a multi-column page straight across
the columns, row by row, and keeps running headers and page numbers in the
middle of the text. Here every page's characters (pdfplumber's ``page.chars``,
each with its box) are grouped into rows by their ``top``, and a row is split
into *fragments* wherever a horizontal gap is far wider than glyph spacing.
A column edge is found where fragments start just right of a block of full
lines whose right edges line up before it (the previous column), from the
fragments' own positions: never fixed cut points, which break as soon as a
layout differs by a few points. Running headers, footers and
page numbers are dropped across pages *before* the layout work, so their
fragments can never bridge two columns. The text is then read column by
column, and paragraphs are rebuilt from vertical gaps, indentation, font size
and short last lines; Chinese lines join with no separator.

``Extracted.raw`` keeps pdfplumber's own extraction so the user can compare.

The steps, one module each, in the order :func:`read_pdf` runs them:

- :mod:`.reader`: ``read_pdf``; opening the file, and its failures as messages;
- :mod:`.glyphs`: the characters each page draws, cleaned and deduplicated;
- :mod:`.lines`: glyphs → rows → fragments (a line of one column);
- :mod:`.furniture`: running headers, footers and page numbers, dropped;
- :mod:`.layout`: column edges, and the page's lines in reading order;
- :mod:`.paragraphs`: lines joined into paragraphs;
- :mod:`.metadata`: the document information as metadata hints.
"""

from annotator.importing.pdf.furniture import is_page_number as _is_page_number
from annotator.importing.pdf.glyphs import clean_text
from annotator.importing.pdf.reader import read_pdf

# ``_is_page_number`` is the name tests/test_import_pdf.py has always imported.
__all__ = ["_is_page_number", "clean_text", "read_pdf"]
