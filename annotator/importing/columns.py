"""Restoring reading order in text whose columns an extractor interleaved.

E-magazine and PDF text layers often come out line by line across the page:
line 1 of column 1, then line 1 of column 2, … (article 000). The layout is
recovered from display positions (domain.md §5.3):

1. each character's display width: East-Asian wide/full-width = 2 cells;
2. each line is cut into segments at runs of 3+ spaces (text inside a column
   has at most two spaces in a row, e.g. ``基本报酬 + 绩效奖励``);
3. the body is the stretch from the first to the last line with 2+ segments;
4. segment start positions are clustered into bands (a gap of more than
   :data:`BAND_GAP` cells starts a new band): padding wanders a few cells, so
   fixed cut points would fail;
5. columns are read band by band, top to bottom; a paragraph left open at the
   bottom of a column continues at the top of the next;
6. a paragraph starts at a speaker label (``记者:``) and ends at a line that is
   clearly shorter than its column and ends a sentence. Blank lines inside the
   block are layout, not paragraph breaks.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")
_GAP = re.compile(r"\S {3,}\S")
SPEAKER = re.compile(r"^(记者|[\u4e00-\u9fff]{2,3})[:：]")
SENTENCE_END = ("。", "?", "!", "？", "！", "”", "」")
BAND_GAP = 15
#: A line this many cells shorter than its column's median width ends a paragraph.
SHORT_BY = 4
#: Fewer multi-segment lines than this is not a column layout.
MIN_COLUMN_LINES = 4
#: Column segments are runs of text; table cells are shorter than this.
MIN_SEGMENT = 8
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Segment:
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ColumnLayout:
    """A page split into what precedes the columns, the paragraphs, and what follows."""

    before: list[str]
    paragraphs: list[str]
    after: list[str]
    columns: int


#: East-Asian wide and full-width characters (2 cells), per Unicode's EastAsianWidth.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f300-\U0001f64f\U0001f900-\U0001f9ff\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Cells the text takes in a fixed-width layout: wide characters count 2."""
    return len(text) + len(_WIDE.findall(text))


def segments(line_number: int, line: str) -> list[Segment]:
    found = []
    position, cells = 0, 0
    for match in SEGMENT.finditer(line):
        cells += display_width(line[position : match.start()])
        end = cells + display_width(match.group())
        found.append(Segment(line_number, cells, end, match.group()))
        position, cells = match.end(), end
    return found


def bands(starts: list[int]) -> list[tuple[int, int]]:
    """Cluster start positions: a new band begins after a gap wider than BAND_GAP."""
    ordered = sorted(starts)
    clusters = [[ordered[0]]]
    for value in ordered[1:]:
        if value - clusters[-1][-1] > BAND_GAP:
            clusters.append([])
        clusters[-1].append(value)
    return [(cluster[0], cluster[-1]) for cluster in clusters]


def _band_of(segment: Segment, found: list[tuple[int, int]]) -> int:
    def distance(band: tuple[int, int]) -> int:
        low, high = band
        return (
            0
            if low <= segment.start <= high
            else min(abs(segment.start - low), abs(segment.start - high))
        )

    return min(range(len(found)), key=lambda index: distance(found[index]))


def join_pieces(pieces: list[str]) -> str:
    """Join wrapped lines: nothing between CJK or digits, one space between Latin words.

    A wrap that cuts ``2021`` into ``2`` / ``021`` must give the number back;
    one between two English words must keep them apart.
    """
    text = ""
    for piece in pieces:
        before, after = text[-1:], piece[:1]
        latin = before.isascii() and after.isascii() and before.isalnum() and after.isalnum()
        if latin and not (before.isdigit() and after.isdigit()):
            text += " "
        text += piece
    return text


def restore_columns(lines: list[str]) -> ColumnLayout | None:
    """The reading order of a multi-column block, or None if the lines have none."""
    if sum(1 for line in lines if _GAP.search(line)) < MIN_COLUMN_LINES:
        return None  # the common case, decided cheaply
    cut = [segments(number, line) for number, line in enumerate(lines)]
    multi = [number for number, found in enumerate(cut) if len(found) >= 2]
    if len(multi) < MIN_COLUMN_LINES:
        return None
    first, last = multi[0], multi[-1]
    if not _looks_like_columns(lines[first : last + 1], cut[first : last + 1]):
        return None
    body = [segment for found in cut[first : last + 1] for segment in found]
    found_bands = bands([segment.start for segment in body])
    if len(found_bands) < 2:
        return None
    columns: list[list[Segment]] = [[] for _ in found_bands]
    for segment in body:
        columns[_band_of(segment, found_bands)].append(segment)
    paragraphs = _paragraphs([sorted(column, key=lambda s: s.line) for column in columns])
    return ColumnLayout(lines[:first], paragraphs, lines[last + 1 :], len(found_bands))


def _looks_like_columns(block: list[str], cut: list[list[Segment]]) -> bool:
    """Columns of text, not a table: most lines split, segments long and Chinese.

    A table aligned with spaces also has several segments per line, but its
    cells are short (城关镇 32 30 93.8%), and the lines around it are not split.
    """
    filled = [found for line, found in zip(block, cut, strict=True) if line.strip()]
    if sum(1 for found in filled if len(found) >= 2) < len(filled) * 0.6:
        return False
    texts = [segment.text for found in filled for segment in found]
    median_length = statistics.median(len(text) for text in texts)
    cjk = sum(len(_CJK.findall(text)) for text in texts)
    return median_length >= MIN_SEGMENT and cjk >= 0.5 * sum(len(text) for text in texts)


def _paragraphs(columns: list[list[Segment]]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for column in columns:
        if not column:
            continue
        median_end = statistics.median(segment.end for segment in column)
        for segment in column:
            if SPEAKER.match(segment.text) and current:
                paragraphs.append(join_pieces(current))
                current = []
            current.append(segment.text)
            if segment.end < median_end - SHORT_BY and segment.text.endswith(SENTENCE_END):
                paragraphs.append(join_pieces(current))
                current = []
    if current:
        paragraphs.append(join_pieces(current))
    return paragraphs
