"""Kill a child process at a known point of an operation (used by tests/test_faults.py).

The child is ``python -m tests.faults_support cli [--step] PROBES -- ARGV…``. It
wraps a few functions of the core so that each call announces itself on stdout
(a line ``@ label``), then runs the real command line, ``annotator ARGV…``. With
``--step`` it waits after each announcement for a line on stdin, so the parent
kills it exactly there (the child is blocked, mid-operation); without, it runs
on and the kill lands wherever it has got to (inside SQLite, a zip writer…).
Its last line is ``@ exit N``.

``python -m tests.faults_support writer PROJECT`` holds a project open and adds
annotations, printing each one's uuid once its commit returned, until it reads
``stop`` on stdin; then it closes the project and prints ``closed``.

The parent's side is :func:`run_to` (kill), :func:`start_paused` and
:func:`resume` (pause), :func:`spawn`: no sleeps, only the child's own lines
tell where it is. Below them, the projects and files the tests build, and
their checks.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from annotator.importing import import_paths
from annotator.models import Document, DocumentId, ReviewStatus
from annotator.project import Project
from annotator.resources import demo_corpus_paths
from annotator.search import search
from annotator.storage.search_index import searchable
from annotator.teamwork.handout import hand_out
from tests.conftest import add_document

ROOT = Path(__file__).parents[1]
EVENT = "@ "


# -- the parent's side -----------------------------------------------------------
def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), **(extra or {})}


def spawn(args: Sequence[str], env: Mapping[str, str] | None = None) -> subprocess.Popen[str]:
    """``python -m tests.faults_support ARGS…`` with pipes for its stdin and stdout."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults_support", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=child_env(env),
        cwd=ROOT,
    )


@dataclass
class Run:
    """What a child announced before it was killed, or before it finished."""

    events: list[str] = field(default_factory=list)
    killed: bool = False
    returncode: int = 0

    def saw(self, label: str) -> bool:
        return label in self.events


def run_to(
    probes: str,
    argv: Sequence[str],
    kill_after: int | None = None,
    *,
    step: bool = True,
    env: Mapping[str, str] | None = None,
) -> Run:
    """Run ``annotator ARGV…`` in a child and SIGKILL it after its ``kill_after``-th
    event (``None``: let it finish). Stepped, the child is blocked right after that
    event when it dies; free, it has run on for as long as the signal took."""
    child = spawn(["cli", *(["--step"] if step else []), probes, "--", *argv], env)
    assert child.stdout is not None
    assert child.stdin is not None
    run = Run()
    for line in child.stdout:  # the CLI's own report lines are not events
        if line.startswith(EVENT):
            run.events.append(line.removeprefix(EVENT).rstrip("\n"))
        if len(run.events) == kill_after:
            child.send_signal(signal.SIGKILL)
            run.killed = True
            break
        if step and line.startswith(EVENT):
            child.stdin.write("go\n")
            child.stdin.flush()
    run.returncode = child.wait(timeout=60)
    # A free child's last events, written before it died, belong to what happened.
    run.events += [x.removeprefix(EVENT).rstrip("\n") for x in child.stdout if x.startswith(EVENT)]
    child.stdout.close()
    child.stdin.close()
    return run


def start_paused(probes: str, argv: Sequence[str], label: str) -> subprocess.Popen[str]:
    """Start ``annotator ARGV…`` stepped; return it blocked right after its first event
    that starts with ``label`` (go on with :func:`resume`)."""
    child = spawn(["cli", "--step", probes, "--", *argv])
    assert child.stdout is not None
    assert child.stdin is not None
    for line in child.stdout:
        if line.removeprefix(EVENT).startswith(label):
            return child
        child.stdin.write("go\n")
        child.stdin.flush()
    raise AssertionError(f"the child ended before {label!r}: {child.wait()}")


def resume(child: subprocess.Popen[str]) -> int:
    """Let a paused child run to its end; its exit status."""
    assert child.stdout is not None
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    for line in child.stdout:
        if line.startswith(EVENT):
            child.stdin.write("go\n")
            child.stdin.flush()
    child.stdin.close()
    child.stdout.close()
    return child.wait(timeout=60)


# -- what the tests build and check ---------------------------------------------------
CORPUS = demo_corpus_paths()
FILES = 30


def sound(path: Path) -> None:
    """The file opens, passes verify() and SQLite's own integrity check."""
    with Project.open(path, backup=False) as project:
        assert project.verify() == []
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def kill_point(seed: int, events: list[str], label: str) -> int:
    """A random place (1-based) among the events whose label starts with ``label``."""
    places = [n for n, event in enumerate(events, 1) if event.startswith(label)]
    assert places, f"no event {label!r} in {events}"
    return random.Random(seed).choice(places)


