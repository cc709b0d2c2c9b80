"""Opening a project file and running transactions on it.

A project is one SQLite file, opened

* in WAL mode with ``synchronous=FULL``: a committed action survives a crash or
  a power cut;
* with ``foreign_keys=ON``: no annotation can point at a missing code;
* with ``locking_mode=EXCLUSIVE``: the first program to open the file holds its
  lock until it closes (the operating system drops it if that program dies), so
  a second program gets :class:`ProjectLockedError`, never a shared file;
* with ``isolation_level=None``: Python's sqlite3 never opens transactions
  behind our back; :meth:`Database.atomic` drives them (sqlite-utils' pattern).

A file that cannot be written (or whose folder cannot: WAL needs its ``-wal``
and ``-shm`` beside it) opens read-only instead: ``mode=ro``, no lock, no WAL
switch, and every write refused with :class:`ReadOnlyProjectError`. A write
that fails on the way (a full disk, an I/O error, a damaged file) is rolled
back whole and becomes the user error :func:`write_error` names.
"""

from __future__ import annotations

import itertools
import os
import sqlite3  # noqa: TID251 - the storage layer is where SQL lives
import struct
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

from annotator.errors import (
    DamagedProjectError,
    NotAProjectError,
    ProjectError,
    ProjectLockedError,
    ReadOnlyProjectError,
    SaveFailedError,
)

#: ``PRAGMA application_id`` of every Annotator project ("ANNO").
APPLICATION_ID = 0x414E4E4F
SQLITE_MAGIC = b"SQLite format 3\x00"
#: How long an open waits for a lock another program holds before giving up.
OPEN_TIMEOUT_SECONDS = 0.5

_savepoints = itertools.count(1)

Params = Sequence[Any] | dict[str, Any]


def _is_locked(error: sqlite3.Error) -> bool:
    return "locked" in str(error) or "busy" in str(error)


@dataclass(frozen=True)
class FileHeader:
    """The two numbers of a SQLite header that say whose file it is, and how old."""

    application_id: int
    user_version: int


def read_header(path: Path) -> FileHeader:
    """Read a file's SQLite header as plain bytes: nothing is opened or written.

    Projects checkpoint their WAL after creation and after every upgrade, so the
    header in the main file carries their current application id and version.
    """
    if not path.exists():
        raise ProjectError(f"项目文件不存在 / Project file not found: {path}")
    if path.is_dir():
        raise NotAProjectError(f"这是一个文件夹 / This is a folder, not a project: {path}")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise ProjectError(f"无法读取项目文件 / Cannot read the project file: {error}") from error
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAProjectError(
            f"不是 Annotator 项目文件 / Not an Annotator project (not a SQLite file): {path}"
        )
    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    return FileHeader(application_id, user_version)


def can_write(path: Path) -> bool:
    """Whether this program may write ``path`` and create files beside it (WAL, backups)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_damaged(error: BaseException) -> bool:
    """SQLite's words for a file whose pages are not what it wrote."""
    message = str(error)
    return "malformed" in message or "file is not a database" in message


def write_error(error: sqlite3.Error, path: Path | None = None) -> ProjectError:
    """The user-facing error for a statement SQLite refused (a write is rolled back)."""
    message = str(error)
    if "full" in message:
        return SaveFailedError(
            "磁盘空间不足，此操作未保存，项目未改动。请腾出空间后重试 / The disk is full:"
            " this action was not saved and the project is unchanged. Free some space and"
            " try again."
        )
    if "readonly" in message:
        return ReadOnlyProjectError(READ_ONLY_MESSAGE)
    if is_damaged(error):
        return damaged(path, message)
    return SaveFailedError(
        f"无法写入项目文件，此操作未保存，项目未改动 / The project file could not be written:"
        f" this action was not saved and the project is unchanged ({message})."
    )


