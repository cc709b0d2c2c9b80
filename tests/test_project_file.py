"""The project file: how it is opened, and what it refuses."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.errors import (
    NotAProjectError,
    ProjectError,
    ProjectExistsError,
    ProjectLockedError,
    SchemaTooNewError,
)
from annotator.project import Project
from annotator.storage.migrations import current_version
from tests.conftest import add_document


def _fingerprint(path: Path) -> tuple[bytes, int, list[str]]:
    """Bytes, modification time and sibling files: all must stay as they were."""
    siblings = sorted(p.name for p in path.parent.iterdir())
    return path.read_bytes(), path.stat().st_mtime_ns, siblings


def test_created_file_uses_wal_foreign_keys_and_full_sync(project_path: Path) -> None:
    with Project.open(project_path) as project:
        db = project.stores.documents._db
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA synchronous") == 2  # FULL
        assert db.user_version() == current_version()
        assert project.name == "项目 test"


def test_data_survives_close_and_reopen(project_path: Path) -> None:
    with Project.open(project_path) as project:
        project.coder = "alice"
        document = add_document(project)
        code = project.add_code(key="M1", name="组织")
        project.add_annotation(document.id, code.id, 0, 3, memo="备忘")
    with Project.open(project_path) as project:
        [annotation] = project.annotations()
        assert (annotation.quote, annotation.memo) == ("近年来", "备忘")
        assert project.coders()[0].name == "alice"


def test_foreign_keys_are_enforced(project: Project) -> None:
    db = project.stores.documents._db
    with pytest.raises(sqlite3.IntegrityError), db.atomic():
        db.execute(
            "INSERT INTO annotations (uuid, document_id, code_id, coder_id, start_offset,"
            " end_offset, quote, created, updated) VALUES ('u', 99, 99, 99, 0, 1, 'x', '', '')"
        )


def test_document_text_cannot_change(project: Project) -> None:
    document = add_document(project)
    db = project.stores.documents._db
    with pytest.raises(sqlite3.IntegrityError, match="immutable"), db.atomic():
        db.execute("UPDATE documents SET text = 'x' WHERE id = ?", (document.id,))


def test_history_is_append_only(project: Project) -> None:
    add_document(project)
    db = project.stores.documents._db
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), db.atomic():
        db.execute("DELETE FROM history")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), db.atomic():
        db.execute("UPDATE history SET summary = 'forged'")


def test_create_refuses_to_overwrite(project_path: Path) -> None:
    with pytest.raises(ProjectExistsError):
        Project.create(project_path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="not found"):
        Project.open(tmp_path / "nothing.annot")


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, this is text\n", "党建引领".encode() * 100, b"PK\x03\x04" + bytes(200)],
    ids=["empty", "text", "chinese-text", "zip"],
)
def test_foreign_file_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "foreign.annot"
    path.write_bytes(content)
    before = _fingerprint(path)
    with pytest.raises(NotAProjectError):
        Project.open(path)
    assert _fingerprint(path) == before


def test_other_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    before = _fingerprint(path)
    with pytest.raises(NotAProjectError):
        Project.open(path)
    assert _fingerprint(path) == before


def test_newer_file_is_refused_and_untouched(project_path: Path) -> None:
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {current_version() + 1}")
    conn.close()
    before = _fingerprint(project_path)
    with pytest.raises(SchemaTooNewError, match="newer Annotator"):
        Project.open(project_path)
    assert _fingerprint(project_path) == before


def test_second_open_in_same_process_is_refused(project_path: Path) -> None:
    with Project.open(project_path), pytest.raises(ProjectLockedError, match="another program"):
        Project.open(project_path)
    Project.open(project_path).close()  # free again once closed


def test_second_program_is_refused_while_open(project_path: Path) -> None:
    script = (
        "import sys\n"
        "from annotator.project import Project\n"
        "from annotator.errors import ProjectLockedError\n"
        "try:\n"
        "    Project.open(sys.argv[1])\n"
        "except ProjectLockedError as e:\n"
        "    print('LOCKED', e)\n"
    )
    with Project.open(project_path) as project:
        project.coder = "alice"
        add_document(project)
        result = subprocess.run(
            [sys.executable, "-c", script, str(project_path)],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        assert result.stdout.startswith("LOCKED")
    with Project.open(project_path) as project:
        assert len(project.documents()) == 1
        assert project.verify() == []


def test_save_a_copy_opens_as_a_project(project_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "副本 copy.annot"
    with Project.open(project_path, backup=False) as project:
        project.coder = "alice"
        add_document(project)
        project.save_copy(copy)
        with pytest.raises(ProjectError, match="over itself"):
            project.save_copy(project_path)
    with Project.open(copy, backup=False) as opened:
        assert len(opened.documents()) == 1
        assert opened.verify() == []
    assert not list(tmp_path.glob("*.partial"))


def test_edited_date_and_region_bring_their_derived_fields(project: Project) -> None:
    """A date's precision follows it; a new region drops the old region's code and level."""
    document = add_document(project)
    project.update_document(document.id, region="河南省安阳市", region_code="410500",
                            region_level="地级市", published="2021-05")  # fmt: skip
    edited = project.document(document.id)
    assert (edited.date_precision, edited.region_code) == ("month", "410500")
    project.update_document(document.id, region="浙江省", published="2021")
    edited = project.document(document.id)
    assert (edited.date_precision, edited.region_code, edited.region_level) == ("year", None, None)
    project.undo()
    edited = project.document(document.id)
    assert (edited.date_precision, edited.region_code, edited.region_level) == (
        "month", "410500", "地级市")  # fmt: skip