def write_batch(folder: Path) -> Path:
    """Thirty distinct articles: the corpus, each with a numbered first line."""
    folder.mkdir()
    for i in range(FILES):
        text = CORPUS[i % len(CORPUS)].read_text(encoding="utf-8")
        first = f"第{i}号通知：关于第{i}批工作的安排。\n\n"
        (folder / f"{i:03d} 通知.txt").write_text(first + text, encoding="utf-8")
    return folder


def whole(project: Project, document: Document) -> tuple[object, ...]:
    """Everything an import stores, less what differs from run to run."""
    same = dataclasses.replace(
        document, id=DocumentId(0), uuid="", imported_at="", near_duplicate_of=None
    )
    return (
        same,
        document.near_duplicate_of is not None,
        project.text(document.id),
        project.raw_text(document.id),
        project.import_log(document.id),
    )


def assert_search_index(project: Project, documents: list[Document]) -> None:
    """Each document's search text is its own, and search finds it by its first line."""
    stored = project.stores.documents.search.all()  # read from the file: a fresh project
    assert stored == {d.id: searchable(project.text(d.id)) for d in documents}
    for document in documents:
        number = int((document.source_path or "")[:3])
        found = search(project, f"第{number}号通知")
        assert [line.hit.document_id for line in found.lines] == [document.id]


def state(path: Path) -> tuple[object, ...]:
    with Project.open(path, backup=False) as project:
        annotations = project.annotations()
        return (
            sorted(a.uuid for a in annotations),
            sorted(c.name for c in project.coders()),
            sorted((r.annotation_id, r.status) for r in project.reviews(a.id for a in annotations)),
            sorted(c.uuid for c in project.codes()),
            sorted(d.uuid for d in project.documents()),
            len(project.history_entries()),
        )


def code_copy(path: Path, coder: str, spans: int) -> None:
    with Project.open(path, backup=False) as copy:
        copy.coder = coder
        document, codes = copy.documents()[0], copy.codes()
        for i in range(spans):
            start = (i * 3) % (document.text_length - 10)
            copy.add_annotation(document.id, codes[i % 2].id, start, start + 2 + i % 5)
        for annotation in copy.annotations()[:5]:
            copy.review_annotation(annotation.id, ReviewStatus.ACCEPTED, "好")


def team_files(root: Path) -> tuple[Path, list[Path]]:
    main = root / "主项目 main.annot"
    with Project.create(main) as project:
        project.coder = "审阅人"
        project.add_code(key="M1", name="党建引领")
        project.add_code(key="M2", name="集体经济")
        for path in CORPUS[:3]:
            add_document(project, path.read_text(encoding="utf-8"), path.stem)
        copies = [root / "副本 张三.annot", root / "副本 李四.annot"]
        for coder, copy in zip(("张三", "李四"), copies, strict=True):
            hand_out(project, copy, coder)
    for coder, copy in zip(("张三", "李四"), copies, strict=True):
        code_copy(copy, coder, 60)
    return main, copies


def coded_project(path: Path) -> None:
    with Project.in_memory() as project:
        project.coder = "alice"
        import_paths(project, CORPUS)
        codes = [project.add_code(key=f"M{i}", name=f"举措{i}") for i in range(1, 5)]
        documents = project.documents()
        for i in range(1300):  # 2,600 codings: CSV and JSON report every 1,000 rows
            document = documents[i % len(documents)]
            start = (i * 7) % (document.text_length - 20)
            for coder in ("alice", "bob"):
                end = start + 5 + i % 3 + (coder == "bob")
                project.add_annotation(document.id, codes[i % 4].id, start, end, coder=coder)
        project.save_copy(path)


def leftovers(folder: Path, name: str) -> list[str]:
    """What sits in ``folder`` beside ``name``: only temporary files named for it."""
    others = sorted(p.name for p in folder.iterdir() if p.name != name.lstrip("."))
    assert all(re.fullmatch(re.escape(name) + r"\.[0-9a-f]{8}\.partial", n) for n in others)
    return others


