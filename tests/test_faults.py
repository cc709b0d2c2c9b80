"""Faults (issue 9, item 2): a kill -9 during an import, a merge or an export; a
project whose path has Chinese characters and spaces; two programs on one project.

The killed child runs the real command line with probes (tests/faults_support.py).
Stepped, it is blocked right after a known event when the SIGKILL comes, so the
outcome is exact; free, it runs on and the signal lands wherever it has got to
(inside SQLite, a zip writer…), so only "whole or nothing" is asserted. Kill
points are drawn, with a fixed seed, from the events of an unkilled run.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import shutil
import signal
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from annotator.cli import main as cli
from annotator.errors import ProjectLockedError
from annotator.files import atomic_output, write_text_atomically
from annotator.importing import import_paths
from annotator.project import Project
from annotator.storage.backups import list_backups
from annotator.teamwork.merge import merge_copies
from tests.conftest import add_document
from tests.faults_support import (
    CORPUS,
    FILES,
    assert_new_export,
    assert_search_index,
    coded_project,
    json_of,
    kill_point,
    leftovers,
    pages,
    resume,
    run_cli,
    run_to,
    sound,
    spawn,
    start_paused,
    state,
    team_files,
    whole,
    write_batch,
)

FORMATS = ("xlsx", "csv", "json", "qdpx", "html")


# -- a. a batch import -------------------------------------------------------------
@dataclass
class Batch:
    folder: Path
    empty: Path  # a new project, copied for each run
    expected: dict[str | None, tuple[object, ...]]  # file → the whole document
    events: list[str]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("import")
    folder = write_batch(root / "待导入 文件")
    with Project.in_memory() as reference:
        reference.coder = "setup"
        import_paths(reference, [folder])
        expected = {d.source_path: whole(reference, d) for d in reference.documents()}
    assert len(expected) == FILES
    empty = root / "空 empty.annot"
    Project.create(empty).close()
    shutil.copy(empty, root / "dry.annot")
    run = run_to("backup,import", ["import", str(root / "dry.annot"), str(folder)])
    assert run.events[-1] == "exit 0"
    return Batch(folder, empty, expected, run.events)


def test_a_near_duplicate_without_a_title_is_named_by_its_file(tmp_path: Path) -> None:
    """Found here: the flag named an untitled original by its uuid."""
    folder = write_batch(tmp_path / "待导入 文件")
    with Project.in_memory() as project:
        project.coder = "setup"
        import_paths(project, [folder])
        untitled = {d.uuid: d.source_path for d in project.documents() if d.title is None}
        reposts = [d for d in project.documents() if d.near_duplicate_of in untitled]
        assert reposts
        for document in reposts:
            message = document.flags[-1].message
            assert f"Near duplicate of “{untitled[document.near_duplicate_of]}”" in message


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "label", "step"),
    [
        (1, "prepare", True),  # reading the files: nothing written yet
        (2, "insert document", True),  # inside the one transaction
        (3, "store done", True),  # committed
        (4, "insert document", False),  # anywhere after: in SQLite, the commit…
        (6, "backup", False),  # in the rotating backup taken at open
    ],
)
def test_kill_during_batch_import_leaves_every_document_or_none(
    batch: Batch, tmp_path: Path, seed: int, label: str, step: bool
) -> None:
    path = tmp_path / "项目 import.annot"
    shutil.copy(batch.empty, path)
    at = kill_point(seed, batch.events, label)
    run = run_to("backup,import", ["import", str(path), str(batch.folder)], at, step=step)
    assert run.killed
    assert run.returncode == -signal.SIGKILL

    # An import is one command and one transaction: every document or none.
    with Project.open(path, backup=False) as project:
        documents = project.documents()
        stored = {d.source_path: whole(project, d) for d in documents}
        assert stored in ({}, batch.expected)
        if step:
            assert bool(stored) == run.saw("store done")
        assert_search_index(project, documents)
        assert len(project.history_entries()) == (1 if documents else 0)
    sound(path)
    for backup in list_backups(path):  # a listed backup is a whole project
        sound(backup.path)


# -- b. a merge of coders' copies ------------------------------------------------------
@dataclass
class Team:
    main: Path
    copies: list[Path]
    before: tuple[object, ...]
    after: tuple[object, ...]
    events: list[str]


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Team:
    root = tmp_path_factory.mktemp("merge")
    main, copies = team_files(root)
    merged = root / "merged.annot"
    shutil.copy(main, merged)
    with Project.open(merged, backup=False) as project:
        project.coder = "审阅人"
        merge_copies(project, copies)
    dry = root / "dry.annot"
    shutil.copy(main, dry)
    run = run_to("backup,merge", ["merge", str(dry), *map(str, copies), "--coder", "审阅人"])
    assert run.events[-1] == "exit 0"
    before, after = state(main), state(merged)
    assert before != after
    return Team(main, copies, before, after, run.events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "label", "step"),
    [
        (1, "read copy", True),
        (2, "insert annotation", True),
        (3, "insert review", True),
        (4, "merge done", True),
        (5, "insert annotation", False),
    ],
)
def test_kill_during_merge_leaves_a_whole_merge_or_none(
    team: Team, tmp_path: Path, seed: int, label: str, step: bool
) -> None:
    path = tmp_path / "主项目 main.annot"
    shutil.copy(team.main, path)
    copies = []
    for copy in team.copies:  # a copy is opened to be read: give each run its own
        copies.append(tmp_path / copy.name)
        shutil.copy(copy, copies[-1])
    at = kill_point(seed, team.events, label)
    argv = ["merge", str(path), *map(str, copies), "--coder", "审阅人"]
    run = run_to("backup,merge", argv, at, step=step)
    assert run.killed

    now = state(path)
    assert now in (team.before, team.after)
    if step:
        assert (now == team.after) == run.saw("merge done")
    sound(path)
    for copy in copies:
        sound(copy)


# -- c. an export ----------------------------------------------------------------
@dataclass
class Exported:
    project: Path
    old: dict[str, bytes]  # format → an earlier export (one document only)
    reference: dict[str, Path]  # format → the full export, by an unkilled run
    events: dict[str, list[str]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    root = tmp_path_factory.mktemp("export")
    path = root / "项目 export.annot"
    coded_project(path)
    result = Exported(path, {}, {}, {})
    for suffix in FORMATS:
        old = root / f"old.{suffix}"
        assert cli(["export", str(path), str(old), "--documents", "1"]) == 0
        result.old[suffix] = old.read_bytes()
        result.reference[suffix] = root / f"参考 reference.{suffix}"
        run = run_to("export", ["export", str(path), str(result.reference[suffix])])
        assert run.events[-1] == "exit 0"
        result.events[suffix] = run.events
    return result


def _writing(events: list[str]) -> list[int]:
    """The events (1-based) while the temporary file exists and the target is old."""
    opened = next(n for n, event in enumerate(events, 1) if event.startswith("open "))
    return list(range(opened, events.index("rename done") + 1))


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(("seed", "step"), [(1, True), (2, False)])
def test_kill_during_export_leaves_the_old_file_or_the_whole_new_one(
    exported: Exported, tmp_path: Path, suffix: str, seed: int, step: bool
) -> None:
    folder = tmp_path / "导出 结果"
    folder.mkdir()
    target = folder / f"编码 结果.{suffix}"
    target.write_bytes(exported.old[suffix])
    events = exported.events[suffix]
    choices = _writing(events) if step else range(1, len(events))
    at = random.Random(seed).choice(choices)
    temp = tmp_path / "tmp"
    temp.mkdir()
    argv = ["export", str(exported.project), str(target)]
    run = run_to("export", argv, at, step=step, env={"TMPDIR": str(temp)})
    assert run.killed

    renamed = target.read_bytes() != exported.old[suffix]
    if renamed:
        assert_new_export(target, exported.reference[suffix])
    left = leftovers(folder, target.name)  # never taken for output: not its suffix
    assert len(left) <= 1
    if step:  # killed while writing: the old file, and the temporary one beside it
        assert renamed == run.saw("rename done")
        assert bool(left) == (not renamed)
    # openpyxl's write-only sheets wait in the temporary folder: a kill leaves them there.
    assert all(p.name.startswith("openpyxl.") for p in temp.iterdir())
    # The next export writes over what a killed one left, and leaves only its output.
    assert cli(argv) == 0
    assert sorted(p.name for p in folder.iterdir()) == [target.name]
    assert_new_export(target, exported.reference[suffix])


@dataclass
class Reports:
    old: dict[str, bytes]  # page → its bytes, in a report of two documents
    new: dict[str, bytes]  # … in the full report, by an unkilled run
    events: list[str]


@pytest.fixture(scope="module")
def reports(exported: Exported, tmp_path_factory: pytest.TempPathFactory) -> Reports:
    root = tmp_path_factory.mktemp("pages")
    argv = ["export", str(exported.project), "--per-document"]
    assert cli([*argv, str(root / "old.html"), "--documents", "1,2"]) == 0
    shutil.copytree(root / "old", root / "new")  # the pages then go in one by one
    run = run_to("export", [*argv, str(root / "new.html")])
    assert run.events[-1] == "exit 0"
    return Reports(pages(root / "old"), pages(root / "new"), run.events)


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "label"), [(1, "progress"), (2, "rename done")])
def test_kill_during_a_report_per_document_leaves_whole_pages_and_one_staging_folder(
    exported: Exported, reports: Reports, tmp_path: Path, seed: int, label: str
) -> None:
    folder = tmp_path / "逐篇 报告"
    folder.mkdir()
    for name, data in reports.old.items():
        (folder / name).write_bytes(data)
    argv = ["export", str(exported.project), str(tmp_path / "逐篇 报告.html"), "--per-document"]
    for attempt in range(2):  # killed while writing the pages, or while moving them in
        run = run_to("export", argv, kill_point(seed + attempt, reports.events, label))
        assert run.killed
        for page in folder.iterdir():  # each page whole: the old one or the new one
            assert page.read_bytes() in (reports.old.get(page.name), reports.new.get(page.name))
    # Beside it, one hidden staging folder (the last kill's), not one per kill.
    assert len(leftovers(tmp_path, ".逐篇 报告")) == 1
    assert cli(argv) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["逐篇 报告"]
    assert pages(folder) == reports.new


# -- d. a folder whose path has Chinese characters and spaces -------------------------
def _assert_exports(folder: Path) -> None:
    """Each format holds the one coding, 党建, and opens or parses."""
    stem = folder / "抓党建 促振兴"
    sheet = openpyxl.load_workbook(stem.with_suffix(".xlsx"), read_only=True).worksheets[0]
    assert [("党建" in row) for row in sheet.iter_rows(min_row=2, values_only=True)] == [True]
    with stem.with_suffix(".csv").open(encoding="utf-8-sig", newline="") as table:
        rows = list(csv.reader(table))
    assert len(rows) == 2
    assert "党建" in rows[1]
    segments = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))["segments"]
    assert [segment["quote"] for segment in segments] == ["党建"]
    with zipfile.ZipFile(stem.with_suffix(".qdpx")) as archive:
        assert archive.testzip() is None
        assert "抓党建 促振兴" in archive.read("project.qde").decode("utf-8")
    assert "党建" in stem.with_suffix(".html").read_text(encoding="utf-8")
    pages = sorted(p.name for p in (folder / "逐篇 报告").iterdir())
    assert pages == ["001 坚持问题导向 推动新型农村集体经济高质量发展.html", "index.html"]


@pytest.mark.slow
def test_a_project_in_a_chinese_folder_with_spaces_works_end_to_end(tmp_path: Path) -> None:
    research = tmp_path / "我的 研究 资料"
    path = research / "项目 2026" / "抓党建 促振兴.annot"
    (research / "原始 文章").mkdir(parents=True)
    first = research / "原始 文章" / "第一篇 党建 引领.txt"
    second = research / "原始 文章" / "第二篇 集体 经济.txt"
    shutil.copy(CORPUS[0], first)
    shutil.copy(CORPUS[2], second)

    assert json_of("new", str(path), "--codebook", "default")["codes"] > 0
    [imported] = json_of("import", str(path), str(first))
    assert imported["status"] == "imported"
    document = str(imported["document_id"])
    start = json_of("text", str(path), document)["text"].index("党建")
    key = next(code["key"] for code in json_of("codebook", str(path)) if code["key"])
    argv = ("code", str(path), document, key, str(start), str(start + 2), "--quote", "党建")
    assert json_of(*argv, "--coder", "王 研究员")["quote"] == "党建"
    exports = research / "导出 结果"
    exports.mkdir()
    for suffix in FORMATS:
        assert json_of("export", str(path), str(exports / f"抓党建 促振兴.{suffix}"))["rows"] == 1
    json_of("export", str(path), str(exports / "逐篇 报告.html"), "--per-document")
    _assert_exports(exports)

    # Each import opened the project with a rotating backup of it as it was.
    assert json_of("import", str(path), str(second))[0]["status"] == "imported"
    backups = list_backups(path)
    assert {b.path.parent.name for b in backups} == {"抓党建 促振兴.annot-backups"}
    held = []
    for backup in backups:  # newest first; each opens as a project
        copy = tmp_path / "备份 副本" / backup.path.name
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(backup.path, copy)
        with Project.open(copy, backup=False) as project:
            held.append((len(project.documents()), len(project.annotations())))
    assert held == [(1, 1), (0, 0)]

    # Reopened, it is whole and holds everything.
    assert run_cli("check", str(path)).stdout == "ok\n"
    assert [d["annotations"] for d in json_of("documents", str(path))] == [1, 0]
    [annotation] = json_of("annotations", str(path))
    assert (annotation["quote"], annotation["coder"], annotation["key"]) == (
        "党建",
        "王 研究员",
        key,
    )


# -- e. two programs on one project --------------------------------------------------
@pytest.mark.slow
def test_a_second_program_is_refused_while_the_first_writes(
    project_path: Path, tmp_path: Path
) -> None:
    with Project.open(project_path, backup=False) as project:
        project.coder = "setup"
        add_document(project, CORPUS[0].read_text(encoding="utf-8"), "甲")
        project.add_code(key="M", name="举措")
    article = tmp_path / "另一篇 文章.txt"
    shutil.copy(CORPUS[1], article)
    writer = spawn(["writer", str(project_path)])
    assert writer.stdout is not None
    assert writer.stdin is not None
    assert writer.stdout.readline() == "ready\n"
    reported = [writer.stdout.readline().strip() for _ in range(20)]
    files = sorted(p.name for p in tmp_path.iterdir())

    refused = "项目已在另一个程序中打开 / The project is open in another program: "
    with pytest.raises(ProjectLockedError, match=re.escape(f"{refused}{project_path}")):
        Project.open(project_path)
    for argv in (
        ("code", str(project_path), "1", "M", "0", "2", "--coder", "second"),
        ("import", str(project_path), str(article)),
        ("documents", str(project_path)),
    ):
        result = run_cli(*argv)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == f"annotator: {refused}{project_path}\n"
        reported.append(writer.stdout.readline().strip())  # the first one writes on
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # not even a backup folder

    writer.stdin.write("stop\n")
    writer.stdin.flush()
    rest = [line.strip() for line in writer.stdout]
    assert writer.wait(timeout=60) == 0
    assert rest[-1] == "closed"
    reported += rest[:-1]
    with Project.open(project_path, backup=False) as project:
        assert sorted(a.uuid for a in project.annotations()) == sorted(reported)
        assert [c.name for c in project.coders()] == ["writer"]  # not "second"
        assert len(project.documents()) == 1
    sound(project_path)


# -- two writers of one output file -----------------------------------------------------
def test_two_writers_of_one_name_each_write_a_temporary_file_of_their_own(tmp_path: Path) -> None:
    target = tmp_path / "结果.csv"
    with atomic_output(target) as first:
        first.write_text("first", encoding="utf-8")
        with atomic_output(target) as second:  # another program exports to the same name
            assert second != first
            assert first.exists()  # held, so not taken for what a killed writer left
            second.write_text("second", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "second"
        first.write_text("first, whole", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "first, whole"  # the last rename wins
    assert leftovers(tmp_path, target.name) == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names descriptors via /proc")
def test_an_output_reaches_the_disk_before_it_replaces_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "结果.csv"
    target.write_text("old", encoding="utf-8")
    synced: list[tuple[str, str]] = []  # (what, the target's text at that moment)
    fsync = os.fsync

    def recording(handle: int) -> None:
        name = Path(os.readlink(f"/proc/self/fd/{handle}")).name
        synced.append((name, target.read_text(encoding="utf-8")))
        fsync(handle)

    monkeypatch.setattr(os, "fsync", recording)
    write_text_atomically(target, "new")
    assert [text for _, text in synced] == ["old", "new"]
    assert re.fullmatch(r"结果\.csv\.[0-9a-f]{8}\.partial", synced[0][0])  # the new file
    assert synced[1][0] == tmp_path.name  # then its folder, which holds the rename


@pytest.mark.slow
def test_an_export_to_a_file_another_program_is_writing_leaves_one_whole_file(
    exported: Exported, tmp_path: Path
) -> None:
    other = tmp_path / "另一个 项目.annot"  # a second program: another project
    shutil.copy(exported.project, other)
    target = tmp_path / "导出" / "结果.csv"
    target.parent.mkdir()
    argv = ["export", str(exported.project), str(target)]
    first = start_paused("export", argv, "progress 1000")  # a third of its rows written
    assert cli(["export", str(other), str(target), "--documents", "2"]) == 0
    assert resume(first) == 0
    assert target.read_bytes() == exported.reference["csv"].read_bytes()
    assert leftovers(target.parent, target.name) == []
