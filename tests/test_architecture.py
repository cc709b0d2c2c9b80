"""The layering rules, checked on the source itself (ruff's TID251 checks the core too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _files("annotator"), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_never_imports_qt_or_ui(path: Path) -> None:
    assert not _imports(path) & {"PySide6", "ui"}


@pytest.mark.parametrize("path", _files("annotator"), ids=lambda p: str(p.relative_to(ROOT)))
def test_sql_lives_only_in_storage(path: Path) -> None:
    if "storage" not in path.parts:
        assert "sqlite3" not in _imports(path)


@pytest.mark.parametrize("path", _files("ui"), ids=lambda p: str(p.relative_to(ROOT)))
def test_ui_never_touches_sql(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "sqlite3" not in _imports(path)
    assert ".execute(" not in source
    assert "annotator.storage" not in source
