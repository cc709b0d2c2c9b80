"""``annotator agreement PROJECT --coders A,B[,C…]``: per code, how far coders agree.

For two coders each row gives the counts the figures come from (N, both,
only one, neither), percent agreement, Cohen's κ, Holsti's CR and
Krippendorff's α. For more coders: α, the mean pairwise Holsti K̄ and
R = nK̄/(1+(n−1)K̄), with the units each number of coders marked. Undefined
figures are null; codes below the usual thresholds (κ < 0.6, Holsti or R < 0.8)
are flagged.
"""

from __future__ import annotations

import argparse
from typing import Any

from annotator.agreement.compute import (
    UNITS,
    CodeAgreement,
    GroupAgreement,
    group_agreement,
)
from annotator.cli.common import emit
from annotator.errors import ValidationError
from annotator.project import Project

KAPPA_THRESHOLD, HOLSTI_THRESHOLD = 0.6, 0.8


def _row(project: Project, result: CodeAgreement) -> dict[str, Any]:
    code, t, kappa = project.code(result.code_id), result.table, result.kappa.kappa
    holsti = result.holsti
    low = (kappa is not None and kappa < KAPPA_THRESHOLD) or (
        holsti is not None and holsti < HOLSTI_THRESHOLD
    )
    return {
        "key": code.key, "name": code.name, "n": t.n, "both": t.both,
        "first_only": t.first_only, "second_only": t.second_only, "neither": t.neither,
        "percent": result.percent, "kappa": kappa, "holsti": holsti, "below_threshold": low,
    }  # fmt: skip


def _group_row(project: Project, group: GroupAgreement) -> dict[str, Any]:
    code = project.code(group.code_id)
    low = group.reliability is not None and group.reliability < HOLSTI_THRESHOLD
    return {
        "key": code.key, "name": code.name, "n": sum(group.histogram.values()),
        "units_marked_by": group.histogram, "alpha": group.alpha,
        "mean_holsti": group.mean_holsti, "r": group.reliability, "below_threshold": low,
    }  # fmt: skip


def _group_lines(project: Project, groups: list[GroupAgreement]) -> list[str]:
    rows = [_group_row(project, g) for g in groups]
    return ["key\tN\talpha\tmean Holsti\tR"] + [
        f"{r['key']}\t{r['n']}\t{_figure(r['alpha'])}\t{_figure(r['mean_holsti'])}\t"
        f"{_figure(r['r'])}" + ("\t⚠" if r["below_threshold"] else "")
        for r in rows
    ]


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def cmd_agreement(args: argparse.Namespace) -> None:
    names = [name.strip() for name in args.coders.split(",") if name.strip()]
    if len(names) < 2:
        raise ValidationError("请至少给出两位编码员 / Give two coders or more: --coders A,B")
    with Project.open(args.project, backup=False) as project:
        ids = (
            [project.document(part.strip()).id for part in args.documents.split(",")]
            if args.documents
            else None
        )
        groups = group_agreement(project, names, args.unit, ids)
        if len(names) > 2:
            emit(args, [_group_row(project, g) for g in groups], _group_lines(project, groups))
            return
        rows = [  # two coders: the one pair's table, from the same pass as α
            {**_row(project, CodeAgreement(g.code_id, g.pairs[0])), "alpha": g.alpha}
            for g in groups
        ]
    lines = ["key\tN\tboth\tonly 1\tonly 2\t%\tkappa\tHolsti"] + [
        f"{r['key']}\t{r['n']}\t{r['both']}\t{r['first_only']}\t{r['second_only']}\t"
        f"{_figure(r['percent'])}\t{_figure(r['kappa'])}\t{_figure(r['holsti'])}"
        + ("\t⚠" if r["below_threshold"] else "")
        for r in rows
    ]
    emit(args, rows, lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--coders", required=True, help="two coders or more, e.g. 王,李,张")
    parser.add_argument("--unit", choices=("character", *UNITS), default="character")
    parser.add_argument("--documents", help="document ids or uuids, e.g. 1,3 (default: all)")
