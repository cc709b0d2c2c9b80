"""The project file's own safety: read-only state, copies, backups and checks.

A mixin of :class:`annotator.project.Project` (one facade; apart to keep files
short). Everything here reads or copies the whole file; nothing is an action
with an undo step.
"""

from __future__ import annotations

from pathlib import Path

from annotator.errors import DamagedProjectError, ProjectError
from annotator.files import claim_temporary, release
from annotator.storage.annotations import drifted_annotations
from annotator.storage.backups import take_rotating_backup
from annotator.storage.database import (
    Database,
    DatabaseError,
    damaged,
    foreign_key_problems,
    is_damaged,
)


class ProjectFile:
    _db: Database
    open_backup: Path | None
    backup_error: str | None
    damage: str | None

    @property
    def read_only(self) -> bool:
        """Opened read-only: reading, searching and exporting work, changes are refused."""
        return self._db.read_only

    def save_copy(self, target: Path | str) -> None:
        """A consistent copy of the open project at ``target`` (SQLite backup API).

        Written to a temporary name of its own and renamed, so a failure leaves nothing.
        """
        target = Path(target)
        if self._db.path is not None and target.resolve() == self._db.path.resolve():
            raise ProjectError("不能覆盖正在使用的项目 / Cannot copy a project over itself")
        try:
            partial, held = claim_temporary(target)  # a name no other writer shares
        except OSError as error:
            raise ProjectError(f"无法保存副本 / Cannot save the copy: {error}") from error
        try:
            self._db.backup_to(partial)
            partial.replace(target)
        except (OSError, DatabaseError) as error:
            partial.unlink(missing_ok=True)
            raise ProjectError(f"无法保存副本 / Cannot save the copy: {error}") from error
        finally:
            release(held)

    def take_backup(self) -> None:
        """The rotating backup (a program that shows a window first takes it just after)."""
        if self.read_only:
            return  # nothing can have changed, and nothing may be written
        try:
            self.open_backup = take_rotating_backup(self._db)
        except DamagedProjectError as error:
            self.damage = self.backup_error = str(error)
        except (OSError, DatabaseError, ProjectError) as error:
            self.backup_error = f"自动备份失败 / The automatic backup failed: {error}"
            if is_damaged(error):
                self.damage = self.backup_error

    def check_pages(self) -> None:
        """Read every page (``quick_check``); raise :class:`DamagedProjectError` if one is bad.

        A program that shows the project checks it once on opening, so damage is
        met there, with a backup to offer, rather than in whatever reads it first.
        """
        result = self._db.quick_check()
        if result != "ok":
            raise damaged(self._db.path, result[:200])

    def verify(self) -> list[str]:
        """Every problem found in the file; an empty list means it is sound."""
        problems = []
        try:
            integrity = self._db.integrity_check()
        except DamagedProjectError as error:
            return [str(error)]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        problems += [f"foreign key: {p}" for p in foreign_key_problems(self._db)]
        problems += [f"quote drift: annotation {i}" for i in drifted_annotations(self._db)]
        return problems
