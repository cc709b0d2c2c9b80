"""Word frequency with the domain dictionary (domain.md §2) and the project's own lists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from annotator.cli import main as cli
from annotator.demo import create_demo_project
from annotator.errors import ValidationError
from annotator.exporting.words import export_word_frequencies
from annotator.project import Project
from annotator.wordfreq import (
    CORPUS,
    DOCUMENT,
    SetWordLists,
    WordLists,
    word_frequencies,
    word_lists,
)
from tests.conftest import add_document


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    project = create_demo_project(tmp_path_factory.mktemp("demo") / "demo.annot")
    yield project
    project.close()


def _counts(found: dict[str, list]) -> dict[str, int]:  # type: ignore[type-arg]
    return {c.word: c.count for c in found[CORPUS]}


def test_domain_terms_are_counted_whole_as_the_research_notes_found(demo: Project) -> None:
    counts = _counts(word_frequencies(demo))
    assert counts["乡村振兴"] == 22  # domain.md §2: after the dictionary, 乡村振兴 (22)
    assert counts["村级集体经济"] == 14  # and 村级集体经济 (14)
    assert "的" not in counts  # a stop word
    assert all(len(word) >= 2 for word in counts)
    assert not any(word.isdigit() for word in counts)


def test_groups_by_document_and_by_attribute(demo: Project) -> None:
    by_document = word_frequencies(demo, by=DOCUMENT, top=10)
    assert sorted(by_document) == ["1", "2", "3", "4", "5"]
    assert all(len(counts) == 10 for counts in by_document.values())
    by_level = word_frequencies(demo, by="region_level")
    assert set(by_level) == {d.region_level or "" for d in demo.documents()}
    total = sum(c.count for counts in by_level.values() for c in counts if c.word == "乡村振兴")
    assert total == 22
    ranked = [c.count for c in word_frequencies(demo)[CORPUS]]
    assert ranked == sorted(ranked, reverse=True)


def test_the_projects_own_terms_and_stop_words(project: Project) -> None:
    add_document(project, "探索村播直通车模式，村播直通车带动增收。带动发展。")
    before = _counts(word_frequencies(project, min_length=1))
    assert "村播直通车" not in before
    assert before["带动"] == 2
    project.execute(SetWordLists(WordLists(("村播直通车", "村播直通车 "), ("带动",))))
    assert word_lists(project) == WordLists(("村播直通车",), ("带动",))
    after = _counts(word_frequencies(project, min_length=1))
    assert after["村播直通车"] == 2
    assert "带动" not in after
    project.undo()
    assert word_lists(project) == WordLists()
    assert "村播直通车" not in _counts(word_frequencies(project, min_length=1))
    with pytest.raises(ValidationError):
        SetWordLists(WordLists(("两 个",), ()))
    with pytest.raises(ValidationError):
        word_frequencies(project, min_length=0)


def test_the_sheet_and_the_command_line(demo: Project, tmp_path: Path) -> None:
    found = word_frequencies(demo, top=5)
    export_word_frequencies(found, tmp_path / "words.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "words.xlsx")["词频"].iter_rows(values_only=True))
    assert rows[0] == ("分组", "排名", "词", "频次", "文档数")
    assert [row[2] for row in rows[1:]] == [c.word for c in found[CORPUS]]
    assert isinstance(rows[1][3], int)
    [chart] = openpyxl.load_workbook(tmp_path / "words.xlsx")["词频"]._charts
    assert chart.type == "col"
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        add_document(project, "推动乡村振兴，乡村振兴见实效。")
    assert cli(["words", str(path), "--stopwords", "见", "--xlsx", str(tmp_path / "c.xlsx")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["词频"]
    assert next(sheet.iter_rows(min_row=2, values_only=True))[2:4] == ("乡村振兴", 2)


def test_lists_in_traditional_script_and_rare_characters(project: Project) -> None:
    """Review findings: lists are simplified like the text; 𠮷 is a word character;
    words jieba cannot keep whole and a negative top are refused."""
    add_document(project, "𠮷野家。鄉村振興。兩山理論。两山理论")
    project.execute(SetWordLists(WordLists(("兩山理論",), ("鄉村振興",))))
    counts = _counts(word_frequencies(project, min_length=1))
    assert counts["两山理论"] == 2
    assert "乡村振兴" not in counts
    assert "𠮷" in counts
    for bad in ("(括号)", "１２", "𠮷野家"):
        with pytest.raises(ValidationError, match="segmenter"):
            SetWordLists(WordLists((bad,), ()))
    with pytest.raises(ValidationError, match="negative"):
        word_frequencies(project, top=-1)


def test_a_misspelt_attribute_is_refused(demo: Project) -> None:
    with pytest.raises(ValidationError, match="No such document attribute"):
        word_frequencies(demo, by="regoin")
