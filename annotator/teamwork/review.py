"""The review queue: every coding a reviewer must decide on, with its state.

A coding's state is its latest decision (accepted or rejected) or ``pending``;
comments never change it. Decisions are reviews (reviewer, time, comment),
recorded by :class:`~annotator.commands.ReviewAnnotation`, and undoable. A
reviewer who corrects a coding's code or bounds does it with
:class:`ReviseAnnotation`: the edit and an "accepted" review that records
what it was before, in one step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from annotator.commands import EditAnnotation, ReviewAnnotation
from annotator.commands.base import Command, Composite, Stores
from annotator.errors import ValidationError
from annotator.models import (
    Annotation,
    AnnotationId,
    CodeId,
    CoderId,
    DocumentId,
    Review,
    ReviewStatus,
)
from annotator.project import Project

PENDING = "pending"
#: The states a queue can be filtered by, in the order the GUI lists them.
STATES = (PENDING, ReviewStatus.ACCEPTED.value, ReviewStatus.REJECTED.value)


@dataclass(frozen=True, slots=True)
class QueueItem:
    annotation: Annotation
    state: str
    comments: int


@dataclass(frozen=True, slots=True)
class Progress:
    decided: int
    total: int

    @property
    def share(self) -> float:
        return self.decided / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """What the reviews of one coding add up to: its state, who decided it last and
    when, and every comment in time order."""

    state: str = PENDING
    reviewer_id: CoderId | None = None
    decided: str = ""
    comments: tuple[str, ...] = ()


def summaries(reviews: Iterable[Review]) -> dict[AnnotationId, ReviewSummary]:
    """Per reviewed coding (reviews in time order): its summary."""
    found: dict[AnnotationId, ReviewSummary] = {}
    for review in reviews:
        summary = found.get(review.annotation_id, ReviewSummary())
        if review.status is not ReviewStatus.COMMENTED:
            summary = replace(
                summary,
                state=review.status.value,
                reviewer_id=review.reviewer_id,
                decided=review.created,
            )
        if review.comment:
            summary = replace(summary, comments=(*summary.comments, review.comment))
        found[review.annotation_id] = summary
    return found


def _states(reviews: Iterable[Review]) -> dict[AnnotationId, tuple[str, int]]:
    """Per reviewed coding: its state and number of comments."""
    return {i: (s.state, len(s.comments)) for i, s in summaries(reviews).items()}


def review_queue(
    project: Project,
    *,
    coder_ids: Collection[CoderId] | None = None,
    code_ids: Collection[CodeId] | None = None,
    document_ids: Collection[DocumentId] | None = None,
    states: Collection[str] | None = None,
) -> list[QueueItem]:
    """The codings that pass every given filter, in document and text order."""
    reviewed = _states(project.stores.reviews.all())
    items = []
    for a in project.annotations(code_ids=code_ids):
        if coder_ids is not None and a.coder_id not in coder_ids:
            continue
        if document_ids is not None and a.document_id not in document_ids:
            continue
        state, comments = reviewed.get(a.id, (PENDING, 0))
        if states is None or state in states:
            items.append(QueueItem(a, state, comments))
    return items


def queue_items(project: Project, annotation_ids: Collection[AnnotationId]) -> list[QueueItem]:
    """The current queue items of some codings (to update a shown queue in place)."""
    found = project.annotations_by_id(annotation_ids)
    states = _states(project.reviews(found))
    return [QueueItem(a, *states.get(i, (PENDING, 0))) for i, a in found.items()]


def progress(items: Sequence[QueueItem]) -> tuple[Progress, dict[DocumentId, Progress]]:
    """Decided codings out of all, overall and per document."""
    totals: Counter[DocumentId] = Counter(item.annotation.document_id for item in items)
    decided: Counter[DocumentId] = Counter(
        item.annotation.document_id for item in items if item.state != PENDING
    )
    per_document = {d: Progress(decided[d], total) for d, total in totals.items()}
    return Progress(sum(decided.values()), len(items)), per_document


class ReviseAnnotation(Composite):
    """A reviewer's correction: new code and/or bounds, and an accepting review saying
    what the coding was (one undo step)."""

    action = "revise_annotation"

    def __init__(
        self,
        annotation_id: AnnotationId,
        reviewer: str,
        *,
        code_id: CodeId | None = None,
        start: int | None = None,
        end: int | None = None,
        comment: str = "",
    ) -> None:
        super().__init__()
        if code_id is None and start is None and end is None:
            raise ValidationError("没有要修改的内容 / Nothing to change")
        self.annotation_id, self.reviewer, self.comment = annotation_id, reviewer, comment
        self.code_id, self.start, self.end = code_id, start, end

    @property
    def text(self) -> str:
        return "审阅修改标注 / Revise annotation"

    def plan(self, stores: Stores) -> Iterator[Command]:
        before = stores.annotations.get(self.annotation_id)
        code = stores.codes.get(before.code_id)
        was = f"原为 / was: {code.key or code.name} [{before.start}, {before.end})"
        yield EditAnnotation(
            self.annotation_id, code_id=self.code_id, start=self.start, end=self.end
        )
        comment = f"{was}; {self.comment}" if self.comment else was
        yield ReviewAnnotation(self.annotation_id, self.reviewer, ReviewStatus.ACCEPTED, comment)

    def payload(self) -> Mapping[str, object]:
        return {"id": self.annotation_id, "code_id": self.code_id}
