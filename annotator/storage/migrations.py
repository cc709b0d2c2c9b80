"""Schema versions: ``PRAGMA user_version`` and one step per version (calibre's loop).

* A new file runs every step from 0 inside one exclusive transaction.
* An older file is first copied (SQLite backup API) to a sibling file named
  ``<name>.v<old>-<timestamp>.bak``, then upgraded in one exclusive
  transaction; if a step fails, the transaction rolls back and the file is as
  it was.
* A file from a newer Annotator is refused before anything is written.

To change the schema, append a step here; never edit an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.errors import ProjectError, SchemaTooNewError
from annotator.storage.database import APPLICATION_ID, Database, DatabaseError
from annotator.storage.schema import SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4


@dataclass(frozen=True)
class Migration:
    """The step that brings a file to ``version``."""

    version: int
    description: str
    apply: Callable[[Database], None]


def _create_v1(db: Database) -> None:
    db.executescript_in_transaction(SCHEMA_V1)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _import_pipeline_v2(db: Database) -> None:
    db.executescript_in_transaction(SCHEMA_V2)


def _suggestions_v3(db: Database) -> None:
    db.executescript_in_transaction(SCHEMA_V3)


def _search_v4(db: Database) -> None:
    """The search index, filled from the documents already there."""
    from annotator.models import DocumentId
    from annotator.storage.search_index import SearchIndex

    db.executescript_in_transaction(SCHEMA_V4)
    rows = db.execute("SELECT id, text FROM documents ORDER BY id").fetchall()
    SearchIndex(db).rebuild((DocumentId(i), text) for i, text in rows)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _create_v1),
    Migration(2, "document flags, near-duplicates and fingerprints", _import_pipeline_v2),
    Migration(3, "coding origins and rejected keyword suggestions", _suggestions_v3),
    Migration(4, "the corpus search index", _search_v4),
)


def current_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version


def backup_path_for_upgrade(path: Path, old_version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%fZ")
    return path.with_name(f"{path.name}.v{old_version}-{stamp}.bak")


def check_version(db: Database, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Return the file's version, refusing one newer than this program knows."""
    return check_version_number(db.user_version(), migrations)


def check_version_number(version: int, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    newest = current_version(migrations)
    if version > newest:
        raise SchemaTooNewError(
            f"此项目由更新版本的 Annotator 创建（结构版本 {version}，本程序支持 {newest}），"
            "请升级程序 / This project was written by a newer Annotator "
            f"(schema {version}; this program knows up to {newest}). Please upgrade."
        )
    return version


def migrate(db: Database, migrations: Sequence[Migration] = MIGRATIONS) -> Path | None:
    """Bring ``db`` to the newest version; return the pre-upgrade backup, if one was made."""
    version = check_version(db, migrations)
    pending = [step for step in migrations if step.version > version]
    if not pending:
        return None
    backup = None
    if version > 0 and db.path is not None:
        backup = backup_path_for_upgrade(db.path, version)
        try:
            db.backup_to(backup)
        except (OSError, DatabaseError) as error:
            backup.unlink(missing_ok=True)
            raise ProjectError(
                f"升级前无法备份（磁盘已满？），项目未改动 / Cannot back the project up before"
                f" upgrading it (is the disk full?); the project is unchanged ({error})"
            ) from error
    db.execute("BEGIN EXCLUSIVE")
    try:
        for step in pending:
            step.apply(db)
            db.execute(f"PRAGMA user_version = {step.version}")
        db.execute("COMMIT")
        db.checkpoint()
    except Exception as error:
        db.execute("ROLLBACK")
        where = f"; 备份 / backup: {backup}" if backup else ""
        raise ProjectError(
            f"项目升级失败，文件未改动 / Upgrading the project failed, the file is unchanged"
            f" ({error}){where}"
        ) from error
    return backup
