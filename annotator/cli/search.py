"""``annotator search PROJECT QUERY``: every hit in the corpus, in context."""

from __future__ import annotations

import argparse

from annotator.cli.common import emit
from annotator.project import Project
from annotator.search import search


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", help="what to find: 党建, 鄉村振興, 村两委… (any length)")
    parser.add_argument("--regex", action="store_true", help="the query is a regular expression")
    parser.add_argument("--limit", type=int, default=1000, help="lines to show (all are counted)")
    parser.add_argument("--context", type=int, default=20, help="characters on each side")


def cmd_search(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        found = search(
            project, args.query, regex=args.regex, limit=args.limit, context=args.context
        )
    lines = [
        f"{line.unit}\t{line.left}【{line.match}】{line.right}\t{line.title}"
        for line in found.lines
    ]
    summary = f"{found.total} hits in {found.documents} documents"
    if found.total > len(found.lines):
        summary += f" (the first {len(found.lines)} shown)"
    emit(args, found, [*lines, summary])
