"""Faults a laptop meets: a full disk, a read-only file, a damaged project and its backups."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator import recovery
from annotator.cli import main as cli
from annotator.errors import (
    DamagedProjectError,
    NotAProjectError,
    ProjectLockedError,
    ReadOnlyProjectError,
    SaveFailedError,
)
from annotator.exporting import ExportOptions, export
from annotator.models import NewDocument
from annotator.project import Project
from annotator.storage.backups import list_backups
from tests.conftest import add_document
from tests.recovery_support import (
    coded_project,
    damage_header,
    damage_pages,
    digest,
    fill_disk,
    free_disk,
    two_backups,
)


# -- a full disk -----------------------------------------------------------------
def test_full_disk_refuses_the_action_and_leaves_the_project_as_it_was(
    project_path: Path,
) -> None:
    with Project.open(project_path, backup=False) as project:
        project.coder = "alice"
        document = add_document(project)
        code = project.add_code(key="M", name="举措")
        fill_disk(project)
        big = [NewDocument(text=f"长文{i}" * 20000, raw_text="x", title=f"大{i}") for i in range(3)]
        with pytest.raises(SaveFailedError, match="disk is full"):
            project.add_documents(big)
        assert [d.id for d in project.documents()] == [document.id]
        assert project.history.undo_text.startswith("添加编码")  # the stack did not move
        assert project.verify() == []
        free_disk(project)
        project.add_documents(big)  # the same action works once there is room
        project.add_annotation(document.id, code.id, 0, 3)
    with Project.open(project_path, backup=False) as project:
        assert len(project.documents()) == 4
        assert len(project.annotations()) == 1
        assert project.verify() == []


def test_full_disk_during_redo_keeps_both_stacks(project_path: Path) -> None:
    with Project.open(project_path, backup=False) as project:
        project.coder = "alice"
        project.add_documents([NewDocument(text="长文" * 30000, raw_text="x", title="大")])
        project.undo()
        project._db.execute("VACUUM")  # hand the freed pages back: redo must grow the file
        fill_disk(project)
        with pytest.raises(SaveFailedError):
            project.redo()
        assert project.history.can_redo
        assert not project.history.can_undo
        assert project.documents() == []
        free_disk(project)
        project.redo()
        assert len(project.documents()) == 1


def test_controller_shows_the_full_disk_message(project_path: Path) -> None:
    pytest.importorskip("PySide6")
    from ui.controller import ProjectController

    controller = ProjectController(Project.open(project_path, backup=False))
    messages: list[str] = []
    controller.error.connect(messages.append)
    fill_disk(controller.project)
    done = controller.run(
        lambda: controller.project.add_documents(
            [NewDocument(text="长" * 100000, raw_text="x", title="大")]
        )
    )
    assert done is None
    assert messages
    assert "disk is full" in messages[0]
    assert controller.project.documents() == []
    controller.close()


# -- a read-only project ----------------------------------------------------------
def test_read_only_project_reads_and_exports_but_refuses_every_change(
    project_path: Path, tmp_path: Path
) -> None:
    coded_project(project_path)
    before = digest(project_path)
    backups_before = list_backups(project_path)
    with Project.open(project_path, read_only=True) as project:
        project.coder = "bob"
        assert project.read_only
        assert project.open_backup is None
        assert len(project.annotations()) == 12
        export(project, tmp_path / "out.xlsx", ExportOptions())
        code = project.code_by_key("M")
        document = project.documents()[0]
        with pytest.raises(ReadOnlyProjectError, match="read-only"):
            project.add_annotation(document.id, code.id, 5, 9)
        with pytest.raises(ReadOnlyProjectError):
            project.update_code(code.id, name="改名")
        assert not project.history.can_undo
        assert project.verify() == []
        project.save_copy(tmp_path / "copy.annot")  # the way to work on it
    assert (tmp_path / "out.xlsx").stat().st_size > 0
    assert digest(project_path) == before
    assert list_backups(project_path) == backups_before
    with Project.open(tmp_path / "copy.annot", backup=False) as copy:
        assert not copy.read_only
        assert len(copy.annotations()) == 12


def test_a_file_this_program_may_not_write_opens_read_only(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coded_project(project_path, documents=2)
    before = digest(project_path)
    monkeypatch.setattr("annotator.project.can_write", lambda _path: False)
    with Project.open(project_path) as project:
        project.coder = "bob"
        assert project.read_only
        with pytest.raises(ReadOnlyProjectError, match="save a copy"):
            project.add_code(key="J", name="机制")
    assert digest(project_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_file_and_folder_open_read_only(project_path: Path) -> None:
    coded_project(project_path, documents=2)
    folder = project_path.parent
    project_path.chmod(0o444)
    folder.chmod(0o555)
    try:
        with Project.open(project_path) as project:
            assert project.read_only
            assert len(project.documents()) == 2
    finally:
        folder.chmod(0o755)
        project_path.chmod(0o644)


def test_a_read_only_open_leaves_nothing_beside_the_file(project_path: Path) -> None:
    """Files left beside it (owned by another user) would lock its owner out later."""
    coded_project(project_path, documents=2)
    beside = sorted(project_path.parent.iterdir())
    with Project.open(project_path, read_only=True) as project:
        assert len(project.annotations()) == 2
        assert sorted(project_path.parent.iterdir()) == beside
    assert sorted(project_path.parent.iterdir()) == beside
    with Project.open(project_path, backup=False) as project:  # the owner still can
        assert not project.read_only


def test_a_read_only_open_of_a_project_in_use_is_refused_not_stale(project_path: Path) -> None:
    coded_project(project_path, documents=2)
    with (
        Project.open(project_path, backup=False),
        pytest.raises(ProjectLockedError, match="another program"),
    ):
        Project.open(project_path, read_only=True)


def test_a_read_only_project_takes_no_backup(project_path: Path) -> None:
    coded_project(project_path, documents=2)
    with Project.open(project_path, backup=False) as project:
        project.coder = "alice"
        project.add_code(key="J", name="机制")  # a backup would be due
    before = list_backups(project_path)
    with Project.open(project_path, read_only=True) as project:
        project.take_backup()
        assert project.open_backup is None
    assert list_backups(project_path) == before


def test_read_only_open_does_not_lock_out_a_second_reader(project_path: Path) -> None:
    coded_project(project_path, documents=2)
    with (
        Project.open(project_path, read_only=True) as first,
        Project.open(project_path, read_only=True) as second,
    ):
        assert len(first.documents()) == len(second.documents()) == 2


def read_everything(project: Project) -> None:
    for document in project.documents():
        project.text(document.id)
        project.annotations(document.id)


# -- a damaged project and its backups ------------------------------------------------
def test_damaged_pages_are_found_by_the_backup_which_keeps_the_good_ones(
    project_path: Path,
) -> None:
    coded_project(project_path)
    [good] = list_backups(project_path)
    with Project.open(project_path, backup=False) as project:
        project.coder = "alice"
        project.add_code(key="J", name="机制")  # a backup is due now
    damage_pages(project_path)
    with Project.open(project_path, backup=False) as project:
        with pytest.raises(DamagedProjectError, match="damaged"):  # reading meets the pages
            read_everything(project)
        project.take_backup()
        assert project.damage is not None
        assert "damaged" in project.damage
        assert project.verify() != []
    assert list_backups(project_path) == [good]  # no damaged copy pushed it out


@pytest.mark.parametrize("damage", [damage_pages, damage_header])
def test_restore_puts_the_newest_good_backup_back(project_path: Path, damage: object) -> None:
    coded_project(project_path)
    damage(project_path)  # type: ignore[operator]
    done = recovery.restore(project_path)
    assert done.kept is not None
    assert done.kept.name.endswith(".damaged")
    assert done.kept.exists()
    with Project.open(project_path) as project:
        assert len(project.annotations()) == 12
        assert project.verify() == []
    # the damaged file is kept aside, never listed as a backup
    assert all(summary.good for summary in recovery.backups(project_path))


def test_header_damage_is_refused_on_open_and_backups_still_listed(project_path: Path) -> None:
    coded_project(project_path)
    damage_header(project_path)
    with pytest.raises(NotAProjectError):
        Project.open(project_path)
    [summary] = recovery.backups(project_path)
    assert summary.good
    assert summary.documents == 12
    assert summary.annotations == 12
    assert summary.last_action


def test_restoring_a_sound_project_keeps_it_as_the_newest_backup(project_path: Path) -> None:
    coded_project(project_path, documents=3)
    with Project.open(project_path, backup=False) as project:
        project.coder = "alice"
        project.add_code(key="J", name="机制")  # newer than the backup
    [old] = list_backups(project_path)
    done = recovery.restore(project_path, old.path)
    assert done.kept is not None
    assert done.kept.suffix == ".annot"
    with Project.open(project_path, backup=False) as project:
        assert [c.key for c in project.codes()] == ["M"]
    recovery.restore(project_path, done.kept)  # and back again
    with Project.open(project_path, backup=False) as project:
        assert [c.key for c in project.codes()] == ["M", "J"]


def test_restore_refuses_a_project_open_elsewhere_and_a_damaged_backup(
    project_path: Path,
) -> None:
    coded_project(project_path, documents=2)
    [backup] = list_backups(project_path)
    with Project.open(project_path, backup=False), pytest.raises(ProjectLockedError):
        recovery.restore(project_path, backup.path)
    damage_header(backup.path)
    [summary] = recovery.backups(project_path)
    assert not summary.good
    with pytest.raises(Exception, match="damaged"):
        recovery.restore(project_path, backup.path)
    with Project.open(project_path, backup=False) as project:  # untouched
        assert len(project.documents()) == 2


def test_cli_lists_backups_and_restores_by_number(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded_project(project_path, documents=2)
    damage_pages(project_path)
    assert cli(["backups", str(project_path), "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["good"]
    assert listed["documents"] == 2
    assert listed["number"] == 1
    assert cli(["restore", str(project_path), "1"]) == 0
    assert "restored" in capsys.readouterr().out
    assert cli(["check", str(project_path)]) == 0
    assert cli(["restore", str(project_path), "9"]) == 1
    assert "No backup number 9" in capsys.readouterr().err


# -- found in review: restores that lose nothing ---------------------------------------
def test_a_restore_whose_last_rename_fails_puts_the_project_back(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coded_project(project_path, documents=2)
    before = digest(project_path)
    [backup] = list_backups(project_path)
    real_replace = Path.replace

    def replace(self: Path, target: Path) -> Path:
        if self.name.endswith(".restoring"):
            raise OSError(5, "Input/output error")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(Exception, match="unchanged"):
        recovery.restore(project_path, backup.path)
    assert digest(project_path) == before
    assert not project_path.with_name(project_path.name + ".restoring").exists()


def test_a_restored_backup_is_not_backed_up_again(project_path: Path) -> None:
    older = two_backups(project_path)[1]
    recovery.restore(project_path, older.path)
    count = len(list_backups(project_path))
    Project.open(project_path).close()  # the restored state is in the list already
    assert len(list_backups(project_path)) == count


def test_a_lone_wal_never_meets_the_restored_file(project_path: Path) -> None:
    coded_project(project_path, documents=2)
    [backup] = list_backups(project_path)
    wal = project_path.with_name(project_path.name + "-wal")
    project_path.unlink()
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(60))  # a WAL header of no file now
    recovery.restore(project_path, backup.path)
    assert not wal.exists()
    with Project.open(project_path, backup=False) as project:
        assert project.verify() == []


def test_damage_names_the_damaged_file(tmp_path: Path) -> None:
    other = tmp_path / "同事.annot"
    Project.create(other).close()
    coded_project(other, documents=3)
    damage_pages(other)
    project = Project.open(other, backup=False)
    with pytest.raises(DamagedProjectError) as caught:
        project.check_pages()
    project.close()
    assert caught.value.path == other
    assert str(other) in str(caught.value)


def test_the_cli_refuses_to_act_on_a_project_its_backup_finds_damaged(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded_project(project_path, documents=3)
    with Project.open(project_path, backup=False) as project:
        project.coder = "alice"
        project.add_code(key="J", name="机制")  # a backup is due
    damage_pages(project_path)
    before = list_backups(project_path)
    assert cli(["codes", str(project_path), "delete", "J", "--yes"]) == 1
    assert "damaged" in capsys.readouterr().err
    assert list_backups(project_path) == before
