"""The verb ``import-qdpx FILE PROJECT``: a REFI-QDA project file as a new project."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import default_coder, emit
from annotator.exchange import project_from_qdpx, read_qdpx

HELP = "make a new project of a REFI-QDA project file (.qdpx from NVivo, MAXQDA, QualCoder…)"


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """The verb's arguments and handler.

    PROJECT comes second here, being made from FILE, so the verb declares its
    own arguments rather than take the verb factory's PROJECT-first ones.
    """
    parser.add_argument("file", type=Path, help="the .qdpx file to read")
    parser.add_argument("project", type=Path, help="the new project to create (*.annot)")
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.add_argument("--coder", default=default_coder(), help="who acts (default: you)")
    parser.set_defaults(handler=cmd_import_qdpx)


def cmd_import_qdpx(args: argparse.Namespace) -> None:
    contents = read_qdpx(args.file)
    with project_from_qdpx(contents, args.project, coder=args.coder) as project:
        data = {
            "project": str(args.project),
            "documents": len(project.documents()),
            "codes": len(project.codes()),
            "coders": len(project.coders()),
            "codings": len(project.annotations()),
            "notes": contents.notes,
        }
    line = (
        f"imported {data['documents']} documents, {data['codes']} codes, "
        f"{data['codings']} codings into {args.project}"
    )
    emit(args, data, [line, *(f"  left out: {note}" for note in contents.notes)])
