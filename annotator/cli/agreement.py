"""``annotator agreement PROJECT --coders A,B[,C…]``: per code, how far coders agree.

For two coders each row gives the counts the figures come from (N, both,
only one, neither), percent agreement, Cohen's κ, Holsti's CR and
Krippendorff's α. For more coders: α, the mean pairwise Holsti K̄ and
R = nK̄/(1+(n−1)K̄), with the units each number of coders marked. The last row
pools every used code. Undefined figures are null; codes below the usual
thresholds (κ < 0.6, Holsti or R < 0.8) are flagged. ``--xlsx OUT`` also
writes the 信度 and 分歧 sheets (the report and the disagreements).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.agreement.compute import UNITS
from annotator.agreement.disagreements import compare, disagreements
from annotator.agreement.report import ReliabilityRow, reliability_report
from annotator.cli.common import emit
from annotator.cli.teamwork import document_ids
from annotator.errors import ValidationError
from annotator.exporting.reliability import export_reliability
from annotator.project import Project


def _row(row: ReliabilityRow, many: bool) -> dict[str, Any]:
    base = {"key": row.key or None, "name": row.name, "n": row.n, "alpha": row.alpha}
    if many:
        return {
            **base, "units_marked_by": row.histogram, "mean_holsti": row.mean_holsti,
            "r": row.reliability, "below_threshold": row.below_threshold,
        }  # fmt: skip
    t = row.table
    return {
        **base, "both": t.both, "first_only": t.first_only, "second_only": t.second_only,
        "neither": t.neither, "percent": row.percent, "kappa": row.kappa, "holsti": row.holsti,
        "below_threshold": row.below_threshold,
    }  # fmt: skip


def _line(r: dict[str, Any], many: bool) -> str:
    key = r["key"] or r["name"]
    if many:
        figures = [r["alpha"], r["mean_holsti"], r["r"]]
        counts = [r["n"]]
    else:
        figures = [r["percent"], r["kappa"], r["holsti"], r["alpha"]]
        counts = [r["n"], r["both"], r["first_only"], r["second_only"]]
    cells = [key, *map(str, counts), *map(_figure, figures)]
    return "\t".join(cells) + ("\t⚠" if r["below_threshold"] else "")


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def cmd_agreement(args: argparse.Namespace) -> None:
    names = [name.strip() for name in args.coders.split(",") if name.strip()]
    if len(names) < 2:
        raise ValidationError("请至少给出两位编码员 / Give two coders or more: --coders A,B")
    many = len(names) > 2
    with Project.open(args.project, backup=False) as project:
        ids = document_ids(project, args.documents)
        report = reliability_report(project, names, args.unit, ids)
        if args.xlsx:
            coders = [project.coder_by_name(name).id for name in names]
            found = disagreements(compare(project, coders, ids))
            export_reliability(project, report, found, args.xlsx, args.lang)
    rows = [_row(row, many) for row in report.rows]
    header = "key\tN\talpha\tmean Holsti\tR" if many else (
        "key\tN\tboth\tonly 1\tonly 2\t%\tkappa\tHolsti\talpha"
    )  # fmt: skip
    emit(args, rows, [header, *(_line(r, many) for r in rows)])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--coders", required=True, help="two coders or more, e.g. 王,李,张")
    parser.add_argument("--unit", choices=("character", *UNITS), default="character")
    parser.add_argument("--documents", help="document ids or uuids, e.g. 1,3 (default: all)")
    parser.add_argument("--xlsx", type=Path, help="also write the report and disagreements here")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="the sheets' language")
