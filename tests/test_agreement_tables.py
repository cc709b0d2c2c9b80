"""Character-level tables from spans, against per-character vectors and scikit-learn."""

from __future__ import annotations

import random

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.agreement.indices import cohen_kappa, percent_agreement
from annotator.agreement.tables import Table, character_table, merged


def _vector(length: int, spans: list[tuple[int, int]]) -> list[int]:
    marks = [0] * length
    for start, end in spans:
        for i in range(start, end):
            marks[i] = 1
    return marks


def _spans(rng: random.Random, length: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(rng.randint(0, 6)):
        start = rng.randrange(length)
        spans.append((start, min(length, start + rng.randint(1, 40))))
    return spans


def test_nvivo_example() -> None:
    """1,000 characters, 50 coded by both, 150 by one only: 85 % agreement."""
    table = character_table(1000, [(0, 200)], [(0, 50)])
    assert table == Table(both=50, first_only=150, second_only=0, neither=800)
    assert table.percent() == pytest.approx(0.85)
    assert table.kappa().kappa == pytest.approx(0.08 / 0.23)


@pytest.mark.parametrize("seed", range(30))
def test_tables_match_a_per_character_count(seed: int) -> None:
    rng = random.Random(seed)
    length = rng.randint(1, 200)
    first, second = _spans(rng, length), _spans(rng, length)
    table = character_table(length, first, second)
    a, b = _vector(length, first), _vector(length, second)
    assert table.percent() == pytest.approx(percent_agreement(a, b))
    mine, reference = table.kappa(), cohen_kappa(a, b)
    assert mine.n == reference.n
    for field in ("kappa", "observed", "expected"):
        value, expected = getattr(mine, field), getattr(reference, field)
        assert (value is None) == (expected is None)
        if value is not None:
            assert value == pytest.approx(expected)
    ours = mine.kappa
    if ours is not None:
        assert ours == pytest.approx(cohen_kappa_score(a, b))


def test_merged_joins_overlapping_and_touching_spans() -> None:
    assert merged([(5, 8), (0, 3), (2, 4), (8, 9)]) == [(0, 4), (5, 9)]
    assert merged([]) == []


def test_tables_add_up_over_documents() -> None:
    total = character_table(10, [(0, 5)], [(0, 5)]) + character_table(10, [], [(0, 10)])
    assert total == Table(both=5, first_only=0, second_only=10, neither=5)
    assert Table(0, 0, 0, 0).kappa().kappa is None
    assert Table(0, 0, 0, 0).percent() is None
