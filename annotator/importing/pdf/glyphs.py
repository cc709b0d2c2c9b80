"""The characters a page draws, with their boxes: the raw material of every later step.

This is the only module that touches pdfplumber's page objects (besides
opening the file in :mod:`.reader`): it turns ``page.chars`` into plain, frozen
:class:`Glyph` values, cleaned of characters that must never reach a document,
with fake-bold duplicates dropped, so the layout work after it handles data
rather than a lazily parsed PDF. What it leaves out is counted in a
:class:`Tally` for the import log.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")


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


@dataclass(slots=True)
class Tally:
    """Characters left out while reading glyphs, reported in the import log."""

    removed: int = 0
    unmapped: int = 0
    ignored: int = 0
    duplicates: int = 0


def read_page(page: Any, tally: Tally) -> PageData:
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


def tally_log(tally: Tally) -> list[str]:
    """The import log's lines for what reading the glyphs left out."""
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
