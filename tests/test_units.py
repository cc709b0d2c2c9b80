"""Unit numbers 文档-小节-段落-句: the worked IDs of domain.md §1.2, on the corpus."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from annotator.demo import create_demo_project
from annotator.project import Project
from annotator.units import UnitIndex

#: (unit ID as the research notes computed it, a snippet of that sentence)
WORKED = [
    ("5-1-1-3", "在24个产业大坝单独组建党支部19个"),
    ("2-1-1-2", "書記抓"),
    ("1-0-5-4", "基本报酬"),
    ("4-1-3-4", "容错 + 纠错"),
    ("3-0-3-4", "聯盟專項資金賬戶"),
    ("5-3-1-8", "固定分红+入股分红"),
    ("2-3-1-3", "選派單位"),
    ("4-3-3-2", "以村民小组为基本治理单元"),
    ("1-0-5-11", "兴村特岗"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    project = create_demo_project(tmp_path_factory.mktemp("demo") / "demo.annot")
    yield project
    project.close()


@pytest.mark.parametrize(("unit", "snippet"), WORKED)
def test_worked_ids_of_the_research_notes(demo: Project, unit: str, snippet: str) -> None:
    number = int(unit.split("-")[0])
    text = demo.text(demo.documents()[number - 1].id)
    start = text.index(snippet)
    assert UnitIndex(text).label(number, start, start + len(snippet)) == unit


def test_headings_paragraphs_and_spans_over_sentences() -> None:
    text = "导语第一句。导语第二句！\n\n一、标题\n正文一。正文二;正文三\n第二段。"
    index = UnitIndex(text)
    assert index.unit(0) == (0, 1, 1)
    assert index.unit(text.index("导语第二句")) == (0, 1, 2)
    assert index.unit(text.index("一、标题")) == (1, 0, 1)  # a heading is paragraph 0
    assert index.unit(text.index("正文三")) == (1, 1, 3)
    assert index.unit(text.index("第二段")) == (1, 2, 1)
    assert index.label(7, text.index("正文二"), text.index("第二段") + 2) == "7-1-1-2~7-1-2-1"
    assert index.label(7, 0, 3) == "7-0-1-1"


def test_blank_lines_and_an_empty_text() -> None:
    assert UnitIndex("\n\n甲。").unit(0) == (0, 0, 0)
    assert UnitIndex("").label(1, 0, 0) == "1-0-0-0"
