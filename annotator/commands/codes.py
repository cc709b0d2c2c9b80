"""Commands on the codebook: add, update (rename, recolour…), shortcuts, move, delete."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from annotator.changes import Changes
from annotator.commands.base import Command, Stores, new_uuid
from annotator.errors import ValidationError
from annotator.models import CODE_FIELDS, Annotation, Code, CodeId, Review

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SHORTCUT = re.compile(r"^((Meta|Ctrl|Alt|Shift)\+)*([A-Z0-9]|F[1-9]|F1[0-2])$")


#: Modifiers in the order Qt writes them (QKeySequence's portable text).
_MODIFIERS = ("Meta", "Ctrl", "Alt", "Shift")
#: Keys the program itself uses (menus, the text view): never a code's, or neither
#: would fire. The window checks at start that its menus use no other keys.
RESERVED_SHORTCUTS = frozenset({
    "Ctrl+A", "Ctrl+C", "Ctrl+D", "Ctrl+E", "Ctrl+F", "Ctrl+I", "Ctrl+K", "Ctrl+N", "Ctrl+O",
    "Ctrl+Q", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Shift+B", "Ctrl+Shift+K", "Ctrl+Shift+M",
    "Ctrl+Shift+F", "Ctrl+Shift+R", "Ctrl+Shift+T", "Ctrl+Shift+Y",
    "Ctrl+Alt+C", "Ctrl+Alt+S", "Ctrl+Alt+W", "F3", "Shift+F3",
})  # fmt: skip


def canonical_shortcut(shortcut: str) -> str:
    """``shift+ctrl+a`` → ``Ctrl+Shift+A``: one spelling per key ("" stays "").

    Raises :class:`ValidationError` for anything but a digit, a letter or F1–F12
    with modifiers, and for a key the program itself uses.
    """
    if not shortcut.strip():
        return ""
    *modifiers, key = (part.strip() for part in shortcut.split("+"))
    names = {m.casefold(): m for m in _MODIFIERS}
    chosen = {names.get(m.casefold(), "?") for m in modifiers}
    text = "+".join([*(m for m in _MODIFIERS if m in chosen), key.upper()])
    if "?" in chosen or len(chosen) != len(modifiers) or not _SHORTCUT.match(text):
        raise ValidationError(f"无效的快捷键 / Not a usable shortcut: {shortcut!r}")
    if text in RESERVED_SHORTCUTS:
        raise ValidationError(
            f"快捷键 {text} 已被程序使用 / {text} is one of the program's own keys"
        )
    return text


def is_usable_shortcut(shortcut: str) -> bool:
    """A digit, a letter or F1–F12, with any of Ctrl, Alt, Shift and Meta, not reserved."""
    try:
        return bool(canonical_shortcut(shortcut))
    except ValidationError:
        return False


def validate_code_fields(stores: Stores, fields: Mapping[str, object], code_id: CodeId) -> None:
    """Check user-editable fields; ``code_id`` is 0 for a new code."""
    unknown = set(fields) - set(CODE_FIELDS)
    if unknown:
        raise ValidationError(f"未知的编码字段 / Unknown code fields: {sorted(unknown)}")
    if "name" in fields and not str(fields["name"]).strip():
        raise ValidationError("编码名称不能为空 / A code needs a name")
    color = fields.get("color")
    if color is not None and not _COLOR.match(str(color)):
        raise ValidationError(f"颜色应为 #RRGGBB / A colour is #RRGGBB, not {color!r}")
    shortcut = fields.get("shortcut")
    if shortcut:
        canonical_shortcut(str(shortcut))  # raises for an unusable or reserved key
    key = fields.get("key")
    if key is not None:
        if not str(key).strip() or str(key) != str(key).strip():
            raise ValidationError(f"无效的编码键 / Not a usable key: {key!r}")
        other = stores.codes.by_key(str(key))
        if other is not None and other.id != code_id:
            raise ValidationError(f"编码键已存在 / The key {key} is already used by {other.name}")
    holder = holder_of(stores, str(shortcut)) if shortcut else None
    if holder is not None and holder.id != code_id:
        raise ValidationError(
            f"快捷键已被 {holder.name} 使用 / Shortcut {shortcut} is used by {holder.name}"
        )


def _positions(codes: list[Code]) -> dict[CodeId, int]:
    return {code.id: code.position for code in codes}


def _restore_positions(stores: Stores, positions: dict[CodeId, int]) -> None:
    for code_id, position in positions.items():
        stores.codes.update(code_id, {"position": position})


def descendants(stores: Stores, code_id: CodeId) -> list[Code]:
    """The code and everything below it, parents before children."""
    found = [stores.codes.get(code_id)]
    index = 0
    while index < len(found):
        found.extend(stores.codes.children(found[index].id))
        index += 1
    return found


class AddCode(Command):
    action = "add_code"

    def __init__(
        self,
        fields: Mapping[str, object],
        parent_id: CodeId | None = None,
        index: int | None = None,
        *,
        uuid: str | None = None,
    ) -> None:
        self.fields, self.parent_id, self.index = normalized(fields), parent_id, index
        self.uuid = uuid
        self.code: Code | None = None
        self._created = ""
        self._sibling_positions: dict[CodeId, int] = {}

    @property
    def text(self) -> str:
        return f"添加编码 / Add code {self.fields.get('key') or self.fields.get('name', '')}"

    def apply(self, stores: Stores) -> Changes:
        sibling_codes = stores.codes.children(self.parent_id)
        siblings = [c.id for c in sibling_codes]
        if self.code is None:
            if "name" not in self.fields:
                raise ValidationError("编码名称不能为空 / A code needs a name")
            validate_code_fields(stores, self.fields, CodeId(0))
            if self.parent_id is not None:
                stores.codes.get(self.parent_id)  # raises NotFoundError
            fields = {"key": None, **self.fields}
            draft = Code(CodeId(0), self.uuid or new_uuid(), self.parent_id, **fields)  # type: ignore[arg-type]
            self._created = stores.now()
            self.code = dataclasses.replace(draft, id=stores.codes.insert(draft, self._created))
        else:
            stores.codes.insert(self.code, self._created)
        self._sibling_positions = _positions(sibling_codes)
        index = len(siblings) if self.index is None else max(0, min(self.index, len(siblings)))
        stores.codes.set_positions([*siblings[:index], self.code.id, *siblings[index:]])
        return Changes.of(codes=[self.code.id, *siblings])

    def revert(self, stores: Stores) -> Changes:
        assert self.code is not None
        stores.codes.delete(self.code.id)
        _restore_positions(stores, self._sibling_positions)
        return Changes.of(codes=[self.code.id, *self._sibling_positions])

    def payload(self) -> Mapping[str, object]:
        c = self.code
        return {} if c is None else {"id": c.id, "uuid": c.uuid, "key": c.key, "name": c.name}


class UpdateCode(Command):
    """Edit fields of one code; renaming is changing ``name``, ``name_en`` or ``key``."""

    action = "update_code"

    def __init__(self, code_id: CodeId, fields: Mapping[str, object]) -> None:
        self.code_id, self.fields = code_id, normalized(fields)
        self.before: dict[str, object] = {}

    @property
    def text(self) -> str:
        if set(self.fields) & {"name", "name_en", "key"}:
            return "重命名编码 / Rename code"
        if set(self.fields) == {"archived"}:
            return (
                "归档编码 / Archive code"
                if self.fields["archived"]
                else "取消归档 / Unarchive code"
            )
        return "编辑编码 / Edit code"

    def apply(self, stores: Stores) -> Changes:
        current = stores.codes.get(self.code_id)
        if not self.fields:
            raise ValidationError("没有要修改的字段 / Nothing to change")
        if not self.before:
            validate_code_fields(stores, self.fields, self.code_id)
            self.before = {name: getattr(current, name) for name in self.fields}
        stores.codes.update(self.code_id, self.fields)
        return Changes.of(codes=[self.code_id])

    def revert(self, stores: Stores) -> Changes:
        stores.codes.update(self.code_id, self.before)
        return Changes.of(codes=[self.code_id])

    def payload(self) -> Mapping[str, object]:
        return {"id": self.code_id, "fields": sorted(self.fields)}


class SetShortcut(Command):
    """Give a code a shortcut (empty: none), taking it from the code that had it."""

    action = "set_shortcut"

    def __init__(self, code_id: CodeId, shortcut: str) -> None:
        self.code_id, self.shortcut = code_id, canonical_shortcut(shortcut)
        self.before = ""
        self.taken_from: CodeId | None = None

    @property
    def text(self) -> str:
        return "设置快捷键 / Set shortcut"

    def apply(self, stores: Stores) -> Changes:
        self.before = stores.codes.get(self.code_id).shortcut
        holder = holder_of(stores, self.shortcut) if self.shortcut else None
        self.taken_from = holder.id if holder is not None and holder.id != self.code_id else None
        if self.taken_from is not None:
            stores.codes.update(self.taken_from, {"shortcut": ""})
        stores.codes.update(self.code_id, {"shortcut": self.shortcut})
        return self._changes()

    def revert(self, stores: Stores) -> Changes:
        stores.codes.update(self.code_id, {"shortcut": self.before})
        if self.taken_from is not None:
            stores.codes.update(self.taken_from, {"shortcut": self.shortcut})
        return self._changes()

    def _changes(self) -> Changes:
        taken = [] if self.taken_from is None else [self.taken_from]
        return Changes.of(codes=[self.code_id, *taken])

    def payload(self) -> Mapping[str, object]:
        return {"id": self.code_id, "shortcut": self.shortcut, "taken_from": self.taken_from}


def holder_of(stores: Stores, shortcut: str) -> Code | None:
    """The code whose shortcut this is, if any (``q`` and ``Q`` are one key, and
    ``Shift+Ctrl+A`` is ``Ctrl+Shift+A``)."""
    wanted = _comparable(shortcut)
    return next((c for c in stores.codes.all() if _comparable(c.shortcut) == wanted), None)


def _comparable(shortcut: str) -> str:
    try:
        return canonical_shortcut(shortcut)
    except ValidationError:  # a key stored before keys were checked: compare as written
        return shortcut.casefold()


def normalized(fields: Mapping[str, object]) -> dict[str, object]:
    """The fields with the shortcut written the one canonical way, and without
    attributes whose value is empty (an empty attribute is no attribute)."""
    result = dict(fields)
    if result.get("shortcut"):
        result["shortcut"] = canonical_shortcut(str(result["shortcut"]))
    attributes = result.get("attributes")
    if isinstance(attributes, Mapping):
        result["attributes"] = {str(k): str(v) for k, v in attributes.items() if str(v) != ""}
    return result


class MoveCode(Command):
    """Put a code under ``parent_id`` (None: top level) at sibling ``index``."""

    action = "move_code"

    def __init__(self, code_id: CodeId, parent_id: CodeId | None, index: int | None = None) -> None:
        self.code_id, self.parent_id, self.index = code_id, parent_id, index
        self._before: dict[CodeId, tuple[CodeId | None, int]] = {}

    @property
    def text(self) -> str:
        return "移动编码 / Move code"

    def apply(self, stores: Stores) -> Changes:
        code = stores.codes.get(self.code_id)
        if self.parent_id is not None and self.parent_id in {
            c.id for c in descendants(stores, self.code_id)
        }:
            raise ValidationError("不能把编码移到它自己下面 / A code cannot move under itself")
        old_siblings = stores.codes.children(code.parent_id)
        new_siblings = [c for c in stores.codes.children(self.parent_id) if c.id != code.id]
        self._before = {c.id: (c.parent_id, c.position) for c in [*old_siblings, *new_siblings]}
        stores.codes.update(code.id, {"parent_id": self.parent_id})
        stores.codes.set_positions([c.id for c in old_siblings if c.id != code.id])
        index = len(new_siblings) if self.index is None else max(0, self.index)
        ordered = [c.id for c in new_siblings]
        ordered.insert(min(index, len(ordered)), code.id)
        stores.codes.set_positions(ordered)
        return Changes.of(codes=[*self._before, code.id])

    def revert(self, stores: Stores) -> Changes:
        for code_id, (parent_id, position) in self._before.items():
            stores.codes.update(code_id, {"parent_id": parent_id, "position": position})
        return Changes.of(codes=self._before)

    def payload(self) -> Mapping[str, object]:
        return {"id": self.code_id, "parent_id": self.parent_id, "index": self.index}


class DeleteCode(Command):
    """Delete a code, its sub-codes, and every annotation (and review) that uses them."""

    action = "delete_code"

    def __init__(self, code_id: CodeId) -> None:
        self.code_id = code_id
        self.codes: list[tuple[Code, str]] = []
        self.annotations: list[Annotation] = []
        self.reviews: list[Review] = []
        self._sibling_positions: dict[CodeId, int] = {}

    @property
    def text(self) -> str:
        return "删除编码 / Delete code"

    def apply(self, stores: Stores) -> Changes:
        subtree = descendants(stores, self.code_id)
        self.codes = [(code, stores.codes.created(code.id)) for code in subtree]
        self._sibling_positions = _positions(stores.codes.children(subtree[0].parent_id))
        self.annotations = stores.annotations.query(code_ids=[c.id for c in subtree])
        self.reviews = stores.reviews.for_annotations(a.id for a in self.annotations)
        for review in self.reviews:
            stores.reviews.delete(review.id)
        for annotation in self.annotations:
            stores.annotations.delete(annotation.id)
        for code, _ in reversed(self.codes):
            stores.codes.delete(code.id)
        return self._changes()

    def revert(self, stores: Stores) -> Changes:
        for code, created in self.codes:
            stores.codes.insert(code, created)
        _restore_positions(stores, self._sibling_positions)
        for annotation in self.annotations:
            stores.annotations.insert(annotation)
        for review in self.reviews:
            stores.reviews.insert(review)
        return self._changes()

    def _changes(self) -> Changes:
        return Changes.of(
            codes=[code.id for code, _ in self.codes],
            annotations=[a.id for a in self.annotations],
            annotated_documents={a.document_id for a in self.annotations},
        )

    def payload(self) -> Mapping[str, object]:
        return {
            "codes": [code.key or code.name for code, _ in self.codes],
            "annotations": len(self.annotations),
        }
