"""``annotator backups PROJECT`` and ``annotator restore PROJECT [BACKUP]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator import recovery
from annotator.cli.common import VerbFactory, emit
from annotator.errors import NotFoundError


def add_verbs(verb: VerbFactory) -> None:
    verb("backups", cmd_backups, "list the project's rotating backups, each checked")
    restore = verb("restore", cmd_restore, "put a backup back in the project's place")
    restore.add_argument(
        "backup", nargs="?", help="its number in `backups` (1 = newest) or its path;"
        " default: the newest good backup",
    )  # fmt: skip


def _line(number: int, summary: recovery.BackupSummary) -> str:
    taken = summary.backup.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    if not summary.good:
        return f"{number}\t{taken}\t已损坏 / damaged ({summary.problem})\t{summary.backup.path}"
    return (
        f"{number}\t{taken}\t{summary.documents} documents, {summary.annotations} codings"
        f"\t{summary.backup.path}"
    )


def cmd_backups(args: argparse.Namespace) -> None:
    found = recovery.backups(args.project)
    data = [
        {"number": n, "taken": s.backup.taken.isoformat(), "path": str(s.backup.path),
         "good": s.good, "documents": s.documents, "annotations": s.annotations,
         "last_action": s.last_action, "problem": s.problem}
        for n, s in enumerate(found, 1)
    ]  # fmt: skip
    emit(args, data, [_line(n, s) for n, s in enumerate(found, 1)] or ["没有备份 / no backups"])


def cmd_restore(args: argparse.Namespace) -> None:
    chosen: Path | None = None
    if args.backup is not None:
        chosen = Path(args.backup)
        if args.backup.isdigit():
            listed = recovery.backups(args.project)
            number = int(args.backup)
            if not 1 <= number <= len(listed):
                raise NotFoundError(f"没有第 {number} 个备份 / No backup number {number}")
            chosen = listed[number - 1].backup.path
    done = recovery.restore(args.project, chosen)
    kept = f"; the replaced file is kept as {done.kept}" if done.kept else ""
    emit(
        args,
        {"restored": str(done.backup.backup.path), "kept": str(done.kept or "")},
        [f"restored {done.backup.backup.path}{kept}"],
    )
