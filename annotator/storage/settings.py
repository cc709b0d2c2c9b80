"""SQL for the ``settings`` table: small project-wide values (name, creation time)."""

from __future__ import annotations

from annotator.storage.database import Database


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: str = "") -> str:
        value = self.find(key)
        return default if value is None else value

    def find(self, key: str) -> str | None:
        """The value, or None if the setting does not exist (not even empty)."""
        value = self._db.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def delete(self, key: str) -> None:
        self._db.execute("DELETE FROM settings WHERE key = ?", (key,))
