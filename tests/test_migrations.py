"""Schema versions: upgrade with a backup, roll back on failure, refuse newer files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.errors import ProjectError
from annotator.project import Project
from annotator.storage import migrations
from annotator.storage.database import Database
from annotator.storage.migrations import MIGRATIONS, Migration
from tests.conftest import add_document


def _add_colour_table(db: Database) -> None:
    db.execute("CREATE TABLE palette (name TEXT PRIMARY KEY)")
    db.execute("INSERT INTO palette VALUES ('warm')")


def _broken_step(db: Database) -> None:
    db.execute("CREATE TABLE half_done (x)")
    raise RuntimeError("step failed half-way")


def _old_project(path: Path) -> Path:
    with Project.open(path) as project:
        project.coder = "alice"
        document = add_document(project)
        code = project.add_code(key="M1", name="组织")
        project.add_annotation(document.id, code.id, 0, 3)
    return path


def test_new_file_is_at_the_current_version(project_path: Path) -> None:
    with Project.open(project_path) as project:
        assert project.stores.documents._db.user_version() == migrations.current_version()
        assert project.upgrade_backup is None


def test_older_file_is_upgraded_after_a_backup(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_project(project_path)
    newer = (*MIGRATIONS, Migration(MIGRATIONS[-1].version + 1, "palette", _add_colour_table))
    monkeypatch.setattr(migrations, "MIGRATIONS", newer)
    monkeypatch.setattr(migrations.migrate, "__defaults__", (newer,))
    monkeypatch.setattr(migrations.check_version, "__defaults__", (newer,))

    with Project.open(project_path) as project:
        backup = project.upgrade_backup
        db = project.stores.documents._db
        assert db.user_version() == newer[-1].version
        assert db.scalar("SELECT name FROM palette") == "warm"
        assert len(project.annotations()) == 1  # the data came along

    assert backup is not None
    assert backup.exists()
    assert backup.name.startswith(f"{project_path.name}.v{MIGRATIONS[-1].version}-")
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
    assert old.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
    old.close()


def _old_project_with_a_broken_upgrade(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project one version behind a program whose upgrade step fails."""
    _old_project(path)
    broken = (*MIGRATIONS, Migration(MIGRATIONS[-1].version + 1, "broken", _broken_step))
    monkeypatch.setattr(migrations.migrate, "__defaults__", (broken,))
    monkeypatch.setattr(migrations.check_version, "__defaults__", (broken,))


def test_failed_upgrade_leaves_the_file_as_it_was(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_project_with_a_broken_upgrade(project_path, monkeypatch)

    with pytest.raises(ProjectError, match="file is unchanged"):
        Project.open(project_path)

    monkeypatch.undo()
    with Project.open(project_path) as project:
        db = project.stores.documents._db
        assert db.user_version() == MIGRATIONS[-1].version
        assert db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'") == 0
        assert len(project.annotations()) == 1


def test_a_full_disk_before_an_upgrade_is_a_clear_message(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_project_with_a_broken_upgrade(project_path, monkeypatch)

    def full(_db: object, target: Path) -> None:
        target.write_bytes(b"")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("annotator.storage.database.Database.backup_to", full)
    with pytest.raises(ProjectError, match="is the disk full"):
        Project.open(project_path)
    assert not list(project_path.parent.glob("*.bak"))


def test_a_version_2_project_gets_coding_origins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project_path = tmp_path / "v2.annot"
    v2 = MIGRATIONS[:2]
    monkeypatch.setattr(migrations.migrate, "__defaults__", (v2,))
    with Project.create(project_path) as old:
        db = old.stores.documents._db
        assert db.user_version() == 2
        db.execute("INSERT INTO coders (uuid, name, created) VALUES ('c', 'alice', 'then')")
        db.execute("INSERT INTO codes (uuid, name, created) VALUES ('k', '甲', 'then')")
        db.execute(
            "INSERT INTO documents (uuid, title, imported_at, raw_text, text, text_length,"
            " text_sha256) VALUES ('u1', '旧文档', 'then', '正文', '正文', 2, 'h')"
        )
        db.execute(
            "INSERT INTO annotations (uuid, document_id, code_id, coder_id, start_offset,"
            " end_offset, quote, created, updated) VALUES ('a', 1, 1, 1, 0, 2, '正文', 't', 't')"
        )
    monkeypatch.undo()
    with Project.open(project_path) as upgraded:
        assert upgraded.stores.documents._db.user_version() == migrations.current_version()
        [annotation] = upgraded.annotations()
        assert annotation.origin == "manual"
        # version 4: the search index is built from the documents already there
        from annotator.search import search

        assert search(upgraded, "正文").total == 1
        assert search(upgraded, "正").total == 1
