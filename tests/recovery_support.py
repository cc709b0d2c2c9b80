"""Making damaged and full projects on purpose (tests of issue 9's faults)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from annotator.project import Project
from annotator.storage.backups import Backup, list_backups
from tests.conftest import add_document

PAGE = 4096


def coded_project(path: Path, documents: int = 12) -> Path:
    """A closed project with documents, codings and one rotating backup of it all."""
    with Project.open(path, backup=False) as project:
        project.coder = "alice"
        code = project.add_code(key="M", name="举措")
        for index in range(documents):
            document = add_document(project, f"党建引领乡村振兴𠮷{index}。" * 200, f"文章{index}")
            project.add_annotation(document.id, code.id, 0, 4)
    Project.open(path).close()  # takes the backup
    return path


def two_backups(path: Path) -> list[Backup]:
    """A coded project with two backups: newest (codes M and J) and older (M alone)."""
    coded_project(path, documents=2)
    with Project.open(path, backup=False) as project:
        project.coder = "alice"
        project.add_code(key="J", name="机制")
    Project.open(path).close()
    return list_backups(path)


def damage_pages(path: Path) -> None:
    """Overwrite bytes in every seventh page past the first few: the header stays valid."""
    data = bytearray(path.read_bytes())
    for offset in range(PAGE * 3, len(data) - PAGE, PAGE * 7):
        data[offset : offset + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def damage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill_disk(project: Project) -> None:
    """Let the file grow no further: SQLite then answers "database or disk is full"."""
    pages = project._db.scalar("PRAGMA page_count")
    project._db.execute(f"PRAGMA max_page_count = {pages}")


def free_disk(project: Project) -> None:
    project._db.execute("PRAGMA max_page_count = 1073741823")
