"""Lines in reading order → paragraphs, one string each.

A PDF has no paragraphs, only lines placed on pages; they are rebuilt here
from what a reader sees: a change of font size (a title), a vertical gap
wider than the line pitch, a first-line indent, a list item, and a short
line before (measured against the edges of the block each :class:`Line` was
read in). A paragraph runs on across a column or page break. Chinese lines
join with no separator; a space goes only between two ASCII letters or digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from statistics import median

from annotator.importing.pdf.layout import Line

# Geometry, in em (the font size of the glyphs concerned) unless said otherwise.
#: A line starting this far right of its column's left edge is indented.
INDENT = 0.8
#: A line this much longer than the median line pitch starts a paragraph.
PARAGRAPH_GAP = 1.4
#: Font sizes differing by more than this share start a paragraph (a title).
SIZE_CHANGE = 0.15

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


def rebuild_paragraphs(lines: Sequence[Line]) -> list[str]:
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


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
