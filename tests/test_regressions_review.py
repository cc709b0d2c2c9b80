"""Defects found by the first code review, each pinned by a test.

Numbers refer to the review's list; each test fails on the code before its fix.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from pathlib import Path

import pytest

from annotator.changes import Changes
from annotator.cli import main
from annotator.commands.base import Command, Stores, new_uuid
from annotator.commands.documents import _snapshot
from annotator.errors import NotAProjectError, ValidationError
from annotator.identity import default_coder_name
from annotator.models import NewDocument
from annotator.project import Project
from annotator.storage.backups import list_backups
from tests.conftest import add_document


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


# 1 ---------------------------------------------------------------------------
def test_refused_wal_file_keeps_its_wal_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE t (x)")
    writer.execute("INSERT INTO t VALUES (1)")
    reader = sqlite3.connect(path)  # a second connection keeps the WAL alive on close
    reader.execute("SELECT * FROM t").fetchall()
    writer.close()
    before = _files(tmp_path)
    assert "other.db-wal" in before
    with pytest.raises(NotAProjectError):
        Project.open(path)
    assert _files(tmp_path) == before
    reader.close()


# 2, 3 ------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["我的 项目 #1.annot", "报告[2023].annot", "a%20b?.annot"])
def test_backups_work_whatever_the_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    Project.create(path).close()
    for _ in range(7):
        Project.open(path).close()
    assert len(list_backups(path)) == 1  # nothing changed: one backup, not seven


# 4 ---------------------------------------------------------------------------
class _InsertThenFail(Command):
    action = "test_insert_then_fail"
    text = "insert then fail"  # type: ignore[assignment]

    def apply(self, stores: Stores) -> Changes:
        snapshot = _snapshot(NewDocument(text="子丑寅卯辰巳午未申酉戌亥", raw_text=""), "now")
        document_id = stores.documents.insert(snapshot)
        stores.documents.text(document_id)  # cached inside the doomed transaction
        raise ValidationError("fails after reading")

    def revert(self, _stores: Stores) -> Changes:  # pragma: no cover - never applied
        return Changes()


def test_rollback_leaves_no_stale_text(project: Project) -> None:
    with pytest.raises(ValidationError):
        project.execute(_InsertThenFail())
    document = add_document(project, "甲乙丙丁")
    assert project.text(document.id) == "甲乙丙丁"


# 5, 9 ------------------------------------------------------------------------
def test_nul_deep_in_a_file_fails_that_file_only(project: Project, tmp_path: Path) -> None:
    from annotator.importing import ImportStatus, import_paths

    (tmp_path / "good.txt").write_text("好的文档。", encoding="utf-8")
    (tmp_path / "nul.txt").write_bytes("正文".encode() * 5000 + b"\x00" + "尾".encode())
    results = {Path(r.file).name: r.status for r in import_paths(project, [tmp_path])}
    assert results == {"good.txt": ImportStatus.IMPORTED, "nul.txt": ImportStatus.FAILED}


def test_title_may_come_in_metadata(project: Project) -> None:
    new = NewDocument(text="正文", raw_text="正文", metadata={"title": "通知", "region": "河南"})
    [document] = project.add_documents([new])
    assert (document.title, document.region) == ("通知", "河南")


def test_core_refuses_text_with_carriage_returns(project: Project) -> None:
    with pytest.raises(ValidationError, match="line endings"):
        project.add_documents([NewDocument(text="一\r\n二", raw_text="")])


# 6, 7, 8, 10, 11 -------------------------------------------------------------
def test_redo_keeps_a_created_coders_time(project: Project) -> None:
    document = add_document(project)
    code = project.add_code(key="M", name="举措")
    project.add_annotation(document.id, code.id, 0, 2, coder="新人")
    coder = project.coder_by_name("新人")
    created = project.stores.coders.created(coder.id)
    project.undo()
    project.redo()
    assert project.stores.coders.created(coder.id) == created


def test_undo_restores_exact_sibling_positions(project: Project) -> None:
    a = project.add_code(key="A", name="甲")
    b = project.add_code(key="B", name="乙")
    project.add_code(key="C", name="丙")
    project.delete_code(b.id)  # leaves a gap: A 0, C 2
    positions = [(c.key, c.position) for c in project.codes()]
    project.add_code(key="D", name="丁", index=1)
    project.undo()
    assert [(c.key, c.position) for c in project.codes()] == positions
    project.delete_code(a.id)
    project.undo()
    assert [(c.key, c.position) for c in project.codes()] == positions


def test_deleting_the_same_annotation_twice_in_one_call(project: Project) -> None:
    document = add_document(project)
    code = project.add_code(key="M", name="举措")
    annotation = project.add_annotation(document.id, code.id, 0, 2)
    project.delete_annotations([annotation.id, annotation.id])
    project.undo()
    assert project.annotations() == [annotation]


def test_a_code_without_a_key(project: Project) -> None:
    code = project.add_code(name="开放编码")
    assert code.key is None
    with pytest.raises(ValidationError, match="needs a name"):
        project.add_code(key="X")


def test_updates_with_nothing_to_change_are_refused(project: Project) -> None:
    document = add_document(project)
    code = project.add_code(key="M", name="举措")
    with pytest.raises(ValidationError, match="Nothing to change"):
        project.update_document(document.id)
    with pytest.raises(ValidationError, match="Nothing to change"):
        project.update_code(code.id)


# 12, 13, 14, 15 --------------------------------------------------------------
def _cli(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("reference", ["99999999999999999999999", "²", "٣"])
def test_odd_document_ids_are_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reference: str
) -> None:
    project = tmp_path / "p.annot"
    _cli(capsys, "new", project)
    status, _, err = _cli(capsys, "text", project, reference)
    assert status == 1
    assert "No such document" in err


def test_files_that_cannot_be_written_are_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.annot"
    _cli(capsys, "new", project)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    for argv in (
        ["export", project, tmp_path / "missing" / "out.xlsx"],
        ["codebook", project, "--export", tmp_path / "missing" / "cb.json"],
        ["new", tmp_path / "a.txt" / "p.annot"],
    ):
        status, _, err = _cli(capsys, *argv)
        assert status == 1, err
        assert err.startswith("annotator: ")
        assert err.count("\n") == 1
    assert not list(tmp_path.glob("**/*.partial"))


def test_control_characters_in_a_quote_export(project: Project, tmp_path: Path) -> None:
    from annotator.exporting.xlsx import export_xlsx

    document = add_document(project, "标题\n正文里有换页符\x0c和。")
    code = project.add_code(key="M", name="举措")
    project.add_annotation(document.id, code.id, 3, 12)
    assert export_xlsx(project, tmp_path / "out.xlsx") == 1


def test_new_with_a_bad_codebook_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    codes = [{"key": "A", "name": "甲"}, {"key": "B", "name": "乙", "color": "red"}]
    bad.write_text(json.dumps({"format": "annotator-codebook", "version": 1, "codes": codes}))
    status, _, err = _cli(capsys, "new", tmp_path / "p.annot", "--codebook", bad)
    assert status == 1
    assert "#RRGGBB" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_no_user_name_is_no_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_user() -> str:
        raise KeyError("getpwuid(): uid not found: 12345")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert default_coder_name() == "coder"


def test_json_carries_uuid_and_code_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.annot"
    _cli(capsys, "new", project, "--codebook", "default")
    (tmp_path / "a.txt").write_text("在产业大坝单独组建党支部。", encoding="utf-8")
    [imported] = json.loads(_cli(capsys, "import", project, tmp_path / "a.txt", "--json")[1])
    assert imported["uuid"]
    coded = json.loads(_cli(capsys, "code", project, "1", "M1.1", "0", "5", "--json")[1])
    [listed] = json.loads(_cli(capsys, "annotations", project, "--json")[1])
    for record in (coded, listed):
        assert {"id", "uuid", "key", "name", "start", "end", "quote", "coder"} <= set(record)
        assert record["name"] == "党组织设置与覆盖"
    history = json.loads(_cli(capsys, "history", project, "--json")[1])
    assert isinstance(history[0]["payload"], dict)


def test_codebook_archived_must_be_a_boolean() -> None:
    from annotator.codebooks import parse_codebook

    data = {"format": "annotator-codebook", "version": 1,
            "codes": [{"key": "A", "name": "甲", "archived": "false"}]}  # fmt: skip
    with pytest.raises(ValidationError, match="boolean"):
        parse_codebook(data)


def test_uuid_helper_is_random() -> None:
    assert new_uuid() != new_uuid()
