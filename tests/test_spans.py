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
