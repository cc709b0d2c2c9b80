"""Rotating backups taken on open: whole projects, the newest five, no needless copies."""

from __future__ import annotations

from pathlib import Path

from annotator.project import Project
from annotator.storage.backups import KEEP, list_backups
from tests.conftest import add_document


def _change(path: Path, index: int) -> None:
    with Project.open(path, backup=False) as project:
        project.coder = "alice"
        project.add_code(key=f"K{index}", name=f"编码{index}")


def test_open_takes_a_backup_that_opens_as_a_project(project_path: Path) -> None:
    _change(project_path, 0)
    with Project.open(project_path) as project:
        assert project.open_backup is not None
    [backup] = list_backups(project_path)
    with Project.open(backup.path, backup=False) as copy:
        assert [code.key for code in copy.codes()] == ["K0"]


def test_unchanged_project_is_not_backed_up_twice(project_path: Path) -> None:
    Project.open(project_path).close()
    with Project.open(project_path) as project:
        assert project.open_backup is None
    assert len(list_backups(project_path)) == 1


def test_only_the_newest_five_are_kept(project_path: Path) -> None:
    for index in range(KEEP + 3):
        _change(project_path, index)
        Project.open(project_path).close()
    backups = list_backups(project_path)
    assert len(backups) == KEEP
    with Project.open(backups[0].path, backup=False) as newest:
        assert len(newest.codes()) == KEEP + 3
    with Project.open(backups[-1].path, backup=False) as oldest:
        assert len(oldest.codes()) == 4


def test_backup_holds_documents_and_annotations(project_path: Path) -> None:
    with Project.open(project_path, backup=False) as project:
        project.coder = "alice"
        document = add_document(project)
        code = project.add_code(key="M", name="举措")
        project.add_annotation(document.id, code.id, 3, 7)
    Project.open(project_path).close()
    with Project.open(list_backups(project_path)[0].path, backup=False) as copy:
        assert copy.annotations()[0].quote == copy.text(document.id)[3:7]
        assert copy.verify() == []
