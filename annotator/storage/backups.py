"""Rotating backups, taken when a project is opened.

Backups live in a folder beside the project, ``<name>-backups/``, as complete
project files named ``<stem>-YYYYmmdd-HHMMSS-ffffffZ.annot`` (UTC, so the names
sort in time order across daylight-saving changes; each one opens as a
project). They are copied with SQLite's backup API from the open connection:
a consistent snapshot, never a file copy of a database in use. The newest
:data:`KEEP` are kept. A backup identical to the newest one (same last history
entry) is not taken again, so opening a project ten times does not push real
backups out.

Restoring puts a backup back in the project's place (the project closed):
the backup is copied in beside the project first, the current file is moved
into the backup folder, and the copy is renamed into place, so at every
moment a whole project sits at the project's path. A sound current file
becomes the newest backup (a restore can itself be undone by restoring); a
damaged one is kept as ``….damaged`` with its WAL, which no list shows.
"""

from __future__ import annotations

import sqlite3  # noqa: TID251 - reads a backup's last history id
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.request import pathname2url

from annotator.errors import ProjectError
from annotator.storage.database import (
    APPLICATION_ID,
    Database,
    damaged,
    is_damaged,
    remove_database_files,
)

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


def _read_only(path: Path) -> sqlite3.Connection:
    """Read a file that no program has open (no ``-wal``) as immutable: nothing is made
    beside it, no lock taken."""
    uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro"  # quoted: '#', '?', '%'
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _last_history_id(path: Path) -> int | None:
    try:
        conn = _read_only(path)
        try:
            return int(conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, read without opening it as a project."""

    backup: Backup
    good: bool
    documents: int = 0
    annotations: int = 0
    #: Time (UTC, ISO) of the last action the backup holds.
    last_action: str = ""
    problem: str = ""
    #: Not good because its pages are damaged (not merely unreadable just now).
    damaged: bool = False


def summarise(backup: Backup) -> BackupSummary:
    """Check a backup whole (``quick_check``) and count what it holds."""
    try:
        conn = _read_only(backup.path)
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return BackupSummary(backup, False, problem="not an Annotator project")
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                return BackupSummary(backup, False, problem=str(check), damaged=True)
            documents, annotations, last = conn.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM annotations),"
                " (SELECT coalesce(max(time), '') FROM history)"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        return BackupSummary(backup, False, problem=str(error), damaged=is_damaged(error))
    return BackupSummary(backup, True, int(documents), int(annotations), str(last))


def newest_good_backup(project_path: Path) -> BackupSummary | None:
    """The newest backup that passes its check, if any."""
    for backup in list_backups(project_path):
        summary = summarise(backup)
        if summary.good:
            return summary
    return None


def restore_backup(project_path: Path, backup: Path) -> Path | None:
    """Put ``backup`` in the place of the (closed) project at ``project_path``.

    Returns where the file it replaced was kept (None if there was none). The
    backup itself stays in the list, so a restore can be restored again.
    """
    incoming = project_path.with_name(project_path.name + ".restoring")
    remove_database_files(incoming)
    kept: Path | None = None
    try:
        source = Database(_read_only(backup), backup)
        try:
            source.backup_to(incoming)
        finally:
            source.close(checkpoint=False)
        kept = _move_aside(project_path)
        incoming.replace(project_path)
    except (OSError, sqlite3.Error) as error:
        if kept is not None and not project_path.exists():
            _move(kept, project_path)  # the project back where it was
        remove_database_files(incoming)
        raise ProjectError(
            f"无法从备份恢复，项目未改动 / Cannot restore the backup; the project is unchanged"
            f" ({error})"
        ) from error
    return kept


def _move(source: Path, target: Path) -> None:
    """Move a database file with its WAL (a stale WAL must never meet another file)."""
    for ending in ("-wal", "-shm"):
        companion = source.with_name(source.name + ending)
        if companion.exists():
            companion.replace(target.with_name(target.name + ending))
    if source.exists():
        source.replace(target)


def _move_aside(project_path: Path) -> Path | None:
    """Move the project file (and its WAL) into the backup folder.

    Also a lone WAL whose file is gone: it must never meet the restored file.
    """
    wal = project_path.with_name(project_path.name + "-wal")
    if not project_path.exists() and not wal.exists():
        return None
    folder = backup_folder(project_path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime(STAMP)
    sound = project_path.exists() and summarise(Backup(project_path, datetime.now(UTC))).good
    if sound:
        kept = folder / f"{project_path.stem}-{stamp}{project_path.suffix}"
    else:
        kept = folder / f"{project_path.name}-{stamp}.damaged"
    _move(project_path, kept)
    return kept


def _clear_partials(project_path: Path) -> None:
    """Delete what killed backups left: only the program holding the project's lock
    takes its backups, so no ``.partial`` of this project is being written now."""
    prefix = f"{project_path.stem}-"
    for path in backup_folder(project_path).iterdir():
        if path.name.startswith(prefix) and path.name.endswith(".partial"):
            path.unlink(missing_ok=True)


def take_rotating_backup(db: Database, keep: int = KEEP) -> Path | None:
    """Back the open project up unless the newest backup already equals it."""
    if db.path is None:
        return None
    existing = list_backups(db.path)
    current = int(db.scalar("SELECT coalesce(max(id), 0) FROM history"))
    if any(_last_history_id(backup.path) == current for backup in existing):
        return None  # e.g. a backup just restored: it is in the list already
    folder = backup_folder(db.path)
    folder.mkdir(exist_ok=True)
    _clear_partials(db.path)
    stamp = datetime.now(UTC).strftime(STAMP)
    target = folder / f"{db.path.stem}-{stamp}{db.path.suffix}"
    partial = target.with_name(target.name + ".partial")
    try:
        db.backup_to(partial)
        copy = summarise(Backup(partial, datetime.now(UTC)))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if not copy.good:  # a damaged project must never push good backups out
        partial.unlink(missing_ok=True)
        if copy.damaged:
            raise damaged(db.path, f"{copy.problem}; no backup was taken / 未做备份")
        raise ProjectError(f"无法检查备份 / Cannot check the backup: {copy.problem}")
    partial.replace(target)
    for old in list_backups(db.path)[keep:]:
        old.path.unlink(missing_ok=True)
    return target
