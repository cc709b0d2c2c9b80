"""Two coders, one code: the 2×2 table of agreement, from spans, without per-character lists.

At the character level (NVivo's definition) every character of a document is
a unit: coded with the code by both coders, by the first only, by the second
only, or by neither. Counting those from the spans' lengths keeps a
300,000-character document as cheap as a short one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.agreement.indices import Kappa, holsti

Span = tuple[int, int]


@dataclass(frozen=True)
class Table:
    """How many units both coders coded, only the first, only the second, or neither."""

    both: int
    first_only: int
    second_only: int
    neither: int

    @property
    def n(self) -> int:
        return self.both + self.first_only + self.second_only + self.neither

    def __add__(self, other: Table) -> Table:
        return Table(
            self.both + other.both,
            self.first_only + other.first_only,
            self.second_only + other.second_only,
            self.neither + other.neither,
        )

    def percent(self) -> float | None:
        return None if self.n == 0 else (self.both + self.neither) / self.n

    def holsti(self) -> float | None:
        """Holsti's CR = 2M / (N1 + N2): M units both coded, N1 and N2 each coder's."""
        return holsti(self.both, self.both + self.first_only, self.both + self.second_only)

    def kappa(self) -> Kappa:
        """Cohen's κ of the table (see :func:`annotator.agreement.indices.cohen_kappa`)."""
        n = self.n
        if n == 0:
            return Kappa(None, None, None, 0)
        observed = (self.both + self.neither) / n
        first_yes, second_yes = self.both + self.first_only, self.both + self.second_only
        expected = (first_yes * second_yes + (n - first_yes) * (n - second_yes)) / (n * n)
        if expected >= 1.0:
            return Kappa(None, observed, expected, n)
        return Kappa((observed - expected) / (1.0 - expected), observed, expected, n)


def merged(spans: Iterable[Span]) -> list[Span]:
    """The spans as disjoint, sorted runs (overlapping or touching spans joined)."""
    runs: list[Span] = []
    for start, end in sorted(spans):
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        else:
            runs.append((start, end))
    return runs


def _length(runs: list[Span]) -> int:
    return sum(end - start for start, end in runs)


def _overlap(first: list[Span], second: list[Span]) -> int:
    """Characters in both sets of disjoint sorted runs (a merge walk)."""
    total, i, j = 0, 0, 0
    while i < len(first) and j < len(second):
        low, high = max(first[i][0], second[j][0]), min(first[i][1], second[j][1])
        total += max(0, high - low)
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return total


def character_table(length: int, first: Iterable[Span], second: Iterable[Span]) -> Table:
    """The characters of a ``length``-character document, by who coded them."""
    a, b = merged(first), merged(second)
    both = _overlap(a, b)
    first_only, second_only = _length(a) - both, _length(b) - both
    return Table(both, first_only, second_only, length - both - first_only - second_only)
