"""Which raw lines the cleaned text left out: judged by content, for the review dialog."""

from __future__ import annotations

from annotator.importing.cleaning import clean
from annotator.importing.diff import removed_lines
from annotator.resources import demo_corpus_paths


def _removed(article: int) -> list[str]:
    raw = demo_corpus_paths()[article].read_text(encoding="utf-8")
    text, _ = clean(raw)
    lines = raw.split("\n")
    return [lines[i].strip() for i in removed_lines(raw, text)]


def test_002_boilerplate_is_marked_and_the_body_is_not() -> None:
    removed = _removed(2)
    assert removed[0].startswith("国产亚洲tv在线观看")
    assert "網站首頁 | 網站地圖" in removed
    assert "【組織部長談】譜寫鄉村黨建聯盟的“共富華章”" in removed  # now the title
    assert not any(line.startswith("實現共同富裕是社會主義的本質要求") for line in removed)


def test_000_columns_are_not_marked_but_page_furniture_is() -> None:
    removed = _removed(0)
    assert "P. 63" in removed
    assert not any("自贡市创新推动党建引领新型" in line for line in removed)


def test_004_link_list_items_are_all_marked() -> None:
    removed = _removed(4)
    assert sum(1 for line in removed if line.startswith("- 2024-")) == 8


def test_a_removed_label_does_not_strike_a_paragraph_that_starts_like_it() -> None:
    raw = "标题\n作者\n作者在调研中发现，村干部报酬普遍偏低，影响工作积极性。"
    text, _ = clean(raw)
    assert removed_lines(raw, text) == [0, 1]


def test_pinyin_annotated_lines_count_as_kept() -> None:
    raw = demo_corpus_paths()[1].read_text(encoding="utf-8")
    text, _ = clean(raw)
    assert 0 not in removed_lines(raw, text)  # the first paragraph, pinyin and all
