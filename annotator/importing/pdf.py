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
"""

from __future__ import annotations

import re
import struct
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise
from pathlib import Path
from statistics import median
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from annotator.errors import ImportFailedError
from annotator.importing.extracted import Extracted

# Geometry, in em (the font size of the glyphs concerned) unless said otherwise.
#: Glyphs whose tops differ by less than this share a row.
ROW_TOLERANCE = 0.5
#: A gap this much wider than the row's usual one splits it into fragments (column
#: gutters are at least about one em; glyph and word spacing is far below); twice
#: that across spaces drawn as glyphs (a loosely justified line).
FRAGMENT_GAP = 0.8
#: A gap this much wider than the line's usual one between two Latin characters is a
#: space the PDF did not draw.
WORD_GAP = 0.15
#: Fragments starting this close right of a column's edge are in that column
#: (first-line indents are 2 em), not the edge of another.
COLUMN_CLUSTER = 3.0
#: The full lines of a column end at most this far before the next column's edge.
MAX_GUTTER = 5.0
#: A column before another has at least this many full lines…
MIN_COLUMN_ROWS = 5
#: …at least this wide: narrower "columns" are table cells, read row by row.
MIN_COLUMN_WIDTH = 6.0
#: A line starting this far right of its column's left edge is indented.
INDENT = 0.8
#: A line ending this far left of its column's right edge is short; in justified
#: text, where every full line ends at the edge, already this far.
SHORT_LINE = 1.5
JUSTIFIED_SLACK = 0.6
#: A line this much longer than the median line pitch starts a paragraph.
PARAGRAPH_GAP = 1.4
#: Font sizes differing by more than this share start a paragraph (a title).
SIZE_CHANGE = 0.15

#: Running headers and footers are looked for in this many rows at the top and bottom…
BAND_ROWS = 2
#: …that also lie in this share of the page height…
BAND_SHARE = 0.15
#: …set apart from the body by more than this many times the line pitch (lower quartile).
FURNITURE_GAP = 1.5
#: A header or footer repeats (digits masked, at the same height) on at least this many pages.
MIN_REPEAT = 2

#: A short line ending with one of these ends its paragraph (ASCII too: Latin text,
#: and Chinese text whose punctuation was folded to ASCII, as in the corpus).
SENTENCE_ENDS = ("。", "！", "？", "!", "?", "」", "”", "…", "；", "：", ".", ":", ";")
#: A line starting with a bullet or an enumerator ("一、", "（二）", "3.", "①") starts
#: a paragraph even when nothing else shows it.
_LIST_ITEM = re.compile(
    r"[•●○▪■□◆◇★☆►▶‣⁃∙]"
    r"|[一二三四五六七八九十]{1,3}、"
    r"|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[.、．](?!\d)"
    r"|[\u2460-\u2473]"
)

#: Metadata values that tools write when nobody filled the field in.
PLACEHOLDERS = frozenset(
    {"untitled", "anonymous", "unknown", "unspecified", "administrator", "admin", "user"}
    | {"无标题", "未命名", "未知"}
)

_PAGE_NUMBER = re.compile(
    r"[-–—~·•\s]*\d{1,4}[-–—~·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)
#: "Microsoft Word - 关于印发….docx": the title Word gives a PDF it prints is the file name.
_WORD_TITLE = re.compile(
    r"^Microsoft (?:Word|PowerPoint|Excel) - |\.(?:docx?|wps|pptx?|xlsx?|pdf)$", re.IGNORECASE
)
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")

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


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character drawn on a page, with its box in points from the page's top left.

    A glyph whose character was removed (no Unicode, a control character) keeps
    its box with empty ``text``: it filled its place on the line, so the gap it
    leaves is no space between words.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def is_space(self) -> bool:
        return self.text.isspace()

    @property
    def shows(self) -> bool:
        """Whether it puts a character into the text."""
        return bool(self.text) and not self.is_space


@dataclass(frozen=True, slots=True)
class PageData:
    """What the layout work needs from one page, read while the file is open."""

    number: int
    height: float
    glyphs: tuple[Glyph, ...]
    raw_text: str


@dataclass(frozen=True, slots=True)
class Fragment:
    """Glyphs of one row with no wide gap between them: a line of one column."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    #: The usual gap between its glyphs: letter spacing added to justify the line.
    stretch: float = 0.0


