"""Codebooks as files: reading and writing the JSON format, merging into a project.

The JSON format (``resources/codebooks/README.md``) is a flat list of codes in
sibling order, each naming its parent by key. Keys identify codes across files,
so importing into a project that already has codes merges by key: new keys are
added, known keys are updated where a field differs, the rest is reported as
unchanged. The whole merge is one command (one transaction, one undo step).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.changes import Changes
from annotator.commands.base import Command, Stores
from annotator.commands.codes import AddCode, MoveCode, UpdateCode
from annotator.errors import ValidationError
from annotator.files import write_text_atomically
from annotator.models import Code
from annotator.project import Project

FORMAT = "annotator-codebook"
VERSION = 1

_TEXT_FIELDS = ("name", "name_en", "definition", "include", "exclude", "example", "color")
_DEFAULTS: dict[str, Any] = {
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


@dataclass(frozen=True)
class CodeSpec:
    """A code as a file describes it: identified by key, parent by key."""

    key: str
    parent: str | None
    fields: Mapping[str, Any]
    uuid: str | None = None


@dataclass(frozen=True)
class Codebook:
    name: str
    codes: tuple[CodeSpec, ...]
    name_en: str = ""
    description: str = ""
    description_en: str = ""


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"新增 {len(self.added)}，更新 {len(self.updated)}，未变 {len(self.unchanged)} / "
            f"added {len(self.added)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}"
        )


# -- reading -------------------------------------------------------------------
def _spec(raw: object, index: int) -> CodeSpec:
    if not isinstance(raw, dict):
        raise ValidationError(f"第 {index + 1} 个编码不是对象 / Code #{index + 1} is not an object")
    key = raw.get("key")
    if not isinstance(key, str) or not key.strip():
        raise ValidationError(f"第 {index + 1} 个编码缺少 key / Code #{index + 1} has no key")
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise ValidationError(f"编码 {key} 缺少名称 / Code {key} has no name")
    fields = {name: raw.get(name, default) for name, default in _DEFAULTS.items()}
    fields["name"] = raw["name"]
    for name in _TEXT_FIELDS:
        if not isinstance(fields[name], str):
            raise ValidationError(f"编码 {key} 的 {name} 应为文字 / {key}.{name} must be text")
    keywords = fields["keywords"]
    if not isinstance(keywords, list | tuple) or not all(isinstance(k, str) for k in keywords):
        raise ValidationError(f"编码 {key} 的 keywords 应为文字列表 / {key}.keywords: a list")
    fields["keywords"] = tuple(keywords)
    attributes = fields["attributes"]
    if not isinstance(attributes, dict):
        raise ValidationError(f"编码 {key} 的 attributes 应为对象 / {key}.attributes: an object")
    fields["attributes"] = {str(k): str(v) for k, v in attributes.items()}
    if not isinstance(fields["archived"], bool):
        raise ValidationError(f"编码 {key} 的 archived 应为 true/false / {key}.archived: a boolean")
    fields["shortcut"] = str(fields["shortcut"] or "")
    parent = raw.get("parent")
    uuid = raw.get("uuid")
    return CodeSpec(
        key.strip(),
        None if parent in (None, "") else str(parent),
        fields,
        uuid if isinstance(uuid, str) else None,
    )


def parse_codebook(data: object) -> Codebook:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(
            f"不是 Annotator 编码本 / Not an Annotator codebook (expected format {FORMAT!r})"
        )
    if data.get("version") != VERSION:
        raise ValidationError(
            f"不支持的编码本版本 / Unsupported codebook version {data.get('version')}"
        )
    raw_codes = data.get("codes")
    if not isinstance(raw_codes, list):
        raise ValidationError("编码本缺少 codes 列表 / The codebook has no list of codes")
    specs = [_spec(raw, index) for index, raw in enumerate(raw_codes)]
    seen: set[str] = set()
    for spec in specs:
        if spec.key in seen:
            raise ValidationError(f"编码键重复 / Duplicate key {spec.key}")
        if spec.parent is not None and spec.parent not in seen:
            raise ValidationError(
                f"编码 {spec.key} 的上级 {spec.parent} 未在它之前出现 / "
                f"The parent {spec.parent} of {spec.key} must come before it"
            )
        seen.add(spec.key)
    return Codebook(
        name=str(data.get("name", "")),
        codes=tuple(specs),
        name_en=str(data.get("name_en", "")),
        description=str(data.get("description", "")),
        description_en=str(data.get("description_en", "")),
    )


def read_codebook(path: Path) -> Codebook:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(
            f"无法读取编码本 / Cannot read the codebook {path}: {error}"
        ) from error
    return parse_codebook(data)


# -- writing -------------------------------------------------------------------
def codebook_to_json(codes: list[Code], name: str) -> dict[str, Any]:
    """The project's codebook in the file format (codes without a key get one)."""
    key_of = {code.id: code.key or f"#{code.id}" for code in codes}
    entries = []
    for code in codes:
        entries.append(
            {
                "key": key_of[code.id],
                "parent": None if code.parent_id is None else key_of[code.parent_id],
                "uuid": code.uuid,
                "name": code.name,
                "name_en": code.name_en,
                "definition": code.definition,
                "include": code.include,
                "exclude": code.exclude,
                "example": code.example,
                "keywords": list(code.keywords),
                "color": code.color,
                "shortcut": code.shortcut,
                "archived": code.archived,
                "attributes": dict(code.attributes),
            }
        )
    return {"format": FORMAT, "version": VERSION, "name": name, "codes": entries}


