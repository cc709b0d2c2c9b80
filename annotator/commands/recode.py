"""Moving codings between codes: recode, merge two codes, split a code.

Two codings of one span by one coder with one code are not allowed (the
schema refuses them), so a coding that would become a copy of another is
folded into it: its memo is added to the other's and its reviews move there.
Nothing the coders or reviewers wrote is lost, and undo restores both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping

from annotator.changes import Changes
from annotator.commands.annotations import EditAnnotation
from annotator.commands.base import Command, Composite, Stores
from annotator.commands.codes import AddCode, DeleteCode, MoveCode, descendants
from annotator.errors import ValidationError
from annotator.models import Annotation, AnnotationId, Code, CodeId, Review


class FoldAnnotation(Command):
    """Remove a coding in favour of its copy ``into``: memo appended, reviews moved."""

    action = "fold_annotation"

    def __init__(self, annotation_id: AnnotationId, into_id: AnnotationId) -> None:
        self.annotation_id, self.into_id = annotation_id, into_id
        self.removed: Annotation | None = None
        self.reviews: list[Review] = []
        self.into_before: Annotation | None = None
        self.into_after: Annotation | None = None

    @property
    def text(self) -> str:
        return "合并重复标注 / Fold duplicate annotation"

    def apply(self, stores: Stores) -> Changes:
        if self.into_after is None:
            self.removed = stores.annotations.get(self.annotation_id)
            self.reviews = stores.reviews.for_annotations([self.annotation_id])
            self.into_before = stores.annotations.get(self.into_id)
            memo = _joined(self.into_before.memo, self.removed.memo)
            self.into_after = dataclasses.replace(self.into_before, memo=memo, updated=stores.now())
        for review in self.reviews:
            stores.reviews.delete(review.id)
            stores.reviews.insert(dataclasses.replace(review, annotation_id=self.into_id))
        stores.annotations.delete(self.annotation_id)
        stores.annotations.replace(self.into_after)
        return self._changes()

    def revert(self, stores: Stores) -> Changes:
        assert self.removed is not None
        assert self.into_before is not None
        stores.annotations.replace(self.into_before)
        stores.annotations.insert(self.removed)
        for review in self.reviews:
            stores.reviews.delete(review.id)
            stores.reviews.insert(review)
        return self._changes()

    def _changes(self) -> Changes:
        assert self.into_before is not None
        return Changes.of(
            annotations=[self.annotation_id, self.into_id],
            annotated_documents=[self.into_before.document_id],
        )


def _joined(first: str, second: str) -> str:
    """Both memos, the second on its own line (not repeated if it is already a line)."""
    if not second or second == first or second in first.split("\n"):
        return first
    return f"{first}\n{second}" if first else second


class RecodeAnnotations(Composite):
    """Give codings another code (a copy of an existing coding folds into it)."""

    action = "recode_annotations"

    def __init__(self, annotation_ids: list[AnnotationId], code_id: CodeId) -> None:
        super().__init__()
        self.annotation_ids = list(dict.fromkeys(annotation_ids))
        self.code_id = code_id
        #: How many codings were folded into a copy (known after the first apply).
        self.folded = 0

    @property
    def text(self) -> str:
        count = len(self.annotation_ids)
        return f"将 {count} 个标注改为另一编码 / Move {count} annotations to another code"

    def plan(self, stores: Stores) -> Iterator[Command]:
        if not self.annotation_ids:
            raise ValidationError("没有选中标注 / No annotations chosen")
        target = stores.codes.get(self.code_id)
        if target.archived:  # also when every coding would fold into a copy
            raise ValidationError(f"编码已归档 / The code is archived: {target.key or target.name}")
        for annotation_id in self.annotation_ids:
            annotation = stores.annotations.get(annotation_id)
            if annotation.code_id == self.code_id:
                continue
            copy = stores.annotations.same_as(annotation, self.code_id)
            if copy is None:
                yield EditAnnotation(annotation_id, code_id=self.code_id)
            else:
                self.folded += 1
                yield FoldAnnotation(annotation_id, copy.id)

    def payload(self) -> Mapping[str, object]:
        return {"ids": self.annotation_ids, "code_id": self.code_id, "folded": self.folded}


class MergeCodes(Composite):
    """Merge ``source`` into ``target``: its codings and sub-codes move, then it goes."""

    action = "merge_codes"

    def __init__(self, source_id: CodeId, target_id: CodeId) -> None:
        super().__init__()
        self.source_id, self.target_id = source_id, target_id
        self.moved = 0

    @property
    def text(self) -> str:
        return "合并编码 / Merge codes"

    def plan(self, stores: Stores) -> Iterator[Command]:
        source, target = stores.codes.get(self.source_id), stores.codes.get(self.target_id)
        if target.id in {code.id for code in descendants(stores, source.id)}:
            raise ValidationError(
                "不能把编码合并到它自己或它的下级 / A code cannot merge into itself or its sub-code"
            )
        if target.archived:
            raise ValidationError(f"编码已归档 / The code is archived: {target.key or target.name}")
        codings = [a.id for a in stores.annotations.query(code_ids=[source.id])]
        self.moved = len(codings)
        if codings:
            yield RecodeAnnotations(codings, target.id)
        for child in stores.codes.children(source.id):
            yield MoveCode(child.id, target.id)
        yield DeleteCode(source.id)

    def payload(self) -> Mapping[str, object]:
        return {"source": self.source_id, "target": self.target_id, "annotations": self.moved}


class SplitCode(Composite):
    """A new code beside ``source`` (just after it), and the chosen codings moved to it."""

    action = "split_code"

    def __init__(
        self, source_id: CodeId, fields: Mapping[str, object], annotation_ids: list[AnnotationId]
    ) -> None:
        super().__init__()
        self.source_id, self.fields = source_id, dict(fields)
        self.annotation_ids = annotation_ids
        #: The new code, once applied.
        self.code: Code | None = None

    @property
    def text(self) -> str:
        return "拆分编码 / Split code"

    def plan(self, stores: Stores) -> Iterator[Command]:
        source = stores.codes.get(self.source_id)
        wrong = [
            a.id for a in stores.annotations.by_ids(self.annotation_ids).values()
            if a.code_id != source.id
        ]  # fmt: skip
        if wrong or not self.annotation_ids:
            raise ValidationError(
                "只能拆出该编码自己的标注 / Choose annotations of the code being split"
            )
        siblings = [c.id for c in stores.codes.children(source.parent_id)]
        add = AddCode(self.fields, source.parent_id, siblings.index(source.id) + 1)
        yield add
        assert add.code is not None
        self.code = add.code
        yield RecodeAnnotations(self.annotation_ids, add.code.id)

    def payload(self) -> Mapping[str, object]:
        new = None if self.code is None else self.code.id
        return {"source": self.source_id, "code_id": new, "ids": self.annotation_ids}