def assert_new_export(path: Path, reference: Path) -> None:
    """``path`` is the whole new export: it opens or parses, and matches an unkilled run."""
    if path.suffix in (".xlsx", ".qdpx"):  # the same members (times aside), and it opens
        with zipfile.ZipFile(path) as new, zipfile.ZipFile(reference) as ref:
            assert new.testzip() is None
            names = [n for n in ref.namelist() if n != "docProps/core.xml"]  # creation time
            assert [new.read(n) for n in names] == [ref.read(n) for n in names]
        if path.suffix == ".xlsx":
            openpyxl.load_workbook(path, read_only=True).close()
        return
    assert path.read_bytes() == reference.read_bytes()
    if path.suffix == ".json":
        assert len(json.loads(path.read_text(encoding="utf-8"))["segments"]) == 2600
    elif path.suffix == ".html":
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")


def pages(folder: Path) -> dict[str, bytes]:
    return {page.name: page.read_bytes() for page in folder.iterdir()}


def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """The command line, as a program of its own."""
    return subprocess.run(
        [sys.executable, "-m", "annotator", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=child_env(),
        timeout=120,
        check=False,
    )


def json_of(*argv: str) -> Any:
    result = run_cli(*argv, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# -- the child's side -------------------------------------------------------------
_STEP = False


def announce(label: str) -> None:
    print(EVENT + label, flush=True)
    if _STEP and sys.stdin.readline() == "":
        os._exit(70)  # the parent went away


def _probe(owner: Any, name: str, label: str, *, after: bool = False) -> None:
    """Make every call of ``owner.name`` announce ``label`` (and ``label done``)."""
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        announce(label)
        result = original(*args, **kwargs)
        if after:
            announce(f"{label} done")
        return result

    setattr(owner, name, wrapper)


def _partial_files(event: str, args: tuple[Any, ...]) -> None:
    """Announce the opening of a temporary output file (``….partial``)."""
    if event == "open" and str(args[0]).endswith(".partial") and args[1] not in (None, "r", "rb"):
        announce(f"open {Path(str(args[0])).name}")


def _backup_probes() -> None:
    from annotator.storage.database import Database

    _probe(Database, "backup_to", "backup", after=True)


def _import_probes() -> None:
    from annotator.importing import batch, prepare
    from annotator.storage.documents import DocumentStore

    _probe(prepare, "prepare_file", "prepare")
    _probe(DocumentStore, "insert", "insert document")
    _probe(batch, "_store", "store", after=True)


def _merge_probes() -> None:
    from annotator.cli import teamwork
    from annotator.storage.annotations import AnnotationStore, ReviewStore
    from annotator.storage.coders import CoderStore
    from annotator.teamwork import merge

    _probe(merge, "read_copy", "read copy")
    _probe(CoderStore, "insert", "insert coder")
    _probe(AnnotationStore, "insert", "insert annotation")
    _probe(ReviewStore, "insert", "insert review")
    _probe(teamwork, "merge_copies", "merge", after=True)


def _export_probes() -> None:
    import zipfile

    from annotator.cli import exports

    export = exports.export

    def reporting(*args: Any, **kwargs: Any) -> int:
        return export(*args, **kwargs, progress=lambda done, _total: announce(f"progress {done}"))

    exports.export = reporting  # type: ignore[assignment]
    sys.addaudithook(_partial_files)
    for name in ("write", "writestr", "open"):
        _probe(zipfile.ZipFile, name, f"zip {name}")
    _probe(Path, "replace", "rename", after=True)


PROBES: dict[str, Callable[[], None]] = {
    "backup": _backup_probes,
    "import": _import_probes,
    "merge": _merge_probes,
    "export": _export_probes,
}


def _cli(args: list[str]) -> int:
    global _STEP
    _STEP = args[0] == "--step"
    if _STEP:
        args = args[1:]
    probes, argv = args[0], args[args.index("--") + 1 :]
    for probe in filter(None, probes.split(",")):
        PROBES[probe]()
    from annotator.cli import main

    status = main(argv)
    announce(f"exit {status}")
    return status


def _writer(path: str) -> int:
    from annotator.project import Project

    project = Project.open(path, backup=False)
    project.coder = "writer"
    document = project.documents()[0]
    code = project.codes()[0]
    length = len(project.text(document.id))
    print("ready", flush=True)
    index = 0
    while not select.select([sys.stdin], [], [], 0)[0]:  # until the parent says stop
        start = index % (length - 1)
        end = min(length, start + 1 + index // (length - 1))  # a new span every time
        print(project.add_annotation(document.id, code.id, start, end).uuid, flush=True)
        index += 1
    project.close()
    print("closed", flush=True)
    return 0


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    sys.exit(_cli(rest) if kind == "cli" else _writer(rest[0]))
