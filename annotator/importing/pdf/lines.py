"""Glyphs → rows → fragments: the lines of text on a page, before any column is known.

A page's glyphs are grouped into rows by their ``top``, and a row is cut into
*fragments* wherever a horizontal gap is far wider than glyph spacing (a
column gutter, a table's cell border). A fragment's text is its glyphs joined
with spaces only where the PDF drew one or where Latin text has a gap as
wide as a space: Chinese has none. Every later step (running headers, column
detection, paragraphs) works on fragments alone, so this module also holds
their type and the little statistic they share.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from statistics import median

from annotator.importing.pdf.glyphs import Glyph, PageData

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


def page_rows(page: PageData) -> list[list[Fragment]]:
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


def quantile(values: Sequence[float], share: float) -> float:
    """The value ``share`` of the way through ``values`` in order (no interpolation)."""
    ordered = sorted(values)
    return ordered[round(share * (len(ordered) - 1))]
