"""``annotator stats PROJECT``: which codes go together."""

from __future__ import annotations

import argparse
from typing import Any

from annotator.cli.common import emit
from annotator.codestats import UNITS, co_occurrence, measure_mechanism_pairs
from annotator.models import CoderId
from annotator.project import Project


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cooccurrence", choices=UNITS, help="pairs of codes meeting in this unit")
    parser.add_argument(
        "--pairs", metavar="M,J", help="codes under two top-level codes met in one sentence"
    )
    parser.add_argument(
        "--crosstab", metavar="ATTRIBUTE", help="codes × a document attribute (region_level, year…)"
    )
    parser.add_argument("--by", dest="coder_filter", help="only this coder's codings")


def cmd_stats(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        coder = project.coder_by_name(args.coder_filter).id if args.coder_filter else None
        keys = {code.id: code.key or code.name for code in project.codes()}
        if args.crosstab:
            data = _crosstab(project, args.crosstab, coder)
        elif args.pairs:
            first, _, second = args.pairs.partition(",")
            rows = measure_mechanism_pairs(project, first.strip(), second.strip(), coder_id=coder)
            data = [{"first": keys[r.first], "second": keys[r.second], "sentences": r.sentences,
                     "units": list(r.units)} for r in rows]  # fmt: skip
        else:
            found = co_occurrence(project, args.cooccurrence or "sentence", coder_id=coder)
            data = [{"first": keys[a], "second": keys[b], "count": n}
                    for (a, b), n in found.most_common()]  # fmt: skip
    lines = [
        "\t".join(str(v) if not isinstance(v, list) else ", ".join(v) for v in row.values())
        for row in data
    ]
    if args.crosstab and data:  # a header of the attribute's values
        lines.insert(0, "\t".join(key or "(none)" for key in data[0]))
    emit(args, data, lines)


def _crosstab(project: Project, attribute: str, coder: CoderId | None) -> list[dict[str, Any]]:
    """Codes × values of a document attribute: references (sub-codes included), each
    code's row as ``{"code": key, value: count, …}``; "" is a document without one."""
    from annotator.exporting.dataset import ExportOptions, collect
    from annotator.exporting.tables import cross_tab

    chosen = None if coder is None else frozenset({coder})
    data = collect(project, ExportOptions(coder_ids=chosen, layer="all", attribute=attribute))
    table = cross_tab(data, attribute)
    return [
        {"code": code.key or code.name, **{v: table.counts[code.id][v] for v in table.values}}
        for code in data.codes
    ]
