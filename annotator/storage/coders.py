"""SQL for the ``coders`` table."""

from __future__ import annotations

from annotator.errors import NotFoundError
from annotator.models import Coder, CoderId
from annotator.storage.database import Database


class CoderStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, coder: Coder, created: str) -> CoderId:
        cursor = self._db.execute(
            "INSERT INTO coders (id, uuid, name, created) VALUES (?, ?, ?, ?)",
            (coder.id or None, coder.uuid, coder.name, created),
        )
        return CoderId(int(cursor.lastrowid or 0))

    def by_name(self, name: str) -> Coder | None:
        row = self._db.execute(
            "SELECT id, uuid, name FROM coders WHERE name = ?", (name,)
        ).fetchone()
        return None if row is None else Coder(CoderId(row[0]), row[1], row[2])

    def by_uuid(self, uuid: str) -> Coder | None:
        row = self._db.execute(
            "SELECT id, uuid, name FROM coders WHERE uuid = ?", (uuid,)
        ).fetchone()
        return None if row is None else Coder(CoderId(row[0]), row[1], row[2])

    def get(self, coder_id: CoderId) -> Coder:
        row = self._db.execute(
            "SELECT id, uuid, name FROM coders WHERE id = ?", (coder_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"没有这个编码员 / No such coder: {coder_id}")
        return Coder(CoderId(row[0]), row[1], row[2])

    def all(self) -> list[Coder]:
        rows = self._db.execute("SELECT id, uuid, name FROM coders ORDER BY id")
        return [Coder(CoderId(row[0]), row[1], row[2]) for row in rows]

    def rename(self, coder_id: CoderId, name: str) -> None:
        self._db.execute("UPDATE coders SET name = ? WHERE id = ?", (name, coder_id))

    def delete(self, coder_id: CoderId) -> None:
        self._db.execute("DELETE FROM coders WHERE id = ?", (coder_id,))

    def created(self, coder_id: CoderId) -> str:
        return str(self._db.scalar("SELECT created FROM coders WHERE id = ?", (coder_id,)))
