"""Commands on coders."""

from __future__ import annotations

from collections.abc import Mapping

from annotator.changes import Changes
from annotator.commands.base import CoderSlot, Command, Stores
from annotator.errors import ValidationError
from annotator.models import CONSENSUS_NAME, Coder, CoderId


class AddCoder(Command):
    action = "add_coder"

    def __init__(self, name: str) -> None:
        if not name.strip():
            raise ValidationError("编码员需要名字 / A coder needs a name")
        self._slot = CoderSlot(name)
        self.coder: Coder | None = None

    @property
    def text(self) -> str:
        return f"添加编码员 / Add coder {self._slot.name}"

    def apply(self, stores: Stores) -> Changes:
        if self.coder is None and stores.coders.by_name(self._slot.name) is not None:
            raise ValidationError(f"编码员已存在 / The coder exists already: {self._slot.name}")
        self.coder, changes = self._slot.acquire(stores)
        return changes

    def revert(self, stores: Stores) -> Changes:
        return self._slot.release(stores)

    def payload(self) -> Mapping[str, object]:
        return {"name": self._slot.name}


class RenameCoder(Command):
    action = "rename_coder"

    def __init__(self, coder_id: CoderId, name: str) -> None:
        self.coder_id, self.name = coder_id, name.strip()
        self.old_name = ""

    @property
    def text(self) -> str:
        return "重命名编码员 / Rename coder"

    def apply(self, stores: Stores) -> Changes:
        if not self.name:
            raise ValidationError("编码员需要名字 / A coder needs a name")
        if CONSENSUS_NAME in (self.name, stores.coders.get(self.coder_id).name):
            raise ValidationError("共识层不能改名 / The consensus layer cannot be renamed")
        other = stores.coders.by_name(self.name)
        if other is not None and other.id != self.coder_id:
            raise ValidationError(f"编码员已存在 / The coder exists already: {self.name}")
        self.old_name = self.old_name or stores.coders.get(self.coder_id).name
        stores.coders.rename(self.coder_id, self.name)
        return Changes.of(coders=[self.coder_id])

    def revert(self, stores: Stores) -> Changes:
        stores.coders.rename(self.coder_id, self.old_name)
        return Changes.of(coders=[self.coder_id])

    def payload(self) -> Mapping[str, object]:
        return {"id": self.coder_id, "name": self.name}
