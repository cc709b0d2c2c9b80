"""A crash never loses a saved action: kill -9 in the middle of coding."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.project import Project
from tests.conftest import SAMPLE_TEXT, add_document

CHILD = r"""
import sys
from annotator.project import Project

project = Project.open(sys.argv[1], backup=False)
project.coder = "crash"
document = project.documents()[0]
code = project.codes()[0]
length = len(project.text(document.id))
print("ready", flush=True)
index = 0
while True:
    start = index % (length - 1)
    end = min(length, start + 1 + index // (length - 1))  # a new span every time
    annotation = project.add_annotation(document.id, code.id, start, end)
    print(annotation.uuid, flush=True)  # reported only after the commit returned
    index += 1
"""


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_loses_no_reported_annotation(project_path: Path, seed: int) -> None:
    with Project.open(project_path, backup=False) as project:
        project.coder = "setup"
        add_document(project, SAMPLE_TEXT * 3)
        project.add_code(key="M", name="举措")

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(project_path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    kill_after = random.Random(seed).randint(20, 400)
    reported = [child.stdout.readline().strip() for _ in range(kill_after)]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reported += [line.strip() for line in child.stdout if line.strip()]  # lines already written
    child.stdout.close()

    with Project.open(project_path, backup=False) as project:
        stored = {a.uuid for a in project.annotations()}
        assert set(reported) <= stored
        assert project.verify() == []
    conn = sqlite3.connect(project_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
