"""Undo and redo, in the core (Anki's pattern; Qt's ``QUndoStack`` lives in QtGui).

:meth:`History.execute` runs a command in one transaction together with its
line in the append-only history table, then pushes it on the undo stack. Undo
and redo run the same way, so an undo is itself logged and committed at once.
Listeners hear the :class:`Changes` of every execute, undo and redo; that is how
the UI learns what to redraw. A write the file refuses (read-only, disk full)
raises a user error and leaves both stacks as they were.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from annotator.changes import Changes
from annotator.commands.base import Command, Stores
from annotator.errors import NothingToUndoError, ValidationError
from annotator.storage.database import Database, IntegrityError
from annotator.storage.history_log import HistoryLog

DEFAULT_LIMIT = 100

Listener = Callable[[Changes], None]


class History:
    def __init__(
        self,
        db: Database,
        stores: Stores,
        log: HistoryLog,
        *,
        limit: int = DEFAULT_LIMIT,
    ) -> None:
        self._db = db
        self._stores = stores
        self._log = log
        self._undo: deque[Command] = deque(maxlen=limit)
        self._redo: list[Command] = []
        self._listeners: list[Listener] = []
        #: Name written as the actor of each history line (the current coder).
        self.actor = ""

    # -- running ---------------------------------------------------------------
    def execute(self, command: Command) -> Changes:
        changes = self._run(command.apply, command, command.action, command.text)
        if command.did_nothing:  # logged (a merge that found nothing new), but no undo step
            return changes
        self._undo.append(command)
        self._redo.clear()
        self._notify(changes)
        return changes

    def undo(self) -> Changes:
        if not self._undo:
            raise NothingToUndoError("没有可撤销的操作 / Nothing to undo")
        command = self._undo[-1]
        changes = self._run(
            command.revert, command, f"undo:{command.action}", f"撤销 / Undo: {command.text}"
        )
        self._redo.append(self._undo.pop())
        self._notify(changes)
        return changes

    def redo(self) -> Changes:
        if not self._redo:
            raise NothingToUndoError("没有可重做的操作 / Nothing to redo")
        command = self._redo[-1]
        changes = self._run(
            command.apply, command, f"redo:{command.action}", f"重做 / Redo: {command.text}"
        )
        self._undo.append(self._redo.pop())
        self._notify(changes)
        return changes

    def _run(
        self, step: Callable[[Stores], Changes], command: Command, action: str, summary: str
    ) -> Changes:
        try:
            with self._db.write():
                changes = step(self._stores)
                self._log.append(
                    time=self._stores.now(),
                    actor=self.actor,
                    action=action,
                    summary=summary,
                    payload=command.payload(),
                )
        except IntegrityError as error:
            raise ValidationError(
                f"操作违反项目规则，未保存 / The action breaks a project rule and was not saved"
                f" ({error})"
            ) from error
        return changes

    # -- state for menus -------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return self._undo[-1].text if self._undo else ""

    @property
    def redo_text(self) -> str:
        return self._redo[-1].text if self._redo else ""

    @property
    def limit(self) -> int:
        return self._undo.maxlen or 0

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    # -- listeners -------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changes)`` after every execute, undo and redo."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)
