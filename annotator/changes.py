"""What a mutation touched, so that views redraw only that (Anki's ``OpChanges``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.models import AnnotationId, CodeId, CoderId, DocumentId


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids of the rows a command added, changed or removed.

    ``annotated_documents`` names the documents whose annotations changed, so a
    text view knows whether it must repaint without asking for each annotation;
    ``suggestions`` the documents whose rejected keyword suggestions changed.
    """

    documents: frozenset[DocumentId] = field(default_factory=frozenset)
    codes: frozenset[CodeId] = field(default_factory=frozenset)
    coders: frozenset[CoderId] = field(default_factory=frozenset)
    annotations: frozenset[AnnotationId] = field(default_factory=frozenset)
    annotated_documents: frozenset[DocumentId] = field(default_factory=frozenset)
    suggestions: frozenset[DocumentId] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            documents=self.documents | other.documents,
            codes=self.codes | other.codes,
            coders=self.coders | other.coders,
            annotations=self.annotations | other.annotations,
            annotated_documents=self.annotated_documents | other.annotated_documents,
            suggestions=self.suggestions | other.suggestions,
        )

    def __bool__(self) -> bool:
        return bool(
            self.documents or self.codes or self.coders or self.annotations or self.suggestions
        )

    @staticmethod
    def of(
        *,
        documents: Iterable[DocumentId] = (),
        codes: Iterable[CodeId] = (),
        coders: Iterable[CoderId] = (),
        annotations: Iterable[AnnotationId] = (),
        annotated_documents: Iterable[DocumentId] = (),
        suggestions: Iterable[DocumentId] = (),
    ) -> Changes:
        return Changes(
            frozenset(documents),
            frozenset(codes),
            frozenset(coders),
            frozenset(annotations),
            frozenset(annotated_documents),
            frozenset(suggestions),
        )
