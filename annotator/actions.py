"""Everything a user can change in a project, one method per action.

Each method builds a command and runs it through :meth:`execute` (one
transaction, one history line, one undo step) and returns what the user
wants back (the new annotation, code…). :class:`~annotator.project.Project`
inherits these; they need only ``execute``, ``history`` and ``coder``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from annotator import commands
from annotator.changes import Changes
from annotator.commands import Command
from annotator.errors import ValidationError
from annotator.history import History
from annotator.models import (
    Annotation,
    AnnotationId,
    Code,
    CodeId,
    Coder,
    CoderId,
    Document,
    DocumentId,
    NewDocument,
    Review,
    ReviewStatus,
)
from annotator.suggestions import Suggestion

if TYPE_CHECKING:  # codebooks import the project: load them when a codebook is merged
    from annotator.codebooks.model import Codebook, MergeReport


class ProjectActions:
    history: History
    stores: commands.Stores

    @property
    def coder(self) -> str:
        return self.history.actor

    @coder.setter
    def coder(self, name: str) -> None:
        self.history.actor = name.strip()

    # -- changing --------------------------------------------------------------
    def execute(self, command: Command) -> Changes:
        return self.history.execute(command)

    def undo(self) -> Changes:
        return self.history.undo()

    def redo(self) -> Changes:
        return self.history.redo()

    def add_documents(self, documents: Sequence[NewDocument]) -> list[Document]:
        command = commands.AddDocuments(documents)
        self.execute(command)
        return command.documents

    def update_document(self, document_id: DocumentId, **fields: object) -> None:
        self.execute(commands.UpdateDocument(document_id, fields))

    def delete_document(self, document_id: DocumentId) -> None:
        self.execute(commands.DeleteDocument(document_id))

    def add_code(
        self, *, parent_id: CodeId | None = None, index: int | None = None, **fields: object
    ) -> Code:
        return self.create_code(fields, parent_id, index)

    def create_code(
        self,
        fields: Mapping[str, object],
        parent_id: CodeId | None = None,
        index: int | None = None,
    ) -> Code:
        """:meth:`add_code` with the fields as a mapping (from a form or a command line)."""
        command = commands.AddCode(fields, parent_id, index)
        self.execute(command)
        assert command.code is not None
        return command.code

    def merge_codebook(self, codebook: Codebook) -> MergeReport:
        """Merge a codebook file's codes (by key, then uuid); one undo step."""
        from annotator.codebooks.merge import MergeCodebook

        command = MergeCodebook(codebook)
        self.execute(command)
        return command.report

    def update_code(self, code_id: CodeId, **fields: object) -> None:
        self.execute(commands.UpdateCode(code_id, fields))

    def set_shortcut(self, code_id: CodeId, shortcut: str) -> CodeId | None:
        """Give the code ``shortcut`` ("" removes it); returns the code it was taken from."""
        command = commands.SetShortcut(code_id, shortcut)
        self.execute(command)
        return command.taken_from

    def move_code(
        self, code_id: CodeId, parent_id: CodeId | None, index: int | None = None
    ) -> None:
        self.execute(commands.MoveCode(code_id, parent_id, index))

    def delete_code(self, code_id: CodeId) -> None:
        self.execute(commands.DeleteCode(code_id))

    def merge_codes(self, source_id: CodeId, target_id: CodeId) -> int:
        """Merge ``source`` into ``target``; returns the number of codings that moved."""
        command = commands.MergeCodes(source_id, target_id)
        self.execute(command)
        return command.moved

    def split_code(
        self, source_id: CodeId, annotation_ids: list[AnnotationId], **fields: object
    ) -> Code:
        """A new code beside ``source`` with the chosen codings of it."""
        command = commands.SplitCode(source_id, fields, annotation_ids)
        self.execute(command)
        assert command.code is not None
        return command.code

    def recode_annotations(self, annotation_ids: list[AnnotationId], code_id: CodeId) -> int:
        """Move codings to ``code_id``; returns how many folded into an existing copy."""
        command = commands.RecodeAnnotations(annotation_ids, code_id)
        self.execute(command)
        return command.folded

    def accept_suggestions(
        self, document_id: DocumentId, suggestions: Sequence[Suggestion]
    ) -> None:
        self.execute(commands.AcceptSuggestions(document_id, suggestions, self.coder))

    def reject_suggestions(
        self, document_id: DocumentId, suggestions: Sequence[Suggestion]
    ) -> None:
        self.execute(commands.RejectSuggestions(document_id, suggestions, self.coder))

    def code_hits(
        self,
        hits: Iterable[tuple[DocumentId, int, int]],
        code_id: CodeId,
        extent: str = "hit",
    ) -> int:
        """Code search hits (or their sentences or clauses) in one undo step; returns
        how many codings were added (places already coded are left out)."""
        from annotator.commands.hits import plan_hits

        places = plan_hits(self.stores, hits, code_id, self.coder, extent)
        if places:  # all coded already: nothing to do, and no empty undo step
            self.execute(commands.CodeHits(places, code_id, self.coder))
        return len(places)

    def set_word_lists(self, dictionary: Sequence[str], stopwords: Sequence[str]) -> None:
        """The project's own dictionary terms and stop words for word frequency."""
        from annotator.wordfreq import SetWordLists, WordLists

        self.execute(SetWordLists(WordLists(tuple(dictionary), tuple(stopwords))))

    def add_coder(self, name: str) -> Coder:
        command = commands.AddCoder(name)
        self.execute(command)
        assert command.coder is not None
        return command.coder

    def rename_coder(self, coder_id: CoderId, name: str) -> None:
        self.execute(commands.RenameCoder(coder_id, name))

    def add_annotation(
        self,
        document_id: DocumentId,
        code_id: CodeId,
        start: int,
        end: int,
        *,
        coder: str | None = None,
        memo: str = "",
        expected_quote: str | None = None,
    ) -> Annotation:
        name = self._coder_name(coder)
        command = commands.AddAnnotation(
            document_id, code_id, name, start, end, memo, expected_quote
        )
        self.execute(command)
        assert command.annotation is not None
        return command.annotation

    def edit_annotation(
        self,
        annotation_id: AnnotationId,
        *,
        code_id: CodeId | None = None,
        start: int | None = None,
        end: int | None = None,
        memo: str | None = None,
    ) -> Annotation:
        command = commands.EditAnnotation(
            annotation_id, code_id=code_id, start=start, end=end, memo=memo
        )
        self.execute(command)
        assert command.after is not None
        return command.after

    def delete_annotations(self, annotation_ids: Sequence[AnnotationId]) -> None:
        self.execute(commands.DeleteAnnotations(list(annotation_ids)))

    def review_annotation(
        self,
        annotation_id: AnnotationId,
        status: ReviewStatus,
        comment: str = "",
        *,
        reviewer: str | None = None,
    ) -> Review:
        command = commands.ReviewAnnotation(
            annotation_id, self._coder_name(reviewer), status, comment
        )
        self.execute(command)
        assert command.review is not None
        return command.review

    def revise_annotation(
        self,
        annotation_id: AnnotationId,
        *,
        code_id: CodeId | None = None,
        start: int | None = None,
        end: int | None = None,
        comment: str = "",
        reviewer: str | None = None,
    ) -> None:
        """A reviewer's correction of code or bounds, recorded as an accepting review."""
        from annotator.teamwork.review import ReviseAnnotation

        self.execute(
            ReviseAnnotation(
                annotation_id,
                self._coder_name(reviewer),
                code_id=code_id,
                start=start,
                end=end,
                comment=comment,
            )
        )

    def adopt_annotations(self, annotation_ids: Sequence[AnnotationId]) -> list[AnnotationId]:
        """Copy codings into the consensus layer; returns the new consensus codings."""
        from annotator.teamwork.consensus import AdoptAnnotations, not_yet_adopted

        wanted = not_yet_adopted(self.stores, annotation_ids)
        if not wanted:  # no empty step in the undo history
            return []
        command = AdoptAnnotations(wanted)
        self.execute(command)
        return command.adopted

    def _coder_name(self, explicit: str | None) -> str:
        name = (explicit or self.coder).strip()
        if not name:
            raise ValidationError("请先设置编码员 / Set a coder name first")
        return name
