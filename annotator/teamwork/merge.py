"""Bring coders' copies back into the project.

Documents are matched by their text's hash, codes by uuid and then key,
coders by uuid and then name, annotations and reviews by uuid. What the copy
adds is added; what it changed is taken when the copy's version is newer;
anything else that differs is a conflict, kept as the project has it and
reported. Merging the same copy again adds nothing. All copies merge as one
action (one transaction, one undo step).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.commands.base import Command, Composite, Stores
from annotator.errors import ProjectError
from annotator.models import (
    Annotation,
    AnnotationId,
    Code,
    CodeId,
    Coder,
    CoderId,
    DocumentId,
    Review,
)
from annotator.project import Project
from annotator.storage.documents import DocumentSnapshot
from annotator.teamwork.merge_steps import (
    annotation_steps,
    code_steps,
    coder_steps,
    document_steps,
    review_steps,
)


@dataclass(frozen=True, slots=True)
class CopyContents:
    """Everything a copy holds, read before the merge so the copy is closed again."""

    path: Path
    snapshots: list[DocumentSnapshot]
    codes: list[Code]
    coders: list[tuple[Coder, str]]
    annotations: list[Annotation]
    reviews: list[Review]


@dataclass
class CopyReport:
    """What merging one copy did; ``conflicts`` are sentences for the user."""

    path: Path
    documents_added: int = 0
    documents_matched: int = 0
    codes_added: list[str] = field(default_factory=list)
    coders_added: list[str] = field(default_factory=list)
    annotations_added: int = 0
    annotations_updated: int = 0
    annotations_unchanged: int = 0
    reviews_added: int = 0
    conflicts: list[str] = field(default_factory=list)

    @property
    def changed_nothing(self) -> bool:
        return not (
            self.documents_added or self.codes_added or self.coders_added
            or self.annotations_added or self.annotations_updated or self.reviews_added
        )  # fmt: skip

    def as_dict(self) -> dict[str, object]:
        return {**dataclasses.asdict(self), "path": str(self.path)}


def read_copy(path: Path | str) -> CopyContents:
    """Read a copy whole (it is opened without a backup and closed at once)."""
    with Project.open(path, backup=False) as copy:
        stores = copy.stores
        snapshots = [stores.documents.snapshot(d.id) for d in copy.documents()]
        coders = [(c, stores.coders.created(c.id)) for c in copy.coders()]
        annotations = copy.annotations()
        reviews = copy.reviews([a.id for a in annotations])
        return CopyContents(Path(path), snapshots, copy.codes(), coders, annotations, reviews)


class MergeCopies(Composite):
    """Merge the contents of one or more copies (one undo step)."""

    action = "merge_copies"

    def __init__(self, copies: Sequence[CopyContents]) -> None:
        super().__init__()
        self.copies = list(copies)
        self.reports: list[CopyReport] = []

    @property
    def text(self) -> str:
        return f"合并 {len(self.copies)} 个副本 / Merge {len(self.copies)} copies"

    def plan(self, stores: Stores) -> Iterator[Command]:
        self.reports = []
        for contents in self.copies:
            report = CopyReport(contents.path)
            self.reports.append(report)
            yield from _plan_copy(stores, contents, report)

    def payload(self) -> Mapping[str, object]:
        return {"copies": [r.as_dict() for r in self.reports]}


def _plan_copy(stores: Stores, copy: CopyContents, report: CopyReport) -> Iterator[Command]:
    documents: dict[DocumentId, DocumentId] = {}
    yield from document_steps(stores, copy.snapshots, documents, report)
    codes: dict[CodeId, CodeId] = {}
    yield from code_steps(stores, copy.codes, codes, report)
    coders: dict[CoderId, CoderId] = {}
    yield from coder_steps(stores, copy.coders, coders, report)
    annotations: dict[AnnotationId, AnnotationId] = {}
    ids = (documents, codes, coders)
    yield from annotation_steps(stores, copy.annotations, ids, annotations, report)
    yield from review_steps(stores, copy.reviews, (annotations, coders), report)


def merge_copies(project: Project, paths: Sequence[Path | str]) -> list[CopyReport]:
    """Merge the copies at ``paths`` into ``project``; one report per copy."""
    own = None if project.path is None else project.path.resolve()
    for path in paths:
        if own is not None and Path(path).resolve() == own:
            raise ProjectError("不能把项目合并进它自己 / Cannot merge a project into itself")
    command = MergeCopies([read_copy(path) for path in paths])
    project.execute(command)
    return command.reports
