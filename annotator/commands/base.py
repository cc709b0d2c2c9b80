"""The command pattern every mutation follows.

A command is one user action. :meth:`Command.apply` does it and returns what
changed; :meth:`Command.revert` undoes it. The history runs both inside one
transaction and logs them. After ``revert``, ``apply`` runs again for redo and
must recreate exactly the same rows (same ids, same uuids), so commands record
what they created or removed the first time they run.
"""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import ClassVar

from annotator.changes import Changes
from annotator.models import CONSENSUS_NAME, CONSENSUS_UUID, Coder, CoderId
from annotator.storage.annotations import AnnotationStore, ReviewStore
from annotator.storage.coders import CoderStore
from annotator.storage.codes import CodeStore
from annotator.storage.documents import DocumentStore
from annotator.storage.settings import SettingsStore
from annotator.storage.suggestions import RejectionStore


def utc_now() -> str:
    """Timestamps are ISO 8601 in UTC, to the millisecond (they sort as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_uuid() -> str:
    return str(uuid.uuid4())


@dataclass
class Stores:
    """What a command may touch: the stores of one open project, and a clock."""

    documents: DocumentStore
    codes: CodeStore
    coders: CoderStore
    annotations: AnnotationStore
    reviews: ReviewStore
    settings: SettingsStore
    rejections: RejectionStore
    now: Callable[[], str] = field(default=utc_now)


class Command(ABC):
    """One undoable user action."""

    #: Machine name recorded in the history table, e.g. ``"add_annotation"``.
    action: ClassVar[str]

    @property
    @abstractmethod
    def text(self) -> str:
        """What the Edit menu says: "撤销 添加标注 / Undo Add annotation"."""

    @abstractmethod
    def apply(self, stores: Stores) -> Changes:
        """Do the action (or redo it, recreating the same rows)."""

    @abstractmethod
    def revert(self, stores: Stores) -> Changes:
        """Undo exactly what :meth:`apply` did."""

    def payload(self) -> Mapping[str, object]:
        """Small facts for the history log (ids, keys), never whole texts."""
        return {}

    @property
    def did_nothing(self) -> bool:
        """True when applying changed nothing, so there is nothing to undo."""
        return False


class Composite(Command):
    """A command made of other commands, planned from the project's state.

    :meth:`plan` yields steps one by one; each is applied before the next is
    planned, so a step may depend on what the earlier ones did (a code just
    added). Redo replays the same steps; undo reverts them in reverse.
    """

    def __init__(self) -> None:
        self._steps: list[Command] | None = None

    @abstractmethod
    def plan(self, stores: Stores) -> Iterator[Command]:
        """The steps of the action; each is applied as soon as it is yielded."""

    def apply(self, stores: Stores) -> Changes:
        changes = Changes()
        if self._steps is not None:
            for step in self._steps:
                changes |= step.apply(stores)
            return changes
        steps: list[Command] = []
        for step in self.plan(stores):
            changes |= step.apply(stores)
            steps.append(step)
        self._steps = steps
        return changes

    @property
    def did_nothing(self) -> bool:
        return self._steps == []

    def revert(self, stores: Stores) -> Changes:
        changes = Changes()
        for step in reversed(self._steps or []):
            changes |= step.revert(stores)
        return changes


class CoderSlot:
    """Finds a coder by name, creating it (once, and again on redo) if missing.

    Commands that act "as a coder" use this so that the coder a first action
    creates is part of that action, and disappears when it is undone.
    """

    def __init__(self, name: str) -> None:
        self.name = name.strip()
        self._created: Coder | None = None
        self._created_at = ""

    def acquire(self, stores: Stores) -> tuple[Coder, Changes]:
        if self._created is not None:
            stores.coders.insert(self._created, self._created_at)
            return self._created, Changes.of(coders=[self._created.id])
        existing = stores.coders.by_name(self.name)
        if existing is not None:
            return existing, Changes()
        fixed = CONSENSUS_UUID if self.name == CONSENSUS_NAME else None
        coder = Coder(CoderId(0), fixed or new_uuid(), self.name)
        self._created_at = stores.now()
        coder_id = stores.coders.insert(coder, self._created_at)
        self._created = Coder(coder_id, coder.uuid, coder.name)
        return self._created, Changes.of(coders=[coder_id])

    def release(self, stores: Stores) -> Changes:
        if self._created is None:
            return Changes()
        stores.coders.delete(self._created.id)
        return Changes.of(coders=[self._created.id])
