"""The command line: ``annotator VERB PROJECT …`` (also ``python -m annotator``).

Every verb prints a human report by default and, with ``--json``, a JSON value
whose objects carry the core's field names (``id``, ``uuid``, ``key``,
``start``, ``end``, ``quote``, ``coder``…). An error prints one line to stderr
and exits non-zero: 1 for a user error (bad file, unknown code…), 2 for a
usage error, 3 for a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.cli import (
    agreement,
    backups,
    codes,
    exchange,
    exports,
    search,
    stats,
    suggestions,
    teamwork,
    words,
)
from annotator.cli.common import Handler, VerbFactory, default_coder
from annotator.cli.verbs import (
    cmd_annotations,
    cmd_check,
    cmd_code,
    cmd_codebook,
    cmd_documents,
    cmd_history,
    cmd_import,
    cmd_new,
    cmd_set,
    cmd_text,
)
from annotator.errors import AnnotatorError
from annotator.storage.database import damage_reported


# -- parser --------------------------------------------------------------------
def _analysis_verbs(verb: VerbFactory) -> None:
    """The verbs that read a coded corpus: search, words, stats, export."""
    search.add_arguments(verb("search", search.cmd_search, "find text in every document"))
    words.add_arguments(verb("words", words.cmd_words, "word frequencies (jieba, domain terms)"))
    stats.add_arguments(verb("stats", stats.cmd_stats, "code co-occurrence and M × J pairs"))
    exports.add_arguments(
        verb("export", exports.cmd_export, "export the coded dataset (xlsx, csv, json, qdpx, html)")
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator", description="Code Chinese policy and news texts (Annotator)."
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("project", type=Path, help="the project file (*.annot)")
        sub.add_argument("--json", action="store_true", help="print JSON for machines")
        sub.add_argument("--coder", default=default_coder(), help="who acts (default: you)")
        sub.set_defaults(handler=handler)
        return sub

    new = verb("new", cmd_new, "create a project")
    new.add_argument(
        "--codebook", help="a codebook (.json, .xlsx, .qdc), or 'default' for the shipped one"
    )
    new.add_argument("--name", help="the project's display name")
    verb("import", cmd_import, "import files or folders").add_argument("paths", nargs="+")
    verb("documents", cmd_documents, "list the documents")
    text = verb("text", cmd_text, "print a document's text")
    text.add_argument("document", help="document id or uuid")
    text.add_argument("--raw", action="store_true", help="the text as imported, before cleaning")
    setter = verb("set", cmd_set, "edit a document's metadata (FIELD= clears it)")
    setter.add_argument("document", help="document id or uuid")
    setter.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    codes.add_arguments(verb("codes", codes.cmd_codes, "edit the codebook (add, merge, split…)"))
    agreement.add_arguments(
        verb("agreement", agreement.cmd_agreement, "agreement of two coders, per code")
    )
    _analysis_verbs(verb)
    suggestions.add_arguments(
        verb("suggestions", suggestions.cmd_suggestions, "keyword suggestions; accept or reject")
    )
    teamwork.add_arguments(verb)
    exchange.add_import_arguments(
        verbs.add_parser("import-qdpx", help=exchange.HELP, description=exchange.HELP)
    )
    codebook = verb("codebook", cmd_codebook, "list, import or export the codebook")
    group = codebook.add_mutually_exclusive_group()
    group.add_argument("--import", dest="import_file", metavar="FILE")
    group.add_argument("--export", dest="export_file", metavar="FILE")
    code = verb("code", cmd_code, "code a span: offsets are characters (code points)")
    code.add_argument("document", help="document id or uuid")
    code.add_argument("code_key", help="the code's key, e.g. M1.2")
    code.add_argument("start", type=int)
    code.add_argument("end", type=int)
    code.add_argument("--memo", default="")
    code.add_argument("--quote", help="refuse unless the text at the offsets is this")
    annotations = verb("annotations", cmd_annotations, "list annotations")
    annotations.add_argument("--document", help="only this document (id or uuid)")
    annotations.add_argument("--by", dest="coder_filter", help="only this coder's annotations")
    verb("check", cmd_check, "verify the project file (integrity, references, quotes)")
    backups.add_verbs(verb)
    history = verb("history", cmd_history, "show the log of changes, newest first")
    history.add_argument("--limit", type=int, default=50)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with damage_reported():  # a damaged page met while reading rows
            status = args.handler(args)
    except AnnotatorError as error:
        print(f"annotator: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # a file or folder the user named cannot be used
        print(f"annotator: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug: say so in one line, keep the trace for debugging
        if os.environ.get("ANNOTATOR_DEBUG"):
            raise
        print(f"annotator: internal error ({type(error).__name__}: {error})", file=sys.stderr)
        return 3
    return int(status or 0)
