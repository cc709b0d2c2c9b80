"""``annotator codes PROJECT ACTION …``: edit the codebook from the command line.

Every action is one step in the project's history, as in the editor (undoable
there). Codes are named by key. Deleting a code that has codings needs
``--yes``; delete, merge, split and recode take a backup of the file first.
"""

from __future__ import annotations

import argparse
from typing import Any

from annotator.cli.common import emit
from annotator.codebooks.model import split_keywords
from annotator.errors import ValidationError
from annotator.models import CODE_FIELDS, AnnotationId, Code
from annotator.project import Project

_DESTRUCTIVE = ("delete", "merge", "split", "recode")


def parse_fields(assignments: list[str]) -> dict[str, object]:
    """``FIELD=VALUE`` pairs; ``keywords`` split on 、 ， ; ；, ``attr.NAME`` an attribute."""
    fields: dict[str, object] = {}
    attributes: dict[str, str] = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if name.startswith("attr.") and equals and name[5:]:
            attributes[name[5:]] = value
            continue
        if not equals or name not in CODE_FIELDS or name in ("archived", "shortcut"):
            known = ", ".join(f for f in CODE_FIELDS if f not in ("archived", "shortcut"))
            raise ValidationError(
                f"应为 字段=值 / Expected FIELD=VALUE or attr.NAME=VALUE, FIELD one of {known}: "
                f"{assignment!r}"
            )
        if name == "keywords":
            fields[name] = split_keywords(value)
        else:
            fields[name] = value
    if attributes:
        fields["attributes"] = attributes
    return fields


def _ids(text: str) -> list[AnnotationId]:
    try:
        return [AnnotationId(int(part)) for part in text.split(",") if part.strip()]
    except ValueError as error:
        raise ValidationError(f"标注编号应为数字 / Annotation ids are numbers: {text!r}") from error


def _line(code: Code) -> str:
    return f"{code.key or '-'}\t{code.name}"


def _act(project: Project, args: argparse.Namespace) -> tuple[Any, list[str]]:
    action = args.action
    if action == "add":
        parent = project.code_by_key(args.parent).id if args.parent else None
        code = project.create_code(
            {"key": args.key, "name": args.name, **parse_fields(args.fields)}, parent
        )
        return code, [f"added {_line(code)}"]
    code = project.code_by_key(args.key)
    if action == "edit":
        fields = parse_fields(args.fields)
        if "attributes" in fields:
            fields["attributes"] = {**code.attributes, **fields["attributes"]}  # type: ignore[dict-item]
        project.update_code(code.id, **fields)
        return project.code(code.id), [f"edited {code.key}: {', '.join(sorted(fields))}"]
    if action in ("archive", "unarchive"):
        project.update_code(code.id, archived=action == "archive")
        return project.code(code.id), [f"{action}d {code.key}"]
    if action == "shortcut":
        taken = project.set_shortcut(code.id, args.shortcut)
        note = f" (taken from {project.code(taken).key})" if taken is not None else ""
        return project.code(code.id), [f"{code.key} shortcut = {args.shortcut or '(none)'}{note}"]
    if action == "move":
        parent = None if args.parent in (None, "-") else project.code_by_key(args.parent).id
        project.move_code(code.id, parent, args.index)
        return project.code(code.id), [f"moved {code.key} under {args.parent or '(top)'}"]
    if action == "merge":
        target = project.code_by_key(args.target)
        moved = project.merge_codes(code.id, target.id)
        return {"merged": code.key, "into": target.key, "annotations": moved}, [
            f"merged {code.key} into {target.key}: {moved} codings moved"
        ]
    if action == "split":
        new = project.split_code(
            code.id, _ids(args.annotations), key=args.new_key, name=args.new_name
        )
        return new, [f"split {new.key} off {code.key}"]
    if action == "recode":
        ids = _ids(args.annotations)
        folded = project.recode_annotations(ids, code.id)
        return {"to": code.key, "annotations": len(ids), "folded": folded}, [
            f"moved {len(ids)} codings to {code.key} ({folded} folded into copies)"
        ]
    return _delete(project, code, args)


def _delete(project: Project, code: Code, args: argparse.Namespace) -> tuple[Any, list[str]]:
    codes, count = project.code_usage(code.id)
    if count and not args.yes:
        raise ValidationError(
            f"编码 {code.key} 及其下级有 {count} 个标注，确认删除请加 --yes / "
            f"{code.key} and its sub-codes have {count} codings: add --yes to delete them too"
        )
    project.delete_code(code.id)
    return {"deleted": code.key, "codes": codes, "annotations": count}, [
        f"deleted {code.key} ({codes} codes, {count} codings)"
    ]


def cmd_codes(args: argparse.Namespace) -> None:
    # Undo dies with the process: an action that removes or moves codings is backed up first.
    with Project.open(args.project, backup=args.action in _DESTRUCTIVE) as project:
        project.coder = args.coder
        data, lines = _act(project, args)
    emit(args, data, lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # --json and --coder are also accepted after the action (defaults stay the verb's).
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    shared.add_argument("--coder", default=argparse.SUPPRESS)
    parsers = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    class Actions:
        @staticmethod
        def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
            return parsers.add_parser(name, parents=[shared], **kwargs)

    actions = Actions()
    add = actions.add_parser("add", help="add a code: KEY NAME [FIELD=VALUE…]")
    add.add_argument("key")
    add.add_argument("name")
    add.add_argument("--parent", help="the parent's key (default: top level)")
    add.add_argument("fields", nargs="*", metavar="FIELD=VALUE")
    edit = actions.add_parser("edit", help="edit fields: KEY FIELD=VALUE… (attr.NAME=VALUE)")
    edit.add_argument("key")
    edit.add_argument("fields", nargs="+", metavar="FIELD=VALUE")
    for name in ("archive", "unarchive"):
        actions.add_parser(name, help=f"{name} a code").add_argument("key")
    shortcut = actions.add_parser("shortcut", help="set a code's key (empty: none)")
    shortcut.add_argument("key")
    shortcut.add_argument("shortcut", nargs="?", default="")
    move = actions.add_parser("move", help="move a code under another ('-': top level)")
    move.add_argument("key")
    move.add_argument("--parent", default="-")
    move.add_argument("--index", type=int, help="position among its new siblings")
    merge = actions.add_parser("merge", help="merge SOURCE into TARGET (codings follow)")
    merge.add_argument("key", metavar="SOURCE")
    merge.add_argument("target", metavar="TARGET")
    split = actions.add_parser("split", help="split chosen codings off into a new code")
    split.add_argument("key", metavar="SOURCE")
    split.add_argument("new_key")
    split.add_argument("new_name")
    split.add_argument("--annotations", required=True, help="annotation ids, e.g. 3,7,9")
    recode = actions.add_parser("recode", help="move codings to this code")
    recode.add_argument("key")
    recode.add_argument("--annotations", required=True, help="annotation ids, e.g. 3,7,9")
    delete = actions.add_parser("delete", help="delete a code, its sub-codes and their codings")
    delete.add_argument("key")
    delete.add_argument("--yes", action="store_true", help="also when codings go with it")
