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

The parent side is :func:`spawn` and :func:`run_to`: no sleeps, only the
child's own lines tell where it is.
"""

from __future__ import annotations

import functools
import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def kill(child: subprocess.Popen[str]) -> list[str]:
    """SIGKILL the child; the lines it wrote before dying."""
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    assert child.stdout is not None
    rest = [line.rstrip("\n") for line in child.stdout]
    child.stdout.close()
    if child.stdin is not None:
        child.stdin.close()
    return rest


@dataclass
class Run:
    """What a child announced before it was killed, or before it finished."""

    events: list[str] = field(default_factory=list)
    output: list[str] = field(default_factory=list)
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
    for line in child.stdout:
        line = line.rstrip("\n")
        if not line.startswith(EVENT):
            run.output.append(line)
            continue
        run.events.append(line.removeprefix(EVENT))
        if len(run.events) == kill_after:
            run.killed = True
            # Free-running lines already written belong to what happened.
            for rest in kill(child):
                target = run.events if rest.startswith(EVENT) else run.output
                target.append(rest.removeprefix(EVENT))
            run.returncode = child.returncode
            return run
        if step:
            child.stdin.write("go\n")
            child.stdin.flush()
    child.stdin.close()
    child.stdout.close()
    run.returncode = child.wait(timeout=60)
    return run


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