def damaged(path: Path | None, problem: str) -> DamagedProjectError:
    """The error for damaged pages in the file at ``path`` (None: a file not named)."""
    where = f": {path}" if path is not None else ""
    error = DamagedProjectError(
        f"文件已损坏，请从备份恢复（文件 → 从备份恢复…，或 annotator restore）/ The file is"
        f" damaged{where} ({problem}). Restore it from a backup (File → Restore from"
        " backup…, or `annotator restore`)."
    )
    error.path = path
    return error


@contextmanager
def damage_reported(path: Path | None = None) -> Iterator[None]:
    """A statement that meets damaged pages raises :class:`DamagedProjectError`."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        if is_damaged(error):
            raise damaged(path, str(error)) from error
        raise


READ_ONLY_MESSAGE = (
    "项目以只读方式打开，无法保存更改；如需修改，请用“文件 → 另存副本”另存一份 / The project"
    " is open read-only: changes cannot be saved. To change it, save a copy (File → Save a"
    " copy…) and open that."
)


def remove_database_files(path: Path) -> None:
    """Delete a database file and its WAL and shared-memory companions, if present."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _open_error(path: object, error: sqlite3.Error) -> ProjectError:
    """The user-facing error for a failure while opening ``path``."""
    message = str(error)
    if _is_locked(error):
        return ProjectLockedError(
            f"项目已在另一个程序中打开 / The project is open in another program: {path}"
        )
    if is_damaged(error):
        return damaged(Path(str(path)), message)
    if "full" in message:
        return write_error(error)
    if "unable to open" in message or "readonly" in message or "I/O error" in message:
        return ProjectError(
            f"无法写入项目文件或其文件夹（只读？）/ Cannot write to the project file or its"
            f" folder (read-only?): {path} ({message})"
        )
    return NotAProjectError(
        f"不是 Annotator 项目文件 / Not an Annotator project: {path} ({message})"
    )


