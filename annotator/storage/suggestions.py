"""SQL for ``rejected_suggestions``: keyword suggestions a coder turned down."""

from __future__ import annotations

from annotator.models import CodeId, CoderId, DocumentId
from annotator.storage.database import Database

#: A rejected suggestion: (code, start, end) within one document.
Span = tuple[CodeId, int, int]


class RejectionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(
        self,
        document_id: DocumentId,
        span: Span,
        coder_id: CoderId,
        created: str,
        rejection_id: int | None = None,
    ) -> int:
        """Store a rejection (with ``rejection_id`` again on redo); returns its id."""
        cursor = self._db.execute(
            "INSERT INTO rejected_suggestions"
            " (id, document_id, code_id, start_offset, end_offset, coder_id, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (rejection_id, document_id, *span, coder_id, created),
        )
        return int(cursor.lastrowid or 0)

    def delete(self, rejection_id: int) -> None:
        self._db.execute("DELETE FROM rejected_suggestions WHERE id = ?", (rejection_id,))

    def for_document(self, document_id: DocumentId, coder_id: CoderId | None = None) -> set[Span]:
        """The rejected spans of a document: everyone's, or one coder's."""
        by_coder, params = ("", ()) if coder_id is None else (" AND coder_id = ?", (coder_id,))
        rows = self._db.execute(
            "SELECT code_id, start_offset, end_offset FROM rejected_suggestions"
            f" WHERE document_id = ?{by_coder}",
            (document_id, *params),
        )
        return {(CodeId(row[0]), row[1], row[2]) for row in rows}
