"""``annotator agreement PROJECT --coders A,B``: per code, how far two coders agree.

Each row gives the counts the figures come from (N, both, only one, neither),
percent agreement, Cohen's κ and Holsti's CR; undefined figures are null,
and codes below the usual thresholds (κ < 0.6, Holsti < 0.8) are flagged.
"""

from __future__ import annotations

import argparse
from typing import Any

from annotator.agreement.compute import UNITS, CodeAgreement, agreement
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


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def cmd_agreement(args: argparse.Namespace) -> None:
    names = [name.strip() for name in args.coders.split(",") if name.strip()]
    if len(names) != 2:
        raise ValidationError("请给出两位编码员 / Give two coders: --coders A,B")
    with Project.open(args.project, backup=False) as project:
        ids = (
            [project.document(part.strip()).id for part in args.documents.split(",")]
            if args.documents
            else None
        )
        results = agreement(project, names[0], names[1], args.unit, ids)
        rows = [_row(project, r) for r in results]
    lines = ["key\tN\tboth\tonly 1\tonly 2\t%\tkappa\tHolsti"] + [
        f"{r['key']}\t{r['n']}\t{r['both']}\t{r['first_only']}\t{r['second_only']}\t"
        f"{_figure(r['percent'])}\t{_figure(r['kappa'])}\t{_figure(r['holsti'])}"
        + ("\t⚠" if r["below_threshold"] else "")
        for r in rows
    ]
    emit(args, rows, lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--coders", required=True, help="two coder names, e.g. 王,李")
    parser.add_argument("--unit", choices=("character", *UNITS), default="character")
    parser.add_argument("--documents", help="document ids or uuids, e.g. 1,3 (default: all)")
