"""The command line: ``annotator VERB PROJECT …`` (also ``python -m annotator``).

Every verb prints a human report by default and, with ``--json``, a JSON value
whose objects carry the core's field names (``id``, ``uuid``, ``key``,
``start``, ``end``, ``quote``, ``coder``…). An error prints one line to stderr
and exits non-zero: 1 for a user error (bad file, unknown code…), 2 for a
usage error, 3 for a bug.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.codebooks import MergeCodebook, create_project, read_codebook, write_codebook
from annotator.errors import AnnotatorError, ValidationError
from annotator.exporting.xlsx import export_xlsx
from annotator.identity import default_coder_name
from annotator.importing import ImportStatus, import_paths
from annotator.models import DOCUMENT_FIELDS, CodeId
from annotator.project import Project
from annotator.resources import default_codebook_path

Handler = Callable[[argparse.Namespace], Any]


def _default_coder() -> str:
    return os.environ.get("ANNOTATOR_CODER") or default_coder_name()


def _plain(value: Any) -> Any:
    """Records as JSON-able dicts (enums as their values, mappings as dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _emit(args: argparse.Namespace, data: Any, lines: Sequence[str]) -> None:
    if args.json:
        print(json.dumps(_plain(data), ensure_ascii=False, indent=2))
    else:
        for line in lines:
            print(line)


# -- verbs ---------------------------------------------------------------------
def cmd_new(args: argparse.Namespace) -> None:
    codebook = None
    if args.codebook:
        codebook = default_codebook_path() if args.codebook == "default" else Path(args.codebook)
    project, report = create_project(
        args.project, codebook=codebook, coder=args.coder, name=args.name
    )
    with project:
        data = {"project": str(args.project), "codes": len(project.codes())}
    lines = [f"created {args.project}"]
    if report is not None:
        lines.append(f"codebook: {report.summary()}")
    _emit(args, data, lines)


def cmd_import(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        project.coder = args.coder
        results = import_paths(project, [Path(p) for p in args.paths])
    _emit(args, results, [result.line() for result in results])
    return 1 if results and all(r.status is ImportStatus.FAILED for r in results) else 0


def cmd_documents(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        documents = project.documents()
        counts = {d.id: len(project.annotations(d.id)) for d in documents}
    data = [{**_plain(d), "annotations": counts[d.id]} for d in documents]
    lines = [
        f"#{d.id}\t{d.text_length}\t{counts[d.id]}\t{d.title or d.source_path or ''}"
        for d in documents
    ]
    _emit(args, data, ["id\tchars\tcodings\ttitle", *lines])


def cmd_text(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        document = project.document(args.document)
        text = project.raw_text(document.id) if args.raw else project.text(document.id)
    _emit(args, {"id": document.id, "uuid": document.uuid, "text": text}, [text])


def cmd_set(args: argparse.Namespace) -> None:
    fields: dict[str, object] = {}
    for assignment in args.assignments:
        name, equals, value = assignment.partition("=")
        if not equals or name not in DOCUMENT_FIELDS:
            known = ", ".join(DOCUMENT_FIELDS)
            raise ValidationError(
                f"应为 字段=值 / Expected FIELD=VALUE, FIELD one of {known}: {assignment!r}"
            )
        fields[name] = value if value or name == "memo" else None
    with Project.open(args.project, backup=False) as project:
        project.coder = args.coder
        document = project.document(args.document)
        project.update_document(document.id, **fields)
        document = project.document(document.id)
    _emit(args, document, [f"#{document.id} {name} = {getattr(document, name)}" for name in fields])


def cmd_codebook(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=args.import_file is not None) as project:
        project.coder = args.coder
        if args.import_file:
            command = MergeCodebook(read_codebook(Path(args.import_file)))
            project.execute(command)
            _emit(args, command.report, [command.report.summary(), *command.report.details()])
            return
        codes = project.codes()
        if args.export_file:
            write_codebook(project.codebook(), Path(args.export_file))
            _emit(args, {"file": args.export_file, "codes": len(codes)},
                  [f"wrote {len(codes)} codes to {args.export_file}"])  # fmt: skip
            return
        by_id = {code.id: code for code in codes}
        lines = [f"{_depth(by_id, code.id) * '  '}{code.key or '-'}\t{code.name}" for code in codes]
        _emit(args, codes, lines)


def _depth(by_id: dict[CodeId, Any], code_id: CodeId) -> int:
    depth, parent = 0, by_id[code_id].parent_id
    while parent is not None:
        depth, parent = depth + 1, by_id[parent].parent_id
    return depth


def cmd_code(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        project.coder = args.coder
        document = project.document(args.document)
        code = project.code_by_key(args.code_key)
        annotation = project.add_annotation(
            document.id, code.id, args.start, args.end, memo=args.memo, expected_quote=args.quote
        )
    data = {**_plain(annotation), "coder": project.coder, "key": code.key, "name": code.name}
    _emit(args, data, [f"#{annotation.id} {code.key} [{annotation.start}, {annotation.end}) "
                       f"{annotation.quote}"])  # fmt: skip


def cmd_annotations(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        document_id = project.document(args.document).id if args.document else None
        coder_id = project.coder_by_name(args.coder_filter).id if args.coder_filter else None
        annotations = project.annotations(document_id, coder_id=coder_id)
        codes = {code.id: code for code in project.codes()}
        names = {coder.id: coder.name for coder in project.coders()}
    keys = {code_id: code.key for code_id, code in codes.items()}
    data = [
        {
            **_plain(a),
            "key": keys[a.code_id],
            "name": codes[a.code_id].name,
            "coder": names[a.coder_id],
        }
        for a in annotations
    ]
    lines = [
        f"#{a.id}\tdoc {a.document_id}\t{keys[a.code_id]}\t[{a.start}, {a.end})\t"
        f"{names[a.coder_id]}\t{a.quote}"
        for a in annotations
    ]
    _emit(args, data, lines)


def cmd_export(args: argparse.Namespace) -> None:
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise AnnotatorError(f"暂只支持 .xlsx / Only .xlsx is supported so far, not {out.suffix}")
    with Project.open(args.project, backup=False) as project:
        count = export_xlsx(project, out, language=args.lang)
    _emit(args, {"file": str(out), "rows": count}, [f"wrote {count} segments to {out}"])


def cmd_check(args: argparse.Namespace) -> int:
    with Project.open(args.project, backup=False) as project:
        problems = project.verify()
    _emit(args, {"ok": not problems, "problems": problems}, problems or ["ok"])
    return 1 if problems else 0


def cmd_history(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        entries = project.history_entries(args.limit)
    data = [{**_plain(e), "payload": json.loads(e.payload)} for e in entries]
    _emit(args, data, [f"{e.time}\t{e.actor}\t{e.summary}" for e in entries])


# -- parser --------------------------------------------------------------------
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
        sub.add_argument("--coder", default=_default_coder(), help="who acts (default: you)")
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
    export = verb("export", cmd_export, "export the coded segments to Excel")
    export.add_argument("out", help="OUT.xlsx")
    export.add_argument("--lang", choices=("zh", "en"), default="zh")
    verb("check", cmd_check, "verify the project file (integrity, references, quotes)")
    history = verb("history", cmd_history, "show the log of changes, newest first")
    history.add_argument("--limit", type=int, default=50)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
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