@dataclass(slots=True)
class Block:
    """Lines read in order as one unit: one column of one section, or full-width lines.

    ``left`` and ``right`` are the block's typical edges, against which
    indentation and short last lines are measured; ``justified`` tells whether
    its full lines were stretched to ``right``.
    """

    lines: list[Fragment]
    known_left: float | None = None
    left: float = field(init=False)
    right: float = field(init=False)
    justified: bool = field(init=False)

    def __post_init__(self) -> None:
        left = _quantile([line.x0 for line in self.lines], 0.1)
        self.left = left if self.known_left is None else min(left, self.known_left)
        self.right = _quantile([line.x1 for line in self.lines], 0.9)
        self.justified = _justified(self.lines)


def _justified(lines: Sequence[Fragment]) -> bool:
    """Whether the block's full lines were stretched to end exactly at its right edge.

    Justified Chinese text shows it in the letter spacing, which differs from
    line to line (a line of Chinese characters alone fills the column as it is,
    one with Latin letters or digits is stretched); spacing that is the same on
    every line is the font's tracking, which ragged text has too.
    """
    least = min(line.stretch for line in lines)
    stretched = [line for line in lines if line.stretch - least > 0.03 * line.size]
    return len(stretched) >= 3


@dataclass(frozen=True, slots=True)
class Line:
    """A fragment in reading order, with the edges of the block it was read in."""

    fragment: Fragment
    block: int
    left: float
    right: float
    justified: bool

    @property
    def slack(self) -> float:
        """How far before the right edge a full line may end: a line ending farther is short."""
        return (JUSTIFIED_SLACK if self.justified else SHORT_LINE) * self.fragment.size


@dataclass(slots=True)
class Tally:
    """Characters left out while reading glyphs, reported in the import log."""

    removed: int = 0
    unmapped: int = 0
    ignored: int = 0
    duplicates: int = 0


def read_pdf(path: Path) -> Extracted:
    """Read a PDF with a text layer into text in reading order, one paragraph a line."""
    _check_file(path)
    pages, metadata, tally = _load(path)
    if not any(glyph.shows for page in pages for glyph in page.glyphs):
        raise _no_text(tally)
    log = [f"read {len(pages)} page{'s' if len(pages) != 1 else ''} with pdfplumber"]
    log.extend(_tally_log(tally))
    rows = [_page_rows(page) for page in pages]
    rows, furniture_log = _drop_furniture(rows, [page.height for page in pages])
    log.extend(furniture_log)
    blocks: list[Block] = []
    for page, page_rows in zip(pages, rows, strict=True):
        page_blocks, columns = _page_blocks(page_rows)
        blocks.extend(page_blocks)
        if columns > 1:
            log.append(f"page {page.number}: {columns} columns")
    paragraphs = _paragraphs(_reading_order(blocks))
    text = "\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise _no_text(tally)
    log.append(f"{len(paragraphs)} paragraphs")
    raw = "\n".join(page.raw_text for page in pages)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return Extracted(text=text, raw=raw, hints=_hints(metadata), log=log)


# --- Reading the file -------------------------------------------------------------------


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
        with pdfplumber.open(path) as pdf:
            metadata = dict(pdf.metadata)
            pages = [_read_page(page, tally) for page in pdf.pages]
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


def _read_page(page: Any, tally: Tally) -> PageData:
    """The page's glyphs and pdfplumber's own text of it."""
    raw = page.extract_text() or ""
    glyphs = _dedupe(_glyphs(page.chars, float(page.width), float(page.height), tally), tally)
    page.close()  # frees the page's parsed objects: long files stay small in memory
    return PageData(int(page.page_number), float(page.height), tuple(glyphs), raw)


