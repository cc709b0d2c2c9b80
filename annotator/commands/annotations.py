"""Commands on annotations: add, edit (code, bounds, memo), delete, review."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from annotator.changes import Changes
from annotator.commands.base import CoderSlot, Command, Stores, new_uuid
from annotator.errors import ValidationError
from annotator.models import (
    Annotation,
    AnnotationId,
    CodeId,
    CoderId,
    DocumentId,
    Review,
    ReviewId,
    ReviewStatus,
)


def quote_at(stores: Stores, document_id: DocumentId, start: int, end: int) -> str:
    """The text at ``[start, end)`` in code points, after checking the bounds."""
    text = stores.documents.text(document_id)
    if not 0 <= start < end <= len(text):
        raise ValidationError(
            f"位置超出文档范围 / Offsets out of range: [{start}, {end}) in a document of "
            f"{len(text)} characters"
        )
    return text[start:end]


def _check_code_usable(stores: Stores, code_id: CodeId) -> None:
    code = stores.codes.get(code_id)
    if code.archived:
        raise ValidationError(f"编码已归档 / The code is archived: {code.key or code.name}")


def _changes(annotation: Annotation) -> Changes:
    return Changes.of(annotations=[annotation.id], annotated_documents=[annotation.document_id])


class AddAnnotation(Command):
    action = "add_annotation"

    def __init__(
        self,
        document_id: DocumentId,
        code_id: CodeId,
        coder: str,
        start: int,
        end: int,
        memo: str = "",
        expected_quote: str | None = None,
        origin: str = "manual",
    ) -> None:
        self.document_id, self.code_id = document_id, code_id
        self.origin = origin
        self.start, self.end, self.memo = start, end, memo
        self.expected_quote = expected_quote
        self._coder = CoderSlot(coder)
        #: The annotation as stored, once applied.
        self.annotation: Annotation | None = None

    @property
    def text(self) -> str:
        return "添加标注 / Add annotation"

    def apply(self, stores: Stores) -> Changes:
        if self.annotation is None:
            quote = quote_at(stores, self.document_id, self.start, self.end)
            if self.expected_quote is not None and quote != self.expected_quote:
                raise ValidationError(
                    f"引文与文档不符 / The quote does not match the text at [{self.start},"
                    f" {self.end}): expected {self.expected_quote!r}, found {quote!r}"
                )
            _check_code_usable(stores, self.code_id)
        coder, changes = self._coder.acquire(stores)
        if self.annotation is None:
            now = stores.now()
            draft = Annotation(
                AnnotationId(0), new_uuid(), self.document_id, self.code_id, coder.id,
                self.start, self.end, quote, self.memo, now, now, self.origin,
            )  # fmt: skip
            self.annotation = dataclasses.replace(draft, id=stores.annotations.insert(draft))
        else:
            stores.annotations.insert(self.annotation)
        return changes | _changes(self.annotation)

    def revert(self, stores: Stores) -> Changes:
        assert self.annotation is not None
        stores.annotations.delete(self.annotation.id)
        return self._coder.release(stores) | _changes(self.annotation)

    def payload(self) -> Mapping[str, object]:
        a = self.annotation
        return {} if a is None else {"id": a.id, "uuid": a.uuid, "start": a.start, "end": a.end}


class EditAnnotation(Command):
    """Change an annotation's code, bounds or memo (any of them, in one step)."""

    action = "edit_annotation"

    def __init__(
        self,
        annotation_id: AnnotationId,
        *,
        code_id: CodeId | None = None,
        start: int | None = None,
        end: int | None = None,
        memo: str | None = None,
    ) -> None:
        self.annotation_id = annotation_id
        self.code_id, self.start, self.end, self.memo = code_id, start, end, memo
        self.before: Annotation | None = None
        self.after: Annotation | None = None

    @property
    def text(self) -> str:
        if self.code_id is not None:
            return "更改标注编码 / Change annotation code"
        if self.start is not None or self.end is not None:
            return "调整标注范围 / Change annotation bounds"
        return "编辑标注备忘 / Edit annotation memo"

    def apply(self, stores: Stores) -> Changes:
        if self.after is None:
            before = stores.annotations.get(self.annotation_id)
            start = before.start if self.start is None else self.start
            end = before.end if self.end is None else self.end
            code_id = before.code_id if self.code_id is None else self.code_id
            if code_id != before.code_id:
                _check_code_usable(stores, code_id)
            self.before = before
            self.after = dataclasses.replace(
                before,
                code_id=code_id,
                start=start,
                end=end,
                quote=quote_at(stores, before.document_id, start, end),
                memo=before.memo if self.memo is None else self.memo,
                updated=stores.now(),
            )
        stores.annotations.replace(self.after)
        return _changes(self.after)

    def revert(self, stores: Stores) -> Changes:
        assert self.before is not None
        stores.annotations.replace(self.before)
        return _changes(self.before)

    def payload(self) -> Mapping[str, object]:
        a = self.after
        if a is None:
            return {}
        return {"id": a.id, "code_id": a.code_id, "start": a.start, "end": a.end}


