"""Plain-text import: UTF-8 with or without BOM, folders, duplicates, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.importing import ImportStatus, import_paths
from annotator.project import Project
from annotator.resources import demo_corpus_paths


def test_corpus_articles_import_cleaned(project: Project) -> None:
    results = import_paths(project, demo_corpus_paths())
    assert [r.status for r in results] == [ImportStatus.IMPORTED] * 5
    for result, path in zip(results, demo_corpus_paths(), strict=True):
        assert result.document_id is not None
        assert project.raw_text(result.document_id) == path.read_text(encoding="utf-8")
    assert results[4].title == "铜仁江口:“三个三”凝心聚力抓党建促乡村振兴"
    assert len(results[1].flags) == 3  # 001's corruption sites
    stored = project.document(results[1].document_id or 0)
    assert [flag.kind for flag in stored.flags] == ["corruption"] * 3


def test_bom_and_crlf_are_normalised_and_logged(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeff标题\r\n正文第一行\r正文第二行\r\n".encode())
    [result] = import_paths(project, [path])
    assert result.document_id is not None
    assert project.text(result.document_id) == "正文第一行\n正文第二行"
    assert project.document(result.document_id).title == "标题"
    assert project.raw_text(result.document_id).startswith("标题\r\n")
    log = project.import_log(result.document_id)
    assert log[:2] == ("decoded as utf-8 (byte-order mark)", "normalised line endings to \\n")


def test_bad_files_fail_alone_and_leave_nothing(project: Project, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("党建引领乡村振兴。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 20)
    (tmp_path / "latin.txt").write_bytes("Ærøskøbing café".encode("latin-1"))
    (tmp_path / "notes.rtf").write_text("{\\rtf1}", encoding="ascii")
    results = {Path(r.file).name: r for r in import_paths(project, [tmp_path])}
    assert set(results) == {"good.txt", "empty.txt", "blank.txt", "binary.txt", "latin.txt"}
    assert results["good.txt"].status is ImportStatus.IMPORTED
    assert "empty" in str(results["empty.txt"].error)
    assert "no text" in str(results["blank.txt"].error)
    assert "binary" in str(results["binary.txt"].error)
    assert "encoding" in str(results["latin.txt"].error)
    assert len(project.documents()) == 1

    [unsupported] = import_paths(project, [tmp_path / "notes.rtf"])
    assert unsupported.status is ImportStatus.FAILED
    assert "Unsupported" in str(unsupported.error)


def test_a_text_the_store_would_refuse_fails_alone(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever cleaning lets through, the store's rules are checked per file, so one
    file never sinks the batch (the batch is stored as one command)."""
    from annotator.importing import prepare

    real_clean = prepare.clean

    def leaky_clean(text: str, hints: dict[str, str]) -> object:
        cleaned, draft = real_clean(text, hints)
        return (cleaned + "\x00" if "坏" in cleaned else cleaned), draft

    monkeypatch.setattr(prepare, "clean", leaky_clean)
    (tmp_path / "good.txt").write_text("党建引领乡村振兴。", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("坏文件。", encoding="utf-8")
    results = {Path(r.file).name: r for r in import_paths(project, [tmp_path])}
    assert results["good.txt"].status is ImportStatus.IMPORTED
    assert results["bad.txt"].status is ImportStatus.FAILED
    assert "NUL" in str(results["bad.txt"].error)
    assert len(project.documents()) == 1


def test_duplicates_are_reported_and_skipped(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("同一篇文章", encoding="utf-8")
    (tmp_path / "b.txt").write_text("同一篇文章\n", encoding="utf-8")
    first, twin = import_paths(project, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert (first.status, twin.status) == (ImportStatus.IMPORTED, ImportStatus.DUPLICATE)
    assert twin.document_id == first.document_id
    [again] = import_paths(project, [tmp_path / "a.txt"])
    assert again.status is ImportStatus.DUPLICATE
    assert again.document_id == first.document_id
    assert len(project.documents()) == 1


def test_one_import_is_one_undo_step(project: Project) -> None:
    import_paths(project, demo_corpus_paths())
    assert project.history.undo_text == "导入 5 个文档 / Import 5 documents"
    project.undo()
    assert project.documents() == []


def test_progress_is_reported(project: Project) -> None:
    seen: list[tuple[int, int]] = []
    import_paths(
        project, demo_corpus_paths(), progress=lambda done, total: seen.append((done, total))
    )
    assert seen[0] == (0, 5)
    assert seen[-1] == (5, 5)
