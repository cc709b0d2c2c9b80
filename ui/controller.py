"""The one object through which the interface reaches the core.

It owns the open :class:`~annotator.project.Project`, runs every user action
on it, and turns the core's change notifications into Qt signals, so widgets
redraw only what an action touched (Anki's ``operation_did_execute``).
Errors the user caused come back as :class:`~annotator.errors.AnnotatorError`
for the window to show; nothing is half-done, because every action is one
transaction in the core.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.changes import Changes
from annotator.codebooks import create_project
from annotator.errors import AnnotatorError, DamagedProjectError, NoProjectError
from annotator.models import (
    Annotation,
    AnnotationId,
    Code,
    CodeId,
    Coder,
    CoderId,
    Document,
    DocumentId,
)
from annotator.project import Project
from annotator.recovery import damage_reported
from annotator.resources import default_codebook_path
from annotator.sentences import clause_span, sentence_span
from ui.export_controller import ExportMixin
from ui.recovery_controller import RecoveryMixin
from ui.search_controller import SearchMixin
from ui.stats_controller import StatsMixin
from ui.teamwork_controller import TeamworkMixin

if TYPE_CHECKING:  # the import pipeline, Excel and jieba load on first use, not at start-up
    from annotator.codebooks import MergeReport
    from annotator.importing import ImportResult
    from annotator.importing.prepare import PreparedFile
    from annotator.suggestions import Suggestion

T = TypeVar("T")
#: How long after opening a project its rotating backup waits (the window comes first).
BACKUP_DELAY_MS = 1000


class ProjectController(
    SearchMixin, StatsMixin, TeamworkMixin, ExportMixin, RecoveryMixin, QObject
):
    #: Emitted with the :class:`Changes` of every action, undo and redo.
    changed = Signal(object)
    #: Emitted when a different project is opened (or the project is closed).
    project_replaced = Signal()
    #: A user error to show (the action was not done; nothing changed).
    error = Signal(str)
    #: Something the user should know that needs no answer (the status bar shows it).
    notice = Signal(str)
    #: A project file turned out damaged and has a good backup: (its path, the message,
    #: the newest good backup's summary).
    damaged = Signal(object, str, object)

    def __init__(self, project: Project | None = None) -> None:
        super().__init__()
        self._project: Project | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._coder_default = ""
        #: The codes applied last, most recent first (the text's context menu offers them).
        self.recent_codes: list[CodeId] = []
        #: Word boundaries of the last document asked for suggestions (its text never changes).
        self._boundaries: dict[DocumentId, set[int]] = {}
        self._offered: set[Path] = set()
        if project is not None:
            self.set_project(project)

    # -- the project -----------------------------------------------------------
    @property
    def project(self) -> Project:
        if self._project is None:
            raise NoProjectError("没有打开的项目 / No project is open")
        return self._project

    @property
    def has_project(self) -> bool:
        return self._project is not None

    def set_project(self, project: Project) -> None:
        self.close()
        self._project = project
        self._offered = set()  # a project opened (or restored): damage is news again
        self._boundaries = {}
        self.recent_codes = []
        self._unsubscribe = project.history.subscribe(self.changed.emit)
        self.project_replaced.emit()

    def new_project(self, path: Path, *, default_codebook: bool) -> None:
        """Create a project (with the shipped codebook, or empty) and open it."""
        codebook = default_codebook_path() if default_codebook else None
        project, _ = create_project(path, codebook=codebook, coder=self.coder)
        self.set_project(project)

    def save_copy(self, path: Path) -> Path:
        self.project.save_copy(path)
        return path

    def open(self, path: Path) -> None:
        """Open ``path`` (errors leave the current project open).

        The rotating backup (a copy of the whole file) is taken a second later,
        once the window shows the project.
        """
        current = self._project.path if self._project is not None else None
        if current is not None and current.resolve() == path.resolve():
            return  # already open here: opening it "again" would meet our own lock
        self.open_or_offer(path)

    def open_demo(self, path: Path | None = None) -> None:
        """Open the demo project (five articles, the default codebook), creating it if needed."""
        from annotator.demo import open_or_create_demo

        self._opened(open_or_create_demo(path, backup=False))

    def _opened(self, project: Project) -> None:
        project.coder = self.coder
        self.set_project(project)
        QTimer.singleShot(BACKUP_DELAY_MS, self.take_backup)

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._project is not None:
            self._project.close()
            self._project = None

    @property
    def coder(self) -> str:
        return self._project.coder if self._project is not None else self._coder_default

    @coder.setter
    def coder(self, name: str) -> None:
        self._coder_default = name
        if self._project is not None:
            self._project.coder = name

    # -- reading ---------------------------------------------------------------
    def documents(self) -> list[Document]:
        return self.project.documents()

    def document(self, document_id: DocumentId) -> Document:
        return self.project.document(document_id)

    def text(self, document_id: DocumentId) -> str:
        return self.project.text(document_id)

    def codes(self) -> list[Code]:
        return self.project.codes()

    def code(self, code_id: CodeId) -> Code:
        return self.project.code(code_id)

    def coder_name(self, coder_id: CoderId) -> str:
        names = {coder.id: coder.name for coder in self.project.coders()}
        return names.get(coder_id, "?")

    def coders(self) -> list[Coder]:
        return self.project.coders()

    def annotations_by_id(self, ids: Iterable[AnnotationId]) -> dict[AnnotationId, Annotation]:
        """The annotations that still exist among ``ids`` (deleted ones are absent)."""
        return self.project.annotations_by_id(ids)

    def take_backup(self) -> None:
        """The rotating backup that opening the project postponed; a failure is a notice."""
        if self.has_project:
            project = self.project
            project.take_backup()
            if project.damage and project.path is not None:
                self.report_damage(project.path, DamagedProjectError(project.damage))
            elif project.backup_error:
                self.notice.emit(project.backup_error)

    def annotations(
        self, document_id: DocumentId | None = None, *, only_mine: bool = False
    ) -> list[Annotation]:
        """Annotations of a document; ``only_mine``: the current coder's alone (blind coding)."""
        if not only_mine:
            return self.project.annotations(document_id)
        mine = self.my_coder_id()
        return [] if mine is None else self.project.annotations(document_id, coder_id=mine)

    def my_coder_id(self) -> CoderId | None:
        found = [coder.id for coder in self.project.coders() if coder.name == self.coder]
        return found[0] if found else None

    def annotation_counts(
        self, document_ids: Collection[DocumentId] | None = None, coder_id: CoderId | None = None
    ) -> dict[DocumentId, int]:
        return self.project.annotation_counts(document_ids, coder_id)

    def reviewed_counts(
        self, document_ids: Collection[DocumentId] | None = None, coder_id: CoderId | None = None
    ) -> dict[DocumentId, int]:
        return self.project.reviewed_counts(document_ids, coder_id)

    def code_counts(
        self, document_id: DocumentId | None = None, coder_id: CoderId | None = None
    ) -> dict[CodeId, int]:
        return self.project.code_counts(document_id, coder_id)

    def extend_span(
        self, document_id: DocumentId, start: int, end: int, unit: str
    ) -> tuple[int, int]:
        """``[start, end)`` widened to whole ``words``, the ``sentence`` or the ``clause``."""
        from annotator.segmentation import snap_to_words

        text = self.project.text(document_id)
        if unit == "words":
            return snap_to_words(text, start, end)
        if unit == "sentence":
            return sentence_span(text, start, end)
        return clause_span(text, start, end)

    def suggestions(self, document_id: DocumentId) -> list[Suggestion]:
        """Keyword suggestions for the current coder (word boundaries kept per document)."""
        from annotator.segmentation import word_spans
        from annotator.suggestions import word_boundaries

        if document_id not in self._boundaries:
            text = self.project.text(document_id)
            self._boundaries = {document_id: word_boundaries(word_spans(text))}
        return self.project.suggestions(document_id, self._boundaries[document_id])

    def subtree(self, code_id: CodeId) -> list[Code]:
        """The code and every code below it."""
        return self.project.subtree(code_id)

    def code_usage(self, code_id: CodeId) -> tuple[int, int]:
        """Codes and codings that deleting ``code_id`` removes."""
        return self.project.code_usage(code_id)

    def codebook_suffixes(self) -> tuple[str, ...]:
        from annotator.codebooks import SUFFIXES

        return SUFFIXES

    def preload_words(self) -> None:
        """Load the word dictionary in the background (0.5 s) while the user reads."""
        from annotator.segmentation import preload_in_background

        preload_in_background()

    # -- acting ----------------------------------------------------------------
    def run(self, action: Callable[[], T]) -> T | None:
        """Run a user action; a user error (bad input, a file problem) is reported, not raised."""
        try:
            with damage_reported():  # a damaged page met while reading rows
                return action()
        except (AnnotatorError, OSError) as problem:
            self.report(problem)
            return None

    def report(self, problem: Exception) -> None:
        """Show a user error: damage of the open project is offered a backup instead."""
        if not self._damage_in(problem):
            self.error.emit(str(problem))

    def change_annotation_code(self, annotation_id: AnnotationId, code_id: CodeId) -> None:
        self.project.edit_annotation(annotation_id, code_id=code_id)

    def set_annotation_bounds(self, annotation_id: AnnotationId, start: int, end: int) -> None:
        self.project.edit_annotation(annotation_id, start=start, end=end)

    def add_annotation(
        self, document_id: DocumentId, code_id: CodeId, start: int, end: int
    ) -> Annotation:
        annotation = self.project.add_annotation(document_id, code_id, start, end)
        self.recent_codes = [code_id, *(c for c in self.recent_codes if c != code_id)][:9]
        return annotation

    def set_shortcut(self, code_id: CodeId, shortcut: str) -> CodeId | None:
        return self.project.set_shortcut(code_id, shortcut)

    # The codebook, as the editor changes it: each call is one undoable action.
    def add_code(
        self, fields: dict[str, object], parent_id: CodeId | None, index: int | None = None
    ) -> Code:
        return self.project.create_code(fields, parent_id, index)

    def update_code(self, code_id: CodeId, fields: dict[str, object]) -> None:
        self.project.update_code(code_id, **fields)

    def move_code(self, code_id: CodeId, parent_id: CodeId | None, index: int | None) -> None:
        self.project.move_code(code_id, parent_id, index)

    def merge_codes(self, source_id: CodeId, target_id: CodeId) -> int:
        return self.project.merge_codes(source_id, target_id)

    def split_code(
        self, source_id: CodeId, annotation_ids: list[AnnotationId], fields: dict[str, object]
    ) -> Code:
        return self.project.split_code(source_id, annotation_ids, **fields)

    def recode_annotations(self, annotation_ids: list[AnnotationId], code_id: CodeId) -> int:
        return self.project.recode_annotations(annotation_ids, code_id)

    def delete_code(self, code_id: CodeId) -> None:
        self.project.delete_code(code_id)

    def import_codebook(self, path: Path) -> MergeReport:
        from annotator.codebooks import read_codebook

        return self.project.merge_codebook(read_codebook(path))

    def export_codebook(self, path: Path, language: str) -> int:
        from annotator.codebooks import write_codebook

        codebook = self.project.codebook()
        write_codebook(codebook, path, language)
        return len(codebook.codes)

    def accept_suggestions(self, document_id: DocumentId, chosen: list[Suggestion]) -> None:
        self.project.accept_suggestions(document_id, chosen)

    def reject_suggestions(self, document_id: DocumentId, chosen: list[Suggestion]) -> None:
        self.project.reject_suggestions(document_id, chosen)

    def delete_annotations(self, annotation_ids: Sequence[AnnotationId]) -> None:
        self.project.delete_annotations(annotation_ids)

    def update_document(self, document_id: DocumentId, fields: dict[str, str | None]) -> None:
        self.project.update_document(document_id, **fields)

    def import_log(self, document_id: DocumentId) -> tuple[str, ...]:
        return self.project.import_log(document_id)

    def set_annotation_memo(self, annotation_id: AnnotationId, memo: str) -> None:
        self.project.edit_annotation(annotation_id, memo=memo)

    @staticmethod
    def prepare_file(path: Path) -> PreparedFile:
        """Read and clean one file for review; touches no project, so any thread may call it."""
        from annotator.importing.prepare import prepare_file

        return prepare_file(path)

    def import_prepared(self, prepared: Sequence[PreparedFile]) -> list[ImportResult]:
        from annotator.importing.batch import import_prepared

        return import_prepared(self.project, prepared)

    # -- undo ------------------------------------------------------------------
    def undo(self) -> Changes:
        return self.project.undo()

    def redo(self) -> Changes:
        return self.project.redo()

    @property
    def can_undo(self) -> bool:
        return self.has_project and self.project.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self.has_project and self.project.history.can_redo

    @property
    def undo_text(self) -> str:
        return self.project.history.undo_text if self.has_project else ""

    @property
    def redo_text(self) -> str:
        return self.project.history.redo_text if self.has_project else ""
