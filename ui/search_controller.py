"""The controller's part for corpus search: the hits of a query as keyword-in-context
lines, and coding many hits at once (planned first, then one undo step). A mixin
of :class:`ui.controller.ProjectController` (one controller; the file is apart
only to keep each file short)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.models import CodeId, DocumentId
from annotator.project import Project

if TYPE_CHECKING:
    from annotator.commands.hits import Place
    from annotator.search import Hit, SearchResult

#: How many hits a search shows (the summary gives the full count).
SEARCH_LIMIT = 1000


class SearchMixin:
    project: Project
    recent_codes: list[CodeId]

    def search(self, query: str, regex: bool = False, limit: int = SEARCH_LIMIT) -> SearchResult:
        """Every hit of ``query`` in the project; the first ``limit`` as lines."""
        from annotator import search as corpus

        return corpus.search(self.project, query, regex=regex, limit=limit)

    def plan_hits(self, hits: Sequence[Hit], code_id: CodeId, extent: str) -> list[Place]:
        """The places coding ``hits`` with ``code_id`` would add (nothing changes)."""
        from annotator.commands.hits import plan_hits

        project = self.project
        return plan_hits(project.stores, _spans(hits), code_id, project.coder, extent)

    def code_hits(self, hits: Sequence[Hit], code_id: CodeId, extent: str) -> int:
        """Code the planned places (one undo step); returns how many were added."""
        added = self.project.code_hits(_spans(hits), code_id, extent)
        self.recent_codes = [code_id, *(c for c in self.recent_codes if c != code_id)][:9]
        return added

    def place_units(self, places: Sequence[Place]) -> list[str]:
        """The unit number (``5-1-1-3``, or ``5-1-1-3~5-1-1-4``) of each place."""
        from annotator.units import unit_index

        numbers = self.project.stores.documents.search.numbers()
        return [
            unit_index(self.project.text(p.document_id)).label(
                numbers[p.document_id], p.start, p.end
            )
            for p in places
        ]


def _spans(hits: Sequence[Hit]) -> list[tuple[DocumentId, int, int]]:
    return [(hit.document_id, hit.start, hit.end) for hit in hits]
