"""Accepting and rejecting keyword suggestions (one undo step per batch)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from annotator.changes import Changes
from annotator.commands.annotations import AddAnnotation
from annotator.commands.base import CoderSlot, Command, Composite, Stores
from annotator.errors import ValidationError
from annotator.models import DocumentId
from annotator.suggestions import Suggestion


def _count(suggestions: Sequence[Suggestion]) -> str:
    return "" if len(suggestions) == 1 else f" ×{len(suggestions)}"


class AcceptSuggestions(Composite):
    """Each suggestion becomes an ordinary coding, marked as from a suggestion."""

    action = "accept_suggestions"

    def __init__(
        self, document_id: DocumentId, suggestions: Sequence[Suggestion], coder: str
    ) -> None:
        super().__init__()
        self.document_id, self.suggestions, self.coder = document_id, list(suggestions), coder

    @property
    def text(self) -> str:
        return f"接受建议 / Accept suggestion{_count(self.suggestions)}"

    def plan(self, _stores: Stores) -> Iterator[Command]:
        if not self.suggestions:
            raise ValidationError("没有可接受的建议 / No suggestions to accept")
        for s in self.suggestions:
            yield AddAnnotation(
                self.document_id, s.code_id, self.coder, s.start, s.end, origin="suggestion"
            )

    def payload(self) -> Mapping[str, object]:
        return {"document_id": self.document_id, "count": len(self.suggestions)}


class RejectSuggestions(Command):
    """Remember that these suggestions are wrong for this document."""

    action = "reject_suggestions"

    def __init__(
        self, document_id: DocumentId, suggestions: Sequence[Suggestion], coder: str
    ) -> None:
        self.document_id, self.suggestions = document_id, list(suggestions)
        self._coder = CoderSlot(coder)
        self._ids: list[int] = []
        self._created = ""

    @property
    def text(self) -> str:
        return f"拒绝建议 / Reject suggestion{_count(self.suggestions)}"

    def apply(self, stores: Stores) -> Changes:
        if not self.suggestions:
            raise ValidationError("没有可拒绝的建议 / No suggestions to reject")
        stores.documents.get(self.document_id)  # raises NotFoundError
        coder, changes = self._coder.acquire(stores)
        self._created = self._created or stores.now()
        ids: list[int | None] = list(self._ids) or [None] * len(self.suggestions)  # redo: same
        self._ids = [
            stores.rejections.insert(self.document_id, s.span, coder.id, self._created, i)
            for s, i in zip(self.suggestions, ids, strict=True)
        ]
        return changes | Changes.of(suggestions=[self.document_id])

    def revert(self, stores: Stores) -> Changes:
        for rejection_id in self._ids:
            stores.rejections.delete(rejection_id)
        return self._coder.release(stores) | Changes.of(suggestions=[self.document_id])

    def payload(self) -> Mapping[str, object]:
        return {"document_id": self.document_id, "count": len(self.suggestions)}
