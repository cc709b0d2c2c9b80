"""The corpus search index: each document's normalised text, and FTS5 over it.

Rows are written when a document is stored and go with it (a foreign key
cascades, and a trigger takes them out of the FTS5 index), so undo and redo of
an import keep the index right with no code of their own. Normalised texts are
cached in memory once read: a one- or two-character query, which the trigram
index cannot serve, is answered by scanning them.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable

from annotator.find import dropped
from annotator.models import DocumentId
from annotator.shadow import to_simplified
from annotator.storage.database import Database

#: Trigrams asked of the index, at most (a long query's first ones narrow enough).
TERMS = 12
#: A document as search sees it: its normalised text and the offsets normalising dropped.
Searchable = tuple[str, tuple[int, ...]]


def searchable(text: str) -> Searchable:
    shadow = to_simplified(text)
    removed = dropped(shadow)
    if not removed:
        return shadow, ()
    edges = [-1, *removed, len(shadow)]
    kept = (shadow[a + 1 : b] for a, b in itertools.pairwise(edges))
    return "".join(kept), tuple(removed)


class SearchIndex:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._cache: dict[DocumentId, Searchable] | None = None
        self._numbers: dict[DocumentId, int] | None = None
        db.rollback_listeners.append(self.forget)

    def forget(self) -> None:
        self._cache = None
        self._numbers = None

    def add(self, document_id: DocumentId, text: str) -> None:
        norm, removed = searchable(text)
        self._db.execute(
            "INSERT INTO search_text (document_id, norm, removed) VALUES (?, ?, ?)",
            (document_id, norm, json.dumps(removed)),
        )
        self._db.execute("INSERT INTO search_fts (rowid, norm) VALUES (?, ?)", (document_id, norm))
        if self._cache is not None:
            self._cache[document_id] = (norm, removed)
        self._numbers = None

    def dropped(self, document_id: DocumentId) -> None:
        """The document was deleted (its row went with it)."""
        if self._cache is not None:
            self._cache.pop(document_id, None)
        self._numbers = None

    def numbers(self) -> dict[DocumentId, int]:
        """Each document's number (its place in id order, from 1), from the cache."""
        if self._numbers is None:
            self._numbers = {d: n for n, d in enumerate(sorted(self.all()), 1)}
        return self._numbers

    def all(self) -> dict[DocumentId, Searchable]:
        """Every document's searchable text, in id order (read once, then cached)."""
        if self._cache is None:
            rows = self._db.execute(
                "SELECT document_id, norm, removed FROM search_text ORDER BY document_id"
            )
            self._cache = {DocumentId(i): (n, tuple(json.loads(r))) for i, n, r in rows}
        return self._cache

    def holding(self, needle: str) -> list[DocumentId]:
        """The documents whose normalised text holds every trigram of ``needle`` (three
        characters or more), in id order: all that hold ``needle``, and maybe a few
        that hold its pieces apart (the search checks each text)."""
        trigrams = dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2))
        terms = ['"' + t.replace('"', '""') + '"' for t in list(trigrams)[:TERMS]]
        rows = self._db.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid",
            (" AND ".join(terms),),
        )
        return [DocumentId(row[0]) for row in rows]

    def rebuild(self, texts: Iterable[tuple[DocumentId, str]]) -> None:
        """Fill the index anew from the documents' texts (an upgraded project)."""
        self._db.execute("DELETE FROM search_text")
        self.forget()
        for document_id, text in texts:
            self.add(document_id, text)
