"""Columns and reading order: a page's fragments → blocks → lines in the order read.

Why not fixed cut points: they break as soon as a layout differs by a few
points. A column edge is found where fragments start just right of a block
of full lines whose right edges line up before it (the previous column),
from the fragments' own positions. The page is then read column by column;
a full-width element (a title) cuts it into sections, read in its vertical
place between them. Each :class:`Block` carries the edges its lines are
measured against, which every :class:`Line` keeps for the paragraph rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from annotator.importing.pdf.lines import Fragment, quantile

# Geometry, in em (the font size of the glyphs concerned) unless said otherwise.
#: Fragments starting this close right of a column's edge are in that column
#: (first-line indents are 2 em), not the edge of another.
COLUMN_CLUSTER = 3.0
#: The full lines of a column end at most this far before the next column's edge.
MAX_GUTTER = 5.0
#: A column before another has at least this many full lines…
MIN_COLUMN_ROWS = 5
#: …at least this wide: narrower "columns" are table cells, read row by row.
MIN_COLUMN_WIDTH = 6.0
#: A line ending this far left of its column's right edge is short; in justified
#: text, where every full line ends at the edge, already this far.
SHORT_LINE = 1.5
JUSTIFIED_SLACK = 0.6


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
        left = quantile([line.x0 for line in self.lines], 0.1)
        self.left = left if self.known_left is None else min(left, self.known_left)
        self.right = quantile([line.x1 for line in self.lines], 0.9)
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


def page_blocks(rows: list[list[Fragment]]) -> tuple[list[Block], int]:
    """The page's blocks in reading order, and how many columns it has."""
    if not rows:
        return [], 1
    em = median(f.size for row in rows for f in row)
    bounds = _column_bounds(rows, em)
    if not bounds:
        return [Block([_merge(row) for row in rows])], 1
    return _sections(rows, bounds, em), len(bounds) + 1


def reading_order(blocks: Sequence[Block]) -> list[Line]:
    """Every block's lines, block after block, each with its block's edges."""
    return [
        Line(fragment, index, block.left, block.right, block.justified)
        for index, block in enumerate(blocks)
        for fragment in block.lines
    ]


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
