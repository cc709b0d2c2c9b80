"""Writing output files whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.errors import WriteFailedError


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it into place on success.

    A failure (a missing folder, a full disk, a bug) leaves no partial file and
    surfaces as :class:`WriteFailedError` with the file's name.
    """
    if not path.parent.is_dir():
        raise WriteFailedError(f"文件夹不存在 / No such folder: {path.parent}")
    temporary = path.with_name(path.name + ".partial")
    try:
        yield temporary
        temporary.replace(path)
    except OSError as error:
        raise WriteFailedError(
            f"无法写入文件 / Cannot write {path}: {error.strerror or error}"
        ) from error
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomically(path: Path, text: str) -> None:
    with atomic_output(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
