"""Shared fixtures: a fresh in-memory project (sqlite-utils' ``fresh_db``) and files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.models import Document, NewDocument
from annotator.project import Project

# No deadlines (timings belong in bench/); in CI the examples are derandomised so
# a run is repeatable, locally they vary and hypothesis keeps failures in .hypothesis/.
settings.register_profile(
    "annotator",
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("annotator")

SAMPLE_TEXT = (
    "近年来，𠮷安阳市坚持以党建引领乡村振兴😀，推动村级集体经济发展。\n第二段：建立工作专班机制。"
)


@pytest.fixture
def project() -> Iterator[Project]:
    with Project.in_memory() as fresh:
        fresh.coder = "alice"
        yield fresh


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A project file on disk, created and closed: tests open it as they need."""
    path = tmp_path / "项目 test.annot"
    Project.create(path).close()
    return path


def add_document(project: Project, text: str = SAMPLE_TEXT, title: str = "样例") -> Document:
    return project.add_documents([NewDocument(text=text, raw_text=text, title=title)])[0]
