"""``annotator stats PROJECT``: which codes go together."""

from __future__ import annotations

import argparse

from annotator.cli.common import emit
from annotator.codestats import UNITS, co_occurrence, measure_mechanism_pairs
from annotator.project import Project


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cooccurrence", choices=UNITS, help="pairs of codes meeting in this unit")
    parser.add_argument(
        "--pairs", metavar="M,J", help="codes under two top-level codes met in one sentence"
    )
    parser.add_argument("--by", dest="coder_filter", help="only this coder's codings")


def cmd_stats(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        coder = project.coder_by_name(args.coder_filter).id if args.coder_filter else None
        keys = {code.id: code.key or code.name for code in project.codes()}
        if args.pairs:
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
    emit(args, data, lines)
