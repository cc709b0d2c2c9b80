"""Backups a user can trust: what each one holds, and putting one back.

The rotating backups (:mod:`annotator.storage.backups`) are whole project
files. Here they are checked (``quick_check``) and counted, so a user chooses
by date and content, and a damaged project can be offered its newest good
backup. Restoring keeps the file it replaces: a sound one becomes the newest
backup, a damaged one is set aside as ``….damaged``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.errors import NotFoundError, ProjectError, ProjectLockedError
from annotator.storage.backups import (
    BackupSummary,
    list_backups,
    newest_good_backup,
    restore_backup,
    summarise,
)
from annotator.storage.database import (
    Database,
    DatabaseError,
    IntegrityError,
    damage_reported,
    write_error,
)

__all__ = [
    "BackupSummary",
    "Restored",
    "as_user_error",
    "backups",
    "damage_reported",
    "newest_good_backup",
    "restore",
]


@dataclass(frozen=True)
class Restored:
    backup: BackupSummary
    #: Where the replaced project file was kept (None when there was none).
    kept: Path | None


def as_user_error(error: BaseException) -> ProjectError | None:
    """A raw SQLite error (met while reading rows) as the user error it means, if any."""
    if isinstance(error, DatabaseError) and not isinstance(error, IntegrityError):
        return write_error(error)
    return None


def backups(project_path: Path) -> list[BackupSummary]:
    """Every backup of the project, newest first, each checked and counted."""
    return [summarise(backup) for backup in list_backups(Path(project_path))]


def restore(project_path: Path, backup: Path | None = None) -> Restored:
    """Put ``backup`` (default: the newest good one) in the closed project's place."""
    project_path = Path(project_path)
    if backup is None:
        chosen = newest_good_backup(project_path)
        if chosen is None:
            raise NotFoundError(f"没有可用的备份 / No good backup of {project_path}")
    else:
        found = [b for b in list_backups(project_path) if b.path == Path(backup)]
        if not found:
            raise NotFoundError(f"不是此项目的备份 / Not a backup of this project: {backup}")
        chosen = summarise(found[0])
        if not chosen.good:
            raise ProjectError(
                f"此备份已损坏，不能恢复 / This backup is damaged and cannot be restored:"
                f" {backup} ({chosen.problem})"
            )
    _refuse_if_open(project_path)
    return Restored(chosen, restore_backup(project_path, chosen.backup.path))


def _refuse_if_open(project_path: Path) -> None:
    """A project another program holds must not be replaced under it."""
    if not project_path.exists():
        return
    try:
        Database.connect(project_path).close(checkpoint=False)
    except ProjectLockedError:
        raise
    except ProjectError:
        pass  # damaged or foreign: nobody can be using it
