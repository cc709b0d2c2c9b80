"""Writing output files whole or not at all.

An output is written to a temporary sibling, ``NAME.1a2b3c4d.partial``, and
renamed over ``NAME`` once whole. Each writer has a file of its own, so two
programs exporting to the same name at once never write into one file: the
last rename wins and the result is always one of them, whole. While it
writes, a writer holds an advisory lock on its temporary file (where the
system has them: ``fcntl``); a temporary file nobody holds is what a killed
writer left, and the next writer of that name deletes it, so they never
pile up. (Without locks, on Windows, such a file stays until deleted.) The
file is flushed to the disk before the rename, and the folder after it.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from annotator.errors import WriteFailedError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: A held temporary file or folder: the descriptor holding its lock (None: no locks here).
Held = int | None


def _prefix(path: Path, hidden: bool) -> str:
    return f"{'.' if hidden else ''}{path.name}."


def _lock(handle: int) -> bool:
    """Take the lock without waiting; False if another program holds it."""
    assert fcntl is not None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def clear_leftovers(path: Path, *, hidden: bool = False) -> None:
    """Delete the temporary siblings of ``path`` that no running writer holds."""
    if fcntl is None:  # pragma: no cover - Windows: a live writer cannot be told apart
        return
    pattern = re.compile(re.escape(_prefix(path, hidden)) + r"[0-9a-f]{8}\.partial")
    with suppress(OSError):  # best effort: a folder we cannot list keeps its files
        for sibling in path.parent.iterdir():
            if not pattern.fullmatch(sibling.name):
                continue
            with suppress(OSError):
                handle = os.open(sibling, os.O_RDONLY)
                try:
                    if _lock(handle):
                        _remove(sibling)
                finally:
                    os.close(handle)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def claim_temporary(path: Path, *, folder: bool = False, hidden: bool = False) -> tuple[Path, Held]:
    """Create a new temporary file (or ``folder``) beside ``path`` and hold it.

    Leftovers of killed writers of the same name are deleted first. Release
    the result with :func:`release` once it has been renamed or removed.
    """
    clear_leftovers(path, hidden=hidden)
    while True:
        candidate = path.with_name(f"{_prefix(path, hidden)}{secrets.token_hex(4)}.partial")
        try:
            if folder:
                candidate.mkdir()
                handle = os.open(candidate, os.O_RDONLY) if fcntl is not None else None
            else:
                handle = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:  # pragma: no cover - 1 in 4 billion
            continue
        if handle is not None and fcntl is None:  # pragma: no cover - Windows
            os.close(handle)  # an open file could not be renamed there
            handle = None
        if handle is not None:
            with suppress(OSError):  # new, so nobody holds it; some network drives lack locks
                _lock(handle)
        return candidate, handle


def release(held: Held) -> None:
    if held is not None:
        os.close(held)


def _sync(path: Path, held: Held) -> None:
    handle = held if held is not None else os.open(path, os.O_RDWR)
    try:
        os.fsync(handle)  # the file, whichever descriptor wrote it
    finally:
        if held is None:
            os.close(handle)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; some file systems refuse: then not)."""
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder
        return
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it into place on success.

    A failure (a missing folder, a full disk, a bug) leaves no partial file and
    surfaces as :class:`WriteFailedError` with the file's name.
    """
    if not path.parent.is_dir():
        raise WriteFailedError(f"文件夹不存在 / No such folder: {path.parent}")
    try:
        temporary, held = claim_temporary(path)
    except OSError as error:
        raise WriteFailedError(
            f"无法写入文件 / Cannot write {path}: {error.strerror or error}"
        ) from error
    try:
        yield temporary
        _sync(temporary, held)  # on disk before it replaces the old file: a power cut
        temporary.replace(path)  # then leaves the old file or the new one, never an empty one
        _sync_folder(path.parent)
    except OSError as error:
        raise WriteFailedError(
            f"无法写入文件 / Cannot write {path}: {error.strerror or error}"
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
        release(held)


def write_text_atomically(path: Path, text: str) -> None:
    with atomic_output(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
