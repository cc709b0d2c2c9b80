"""Hostile files: nothing they hold is expanded, fetched, written or let through."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.importing import ImportStatus, import_paths
from annotator.importing.cleaning import clean
from annotator.importing.prepare import prepare_file
from annotator.project import Project

# --- plain text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF8 + b"\x00", codecs.BOM_UTF8 + b"\x00\n\x00", b"\x01\x02\x03", b"\x1b\n\x7f"],
    ids=["bom-nul", "bom-nul-lines", "controls", "escape-delete"],
)
def test_a_file_of_invisible_characters_has_no_text(tmp_path: Path, data: bytes) -> None:
    """Found by tests/test_properties.py: cleaning's "keep every line" fallback gave such a
    file back whole, a document of NUL that the store refused, failing the whole batch."""
    path = tmp_path / "invisible.txt"
    path.write_bytes(data)
    prepared = prepare_file(path)
    assert prepared.document is None
    assert prepared.error is not None
    assert "The file has no text" in prepared.error
    good = tmp_path / "good.txt"
    good.write_text("党建引领乡村振兴。", encoding="utf-8")
    with Project.in_memory() as project:
        results = import_paths(project, [path, good])
        assert [r.status for r in results] == [ImportStatus.FAILED, ImportStatus.IMPORTED]
        assert [project.text(d.id) for d in project.documents()] == ["党建引领乡村振兴。"]


def test_text_kept_when_cleaning_removed_everything_is_still_normalised() -> None:
    """The fallback keeps the lines, with tabs, NBSP and controls normalised as always."""
    text, draft = clean("第\t3\t页\n\xa0P. 12\x07\u200b")
    assert text == "第 3 页\nP. 12"
    assert "cleaning left no text: kept every line" in draft.log
