"""Storing prepared files: duplicates, reposts, uuids, and the v1 → v2 upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.importing import ImportStatus, import_paths
from annotator.importing.batch import import_prepared
from annotator.importing.prepare import prepare_files
from annotator.project import Project
from annotator.resources import demo_corpus_paths
from annotator.storage import migrations
from annotator.storage.migrations import MIGRATIONS
from tests.conftest import add_document


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_repost_is_imported_and_flagged(project: Project, tmp_path: Path) -> None:
    original = demo_corpus_paths()[4].read_text(encoding="utf-8")
    lines = original.split("\n")
    repost = "\n".join(["转载：" + lines[0], *lines[2:9], "（来源：某县融媒体中心）"])
    [first] = import_paths(project, [demo_corpus_paths()[4]])
    [second] = import_paths(project, [_write(tmp_path / "repost.txt", repost)])
    assert second.status is ImportStatus.IMPORTED
    assert any("Near duplicate" in flag for flag in second.flags)
    stored = project.document(second.document_id or 0)
    assert stored.near_duplicate_of == first.uuid
    assert stored.flags[-1].kind == "duplicate"


def test_different_articles_are_not_near_duplicates(project: Project) -> None:
    results = import_paths(project, demo_corpus_paths())
    assert all(r.status is ImportStatus.IMPORTED for r in results)
    assert all(project.document(r.document_id or 0).near_duplicate_of is None for r in results)


def test_exact_duplicates_in_one_batch(project: Project, tmp_path: Path) -> None:
    text = demo_corpus_paths()[3].read_text(encoding="utf-8")
    first, twin = import_paths(
        project, [_write(tmp_path / "a.txt", text), _write(tmp_path / "b.txt", text + "\n\n")]
    )
    assert twin.status is ImportStatus.DUPLICATE
    assert (twin.document_id, twin.uuid) == (first.document_id, first.uuid)


def test_prepare_touches_no_project_and_keeps_uuids(project: Project) -> None:
    prepared = prepare_files(demo_corpus_paths()[:2])
    assert project.documents() == []
    results = import_prepared(project, prepared)
    assert [d.uuid for d in project.documents()] == [r.uuid for r in results]


def test_cancelling_prepare_stops_early() -> None:
    calls = []
    prepared = prepare_files(demo_corpus_paths(), cancelled=lambda: len(calls) >= 2,
                             progress=lambda done, _total: calls.append(done))  # fmt: skip
    assert len(prepared) == 2


def test_unsupported_and_missing_files_are_reported(project: Project, tmp_path: Path) -> None:
    results = import_paths(project, [tmp_path / "missing.txt", _write(tmp_path / "x.rtf", "{")])
    assert [r.status for r in results] == [ImportStatus.FAILED, ImportStatus.FAILED]
    assert "Cannot read" in str(results[0].error)
    assert "Unsupported" in str(results[1].error)


def test_a_version_1_project_is_upgraded_to_the_current_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.annot"
    v1 = MIGRATIONS[:1]
    monkeypatch.setattr(migrations.migrate, "__defaults__", (v1,))
    with Project.create(path) as old:
        old.coder = "alice"
        db = old.stores.documents._db
        assert db.user_version() == 1
        columns = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
        assert "flags" not in columns
        db.execute(
            "INSERT INTO documents (uuid, title, imported_at, raw_text, text, text_length,"
            " text_sha256) VALUES ('u1', '旧文档', 'then', '正文', '正文', 2, 'h')"
        )
    monkeypatch.undo()

    with Project.open(path) as upgraded:
        assert upgraded.stores.documents._db.user_version() == migrations.current_version()
        [document] = upgraded.documents()
        assert (document.title, document.flags, document.near_duplicate_of) == ("旧文档", (), None)
        assert upgraded.upgrade_backup is not None
        assert upgraded.upgrade_backup.exists()
        upgraded.coder = "alice"
        add_document(upgraded)


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".html"])
def test_a_very_large_file_is_refused_before_reading(
    project: Project, tmp_path: Path, suffix: str
) -> None:
    from annotator.importing.prepare import MAX_BYTES

    huge = tmp_path / f"huge{suffix}"
    with huge.open("wb") as handle:  # sparse: no 50 MB written
        handle.truncate(MAX_BYTES + 1)
    [result] = import_paths(project, [huge, *demo_corpus_paths()[:1]])[:1]
    assert result.status is ImportStatus.FAILED
    assert "too large" in str(result.error)
    assert len(project.documents()) == 1  # the other file still imported
