"""Overlap segments and colour blending (pure; the text view relies on them)."""

from __future__ import annotations

import random

import pytest

from annotator.spans import Segment, blend, coverage_segments


def test_overlap_is_cut_into_segments() -> None:
    assert coverage_segments([(0, 4, "a"), (2, 6, "b")]) == [
        Segment(0, 2, ("a",)),
        Segment(2, 4, ("a", "b")),
        Segment(4, 6, ("b",)),
    ]


def test_nested_touching_and_gaps() -> None:
    spans = [(0, 10, "outer"), (3, 5, "inner"), (10, 12, "next"), (20, 21, "far")]
    assert coverage_segments(spans) == [
        Segment(0, 3, ("outer",)),
        Segment(3, 5, ("outer", "inner")),
        Segment(5, 10, ("outer",)),
        Segment(10, 12, ("next",)),
        Segment(20, 21, ("far",)),
    ]


@pytest.mark.parametrize("seed", range(5))
def test_segments_match_a_brute_force_scan(seed: int) -> None:
    rng = random.Random(seed)
    spans = []
    for key in range(30):
        start = rng.randrange(100)
        spans.append((start, start + rng.randrange(1, 30), key))
    covered: dict[int, tuple[int, ...]] = {}
    for segment in coverage_segments(spans):
        for position in range(segment.start, segment.end):
            covered[position] = segment.keys
    for position in range(140):
        expected = tuple(k for s, e, k in spans if s <= position < e)
        assert covered.get(position, ()) == expected


def test_blend() -> None:
    assert blend(["#ff0000", "#0000ff"]) == "#800080"
    assert blend(["#abcdef"]) == "#abcdef"
    with pytest.raises(ValueError, match="no colours"):
        blend([])


@pytest.mark.parametrize("seed", range(5))
def test_lanes_never_put_overlapping_spans_together(seed: int) -> None:
    from annotator.spans import assign_lanes

    rng = random.Random(seed)
    spans = [(s, s + rng.randrange(1, 20)) for s in (rng.randrange(100) for _ in range(40))]
    lanes = assign_lanes(spans)
    for i, (a_start, a_end) in enumerate(spans):
        for j, (b_start, b_end) in enumerate(spans):
            if i < j and a_start < b_end and b_start < a_end:
                assert lanes[i] != lanes[j]
    depth = max(sum(1 for s, e in spans if s <= p < e) for p in range(130))
    assert max(lanes) + 1 == depth  # greedy by start is optimal for intervals


def test_lanes_reuse_freed_columns() -> None:
    from annotator.spans import assign_lanes

    assert assign_lanes([(0, 5), (2, 8), (6, 9), (9, 12)]) == [0, 1, 0, 0]