class DeleteAnnotations(Command):
    """Delete annotations together with their reviews (restored on undo)."""

    action = "delete_annotations"

    def __init__(self, annotation_ids: list[AnnotationId]) -> None:
        self.annotation_ids = list(dict.fromkeys(annotation_ids))  # each once, in order
        self.removed: list[Annotation] = []
        self.removed_reviews: list[Review] = []

    @property
    def text(self) -> str:
        if len(self.annotation_ids) == 1:
            return "删除标注 / Delete annotation"
        count = len(self.annotation_ids)
        return f"删除 {count} 个标注 / Delete {count} annotations"

    def apply(self, stores: Stores) -> Changes:
        self.removed = [stores.annotations.get(i) for i in self.annotation_ids]
        self.removed_reviews = stores.reviews.for_annotations(self.annotation_ids)
        for review in self.removed_reviews:
            stores.reviews.delete(review.id)
        for annotation in self.removed:
            stores.annotations.delete(annotation.id)
        return Changes.of(
            annotations=self.annotation_ids,
            annotated_documents={a.document_id for a in self.removed},
        )

    def revert(self, stores: Stores) -> Changes:
        for annotation in self.removed:
            stores.annotations.insert(annotation)
        for review in self.removed_reviews:
            stores.reviews.insert(review)
        return Changes.of(
            annotations=self.annotation_ids,
            annotated_documents={a.document_id for a in self.removed},
        )

    def payload(self) -> Mapping[str, object]:
        return {"ids": list(self.annotation_ids), "uuids": [a.uuid for a in self.removed]}


class ReviewAnnotation(Command):
    """Record a reviewer's decision (accept, reject) or comment on an annotation."""

    action = "review_annotation"

    def __init__(
        self, annotation_id: AnnotationId, reviewer: str, status: ReviewStatus, comment: str = ""
    ) -> None:
        self.annotation_id, self.status, self.comment = annotation_id, status, comment
        self._reviewer = CoderSlot(reviewer)
        self.review: Review | None = None

    @property
    def text(self) -> str:
        return {
            ReviewStatus.ACCEPTED: "接受标注 / Accept annotation",
            ReviewStatus.REJECTED: "拒绝标注 / Reject annotation",
            ReviewStatus.COMMENTED: "评论标注 / Comment on annotation",
        }[self.status]

    def apply(self, stores: Stores) -> Changes:
        annotation = stores.annotations.get(self.annotation_id)
        reviewer, changes = self._reviewer.acquire(stores)
        if self.review is None:
            draft = Review(
                ReviewId(0), annotation.id, CoderId(reviewer.id), self.status, self.comment,
                stores.now(),
            )  # fmt: skip
            self.review = dataclasses.replace(draft, id=stores.reviews.insert(draft))
        else:
            stores.reviews.insert(self.review)
        return changes | _changes(annotation)

    def revert(self, stores: Stores) -> Changes:
        assert self.review is not None
        stores.reviews.delete(self.review.id)
        annotation = stores.annotations.get(self.annotation_id)
        return self._reviewer.release(stores) | _changes(annotation)

    def payload(self) -> Mapping[str, object]:
        return {"annotation_id": self.annotation_id, "status": self.status.value}
