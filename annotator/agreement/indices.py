"""Agreement indices, as Chinese papers report them (domain.md §1.5).

Pure functions over plain sequences, so they can be checked against
independent implementations (scikit-learn, the ``krippendorff`` package).
``docs/agreement.md`` gives every definition.

Where an index is undefined (no decisions to compare, or chance agreement
of 1), the functions return ``None`` and never NaN: the report shows "—"
with the N that explains why.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Kappa:
    """Cohen's κ with what it came from: observed and chance agreement, N units."""

    kappa: float | None
    observed: float | None
    expected: float | None
    n: int


def percent_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """The share of units on which two coders gave the same value (None: no units)."""
    _same_length(a, b)
    if not a:
        return None
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> Kappa:
    """Cohen's κ = (Po − Pe) / (1 − Pe), chance from each coder's own marginals.

    When Pe = 1 (both coders gave every unit one and the same value) κ is
    undefined: ``kappa`` is None, ``observed`` is 1.
    """
    _same_length(a, b)
    n = len(a)
    if n == 0:
        return Kappa(None, None, None, 0)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    first, second = Counter(a), Counter(b)
    expected = sum(first[v] * second[v] for v in first.keys() & second.keys()) / (n * n)
    if expected >= 1.0:
        return Kappa(None, observed, expected, n)
    return Kappa((observed - expected) / (1.0 - expected), observed, expected, n)


def holsti(agreed: int, first: int, second: int) -> float | None:
    """Holsti's CR = 2M / (N1 + N2) (None when neither coder made a decision)."""
    if agreed < 0 or agreed > min(first, second):
        raise ValueError(f"M = {agreed} agreed decisions cannot exceed N1 = {first}, N2 = {second}")
    total = first + second
    return None if total == 0 else 2 * agreed / total


def composite_reliability(mean_agreement: float | None, coders: int) -> float | None:
    """R = n·K̄ / (1 + (n − 1)·K̄) for n coders with mean pairwise agreement K̄."""
    if mean_agreement is None or coders < 2:
        return None
    denominator = 1 + (coders - 1) * mean_agreement
    return None if denominator == 0 else coders * mean_agreement / denominator


def krippendorff_alpha_nominal(units: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's α for nominal data; each unit lists every coder's value or None.

    Units with fewer than two values are not pairable and drop out. α = 1 − Do/De
    from the coincidence matrix; None when nothing is pairable or all values agree
    on a single category (De = 0).
    """
    coincidences: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, j in combinations(range(m), 2):
            coincidences[(values[i], values[j])] += 1 / (m - 1)
            coincidences[(values[j], values[i])] += 1 / (m - 1)
    n = sum(coincidences.values())
    if n == 0:
        return None
    totals: defaultdict[Hashable, float] = defaultdict(float)
    for (c, _k), weight in coincidences.items():
        totals[c] += weight
    disagree = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = (n * n - sum(t * t for t in totals.values())) / (n - 1)
    if expected == 0:
        return None
    return 1 - disagree / expected


def _same_length(a: Sequence[Hashable], b: Sequence[Hashable]) -> None:
    if len(a) != len(b):
        raise ValueError(f"two coders need the same units ({len(a)} ≠ {len(b)})")


def binary_alpha(histogram: dict[int, int], coders: int) -> float | None:
    """Krippendorff's α (nominal) for present/absent values, every coder on every unit.

    ``histogram[k]`` is the number of units that exactly ``k`` of the ``coders``
    marked present; the coincidences follow from k alone, so a 300,000-character
    document needs no per-unit lists. Equals :func:`krippendorff_alpha_nominal`.
    """
    if coders < 2:
        return None
    yes = no = disagree = 0.0
    for k, units in histogram.items():
        yes += units * k * (k - 1) / (coders - 1)
        no += units * (coders - k) * (coders - k - 1) / (coders - 1)
        disagree += units * 2 * k * (coders - k) / (coders - 1)
    n = yes + no + disagree
    totals = (yes + disagree / 2, no + disagree / 2)
    if n < 2:
        return None
    expected = (n * n - sum(t * t for t in totals)) / (n - 1)
    return None if expected == 0 else 1 - disagree / expected
