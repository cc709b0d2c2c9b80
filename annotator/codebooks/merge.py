"""Bringing a codebook into a project: one command, one undo step.

Codes are matched by key, then (for files from other programs, or a key
renamed elsewhere) by uuid. New codes are added; matched codes are updated
where a field differs and moved where the parent differs; codes the file
does not name are left alone. The report says which codes changed and how.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from annotator.changes import Changes
from annotator.codebooks.model import INFO_FIELDS, Codebook, CodeSpec, MergeReport
from annotator.commands.base import Command, Composite, Stores
from annotator.commands.codes import AddCode, MoveCode, UpdateCode, canonical_shortcut
from annotator.models import Code, CodeId
from annotator.project import Project


class SetCodebookInfo(Command):
    """The codebook's name and help texts (kept in the project's settings)."""

    action = "set_codebook_info"

    def __init__(self, info: Mapping[str, str]) -> None:
        self.info = dict(info)
        self.before: dict[str, str | None] = {}

    @property
    def text(self) -> str:
        return "编码本说明 / Codebook description"

    def apply(self, stores: Stores) -> Changes:
        self.before = {name: stores.settings.find(f"codebook.{name}") for name in self.info}
        for name, value in self.info.items():
            stores.settings.set(f"codebook.{name}", value)
        return Changes()

    def revert(self, stores: Stores) -> Changes:
        for name, value in self.before.items():
            if value is None:  # there was no such setting: leave none behind
                stores.settings.delete(f"codebook.{name}")
            else:
                stores.settings.set(f"codebook.{name}", value)
        return Changes()


def codebook_info(stores: Stores) -> dict[str, str]:
    return {name: stores.settings.get(f"codebook.{name}") for name in INFO_FIELDS}


class MergeCodebook(Composite):
    """Merge a codebook into the project (one undo step)."""

    action = "merge_codebook"

    def __init__(self, codebook: Codebook) -> None:
        super().__init__()
        self.codebook = codebook
        self.report = MergeReport()

    @property
    def text(self) -> str:
        return "导入编码本 / Import codebook"

    def plan(self, stores: Stores) -> Iterator[Command]:
        self.report = MergeReport()  # rebuilt whole: a failed first run leaves no trace
        ids: dict[str, CodeId] = {}
        shortcuts: dict[CodeId, str] = {}
        for spec in self.codebook.codes:
            parent_id = None if spec.parent is None else ids[spec.parent]
            existing = _match(stores, spec)
            if existing is not None:
                ids[spec.ref] = existing.id
            for step in self._steps_for(spec, existing, parent_id):
                yield step
                if isinstance(step, AddCode) and step.code is not None:
                    ids[spec.ref] = step.code.id
            if "shortcut" in spec.fields:
                shortcuts[ids[spec.ref]] = str(spec.fields["shortcut"])
        refs = {code_id: ref for ref, code_id in ids.items()}
        yield from self._shortcut_steps(stores, shortcuts, refs)
        info = {k: v for k, v in self.codebook.info.items() if v}
        if info and info != {k: codebook_info(stores)[k] for k in info}:
            yield SetCodebookInfo(info)

    def _steps_for(
        self, spec: CodeSpec, existing: Code | None, parent_id: CodeId | None
    ) -> list[Command]:
        """Add or update one code; its shortcut is set afterwards, with all the others."""
        fields = {k: v for k, v in spec.fields.items() if k != "shortcut"}
        if existing is None:  # its uuid is free too, or it would have matched
            self.report.added.append(spec.ref)
            return [AddCode({"key": spec.key, **fields}, parent_id, uuid=spec.uuid)]
        if spec.key:
            fields["key"] = spec.key
        differing = {name: v for name, v in fields.items() if getattr(existing, name) != v}
        moved = spec.parent_known and existing.parent_id != parent_id
        steps: list[Command] = [UpdateCode(existing.id, differing)] if differing else []
        if moved:
            steps.append(MoveCode(existing.id, parent_id))
        if steps:
            self.report.updated[spec.ref] = [*sorted(differing), *(["parent"] if moved else [])]
        else:
            self.report.unchanged.append(spec.ref)
        return steps

    def _shortcut_steps(
        self, stores: Stores, desired: dict[CodeId, str], refs: dict[CodeId, str]
    ) -> Iterator[Command]:
        """Shortcuts last, in two passes (clear, then set): two codes may swap keys."""
        wanted = {code_id: canonical_shortcut(key) for code_id, key in desired.items()}
        changing = {c: key for c, key in wanted.items() if stores.codes.get(c).shortcut != key}
        for code_id in changing:
            if stores.codes.get(code_id).shortcut:
                yield UpdateCode(code_id, {"shortcut": ""})
        for code_id, key in changing.items():
            if key:
                yield UpdateCode(code_id, {"shortcut": key})
            ref = refs[code_id]
            if ref in self.report.unchanged:
                self.report.unchanged.remove(ref)
            if ref not in self.report.added:
                self.report.updated.setdefault(ref, []).append("shortcut")

    def payload(self) -> Mapping[str, object]:
        return {
            "added": self.report.added,
            "updated": sorted(self.report.updated),
            "unchanged": len(self.report.unchanged),
        }


def _match(stores: Stores, spec: CodeSpec) -> Code | None:
    found = stores.codes.by_key(spec.key) if spec.key else None
    if found is None and spec.uuid:
        found = stores.codes.by_uuid(spec.uuid)
    return found


def create_project(
    path: Path, *, codebook: Path | None = None, coder: str = "", name: str | None = None
) -> tuple[Project, MergeReport | None]:
    """A new project at ``path``, with ``codebook`` merged in (whole, or no file at all)."""
    from annotator.codebooks.files import read_codebook

    command = MergeCodebook(read_codebook(codebook)) if codebook is not None else None

    def setup(project: Project) -> None:
        project.coder = coder
        if command is not None:
            project.execute(command)

    project = Project.create(path, name=name, setup=setup)
    project.coder = coder
    return project, command.report if command is not None else None
