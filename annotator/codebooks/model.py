"""A codebook as files carry it: codes in tree order, each naming its parent.

Every format (JSON, Excel, REFI-QDA) reads into and writes from these
classes, so a round trip through any of them compares as equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import ValidationError
from annotator.models import Code

#: Code fields a codebook file carries, with their defaults.
DEFAULTS: dict[str, Any] = {
    "name_en": "",
    "definition": "",
    "include": "",
    "exclude": "",
    "example": "",
    "keywords": (),
    "color": "#ffd966",
    "shortcut": "",
    "archived": False,
    "attributes": {},
}
TEXT_FIELDS = ("name", "name_en", "definition", "include", "exclude", "example", "color")
#: Codebook-wide texts (kept in the project's settings under ``codebook.<name>``).
INFO_FIELDS = ("name", "name_en", "description", "description_en")


@dataclass(frozen=True)
class CodeSpec:
    """One code of a file. ``key`` identifies it across files; a file from
    another program may have none, and then ``uuid`` does. ``parent`` is the
    parent's :attr:`ref`.
    """

    key: str | None
    parent: str | None
    fields: Mapping[str, Any]
    uuid: str | None = None
    #: False when the file does not say where the code belongs (a sheet with no
    #: parent column): a merge then leaves the code where it is.
    parent_known: bool = True

    @property
    def ref(self) -> str:
        ref = self.key or self.uuid
        assert ref is not None, "a code needs a key or a uuid"
        return ref


@dataclass(frozen=True)
class Codebook:
    name: str
    codes: tuple[CodeSpec, ...]
    name_en: str = ""
    description: str = ""
    description_en: str = ""

    @property
    def info(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in INFO_FIELDS}


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    #: Each updated code with the fields that changed ("parent" for a move).
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"新增 {len(self.added)}，更新 {len(self.updated)}，未变 {len(self.unchanged)} / "
            f"added {len(self.added)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}"
        )

    def details(self) -> list[str]:
        """One line per added or updated code, for the report the user reads."""
        lines = [f"+ {ref}" for ref in self.added]
        lines += [f"~ {ref}: {', '.join(names)}" for ref, names in self.updated.items()]
        return lines


def spec_fields(code: Code) -> dict[str, Any]:
    """The file fields of a stored code."""
    fields = {name: getattr(code, name) for name in ("name", *DEFAULTS)}
    fields["keywords"] = tuple(code.keywords)
    fields["attributes"] = dict(code.attributes)
    return fields


def codebook_of(codes: list[Code], info: Mapping[str, str]) -> Codebook:
    """The project's codes as a codebook, parents before children, siblings in order."""
    by_parent: dict[int | None, list[Code]] = {}
    for code in codes:
        by_parent.setdefault(code.parent_id, []).append(code)
    ref_of = {code.id: code.key or code.uuid for code in codes}
    ordered: list[CodeSpec] = []

    def visit(parent_id: int | None) -> None:
        for code in sorted(by_parent.get(parent_id, []), key=lambda c: (c.position, c.id)):
            parent = None if code.parent_id is None else ref_of[code.parent_id]
            ordered.append(CodeSpec(code.key, parent, spec_fields(code), code.uuid))
            visit(code.id)

    visit(None)
    return Codebook(codes=tuple(ordered), **{n: info.get(n, "") for n in INFO_FIELDS})


def check_tree(specs: list[CodeSpec]) -> None:
    """Refs are unique and every parent comes before its children."""
    seen: set[str] = set()
    for spec in specs:
        if spec.key is None and spec.uuid is None:
            raise ValidationError(f"编码 {spec.fields.get('name')} 缺少 key / A code has no key")
        if spec.ref in seen:
            raise ValidationError(f"编码键重复 / Duplicate key {spec.ref}")
        if spec.parent is not None and spec.parent not in seen:
            raise ValidationError(
                f"编码 {spec.ref} 的上级 {spec.parent} 未在它之前出现 / "
                f"The parent {spec.parent} of {spec.ref} must come before it"
            )
        seen.add(spec.ref)


def clean_fields(raw: Mapping[str, Any], ref: str) -> dict[str, Any]:
    """Check and normalise the fields of one code read from any format.

    Only the fields the file has are returned: merging a file with fewer
    columns changes only those (a new code gets the defaults for the rest).
    """
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValidationError(f"编码 {ref} 缺少名称 / Code {ref} has no name")
    fields = {field: raw[field] for field in ("name", *DEFAULTS) if field in raw}
    for text in TEXT_FIELDS:
        if not isinstance(fields.get(text, ""), str):
            raise ValidationError(f"编码 {ref} 的 {text} 应为文字 / {ref}.{text} must be text")
    keywords = fields.get("keywords", ())
    if not isinstance(keywords, list | tuple) or not all(isinstance(k, str) for k in keywords):
        raise ValidationError(f"编码 {ref} 的 keywords 应为文字列表 / {ref}.keywords: a list")
    if "keywords" in fields:
        fields["keywords"] = tuple(keywords)
    attributes = fields.get("attributes", {})
    if not isinstance(attributes, dict):
        raise ValidationError(f"编码 {ref} 的 attributes 应为对象 / {ref}.attributes: an object")
    if "attributes" in fields:
        fields["attributes"] = clean_attributes(attributes)
    if not isinstance(fields.get("archived", False), bool):
        raise ValidationError(f"编码 {ref} 的 archived 应为 true/false / {ref}.archived: a boolean")
    if "shortcut" in fields:
        fields["shortcut"] = str(fields["shortcut"] or "")
    return fields


def clean_attributes(attributes: Mapping[Any, Any]) -> dict[str, str]:
    """Attributes as text; an empty value is no attribute (every format agrees on that)."""
    return {str(k): str(v) for k, v in attributes.items() if str(v) != ""}


#: What separates keywords typed in one line or cell: 、 ， ; ； (a newline always does).
KEYWORD_SEPARATORS = "、，;；"


def split_keywords(text: str) -> tuple[str, ...]:
    """Keywords from one line or cell. One per line if there are line breaks; else split
    on 、 ， ; ；. An ASCII comma never splits (1,000万元 is one keyword)."""
    if "\n" not in text:
        for separator in KEYWORD_SEPARATORS[1:]:
            text = text.replace(separator, KEYWORD_SEPARATORS[0])
        text = text.replace(KEYWORD_SEPARATORS[0], "\n")
    return tuple(k.strip() for k in text.split("\n") if k.strip())
