"""The controller's part for backups and damaged projects. A mixin of
:class:`ui.controller.ProjectController` (one controller; apart to keep files short).

A project that turns out damaged (when opened, when its rotating backup checks
the copy, or when a read meets a damaged page) is reported through the
controller's ``damaged`` signal with its path, so the window can offer the
newest good backup instead of only an error.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator import recovery
from annotator.errors import DamagedProjectError, NoProjectError, NotAProjectError, ProjectError
from annotator.project import Project

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance


class RecoveryMixin:
    _project: Project | None
    #: Damaged files already offered a backup (each is offered once per opening).
    _offered: set[Path]
    damaged: SignalInstance
    project_replaced: SignalInstance
    close: Callable[[], None]
    _opened: Callable[[Project], None]

    def backups(self, project_path: Path | None = None) -> list[recovery.BackupSummary]:
        """The backups of ``project_path`` (default: the open project), newest first."""
        return recovery.backups(self._path(project_path))

    def restore_backup(
        self, backup: Path | None = None, project_path: Path | None = None
    ) -> recovery.Restored:
        """Put ``backup`` (default: the newest good one) in place and open the result.

        The open project is closed first when it is the one restored; if the
        restore fails, the file is unchanged and is opened again.
        """
        path = self._path(project_path)
        if self._project is not None and self._project.path == path:
            self.close()
        try:
            done = recovery.restore(path, backup)
        except BaseException:
            if self._project is None:
                with suppress(ProjectError):  # damaged as it was: the window offers it again
                    self._opened(Project.open(path, backup=False))
            if self._project is None:
                self.project_replaced.emit()  # the window shows that nothing is open
            raise
        self._opened(Project.open(path, backup=False))
        return done

    def report_damage(self, path: Path, error: Exception) -> bool:
        """Offer the newest good backup of a damaged ``path``, once; False if not offered
        (no good backup, or offered already: the error is then shown as it is)."""
        key = path.resolve()
        newest = None if key in self._offered else recovery.newest_good_backup(path)
        if newest is None:
            return False
        self._offered.add(key)
        self.damaged.emit(path, str(error), newest)  # each backup checked once, here
        return True

    def open_or_offer(self, path: Path) -> None:
        """Open ``path`` and check every page; a damaged file with a good backup is offered,
        not raised (and not opened). Each time the user opens it, the offer is made again."""
        self._offered.discard(path.resolve())
        try:
            project = Project.open(path, backup=False)
        except (DamagedProjectError, NotAProjectError) as error:
            if not self.report_damage(path, error):
                raise
            return
        try:
            project.check_pages()
        except DamagedProjectError as error:
            project.close()
            if not self.report_damage(path, error):
                raise
            return
        self._opened(project)

    def _path(self, project_path: Path | None) -> Path:
        if project_path is not None:
            return Path(project_path)
        if self._project is None or self._project.path is None:
            raise NoProjectError("没有打开的项目 / No project is open")
        return self._project.path

    def _damage_in(self, problem: Any) -> bool:
        """Whether a user error is damage of the open project (offered a backup); damage
        of another file (a colleague's copy being merged) is only an error."""
        if not isinstance(problem, DamagedProjectError) or self._project is None:
            return False
        path = self._project.path
        if (
            path is None
            or problem.path is None
            or Path(str(problem.path)).resolve() != path.resolve()
        ):
            return False
        return self.report_damage(path, problem)
