"""Words, sentences, find and pinyin: the pure tools behind the coding workspace."""

from __future__ import annotations

import itertools

import pytest

from annotator.find import find_all, normalise
from annotator.models import Code, CodeId
from annotator.pinyin import code_matches, initials
from annotator.resources import demo_corpus_paths
from annotator.segmentation import snap_to_words, word_spans
from annotator.sentences import clause_span, sentence_span, sentences

TEXT = "近年来，安阳市坚持以党建引领乡村振兴，推动村级集体经济发展。建立 82 人组成的村“两委”班子。"


def _snap(text: str, part: str, length: int) -> str:
    start = text.index(part)
    low, high = snap_to_words(text, start, start + length)
    return text[low:high]


def test_snapping_keeps_domain_terms_whole() -> None:
    assert _snap(TEXT, "乡村", 1) == "乡村振兴"  # a term of the shipped dictionary
    assert _snap(TEXT, "集体", 1) == "村级集体经济"
    assert _snap(TEXT, "引领乡", 3) == "党建引领乡村振兴"


def test_snapping_traditional_text_and_after_astral_characters() -> None:
    text = "𠮷😀鄉村振興是黨建引領的目標。"
    assert _snap(text, "振", 1) == "鄉村振興"
    assert _snap(text, "建", 1) == "黨建引領"


def test_word_spans_cover_the_text() -> None:
    spans = word_spans(TEXT)
    assert spans[0][0] == 0
    assert spans[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))


def test_sentences_and_clauses() -> None:
    assert [TEXT[a:b] for a, b in sentences(TEXT)] == [
        "近年来，安阳市坚持以党建引领乡村振兴，推动村级集体经济发展。",
        "建立 82 人组成的村“两委”班子。",
    ]
    start = TEXT.index("推动")
    assert TEXT[slice(*clause_span(TEXT, start, start + 2))] == "推动村级集体经济发展。"
    assert TEXT[slice(*sentence_span(TEXT, start, start + 2))].startswith("近年来")


def test_closing_quotes_and_ascii_marks_end_sentences() -> None:
    text = "他说：“要做到。”然后呢?再看;结束\n下一段"
    assert [text[a:b] for a, b in sentences(text)] == [
        "他说：“要做到。”", "然后呢?", "再看;", "结束", "下一段",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        (TEXT, "村两委", ["村“两委"]),
        (TEXT, "建立82人", ["建立 82 人"]),
        ("鄉村振興的鄉村", "乡村", ["鄉村", "鄉村"]),
        ("党建「联盟」与党建联盟", "党建联盟", ["党建「联盟", "党建联盟"]),
        (TEXT, "村", ["村", "村", "村"]),  # one character
        ("𠮷😀村里", "村", ["村"]),
        ("𠮷 82 人", "𠮷82人", ["𠮷 82 人"]),  # a character outside the BMP is Chinese too
        (TEXT, "不存在", []),
        (TEXT, "“”", []),
    ],
)
def test_find(text: str, query: str, found: list[str]) -> None:
    assert [text[a:b] for a, b in find_all(text, query)] == found


def test_find_matches_a_brute_force_scan_on_the_corpus() -> None:
    for path in demo_corpus_paths():
        text = path.read_text(encoding="utf-8")
        shadow = normalise(text)
        for query in ("党", "书记", "乡村振兴", "集体经济"):
            expected = []
            start = shadow.text.find(query)
            while start >= 0:
                expected.append(shadow.origin[start])
                start = shadow.text.find(query, start + 1)
            assert [a for a, _ in find_all(text, query, shadow)] == expected


def test_pinyin_initials_find_codes() -> None:
    code = Code(CodeId(1), "u", None, "M1.2", "党建联盟与联建共建", name_en="Alliances")
    assert initials("党建引领") == "djyl"
    for query in ("djlm", "M1", "m1.2", "联盟", "alliance", ""):
        assert code_matches(code, query), query
    assert not code_matches(code, "xyz")
