"""Pure functions over spans (code-point intervals), shared by views and statistics."""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Segment(Generic[K]):
    """A stretch ``[start, end)`` covered by the same set of spans."""

    start: int
    end: int
    keys: tuple[K, ...]


def coverage_segments(spans: Iterable[tuple[int, int, K]]) -> list[Segment[K]]:
    """Cut overlapping spans into maximal segments, each with the keys covering it.

    ``[(0, 4, "a"), (2, 6, "b")]`` gives ``[0,2) a``, ``[2,4) a b``, ``[4,6) b``;
    keys keep the order in which their spans were given.
    Uncovered stretches are left out. O(n log n) in the number of spans.
    """
    spans = [(start, end, key) for start, end, key in spans if end > start]
    ordered = sorted(spans, key=lambda span: span[0])
    if all(a[1] <= b[0] for a, b in itertools.pairwise(ordered)):
        return [Segment(start, end, (key,)) for start, end, key in ordered]  # no overlap at all
    events: list[tuple[int, int, int, K]] = []
    for order, (start, end, key) in enumerate(spans):
        if end > start:
            events.append((start, 1, order, key))
            events.append((end, 0, order, key))
    events.sort(key=lambda event: (event[0], event[1], event[2]))
    active: dict[int, K] = {}
    segments: list[Segment[K]] = []
    position = 0
    for offset, is_start, order, key in events:
        if active and offset > position:
            keys = (
                tuple(active.values())
                if len(active) == 1
                else tuple(active[o] for o in sorted(active))
            )
            segments.append(Segment(position, offset, keys))
        position = offset
        if is_start:
            active[order] = key
        else:
            del active[order]
    return segments


def blend(colors: Sequence[str]) -> str:
    """The mean of ``#rrggbb`` colours: where codes overlap, their colours mix."""
    return _blend(tuple(sorted(colors)))  # the mean is the same in any order


@lru_cache(maxsize=4096)  # a document has few combinations; a long session, more
def _blend(colors: tuple[str, ...]) -> str:
    if not colors:
        raise ValueError("no colours to blend")
    if len(colors) == 1:
        return colors[0]
    channels = [[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in colors]
    mean = [round(sum(values) / len(values)) for values in zip(*channels, strict=True)]
    return "#" + "".join(f"{value:02x}" for value in mean)


def assign_lanes(spans: Sequence[tuple[int, int]]) -> list[int]:
    """A lane per span so that overlapping spans never share one (fewest lanes, greedy).

    Spans are taken in start order; each gets the lowest lane free at its
    start. The margin bar beside the text draws one column per lane.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], spans[i][1]))
    lanes = [0] * len(spans)
    ends: list[int] = []  # ends[lane] = where the lane's last span ends
    for index in order:
        start, end = spans[index]
        lane = next((n for n, lane_end in enumerate(ends) if lane_end <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        else:
            ends[lane] = end
        lanes[index] = lane
    return lanes