def write_codebook(codes: list[Code], name: str, path: Path) -> None:
    text = json.dumps(codebook_to_json(codes, name), ensure_ascii=False, indent=2)
    write_text_atomically(path, text + "\n")


# -- merging -------------------------------------------------------------------
class MergeCodebook(Command):
    """Merge a codebook into the project by key (one undo step)."""

    action = "merge_codebook"

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.report = MergeReport()
        self._steps: list[Command] | None = None

    @property
    def text(self) -> str:
        return "导入编码本 / Import codebook"

    def apply(self, stores: Stores) -> Changes:
        changes = Changes()
        if self._steps is not None:
            for step in self._steps:
                changes |= step.apply(stores)
            return changes
        steps: list[Command] = []
        self.report = MergeReport()  # rebuilt whole: a failed first run leaves no trace
        for spec in self.codebook.codes:
            for step in self._steps_for(stores, spec):
                changes |= step.apply(stores)
                steps.append(step)
        self._steps = steps
        return changes

    def _steps_for(self, stores: Stores, spec: CodeSpec) -> list[Command]:
        parent_id = None
        if spec.parent is not None:
            parent = stores.codes.by_key(spec.parent)
            assert parent is not None  # parse_codebook put parents first
            parent_id = parent.id
        existing = stores.codes.by_key(spec.key)
        if existing is None:
            self.report.added.append(spec.key)
            uuid = spec.uuid if spec.uuid and not stores.codes.by_uuid(spec.uuid) else None
            return [AddCode({"key": spec.key, **spec.fields}, parent_id, uuid=uuid)]
        steps: list[Command] = []
        differing = {
            name: value for name, value in spec.fields.items() if getattr(existing, name) != value
        }
        if differing:
            steps.append(UpdateCode(existing.id, differing))
        if existing.parent_id != parent_id:
            steps.append(MoveCode(existing.id, parent_id))
        (self.report.updated if steps else self.report.unchanged).append(spec.key)
        return steps

    def revert(self, stores: Stores) -> Changes:
        changes = Changes()
        for step in reversed(self._steps or []):
            changes |= step.revert(stores)
        return changes

    def payload(self) -> Mapping[str, object]:
        return {
            "added": self.report.added,
            "updated": self.report.updated,
            "unchanged": len(self.report.unchanged),
        }


def create_project(
    path: Path, *, codebook: Path | None = None, coder: str = "", name: str | None = None
) -> tuple[Project, MergeReport | None]:
    """A new project at ``path``, with ``codebook`` merged in (whole, or no file at all)."""
    command = MergeCodebook(read_codebook(codebook)) if codebook is not None else None

    def setup(project: Project) -> None:
        project.coder = coder
        if command is not None:
            project.execute(command)

    project = Project.create(path, name=name, setup=setup)
    project.coder = coder
    return project, command.report if command is not None else None
