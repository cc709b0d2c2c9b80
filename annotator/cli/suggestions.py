"""``annotator suggestions PROJECT``: keyword suggestions for some or all documents.

Lists them (document, code, offsets, text); ``--accept`` or ``--reject`` acts
on all that are listed, one undo step per document.
"""

from __future__ import annotations

import argparse

from annotator.cli.common import emit
from annotator.errors import ValidationError
from annotator.project import Project


def cmd_suggestions(args: argparse.Namespace) -> None:
    if args.accept and args.reject:
        raise ValidationError("--accept 与 --reject 只能选一个 / Choose --accept or --reject")
    acting = args.accept or args.reject
    with Project.open(args.project, backup=acting) as project:
        project.coder = args.coder
        documents = (
            [project.document(part.strip()) for part in args.documents.split(",")]
            if args.documents
            else project.documents()
        )
        code = project.code_by_key(args.code) if args.code else None
        data, lines = [], []
        for document in documents:
            found = [
                s for s in project.suggestions(document.id) if code is None or s.code_id == code.id
            ]
            text = project.text(document.id)
            for s in found:
                key, quote = project.code(s.code_id).key, text[s.start : s.end]
                data.append({"document": document.id, "key": key, "start": s.start,
                             "end": s.end, "text": quote, "keyword": s.keyword})  # fmt: skip
                lines.append(f"#{document.id}\t{key}\t[{s.start}, {s.end})\t{quote}")
            if found and args.accept:
                project.accept_suggestions(document.id, found)
            elif found and args.reject:
                project.reject_suggestions(document.id, found)
    verb = "accepted" if args.accept else "rejected" if args.reject else "found"
    emit(args, data, [*lines, f"{verb} {len(data)} suggestions"])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--documents", help="document ids or uuids, e.g. 1,3 (default: all)")
    parser.add_argument("--code", help="only this code's suggestions (its key)")
    parser.add_argument("--accept", action="store_true", help="accept every one listed")
    parser.add_argument("--reject", action="store_true", help="reject every one listed")
