"""Headings of cleaned texts (domain.md §5.8, rule 3)."""

from __future__ import annotations

import pytest

from annotator.importing.prepare import prepare_file
from annotator.resources import demo_corpus_paths
from annotator.structure import heading_spans, paragraph_spans


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (1, ["黨建牽引“三駕馬車”,鍛造鄉村振興骨干隊伍", "夯實發展基礎“三個關鍵”,扶持壯大集體經濟",
             "統籌下沉“三支力量”,常態化幫扶解決群眾難題"]),
        (3, ["打通「选育管励」全链条,配强「头雁梯队」", "共绘「联建共建」同心圆,推进强村富民",
             "奏响「双引双融」大合唱,优化乡村治理"]),
        (0, []),
        (2, []),
    ],
)  # fmt: skip
def test_corpus_headings(article: int, expected: list[str]) -> None:
    document = prepare_file(demo_corpus_paths()[article]).document
    assert document is not None
    assert [document.text[a:b] for a, b in heading_spans(document.text)] == expected


def test_numbered_headings_and_paragraphs() -> None:
    text = "一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导。\n\n（一）建强组织\n短句。"
    assert [text[a:b] for a, b in paragraph_spans(text)] == [
        "一、总体要求", "坚持以习近平新时代中国特色社会主义思想为指导。", "（一）建强组织", "短句。"
    ]  # fmt: skip
    assert [text[a:b] for a, b in heading_spans(text)] == ["一、总体要求", "（一）建强组织"]
