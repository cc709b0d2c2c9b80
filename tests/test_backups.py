"""Rotating backups taken on open: whole projects, the newest five, no needless copies."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_what_a_killed_backup_left_is_cleared_by_the_next(project_path: Path) -> None:
    _change(project_path, 0)
    Project.open(project_path).close()
    folder = project_path.with_name(project_path.name + "-backups")
    left = folder / f"{project_path.stem}-20260101-000000-000000Z.annot.partial"
    left.write_bytes(b"half a backup")
    _change(project_path, 1)
    Project.open(project_path).close()
    assert not left.exists()
    assert len(list_backups(project_path)) == 2


def test_a_failed_backup_leaves_no_partial(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _change(project_path, 0)

    def fail(_db: object, target: Path) -> None:
        target.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("annotator.storage.database.Database.backup_to", fail)
    with Project.open(project_path) as project:
        assert project.backup_error is not None
        assert "No space left" in project.backup_error
    folder = project_path.with_name(project_path.name + "-backups")
    assert [p.name for p in folder.iterdir()] == []
