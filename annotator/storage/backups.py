"""Rotating backups, taken when a project is opened.

Backups live in a folder beside the project, ``<name>-backups/``, as complete
project files named ``<stem>-YYYYmmdd-HHMMSS-ffffffZ.annot`` (UTC, so the names
sort in time order across daylight-saving changes; each one opens as a
project). They are copied with SQLite's backup API from the open connection:
a consistent snapshot, never a file copy of a database in use. The newest
:data:`KEEP` are kept. A backup identical to the newest one (same last history
entry) is not taken again, so opening a project ten times does not push real
backups out.
"""

from __future__ import annotations

import sqlite3  # noqa: TID251 - reads a backup's last history id
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.request import pathname2url

from annotator.storage.database import Database

KEEP = 5
STAMP = "%Y%m%d-%H%M%S-%fZ"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime


def backup_folder(project_path: Path) -> Path:
    return project_path.with_name(f"{project_path.name}-backups")


def list_backups(project_path: Path) -> list[Backup]:
    """The backups of a project, newest first."""
    folder = backup_folder(project_path)
    if not folder.is_dir():
        return []
    found = []
    prefix, suffix = f"{project_path.stem}-", project_path.suffix
    for path in folder.iterdir():  # not glob: a name may hold [ ] * ?
        if not (path.name.startswith(prefix) and path.name.endswith(suffix)):
            continue
        stamp = path.name.removeprefix(prefix).removesuffix(suffix)
        try:
            taken = datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, taken))
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def _last_history_id(path: Path) -> int | None:
    try:
        uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro"  # quoted: '#', '?', '%'
        conn = sqlite3.connect(uri, uri=True)
        try:
            return int(conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def take_rotating_backup(db: Database, keep: int = KEEP) -> Path | None:
    """Back the open project up unless the newest backup already equals it."""
    if db.path is None:
        return None
    existing = list_backups(db.path)
    current = int(db.scalar("SELECT coalesce(max(id), 0) FROM history"))
    if existing and _last_history_id(existing[0].path) == current:
        return None
    folder = backup_folder(db.path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime(STAMP)
    target = folder / f"{db.path.stem}-{stamp}{db.path.suffix}"
    partial = target.with_name(target.name + ".partial")
    db.backup_to(partial)
    partial.replace(target)
    for old in list_backups(db.path)[keep:]:
        old.path.unlink(missing_ok=True)
    return target
