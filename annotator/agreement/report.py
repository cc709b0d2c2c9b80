"""A reliability report: one row per code and one overall, with the usual flags.

The CLI prints it, the GUI shows it as a table, the Excel export writes it as
a sheet. Two coders get the 2×2 counts, percent agreement, Cohen's κ,
Holsti's CR and Krippendorff's α; more coders get α, the mean pairwise Holsti
K̄ and R = nK̄/(1+(n−1)K̄), plus each pair's table. The overall row pools the
codes that at least one of the coders used (unused codes would only add
"neither" units and inflate agreement); see ``docs/agreement.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from annotator.agreement.compute import GroupAgreement, Progress, group_agreement
from annotator.agreement.indices import binary_alpha, composite_reliability
from annotator.agreement.tables import Table
from annotator.models import CodeId, DocumentId
from annotator.project import Project

KAPPA_THRESHOLD, HOLSTI_THRESHOLD = 0.6, 0.8


@dataclass(frozen=True, slots=True)
class ReliabilityRow:
    """One code (``code_id``), or all used codes pooled (``code_id`` None)."""

    code_id: CodeId | None
    key: str
    name: str
    #: Units that 0, 1, … n coders marked (α's data); their sum is N.
    histogram: dict[int, int]
    #: Each pair of coders' 2×2 table, in ``itertools.combinations`` order.
    pairs: tuple[Table, ...]
    alpha: float | None
    mean_holsti: float | None
    reliability: float | None

    @property
    def n(self) -> int:
        return sum(self.histogram.values())

    @property
    def table(self) -> Table:
        """The first pair's table (the only one for two coders)."""
        return self.pairs[0]

    @property
    def percent(self) -> float | None:
        return self.table.percent()

    @property
    def kappa(self) -> float | None:
        return self.table.kappa().kappa

    @property
    def holsti(self) -> float | None:
        return self.table.holsti()

    @property
    def below_threshold(self) -> bool:
        """κ under 0.6, or Holsti's CR (two coders) or R (more) under 0.8."""
        if len(self.pairs) > 1:
            return self.reliability is not None and self.reliability < HOLSTI_THRESHOLD
        kappa, holsti = self.kappa, self.holsti
        return (kappa is not None and kappa < KAPPA_THRESHOLD) or (
            holsti is not None and holsti < HOLSTI_THRESHOLD
        )

    @property
    def used(self) -> bool:
        """Whether any of the coders used the code in the chosen documents."""
        return any(count for marked, count in self.histogram.items() if marked)


@dataclass(frozen=True, slots=True)
class ReliabilityReport:
    coders: tuple[str, ...]
    unit: str
    #: Code rows in codebook order, then the overall row.
    rows: tuple[ReliabilityRow, ...]

    @property
    def pair_names(self) -> list[tuple[str, str]]:
        return list(combinations(self.coders, 2))

    @property
    def overall(self) -> ReliabilityRow:
        return self.rows[-1]


def reliability_report(
    project: Project,
    names: Sequence[str],
    unit: str = "character",
    document_ids: Sequence[DocumentId] | None = None,
    progress: Progress | None = None,
) -> ReliabilityReport:
    """α, Holsti and R per code and overall; ``progress`` hears each document done."""
    groups = group_agreement(project, names, unit, document_ids, progress)
    codes = {code.id: code for code in project.codes()}
    rows = [_row(g, codes[g.code_id].key or "", codes[g.code_id].name) for g in groups]
    overall = _pooled([g for g, row in zip(groups, rows, strict=True) if row.used], len(names))
    return ReliabilityReport(tuple(names), unit, (*rows, overall))


def _row(group: GroupAgreement, key: str, name: str) -> ReliabilityRow:
    return ReliabilityRow(
        group.code_id, key, name, group.histogram, group.pairs, group.alpha,
        group.mean_holsti, group.reliability,
    )  # fmt: skip


def _pooled(groups: Sequence[GroupAgreement], coders: int) -> ReliabilityRow:
    histogram: Counter[int] = Counter()
    pairs = [Table(0, 0, 0, 0)] * (coders * (coders - 1) // 2)
    for group in groups:
        histogram.update(group.histogram)
        pairs = [a + b for a, b in zip(pairs, group.pairs, strict=True)]
    found = [t.holsti() for t in pairs]
    values = [h for h in found if h is not None]
    mean = sum(values) / len(values) if values else None
    return ReliabilityRow(
        None, "", "合计 Overall", dict(histogram), tuple(pairs),
        binary_alpha(dict(histogram), coders), mean, composite_reliability(mean, coders),
    )  # fmt: skip
