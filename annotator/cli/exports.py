"""``annotator export``: the coded dataset to Excel, CSV, JSON, REFI-QDA or HTML."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.attributes import ATTRIBUTES
from annotator.cli.common import emit
from annotator.cli.teamwork import coder_ids, document_ids
from annotator.exporting import FORMATS, ExportOptions, export
from annotator.project import Project
from annotator.teamwork.review import STATES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, help=f"the file to write: {', '.join(FORMATS)}")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument(
        "--coders",
        metavar="A,B",
        help="only these coders' codings (default: the consensus layer once it has some)",
    )
    parser.add_argument(
        "--layer",
        choices=("auto", "consensus", "all"),
        default="auto",
        help="without --coders: the consensus layer once it has codings (auto), or everyone's",
    )
    parser.add_argument(
        "--status", metavar="S,S", help=f"only codings in these review states: {','.join(STATES)}"
    )
    parser.add_argument("--documents", metavar="1,3,UUID", help="only these documents")
    parser.add_argument(
        "--attribute",
        default="region_level",
        help=f"the cross-tab's document attribute: {', '.join(ATTRIBUTES)} or your own",
    )
    parser.add_argument("--context", type=int, default=30, help="characters of context")
    parser.add_argument(
        "--per-document", action="store_true", help="HTML: one file per document, in a folder"
    )


def cmd_export(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        documents = document_ids(project, args.documents)
        options = ExportOptions(
            coder_ids=frozenset(coder_ids(project, args.coders)) if args.coders else None,
            layer=args.layer,
            statuses=frozenset(s.strip() for s in args.status.split(",")) if args.status else None,
            document_ids=None if documents is None else frozenset(documents),
            language=args.lang,
            attribute=args.attribute,
            context=args.context,
        )
        count = export(project, args.out, options, per_document=args.per_document)
    html_folder = args.per_document and args.out.suffix.lower() == ".html"
    out = args.out.with_suffix("") if html_folder else args.out
    emit(args, {"file": str(out), "rows": count}, [f"wrote {count} codings to {out}"])