class Database:
    """A connection to one project file, with explicit transactions."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, *, read_only: bool = False
    ) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        #: Opened with ``mode=ro``: every write is refused.
        self.read_only = read_only
        #: Called after a transaction rolls back, so caches can forget what it did.
        self.rollback_listeners: list[Callable[[], None]] = []

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ProjectError("项目已关闭 / The project is closed")
        return self._conn

    # -- opening ---------------------------------------------------------------
    @classmethod
    def connect(cls, path: Path | str) -> Database:
        """Open ``path`` (``":memory:"`` for tests) and take the exclusive lock.

        Only reads happen before the lock is confirmed, so a file someone else
        holds, or a foreign file, is never written to.
        """
        memory = str(path) == ":memory:"
        try:
            conn = sqlite3.connect(
                str(path),
                isolation_level=None,
                timeout=OPEN_TIMEOUT_SECONDS,
                check_same_thread=False,
            )
        except sqlite3.Error as error:  # pragma: no cover - e.g. a folder we may not read
            raise ProjectError(f"无法打开项目 / Cannot open the project: {error}") from error
        db = cls(conn, None if memory else Path(path))
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            # The first read takes the lock; a file open elsewhere fails here.
            conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as error:
            conn.close()
            raise _open_error(path, error) from error
        return db

    @classmethod
    def connect_read_only(cls, path: Path) -> Database:
        """Open ``path`` for reading only, writing nothing beside it.

        A project no program has open has no ``-wal`` file beside it (every
        writer makes one when it opens the file and removes it on closing), so
        it is read as immutable: no lock, no shared-memory file, nothing left
        behind to lock its owner out later. A ``-wal`` means a program has it
        open (refused as locked) or one died with it open: then SQLite reads
        it through its shared memory, which needs a folder it may write.
        """
        base = f"file:{pathname2url(str(path.resolve()))}?mode=ro"
        in_use = path.with_name(path.name + "-wal").exists()
        uri = base if in_use else base + "&immutable=1"
        try:
            conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, timeout=OPEN_TIMEOUT_SECONDS,
                check_same_thread=False,
            )  # fmt: skip
            conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise _open_error(path, error) from error
        return cls(conn, path, read_only=True)

    def configure(self) -> None:
        """Switch on WAL, durability and foreign keys, and hold the write lock."""
        if self.read_only:
            return
        try:
            mode = self.scalar("PRAGMA journal_mode = WAL")
            self.execute("PRAGMA synchronous = FULL")
            self.execute("PRAGMA foreign_keys = ON")
            # Writing once makes the exclusive lock stick for this connection.
            self.execute("BEGIN IMMEDIATE")
            self.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise _open_error(self.path, error) from error
        if self.path is not None and mode != "wal":  # pragma: no cover - odd filesystems
            raise ProjectError(f"无法启用 WAL 日志 / Cannot enable WAL on {self.path}")

    def close(self, *, checkpoint: bool = True) -> None:
        """Close; by default fold the WAL back into the file so it travels alone."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if checkpoint and self.path is not None and not self.read_only:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # e.g. a full disk: the WAL stays beside the file and is read on next open
        finally:
            conn.close()

    @property
    def closed(self) -> bool:
        return self._conn is None

    # -- statements ------------------------------------------------------------
    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        with damage_reported(self.path):
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Params]) -> sqlite3.Cursor:
        with damage_reported(self.path):
            return self.conn.executemany(sql, rows)

    def scalar(self, sql: str, params: Params = ()) -> Any:
        with damage_reported(self.path):
            row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (its header then tells the truth)."""
        if self.path is not None and not self.read_only:
            self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def application_id(self) -> int:
        return int(self.scalar("PRAGMA application_id"))

    def quick_check(self) -> str:
        """SQLite's quick_check: every page read and its structure checked (0.2 s at 240 MB)."""
        with damage_reported(self.path):
            return "\n".join(str(row[0]) for row in self.execute("PRAGMA quick_check"))

    def integrity_check(self) -> str:
        with damage_reported(self.path):
            return "\n".join(str(row[0]) for row in self.execute("PRAGMA integrity_check"))

    def backup_to(self, target: Path) -> None:
        """Copy the whole database, consistently, with SQLite's backup API."""
        dest = sqlite3.connect(str(target))
        try:
            self.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()

    # -- transactions ----------------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (a savepoint when nested); rolled back on any exception."""
        if self.conn.in_transaction:
            name = f"sp_{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                for listener in self.rollback_listeners:
                    listener()
                raise
            self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            for listener in self.rollback_listeners:
                listener()
            raise

    @contextmanager
    def write(self) -> Iterator[None]:
        """One user action's transaction; a refused write becomes a user error.

        Refused before it starts when the file is read-only; rolled back whole
        when SQLite fails on the way (full disk, I/O error, damaged pages).
        """
        if self.read_only:
            raise ReadOnlyProjectError(READ_ONLY_MESSAGE)
        try:
            with self.atomic():
                yield
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as error:
            raise write_error(error, self.path) from error

    def executescript_in_transaction(self, script: str) -> None:
        """Run a multi-statement script inside the current transaction.

        ``sqlite3.executescript`` would COMMIT first; this splits the script into
        complete statements (triggers included) and runs them one by one.
        """
        buffer = ""
        for line in script.splitlines(keepends=True):
            buffer += line
            if sqlite3.complete_statement(buffer):
                self.conn.execute(buffer)
                buffer = ""
        if buffer.strip():
            raise ValueError(f"incomplete SQL statement: {buffer[:80]!r}")


DatabaseError = sqlite3.DatabaseError
IntegrityError = sqlite3.IntegrityError
OperationalError = sqlite3.OperationalError


def foreign_key_problems(db: Database) -> list[str]:
    return [f"{row[0]} row {row[1]} → {row[2]}" for row in db.execute("PRAGMA foreign_key_check")]
