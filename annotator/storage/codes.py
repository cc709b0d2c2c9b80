"""SQL for the ``codes`` table (the codebook)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from annotator.errors import NotFoundError
from annotator.models import CODE_FIELDS, Code, CodeId
from annotator.storage.database import Database

_COLUMNS = (
    "id, uuid, parent_id, key, name, name_en, definition, include_rule, exclude_rule, example,"
    " keywords, color, shortcut, position, archived, attributes"
)
#: Python field name → column name, where they differ.
_COLUMN_OF = {"include": "include_rule", "exclude": "exclude_rule"}


def _code(row: tuple[Any, ...]) -> Code:
    return Code(
        id=CodeId(row[0]),
        uuid=row[1],
        parent_id=None if row[2] is None else CodeId(row[2]),
        key=row[3],
        name=row[4],
        name_en=row[5],
        definition=row[6],
        include=row[7],
        exclude=row[8],
        example=row[9],
        keywords=tuple(json.loads(row[10])),
        color=row[11],
        shortcut=row[12],
        position=row[13],
        archived=bool(row[14]),
        attributes=json.loads(row[15]),
    )


def _column_value(name: str, value: object) -> object:
    if name == "keywords":
        return json.dumps(list(value), ensure_ascii=False)  # type: ignore[call-overload]
    if name == "attributes":
        return json.dumps(dict(value), ensure_ascii=False)  # type: ignore[call-overload]
    if name == "archived":
        return int(bool(value))
    return value


class CodeStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, code: Code, created: str) -> CodeId:
        cursor = self._db.execute(
            f"INSERT INTO codes ({_COLUMNS}, created) VALUES ({', '.join('?' * 17)})",
            (
                code.id or None,
                code.uuid,
                code.parent_id,
                code.key,
                code.name,
                code.name_en,
                code.definition,
                code.include,
                code.exclude,
                code.example,
                _column_value("keywords", code.keywords),
                code.color,
                code.shortcut,
                code.position,
                int(code.archived),
                _column_value("attributes", code.attributes),
                created,
            ),
        )
        return CodeId(int(cursor.lastrowid or 0))

    def get(self, code_id: CodeId) -> Code:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM codes WHERE id = ?", (code_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"没有这个编码 / No such code: {code_id}")
        return _code(row)

    def by_key(self, key: str) -> Code | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM codes WHERE key = ?", (key,)).fetchone()
        return None if row is None else _code(row)

    def by_uuid(self, uuid: str) -> Code | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM codes WHERE uuid = ?", (uuid,)).fetchone()
        return None if row is None else _code(row)

    def by_shortcut(self, shortcut: str) -> Code | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM codes WHERE shortcut = ?", (shortcut,)
        ).fetchone()
        return None if row is None else _code(row)

    def all(self) -> list[Code]:
        """Every code, parents before children, siblings in their order (a tree walk)."""
        rows = self._db.execute(
            f"WITH RECURSIVE tree(id, path) AS ("
            f" SELECT id, printf('%08d.%08d', position, id) FROM codes WHERE parent_id IS NULL"
            f" UNION ALL SELECT c.id, tree.path || '/' || printf('%08d.%08d', c.position, c.id)"
            f" FROM codes c JOIN tree ON c.parent_id = tree.id)"
            f" SELECT {', '.join('codes.' + c.strip() for c in _COLUMNS.split(','))}"
            f" FROM codes JOIN tree USING (id) ORDER BY tree.path"
        )
        return [_code(row) for row in rows]

    def children(self, parent_id: CodeId | None) -> list[Code]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM codes WHERE parent_id IS ? ORDER BY position, id",
            (parent_id,),
        )
        return [_code(row) for row in rows]

    def update(self, code_id: CodeId, fields: Mapping[str, object]) -> None:
        unknown = set(fields) - set(CODE_FIELDS) - {"parent_id", "position"}
        if unknown or not fields:
            raise ValueError(f"cannot update code columns {sorted(unknown) or 'none'}")
        assignments = ", ".join(f"{_COLUMN_OF.get(name, name)} = ?" for name in fields)
        values = [_column_value(name, value) for name, value in fields.items()]
        self._db.execute(f"UPDATE codes SET {assignments} WHERE id = ?", (*values, code_id))

    def set_positions(self, ordered: list[CodeId]) -> None:
        self._db.executemany(
            "UPDATE codes SET position = ? WHERE id = ?",
            [(index, code_id) for index, code_id in enumerate(ordered)],
        )

    def delete(self, code_id: CodeId) -> None:
        self._db.execute("DELETE FROM codes WHERE id = ?", (code_id,))

    def created(self, code_id: CodeId) -> str:
        return str(self._db.scalar("SELECT created FROM codes WHERE id = ?", (code_id,)))
