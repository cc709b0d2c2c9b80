"""SQL for the ``documents`` table."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from annotator.errors import NotFoundError
from annotator.models import DOCUMENT_FIELDS, Document, DocumentId, Flag
from annotator.storage.database import Database
from annotator.storage.search_index import SearchIndex

#: Document fields stored as plain columns of the same name.
_PLAIN = (
    "id", "uuid", "title", "text_length", "text_sha256", "author", "author_role", "source", "url",
    "published", "date_precision", "region", "region_code", "region_level", "script", "memo",
    "source_path", "imported_at", "near_duplicate_of",
)  # fmt: skip
_COLUMNS = ", ".join((*_PLAIN, "attributes", "flags"))
_TEXT_CACHE_SIZE = 16


@dataclass(frozen=True, slots=True)
class DocumentSnapshot:
    """Everything stored for one document, so that undoing a delete restores it whole."""

    document: Document
    text: str
    raw_text: str
    import_log: tuple[str, ...]
    fingerprint: bytes | None = None


def _document(row: tuple[Any, ...]) -> Document:
    values = dict(zip(_PLAIN, row, strict=False))
    flags = tuple(Flag(**flag) for flag in json.loads(row[-1]))
    return Document(**values, attributes=json.loads(row[-2]), flags=flags)


def flags_json(flags: tuple[Flag, ...]) -> str:
    return json.dumps([dataclasses.asdict(flag) for flag in flags], ensure_ascii=False)


class DocumentStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        # Texts never change once stored (a trigger enforces it), and ids are never
        # reused (AUTOINCREMENT), so a cached text can only go stale by deletion.
        self._texts: dict[DocumentId, str] = {}
        # A rolled-back insert frees its id for reuse: forget what it cached.
        db.rollback_listeners.append(self._texts.clear)
        self.search = SearchIndex(db)

    def insert(self, snapshot: DocumentSnapshot) -> DocumentId:
        doc = snapshot.document
        cursor = self._db.execute(
            "INSERT INTO documents (id, uuid, title, author, author_role, source, url, published,"
            " date_precision, region, region_code, region_level, script, memo, source_path,"
            " imported_at, attributes, raw_text, text, text_length, text_sha256, import_log,"
            " flags, near_duplicate_of, fingerprint)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id or None,
                doc.uuid,
                doc.title,
                doc.author,
                doc.author_role,
                doc.source,
                doc.url,
                doc.published,
                doc.date_precision,
                doc.region,
                doc.region_code,
                doc.region_level,
                doc.script,
                doc.memo,
                doc.source_path,
                doc.imported_at,
                json.dumps(dict(doc.attributes), ensure_ascii=False),
                snapshot.raw_text,
                snapshot.text,
                len(snapshot.text),
                doc.text_sha256,
                json.dumps(list(snapshot.import_log), ensure_ascii=False),
                flags_json(doc.flags),
                doc.near_duplicate_of,
                snapshot.fingerprint,
            ),
        )
        document_id = DocumentId(int(cursor.lastrowid or 0))
        self.search.add(document_id, snapshot.text)
        return document_id

    def get(self, document_id: DocumentId) -> Document:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"没有这个文档 / No such document: {document_id}")
        return _document(row)

    def find(self, reference: str) -> Document:
        """A document by id (digits) or uuid."""
        if reference.isascii() and reference.isdigit():
            number = int(reference)
            if number >= 2**63:
                raise NotFoundError(f"没有这个文档 / No such document: {reference}")
            return self.get(DocumentId(number))
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE uuid = ?", (reference,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"没有这个文档 / No such document: {reference}")
        return _document(row)

    def all(self) -> list[Document]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM documents ORDER BY id")
        return [_document(row) for row in rows]

    def titles(self, document_ids: Iterable[DocumentId]) -> dict[DocumentId, str]:
        """The title (or file name) of some documents: what a list of hits shows,
        without reading whole records."""
        wanted = list(dict.fromkeys(document_ids))
        found: dict[DocumentId, str] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
            part = wanted[start : start + 500]
            rows = self._db.execute(
                "SELECT id, COALESCE(NULLIF(title, ''), source_path, '')"
                f" FROM documents WHERE id IN ({', '.join('?' * len(part))})",
                part,
            )
            found.update({DocumentId(i): title for i, title in rows})
        return found

    def count(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM documents"))

    def id_for_hash(self, sha256: str) -> DocumentId | None:
        found = self._db.scalar("SELECT id FROM documents WHERE text_sha256 = ?", (sha256,))
        return None if found is None else DocumentId(int(found))

    def text(self, document_id: DocumentId) -> str:
        cached = self._texts.get(document_id)
        if cached is not None:
            return cached
        text = self._db.scalar("SELECT text FROM documents WHERE id = ?", (document_id,))
        if text is None:
            raise NotFoundError(f"没有这个文档 / No such document: {document_id}")
        if len(self._texts) >= _TEXT_CACHE_SIZE:
            self._texts.pop(next(iter(self._texts)))
        self._texts[document_id] = text
        return str(text)

    def snapshot(self, document_id: DocumentId) -> DocumentSnapshot:
        document = self.get(document_id)
        raw_text, import_log, fingerprint = self._db.execute(
            "SELECT raw_text, import_log, fingerprint FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return DocumentSnapshot(
            document, self.text(document_id), raw_text, tuple(json.loads(import_log)), fingerprint
        )

    def fingerprints(self) -> list[tuple[DocumentId, str, bytes]]:
        """``(id, uuid, sketch)`` of every document that has a sketch."""
        rows = self._db.execute(
            "SELECT id, uuid, fingerprint FROM documents WHERE fingerprint IS NOT NULL"
        )
        return [(DocumentId(row[0]), row[1], row[2]) for row in rows]

    def update(self, document_id: DocumentId, fields: Mapping[str, object]) -> None:
        unknown = set(fields) - set(DOCUMENT_FIELDS) - {"attributes"}
        if unknown or not fields:  # commands validate; this guards the SQL itself
            raise ValueError(f"cannot update document columns {sorted(unknown) or 'none'}")
        values = [
            json.dumps(dict(value), ensure_ascii=False)  # type: ignore[call-overload]
            if name == "attributes"
            else value
            for name, value in fields.items()
        ]
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self._db.execute(f"UPDATE documents SET {assignments} WHERE id = ?", (*values, document_id))

    def delete(self, document_id: DocumentId) -> None:
        self._db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        self._texts.pop(document_id, None)
        self.search.dropped(document_id)