def _dedupe(glyphs: Iterable[Glyph], tally: Tally) -> list[Glyph]:
    """Drop a glyph drawn again within about a point of itself (fake bold, shadows): it
    would double the character. pdfplumber's ``dedupe_chars`` does the same but took
    two thirds of the whole reading time of a 36-page manual; this takes a fraction."""
    seen: set[tuple[str, int, int]] = set()
    kept: list[Glyph] = []
    for glyph in glyphs:
        x, y = round(glyph.x0), round(glyph.top)
        near = ((glyph.text, x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        if any(key in seen for key in near):
            tally.duplicates += 1
            continue
        seen.add((glyph.text, x, y))
        kept.append(glyph)
    return kept


def _glyphs(
    chars: Iterable[dict[str, Any]], width: float, height: float, tally: Tally
) -> Iterable[Glyph]:
    """Upright glyphs on the page, their text cleaned (see :class:`Glyph` for empty text)."""
    for char in chars:
        x0, x1 = float(char["x0"]), float(char["x1"])
        top, bottom = float(char["top"]), float(char["bottom"])
        if not char.get("upright", True) or x1 < 0 or x0 > width or bottom < 0 or top > height:
            tally.ignored += 1  # rotated watermarks and margin notes, text off the page
            continue
        text = str(char["text"])
        if _UNMAPPED_GLYPH.fullmatch(text):
            tally.unmapped += 1  # no Unicode for this glyph in the font: nothing to show
            text = ""
        text, removed = clean_text(text)
        tally.removed += removed
        text = text.replace("\n", " ")  # a line break inside one glyph is a space
        size = float(char.get("size") or 0) or (bottom - top) or 1.0
        yield Glyph(text, x0, x1, top, bottom, size)


def clean_text(text: str) -> tuple[str, int]:
    """Whitespace (NBSP, tab…) becomes a space; control, private-use and surrogate characters go.

    Returns the text and how many characters were removed. Private-use
    characters are icons and symbols of one font only; they mean nothing once
    out of the PDF, and control characters and NUL must never reach a document.
    """
    kept: list[str] = []
    removed = 0
    for char in text:
        if char == "\n":
            kept.append(char)
        elif char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) in ("Cc", "Co", "Cs"):
            removed += 1
        else:
            kept.append(char)
    return "".join(kept), removed


def _tally_log(tally: Tally) -> list[str]:
    log = []
    if tally.removed:
        log.append(f"removed {tally.removed} control or private-use characters")
    if tally.unmapped:
        log.append(f"removed {tally.unmapped} glyphs without a Unicode mapping")
    if tally.ignored:
        log.append(f"ignored {tally.ignored} rotated or off-page characters")
    if tally.duplicates:
        log.append(f"dropped {tally.duplicates} characters printed twice (bold effect)")
    return log


# --- Rows and fragments -----------------------------------------------------------------


def _page_rows(page: PageData) -> list[list[Fragment]]:
    """The page's rows top to bottom, each split into fragments left to right."""
    rows = (_split_row(row, page.number) for row in _rows(page.glyphs))
    return [row for row in rows if row]


def _rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Group glyphs whose tops are within half an em, each row sorted left to right.

    A row is anchored on its first (highest) glyph, so rows cannot chain
    downwards through slightly offset lines of neighbouring columns.
    """
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        anchor = rows[-1][0] if rows else None
        if anchor is not None and glyph.top - anchor.top <= ROW_TOLERANCE * anchor.size:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [sorted(row, key=lambda g: g.x0) for row in rows]


def _split_row(row: Sequence[Glyph], page: int) -> list[Fragment]:
    """Cut a row where two visible glyphs are far apart: farther than the row's usual
    gap (justified lines are stretched), and farther still across drawn spaces."""
    usual = _usual_gap(row)
    fragments: list[Fragment] = []
    current: list[Glyph] = []
    last: Glyph | None = None
    for glyph in row:
        if not glyph.is_space:
            if last is not None:
                spaced = current[-1].is_space
                limit = usual + FRAGMENT_GAP * max(glyph.size, last.size) * (2 if spaced else 1)
                if glyph.x0 - last.x1 > limit:
                    fragments.extend(_fragment(current, page))
                    current = []
            last = glyph
        current.append(glyph)
    fragments.extend(_fragment(current, page))
    return fragments


def _fragment(glyphs: Sequence[Glyph], page: int) -> list[Fragment]:
    """The fragment of these glyphs, or nothing if they show no character."""
    shown = [g for g in glyphs if g.shows]
    if not shown:
        return []
    return [
        Fragment(
            text=_join_glyphs(glyphs),
            x0=shown[0].x0,
            x1=max(g.x1 for g in shown),
            top=min(g.top for g in shown),
            bottom=max(g.bottom for g in shown),
            size=median(g.size for g in shown),
            page=page,
            stretch=_usual_gap(glyphs),
        )
    ]


def _join_glyphs(glyphs: Sequence[Glyph]) -> str:
    """Glyph texts in order; one space for drawn spaces and for wide gaps in Latin text."""
    usual = _usual_gap(glyphs)
    parts: list[str] = []
    previous: Glyph | None = None
    space = False
    for glyph in glyphs:
        if glyph.is_space:
            space = previous is not None
            continue
        if not glyph.text:  # a removed character: its box continues the word before it
            if previous is not None:
                previous = replace(previous, x1=max(previous.x1, glyph.x1))
            continue
        if previous is not None and (space or _missing_space(previous, glyph, usual)):
            parts.append(" ")
        parts.append(glyph.text)
        previous, space = glyph, False
    return "".join(parts)


def _usual_gap(glyphs: Sequence[Glyph]) -> float:
    """The gap between most neighbouring glyphs: about zero, or the letter spacing a
    justified line was stretched with (which must not read as spaces inside "2021")."""
    visible = [g for g in glyphs if not g.is_space]
    gaps = [b.x0 - a.x1 for a, b in pairwise(visible)]
    return max(0.0, median(gaps)) if len(gaps) >= 4 else 0.0


def _missing_space(left: Glyph, right: Glyph, usual: float) -> bool:
    """Chinese has no spaces; between Latin letters, digits and punctuation a gap is one."""
    gap = right.x0 - left.x1 - usual
    return (
        gap > WORD_GAP * max(left.size, right.size)
        and _narrow(left.text[-1])
        and _narrow(right.text[0])
    )


def _narrow(char: str) -> bool:
    """Not a Chinese (wide or full-width) character: Latin text and its punctuation."""
    return unicodedata.east_asian_width(char) not in ("W", "F") and not char.isspace()


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _merge(fragments: Sequence[Fragment]) -> Fragment:
    """One line from the fragments of a row of a single-column page (separated by a space)."""
    return Fragment(
        text=" ".join(f.text for f in fragments),
        x0=fragments[0].x0,
        x1=max(f.x1 for f in fragments),
        top=min(f.top for f in fragments),
        bottom=max(f.bottom for f in fragments),
        size=median(f.size for f in fragments),
        page=fragments[0].page,
        stretch=fragments[0].stretch,
    )


# --- Running headers, footers and page numbers ------------------------------------------


def _drop_furniture(
    pages: list[list[list[Fragment]]], heights: Sequence[float]
) -> tuple[list[list[list[Fragment]]], list[str]]:
    """Remove page numbers and headers/footers repeating on several pages (digits masked).

    Only fragments in the first and last rows of a page, within the top or
    bottom band, are candidates: a number or a repeated line in the body is text.
    """
    seen: dict[tuple[str, str], list[Fragment]] = defaultdict(list)
    numbers: set[Fragment] = set()
    for page_rows, height in zip(pages, heights, strict=True):
        for band, fragment in _band_fragments(page_rows, height):
            if _is_page_number(fragment.text):
                numbers.add(fragment)
            else:
                seen[band, _furniture_key(fragment.text)].append(fragment)
    drop = set(numbers)
    log = []
    for (band, _key), fragments in seen.items():
        running = _in_place(fragments)
        on_pages = {f.page for f in running}
        if len(on_pages) >= MIN_REPEAT:
            drop.update(running)
            name = "header" if band == "top" else "footer"
            log.append(f"dropped running {name} '{running[0].text}' on {len(on_pages)} pages")
    if numbers:
        log.append(f"dropped {len(numbers)} page number{'s' if len(numbers) != 1 else ''}")
    kept = [[[f for f in row if f not in drop] for row in rows] for rows in pages]
    return [[row for row in rows if row] for rows in kept], log


def _in_place(fragments: list[Fragment]) -> list[Fragment]:
    """The occurrences at the usual height: a running header sits at the same place on
    every page, a line of text that happens to repeat does not."""
    usual = median(f.top for f in fragments)
    return [f for f in fragments if abs(f.top - usual) <= f.size]


def _band_fragments(rows: list[list[Fragment]], height: float) -> Iterable[tuple[str, Fragment]]:
    """Fragments of the rows set apart at the top and bottom of a page.

    A running header or footer lies near the page's edge, among its first or
    last rows, and is separated from the body by a gap wider than the line
    spacing: the last line of a full page also sits at the same height on
    every page, but at the usual distance from the line above it.
    """
    if len(rows) < 2:
        return
    tops = [min(f.top for f in row) for row in rows]
    wide = FURNITURE_GAP * _quantile([b - a for a, b in pairwise(tops)], 0.25)
    first = [k for k in range(min(BAND_ROWS, len(rows) - 1)) if tops[k + 1] - tops[k] > wide]
    for row in rows[: max(first) + 1] if first else []:
        yield from (("top", f) for f in row if f.bottom <= BAND_SHARE * height)
    bottom = range(max(1, len(rows) - BAND_ROWS), len(rows))
    last = [k for k in bottom if tops[k] - tops[k - 1] > wide]
    for row in rows[min(last) :] if last else []:
        yield from (("bottom", f) for f in row if f.top >= (1 - BAND_SHARE) * height)


def _is_page_number(text: str) -> bool:
    """Whether ``text`` is only a page number: "12", "- 12 -", "第 3 页", "3 / 10",
    "第3页 共10页", "Page 3 of 10"."""
    return _PAGE_NUMBER.fullmatch(text.strip()) is not None


def _furniture_key(text: str) -> str:
    """The same running header on every page once page numbers and spacing are masked."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


# --- Columns ----------------------------------------------------------------------------


def _page_blocks(rows: list[list[Fragment]]) -> tuple[list[Block], int]:
    """The page's blocks in reading order, and how many columns it has."""
    if not rows:
        return [], 1
    em = median(f.size for row in rows for f in row)
    bounds = _column_bounds(rows, em)
    if not bounds:
        return [Block([_merge(row) for row in rows])], 1
    return _sections(rows, bounds, em), len(bounds) + 1


def _column_bounds(rows: list[list[Fragment]], em: float) -> list[float]:
    """Left edges of columns 2, 3…, left to right.

    Candidates are where fragments start, well right of the page's text edge
    (rows are not needed to line up: a column may run on its own baseline
    grid); :func:`_is_gutter` decides. An accepted edge hides the candidates
    just right of it: indented first lines, a heading in that column.
    """
    fragments = [f for row in rows for f in row]
    edge = min(f.x0 for f in fragments)
    bounds: list[float] = []
    for start in sorted({f.x0 for f in fragments if f.x0 > edge + MIN_COLUMN_WIDTH * em}):
        if bounds and start - bounds[-1] <= COLUMN_CLUSTER * em:
            continue
        if _is_gutter(rows, start, em):
            bounds.append(start)
    return bounds


def _is_gutter(rows: list[list[Fragment]], left: float, em: float) -> bool:
    """Whether a column starts at ``left``.

    The column before it is a block of lines that are mostly full: their right
    edges line up just short of ``left`` (this also finds a last column holding
    a line or two). Not a column: lines of a single-column page, which cross
    ``left`` or end anywhere (ragged text); table cells, whose right edges are
    ragged or too narrow for text.
    """
    ends = {  # per row, the line nearest to ``left`` on its left
        index: f for index, row in enumerate(rows) for f in row if _ends_before(f, left, em)
    }
    near = [f.x1 for f in ends.values() if f.x1 >= left - MAX_GUTTER * em]
    if not near:
        return False
    edge = max(near)
    full = {index for index, f in ends.items() if f.x1 >= edge - SHORT_LINE * em}
    if len(full) < MIN_COLUMN_ROWS:
        return False
    if median(ends[index].x1 - ends[index].x0 for index in full) < MIN_COLUMN_WIDTH * em:
        return False
    span = range(min(full), max(full) + 1)
    crossing = {index for index in span for f in rows[index] if _crosses(f, left, em)}
    start = min(ends[index].x0 for index in full) - em  # of the column before
    column = {index for index in span if index in ends and ends[index].x0 >= start}
    return 2 * len(full) >= len(column | crossing) and 2 * len(crossing) <= len(full)


def _ends_before(fragment: Fragment, left: float, em: float) -> bool:
    return fragment.x0 < left - em and fragment.x1 <= left - 0.4 * em


def _crosses(fragment: Fragment, left: float, em: float) -> bool:
    """A fragment starting left of a column's edge and running well into the column
    (not just a punctuation mark hanging into the gutter)."""
    return fragment.x0 < left - em and fragment.x1 > left + 0.5 * em


def _column_of(fragment: Fragment, bounds: Sequence[float], em: float) -> int | None:
    """The column a fragment lies in (0-based), or None if it spans columns."""
    if any(_crosses(fragment, left, em) for left in bounds):
        return None
    return sum(1 for left in bounds if fragment.x0 >= left - em)


def _sections(rows: list[list[Fragment]], bounds: Sequence[float], em: float) -> list[Block]:
    """Columns read one after another; a full-width element (a title) cuts the page into
    sections and is read in its vertical place between them."""
    blocks: list[Block] = []
    columns: dict[int, list[Fragment]] = defaultdict(list)
    spanning: list[Fragment] = []
    for row in rows:
        for fragment in row:
            column = _column_of(fragment, bounds, em)
            if column is None:
                blocks.extend(_column_blocks(columns, bounds))
                columns.clear()
                spanning.append(fragment)
            else:
                if spanning:
                    blocks.append(Block(spanning))
                    spanning = []
                columns[column].append(fragment)
    blocks.extend(_column_blocks(columns, bounds))
    if spanning:
        blocks.append(Block(spanning))
    return blocks


def _column_blocks(columns: dict[int, list[Fragment]], bounds: Sequence[float]) -> list[Block]:
    """One block per column, left to right (each already top to bottom)."""
    return [
        Block(columns[index], known_left=bounds[index - 1] if index else None)
        for index in sorted(columns)
    ]


# --- Paragraphs -------------------------------------------------------------------------


def _reading_order(blocks: Sequence[Block]) -> list[Line]:
    return [
        Line(fragment, index, block.left, block.right, block.justified)
        for index, block in enumerate(blocks)
        for fragment in block.lines
    ]


def _paragraphs(lines: Sequence[Line]) -> list[str]:
    """Lines joined into paragraphs: a break where :func:`_starts_paragraph` says so."""
    if not lines:
        return []
    pitch = _line_pitch(lines)
    paragraphs: list[list[str]] = [[lines[0].fragment.text]]
    opening = lines[0]
    for previous, line in pairwise(lines):
        if _starts_paragraph(opening, previous, line, pitch):
            paragraphs.append([line.fragment.text])
            opening = line
        else:
            paragraphs[-1].append(line.fragment.text)
    return [_join_lines(texts) for texts in paragraphs]


def _line_pitch(lines: Sequence[Line]) -> float:
    """The usual distance from one line's top to the next within a block."""
    pitches = [
        b.fragment.top - a.fragment.top
        for a, b in pairwise(lines)
        if a.block == b.block and 0 < b.fragment.top - a.fragment.top < 3 * a.fragment.size
    ]
    return median(pitches) if pitches else 1.2 * median(line.fragment.size for line in lines)


def _starts_paragraph(opening: Line, previous: Line, line: Line, pitch: float) -> bool:
    """Whether ``line`` opens a paragraph rather than continuing ``previous``.

    ``opening`` is the first line of the paragraph ``previous`` belongs to. A
    change of font size (a title), a wide gap, an indent, a list item, or a
    short line before all start one.
    """
    before, after = previous.fragment, line.fragment
    if abs(after.size - before.size) > SIZE_CHANGE * max(after.size, before.size):
        return True
    if _wide_gap(previous, line, pitch) or _LIST_ITEM.match(after.text):
        return True
    return _indented(opening, previous, line) or _ends_short(previous)


def _wide_gap(previous: Line, line: Line, pitch: float) -> bool:
    """A gap counts only below ``previous`` on its page: the jump up to the top of the
    next column or page is none, so a paragraph runs on from one column to the next."""
    before, after = previous.fragment, line.fragment
    below = after.page == before.page and after.top >= before.bottom - 0.1 * before.size
    return below and after.top - before.top > PARAGRAPH_GAP * pitch


def _indented(opening: Line, previous: Line, line: Line) -> bool:
    """A first-line indent: right of the block's edge and of the line before.

    The lines of an indented block (a quotation) start where the line before
    did; the wrapped lines of a list item hang under its text.
    """
    after, step = line.fragment, INDENT * line.fragment.size
    if after.x0 <= line.left + step:
        return False
    if line.block != previous.block:
        return True
    before = previous.fragment
    if after.x0 <= before.x0 + step:  # as far in as the line before: a quotation goes on,
        # unless that line ended a sentence or stopped well before this one (a heading)
        ended = before.text.endswith(SENTENCE_ENDS) or after.x1 - before.x1 > previous.slack
        return abs(after.x0 - before.x0) <= step and ended
    hanging = _LIST_ITEM.match(opening.fragment.text) and after.x0 <= opening.fragment.x0 + 4 * step
    return not hanging


def _ends_short(previous: Line) -> bool:
    """A line ending short of its column's right edge ends its paragraph: always in
    justified text, whose other lines are stretched to the edge; in ragged text if it
    ends a sentence, or is a third of the column short (a heading: they rarely have a
    full stop)."""
    shortfall = _shortfall(previous)
    if shortfall <= previous.slack:
        return False
    if previous.justified or previous.fragment.text.endswith(SENTENCE_ENDS):
        return True
    return shortfall > (previous.right - previous.left) / 3


def _shortfall(line: Line) -> float:
    """How far a line ends before its column's right edge."""
    return line.right - line.fragment.x1


def _join_lines(texts: Sequence[str]) -> str:
    """No separator inside Chinese text; one space between two ASCII letters or digits."""
    joined = texts[0]
    for text in texts[1:]:
        if joined and _ascii_alnum(joined[-1]) and _ascii_alnum(text[0]):
            joined += " "
        joined += text
    return joined


def _quantile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[round(share * (len(ordered) - 1))]


# --- Metadata ---------------------------------------------------------------------------


def _hints(metadata: dict[str, Any]) -> dict[str, str]:
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
