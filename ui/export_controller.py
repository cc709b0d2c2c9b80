"""The controller's part for exports and REFI-QDA import: what the export dialog
offers, the export itself and opening a project made from a ``.qdpx`` file. A
mixin of :class:`ui.controller.ProjectController` (one controller; the file is
apart only to keep each file short)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.models import CoderId, DocumentId
from annotator.project import Project

if TYPE_CHECKING:
    from annotator.exporting import ExportOptions, Progress


@dataclass(frozen=True, slots=True)
class CoderChoice:
    id: CoderId
    name: str
    #: How many codings the coder has in the whole project.
    codings: int


@dataclass(frozen=True, slots=True)
class DocumentChoice:
    id: DocumentId
    title: str


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """What the export dialog offers."""

    #: The file suffixes, in the order to offer them (".xlsx" first).
    formats: tuple[str, ...]
    #: Every coder in project order, the consensus layer last.
    coders: list[CoderChoice]
    #: The consensus layer (None: the project has none).
    consensus: CoderChoice | None
    documents: list[DocumentChoice]
    #: Attributes a cross-tab can use (names as the core knows them).
    attributes: list[str]


class ExportMixin:
    if TYPE_CHECKING:  # the controller's

        @property
        def project(self) -> Project: ...

        @property
        def coder(self) -> str: ...

        def _opened(self, project: Project) -> None: ...

    def export_choices(self) -> ExportChoices:
        from annotator.attributes import attribute_names
        from annotator.exporting import FORMATS
        from annotator.teamwork.consensus import consensus_id

        project = self.project
        layer = consensus_id(project.stores)
        coders = [
            CoderChoice(c.id, c.name, sum(project.annotation_counts(coder_id=c.id).values()))
            for c in project.coders()
        ]
        documents = project.documents()
        return ExportChoices(
            formats=FORMATS,
            coders=sorted(coders, key=lambda c: c.id == layer),  # stable: order kept
            consensus=next((c for c in coders if c.id == layer), None),
            documents=[DocumentChoice(d.id, d.title or d.source_path or "") for d in documents],
            attributes=attribute_names(documents),
        )

    def export(
        self,
        path: Path,
        options: ExportOptions | None = None,
        progress: Progress | None = None,
        per_document: bool = False,
    ) -> int:
        """Write ``path`` in the format its suffix names; returns the number of codings.

        ``progress(done, total)`` may raise :class:`~annotator.errors.CancelledError`:
        the export stops and leaves nothing on disk.
        """
        from annotator.exporting import export

        return export(self.project, path, options, progress, per_document=per_document)

    def import_qdpx(self, source: Path, target: Path) -> list[str]:
        """Make a new project ``target`` from the REFI-QDA project ``source`` and open it;
        returns the notes on what the file held that the project could not take."""
        from annotator.exchange import project_from_qdpx, read_qdpx

        contents = read_qdpx(source)
        self._opened(project_from_qdpx(contents, target, coder=self.coder))
        return list(contents.notes)
