"""SQL for the append-only ``history`` table: every change, with who and when."""

from __future__ import annotations

import json
from collections.abc import Mapping

from annotator.models import HistoryEntry
from annotator.storage.database import Database


class HistoryLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def append(
        self, *, time: str, actor: str, action: str, summary: str, payload: Mapping[str, object]
    ) -> None:
        self._db.execute(
            "INSERT INTO history (time, actor, action, summary, payload) VALUES (?, ?, ?, ?, ?)",
            (time, actor, action, summary, json.dumps(payload, ensure_ascii=False)),
        )

    def entries(self, limit: int | None = None) -> list[HistoryEntry]:
        """Newest first."""
        rows = self._db.execute(
            "SELECT id, time, actor, action, summary, payload FROM history ORDER BY id DESC"
            + (" LIMIT ?" if limit is not None else ""),
            (limit,) if limit is not None else (),
        )
        return [HistoryEntry(*row) for row in rows]

    def count(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM history"))
