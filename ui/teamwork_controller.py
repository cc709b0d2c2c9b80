"""The controller's part for several coders: review, compare, consensus, agreement,
hand-out and merge. A mixin of :class:`ui.controller.ProjectController` (one
controller; the file is apart only to keep each file short)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.models import AnnotationId, CodeId, CoderId, DocumentId, ReviewStatus
from annotator.project import Project

if TYPE_CHECKING:
    from annotator.agreement.disagreements import Cluster
    from annotator.agreement.report import ReliabilityReport
    from annotator.teamwork.handout import Handout
    from annotator.teamwork.merge import CopyReport
    from annotator.teamwork.review import QueueItem


class TeamworkMixin:
    project: Project

    # -- review ----------------------------------------------------------------
    def review_queue(
        self,
        *,
        coder_ids: Collection[CoderId] | None = None,
        code_ids: Collection[CodeId] | None = None,
        document_ids: Collection[DocumentId] | None = None,
        states: Collection[str] | None = None,
    ) -> list[QueueItem]:
        from annotator.teamwork.review import review_queue

        return review_queue(
            self.project, coder_ids=coder_ids, code_ids=code_ids,
            document_ids=document_ids, states=states,
        )  # fmt: skip

    def queue_items(self, annotation_ids: Collection[AnnotationId]) -> list[QueueItem]:
        from annotator.teamwork.review import queue_items

        return queue_items(self.project, annotation_ids)

    def review(self, annotation_id: AnnotationId, status: ReviewStatus, comment: str = "") -> None:
        self.project.review_annotation(annotation_id, status, comment)

    def revise(
        self,
        annotation_id: AnnotationId,
        *,
        code_id: CodeId | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> None:
        self.project.revise_annotation(annotation_id, code_id=code_id, start=start, end=end)

    def rejected_in(self, document_id: DocumentId) -> set[AnnotationId]:
        decisions = self.project.decisions(document_id)
        return {a for a, status in decisions.items() if status is ReviewStatus.REJECTED}

    # -- compare and consensus -------------------------------------------------
    def compare(
        self, coder_ids: Sequence[CoderId], document_ids: Sequence[DocumentId] | None = None
    ) -> list[Cluster]:
        from annotator.agreement.disagreements import compare

        return compare(self.project, coder_ids, document_ids)

    def adopt(self, annotation_ids: Sequence[AnnotationId]) -> list[AnnotationId]:
        return self.project.adopt_annotations(annotation_ids)

    def consensus_id(self) -> CoderId | None:
        from annotator.teamwork.consensus import consensus_id

        return consensus_id(self.project.stores)

    # -- agreement -------------------------------------------------------------
    def reliability(
        self,
        names: Sequence[str],
        unit: str,
        document_ids: Sequence[DocumentId] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ReliabilityReport:
        from annotator.agreement.report import reliability_report

        return reliability_report(self.project, names, unit, document_ids, progress)

    def export_reliability(
        self,
        path: Path,
        report: ReliabilityReport,
        document_ids: Sequence[DocumentId] | None,
        language: str,
    ) -> int:
        """Write the 信度 and 分歧 sheets; returns the number of disagreements."""
        from annotator.agreement.disagreements import compare, disagreements
        from annotator.exporting.reliability import export_reliability

        coders = [self.project.coder_by_name(name).id for name in report.coders]
        found = disagreements(compare(self.project, coders, document_ids))
        export_reliability(self.project, report, found, path, language)
        return len(found)

    # -- hand-out and merge ----------------------------------------------------
    def hand_out(
        self, path: Path, coder: str, document_ids: Sequence[DocumentId] | None
    ) -> Handout:
        from annotator.teamwork.handout import hand_out

        return hand_out(self.project, path, coder, document_ids)

    def merge_copies(self, paths: Sequence[Path]) -> list[CopyReport]:
        from annotator.teamwork.merge import merge_copies

        return merge_copies(self.project, paths)

    def handout_coder(self) -> str | None:
        """The coder an open hand-out copy was made for (None: not a copy)."""
        from annotator.teamwork.handout import handout_info

        info = handout_info(self.project)
        return None if info is None else str(info.get("coder") or "") or None
