"""SQL for the ``annotations`` and ``reviews`` tables."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from annotator.errors import NotFoundError
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
from annotator.storage.database import Database

_COLUMNS = (
    "id, uuid, document_id, code_id, coder_id, start_offset, end_offset, quote, memo,"
    " created, updated, origin"
)


_DECIDED = (
    "EXISTS (SELECT 1 FROM reviews r WHERE r.annotation_id = a.id"
    " AND r.status IN ('accepted', 'rejected'))"
)


def _filters(
    document_id: DocumentId | None, coder_id: CoderId | None
) -> tuple[list[str], list[int]]:
    """WHERE terms and their parameters for an optional document and coder."""
    where: list[str] = []
    params: list[int] = []
    if document_id is not None:
        where.append("document_id = ?")
        params.append(document_id)
    if coder_id is not None:
        where.append("coder_id = ?")
        params.append(coder_id)
    return where, params


def _review(row: tuple[Any, ...]) -> Review:
    return Review(ReviewId(row[0]), row[1], row[2], ReviewStatus(row[3]), row[4], row[5])


def _annotation(row: tuple[Any, ...]) -> Annotation:
    return Annotation(*row)


class AnnotationStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, annotation: Annotation) -> AnnotationId:
        a = annotation
        cursor = self._db.execute(
            f"INSERT INTO annotations ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id or None,
                a.uuid,
                a.document_id,
                a.code_id,
                a.coder_id,
                a.start,
                a.end,
                a.quote,
                a.memo,
                a.created,
                a.updated,
                a.origin,
            ),
        )
        return AnnotationId(int(cursor.lastrowid or 0))

    def get(self, annotation_id: AnnotationId) -> Annotation:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"没有这个标注 / No such annotation: {annotation_id}")
        return _annotation(row)

    def by_ids(self, ids: Iterable[AnnotationId]) -> dict[AnnotationId, Annotation]:
        wanted = list(ids)
        found: dict[AnnotationId, Annotation] = {}
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk : chunk + 500]
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM annotations WHERE id IN ({', '.join('?' * len(part))})",
                part,
            )
            found.update((row[0], _annotation(row)) for row in rows)
        return found

    def query(
        self,
        *,
        document_id: DocumentId | None = None,
        code_ids: Iterable[CodeId] | None = None,
        coder_id: CoderId | None = None,
    ) -> list[Annotation]:
        """Annotations in text order, filtered by document, codes and coder."""
        where, params = _filters(document_id, coder_id)
        if code_ids is not None:
            ids = list(code_ids)
            where.append(f"code_id IN ({', '.join('?' * len(ids))})")
            params.extend(ids)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM annotations {clause}"
            " ORDER BY document_id, start_offset, end_offset, id",
            params,
        )
        return [_annotation(row) for row in rows]

    def same_as(self, annotation: Annotation, code_id: CodeId) -> Annotation | None:
        """The coding of the same span, by the same coder, with ``code_id`` (if any)."""
        a = annotation
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE document_id = ? AND code_id = ?"
            " AND coder_id = ? AND start_offset = ? AND end_offset = ?",
            (a.document_id, code_id, a.coder_id, a.start, a.end),
        ).fetchone()
        return None if row is None else _annotation(row)

    def count(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM annotations"))

    def count_by_document(
        self, document_ids: Collection[DocumentId] | None = None, coder_id: CoderId | None = None
    ) -> dict[DocumentId, int]:
        """Annotations per document: all documents, or only ``document_ids`` (0s included);
        all coders', or one coder's."""
        return self._per_document("1", document_ids, coder_id)

    def decided_by_document(
        self, document_ids: Collection[DocumentId] | None = None, coder_id: CoderId | None = None
    ) -> dict[DocumentId, int]:
        """Annotations per document that a review has accepted or rejected (comments aside)."""
        return self._per_document(_DECIDED, document_ids, coder_id)

    def _per_document(
        self, condition: str, document_ids: Collection[DocumentId] | None, coder: CoderId | None
    ) -> dict[DocumentId, int]:
        by_coder, params = ("", ()) if coder is None else (" AND a.coder_id = ?", (coder,))
        if document_ids is None:
            rows = self._db.execute(
                f"SELECT document_id, count(*) FROM annotations a WHERE {condition}{by_coder}"
                " GROUP BY document_id",
                params,
            )
            return {DocumentId(row[0]): row[1] for row in rows}
        sql = f"SELECT count(*) FROM annotations a WHERE document_id = ? AND {condition}{by_coder}"
        return {d: int(self._db.scalar(sql, (d, *params))) for d in document_ids}

    def count_by_code(
        self, document_id: DocumentId | None = None, coder_id: CoderId | None = None
    ) -> dict[CodeId, int]:
        """Annotations per code, in the whole project or in one document, by all or one coder."""
        where, params = _filters(document_id, coder_id)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.execute(
            f"SELECT code_id, count(*) FROM annotations{clause} GROUP BY code_id", params
        )
        return {CodeId(row[0]): row[1] for row in rows}

    def replace(self, annotation: Annotation) -> None:
        """Write every mutable column of ``annotation`` over the stored row."""
        a = annotation
        self._db.execute(
            "UPDATE annotations SET code_id = ?, coder_id = ?, start_offset = ?, end_offset = ?,"
            " quote = ?, memo = ?, updated = ? WHERE id = ?",
            (a.code_id, a.coder_id, a.start, a.end, a.quote, a.memo, a.updated, a.id),
        )

    def delete(self, annotation_id: AnnotationId) -> None:
        self._db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))


class ReviewStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, review: Review) -> ReviewId:
        cursor = self._db.execute(
            "INSERT INTO reviews (id, annotation_id, reviewer_id, status, comment, created)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                review.id or None,
                review.annotation_id,
                review.reviewer_id,
                review.status.value,
                review.comment,
                review.created,
            ),
        )
        return ReviewId(int(cursor.lastrowid or 0))

    def for_annotations(self, annotation_ids: Iterable[AnnotationId]) -> list[Review]:
        ids = list(annotation_ids)
        reviews: list[Review] = []
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            rows = self._db.execute(
                "SELECT id, annotation_id, reviewer_id, status, comment, created FROM reviews"
                f" WHERE annotation_id IN ({', '.join('?' * len(part))}) ORDER BY id",
                part,
            )
            reviews.extend(_review(r) for r in rows)
        return reviews

    def delete(self, review_id: ReviewId) -> None:
        self._db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))

    def decisions_in(self, document_id: DocumentId) -> dict[AnnotationId, ReviewStatus]:
        """The latest decision on each decided annotation of one document."""
        rows = self._db.execute(
            "SELECT r.annotation_id, r.status FROM reviews r"
            " JOIN annotations a ON a.id = r.annotation_id"
            " WHERE a.document_id = ? AND r.status <> 'commented' ORDER BY r.id",
            (document_id,),
        )
        return {AnnotationId(row[0]): ReviewStatus(row[1]) for row in rows}

    def all(self) -> list[Review]:
        rows = self._db.execute(
            "SELECT id, annotation_id, reviewer_id, status, comment, created FROM reviews"
            " ORDER BY id"
        )
        return [_review(r) for r in rows]


def drifted_annotations(db: Database) -> list[AnnotationId]:
    """Annotations whose stored quote no longer equals the text at their offsets."""
    rows = db.execute(
        "SELECT a.id FROM annotations a JOIN documents d ON d.id = a.document_id"
        " WHERE a.end_offset > d.text_length"
        " OR substr(d.text, a.start_offset + 1, a.end_offset - a.start_offset) <> a.quote"
    )
    return [AnnotationId(row[0]) for row in rows]
