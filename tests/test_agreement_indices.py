"""Agreement indices against hand-computed examples and independent implementations."""

from __future__ import annotations

import random

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.agreement.indices import (
    cohen_kappa,
    composite_reliability,
    holsti,
    krippendorff_alpha_nominal,
    percent_agreement,
)


def test_hand_computed_examples() -> None:
    # NVivo's example (domain.md §1.5): 1,000 characters, 50 coded by both, 150 by one.
    a = [1] * 50 + [1] * 150 + [0] * 800
    b = [1] * 50 + [0] * 150 + [0] * 800
    assert percent_agreement(a, b) == pytest.approx(0.85)
    # κ: Po = 0.85; Pe = 0.2·0.05 + 0.8·0.95 = 0.77; κ = 0.08 / 0.23
    result = cohen_kappa(a, b)
    assert (result.observed, result.expected, result.n) == (pytest.approx(0.85),
                                                            pytest.approx(0.77), 1000)  # fmt: skip
    assert result.kappa == pytest.approx(0.08 / 0.23)
    assert holsti(45, 50, 50) == pytest.approx(0.9)
    assert composite_reliability(0.9, 3) == pytest.approx(2.7 / 2.8)  # 0.964


def test_krippendorff_textbook_example() -> None:
    """Krippendorff (2011), nominal example: 4 coders, 12 units, missing values; α = 0.743."""
    rows = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [list(column) for column in zip(*rows, strict=True)]
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.743, abs=0.001)


@pytest.mark.parametrize("seed", range(20))
def test_kappa_matches_scikit_learn_on_random_data(seed: int) -> None:
    rng = random.Random(seed)
    n, categories = rng.randint(5, 300), rng.randint(2, 5)
    a = [rng.randrange(categories) for _ in range(n)]
    b = [x if rng.random() < 0.6 else rng.randrange(categories) for x in a]
    ours = cohen_kappa(a, b).kappa
    theirs = cohen_kappa_score(a, b)
    if np.isnan(theirs):
        assert ours is None
    else:
        assert ours == pytest.approx(theirs)


@pytest.mark.parametrize("seed", range(20))
def test_alpha_matches_the_krippendorff_package_on_random_data(seed: int) -> None:
    rng = random.Random(seed)
    coders, units, categories = rng.randint(2, 5), rng.randint(5, 80), rng.randint(2, 4)
    truth = [rng.randrange(categories) for _ in range(units)]
    rows = [
        [None if rng.random() < 0.15 else (t if rng.random() < 0.7 else rng.randrange(categories))
         for t in truth]
        for _ in range(coders)
    ]  # fmt: skip
    ours = krippendorff_alpha_nominal([list(c) for c in zip(*rows, strict=True)])
    matrix = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    try:
        theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    except ValueError:  # the package refuses data with one value only
        theirs = float("nan")
    if ours is None:
        assert np.isnan(theirs) or theirs == pytest.approx(1.0)
    else:
        assert ours == pytest.approx(theirs)


def test_edge_cases_are_defined_never_nan() -> None:
    # Identical coders who both used one value everywhere: Pe = 1, κ undefined.
    same = cohen_kappa([0, 0, 0], [0, 0, 0])
    assert (same.kappa, same.observed, same.expected) == (None, 1.0, 1.0)
    assert cohen_kappa([], []).kappa is None
    assert percent_agreement([], []) is None
    assert holsti(0, 0, 0) is None  # a code no one used
    assert holsti(0, 4, 0) == 0.0  # a coder who coded nothing
    assert composite_reliability(None, 3) is None
    assert composite_reliability(0.8, 1) is None
    assert krippendorff_alpha_nominal([[1, None], [None, 2]]) is None  # nothing pairable
    assert krippendorff_alpha_nominal([[1, 1], [1, 1]]) is None  # one category: De = 0
    assert cohen_kappa([1, 0, 1], [1, 0, 1]).kappa == 1.0  # identical coders
    with pytest.raises(ValueError, match="same units"):
        cohen_kappa([1], [1, 0])
    with pytest.raises(ValueError, match="cannot exceed"):
        holsti(3, 2, 5)


@pytest.mark.parametrize("seed", range(10))
def test_indices_stay_in_bounds_and_are_symmetric(seed: int) -> None:
    rng = random.Random(seed)
    a = [rng.randrange(2) for _ in range(50)]
    b = [rng.randrange(2) for _ in range(50)]
    k1, k2 = cohen_kappa(a, b), cohen_kappa(b, a)
    assert k1 == k2
    assert k1.kappa is None or -1.0 <= k1.kappa <= 1.0
    pa = percent_agreement(a, b)
    assert pa is not None
    assert 0.0 <= pa <= 1.0
    alpha = krippendorff_alpha_nominal([[x, y] for x, y in zip(a, b, strict=True)])
    assert alpha == krippendorff_alpha_nominal([[y, x] for x, y in zip(a, b, strict=True)])


@pytest.mark.parametrize("seed", range(15))
def test_binary_alpha_from_a_histogram_equals_the_general_one(seed: int) -> None:
    from annotator.agreement.indices import binary_alpha

    rng = random.Random(seed)
    coders, units = rng.randint(2, 5), rng.randint(3, 60)
    rows = [[rng.randrange(2) for _ in range(coders)] for _ in range(units)]
    histogram: dict[int, int] = {}
    for row in rows:
        histogram[sum(row)] = histogram.get(sum(row), 0) + 1
    general = krippendorff_alpha_nominal(rows)
    fast = binary_alpha(histogram, coders)
    assert (fast is None) == (general is None)
    if fast is not None:
        assert fast == pytest.approx(general)
    assert binary_alpha({0: 5}, 3) is None  # nobody marked anything: one category
    assert binary_alpha({1: 4}, 1) is None
