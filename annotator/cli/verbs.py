"""The verbs on documents, codings, the codebook file, export, checks and history."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from annotator.cli.common import emit, plain
from annotator.codebooks import MergeCodebook, create_project, read_codebook, write_codebook
from annotator.errors import ValidationError
from annotator.importing import ImportStatus, import_paths
from annotator.models import DOCUMENT_FIELDS, CodeId
from annotator.project import Project
from annotator.resources import default_codebook_path


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
    emit(args, data, lines)


def cmd_import(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        project.coder = args.coder
        results = import_paths(project, [Path(p) for p in args.paths])
    emit(args, results, [result.line() for result in results])
    return 1 if results and all(r.status is ImportStatus.FAILED for r in results) else 0


def cmd_documents(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        documents = project.documents()
        counts = {d.id: len(project.annotations(d.id)) for d in documents}
    data = [{**plain(d), "annotations": counts[d.id]} for d in documents]
    lines = [
        f"#{d.id}\t{d.text_length}\t{counts[d.id]}\t{d.title or d.source_path or ''}"
        for d in documents
    ]
    emit(args, data, ["id\tchars\tcodings\ttitle", *lines])


def cmd_text(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        document = project.document(args.document)
        text = project.raw_text(document.id) if args.raw else project.text(document.id)
    emit(args, {"id": document.id, "uuid": document.uuid, "text": text}, [text])


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
    emit(args, document, [f"#{document.id} {name} = {getattr(document, name)}" for name in fields])


def cmd_codebook(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=args.import_file is not None) as project:
        project.coder = args.coder
        if args.import_file:
            command = MergeCodebook(read_codebook(Path(args.import_file)))
            project.execute(command)
            emit(args, command.report, [command.report.summary(), *command.report.details()])
            return
        codes = project.codes()
        if args.export_file:
            write_codebook(project.codebook(), Path(args.export_file))
            emit(args, {"file": args.export_file, "codes": len(codes)},
                  [f"wrote {len(codes)} codes to {args.export_file}"])  # fmt: skip
            return
        by_id = {code.id: code for code in codes}
        lines = [f"{_depth(by_id, code.id) * '  '}{code.key or '-'}\t{code.name}" for code in codes]
        emit(args, codes, lines)


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
    data = {**plain(annotation), "coder": project.coder, "key": code.key, "name": code.name}
    emit(args, data, [f"#{annotation.id} {code.key} [{annotation.start}, {annotation.end}) "
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
            **plain(a),
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
    emit(args, data, lines)


def cmd_check(args: argparse.Namespace) -> int:
    with Project.open(args.project, backup=False) as project:
        problems = project.verify()
    emit(args, {"ok": not problems, "problems": problems}, problems or ["ok"])
    return 1 if problems else 0


def cmd_history(args: argparse.Namespace) -> None:
    with Project.open(args.project, backup=False) as project:
        entries = project.history_entries(args.limit)
    data = [{**plain(e), "payload": json.loads(e.payload)} for e in entries]
    emit(args, data, [f"{e.time}\t{e.actor}\t{e.summary}" for e in entries])
