"""The five corpus articles, cleaned as domain.md §5 specifies (each rule is a test)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from annotator.importing.cleaning import clean
from annotator.importing.lines import is_spam
from annotator.importing.prepare import prepare_file
from annotator.models import NewDocument
from annotator.resources import resource_path

CORPUS = {path.name[:3]: path for path in sorted(resource_path("corpus").glob("*.txt"))}
GOLDEN_000 = "823d5b3a89e5d83893e51fa5280b2922654351ff56af6e27e4b04085f1255fb8"


def prepared(article: str) -> NewDocument:
    document = prepare_file(CORPUS[article]).document
    assert document is not None
    return document


def test_000_three_columns_give_the_golden_body() -> None:
    document = prepared("000")
    assert hashlib.sha256(document.text.encode()).hexdigest() == GOLDEN_000
    paragraphs = document.text.split("\n")
    assert [len(p) for p in paragraphs] == [58, 25, 242, 33, 493, 34, 248, 99]
    assert paragraphs[1].startswith("记者:自贡市建立")
    assert "产业带 26个" in document.text
    assert "138名" in document.text
    assert "restored reading order: 3 columns, 8 paragraphs" in document.import_log


def test_001_pinyin_removed_and_corruption_flagged_not_fixed() -> None:
    raw = CORPUS["001"].read_text(encoding="utf-8")
    text, draft = clean(raw)
    assert draft.attributes["pinyin_removed"] == "249"
    assert not re.search(r"\([a-z\u00e0-\u01dc]+\)", text)
    assert text.startswith("近年來,安陽市堅持以農村“兩委”班子")
    assert text.endswith("加強跟蹤培養。")
    assert "縣(市、區)" in text
    corruption = [flag for flag in draft.flags if flag.kind == "corruption"]
    assert len(corruption) == 3
    assert [text[f.start : f.end] for f in corruption] == ["?", "??", "?;?"]
    assert "新?lián)?" in text  # flagged, never repaired


def test_000_real_question_marks_are_not_flagged() -> None:
    assert prepared("000").flags == ()


@pytest.mark.parametrize(
    ("article", "title"),
    [
        ("000", "坚持问题导向 推动新型农村集体经济高质量发展"),
        ("001", None),
        ("002", "【組織部長談】譜寫鄉村黨建聯盟的“共富華章”"),
        ("003", "强化党建引领力 激活振兴新动能"),
        ("004", "铜仁江口:“三个三”凝心聚力抓党建促乡村振兴"),
    ],
)
def test_titles(article: str, title: str | None) -> None:
    assert prepared(article).title == title


EXPECTED = {
    "000": {"author": "冯雅可", "author_role": "《四川党的建设》全媒体记者",
            "source": "《四川党的建设》", "published": "2024-12", "date_precision": "month",
            "region": "四川省自贡市", "region_code": "510300", "region_level": "地级市",
            "script": "simplified"},
    "001": {"author": "李常青、闫乃谦", "author_role": "安阳市委组织部", "published": None,
            "region": "河南省安阳市", "region_code": "410500", "region_level": "地级市",
            "script": "traditional"},
    "002": {"author": "王若嘉", "author_role": "浙江省天台县委常委、组织部部长",
            "source": "大国新村", "published": None, "region": "浙江省台州市天台县",
            "region_code": "331023", "region_level": "县", "script": "traditional"},
    "003": {"author": None, "author_role": "中共张家港市委常委、组织部部长、统战部部长",
            "published": None, "region": "江苏省苏州市张家港市", "region_code": "320582",
            "region_level": "县级市", "script": "simplified"},
    "004": {"author": None, "source": "贵州党建云", "published": "2022-06-29",
            "date_precision": "day",
            "url": "https://www.gzzzb.gov.cn/cmsFront/contentFront/105000/11201010/1655970894723004.htm",
            "region": "贵州省铜仁市江口县", "region_code": "520621", "region_level": "县",
            "script": "simplified"},
}  # fmt: skip

ATTRIBUTES = {
    "000": {"interviewee": "朱云", "interviewee_role": "自贡市委副书记、组织部部长",
            "edition": "2024年12月下", "issue": "第24期", "printed_page": "61",
            "ebook_page": "63", "site": "www.scdjw.com.cn"},
    "002": {"editor": "张尧", "tags": "组织部长谈", "channel": "党建创新/组织部长谈",
            "column": "组织部长谈"},
    "003": {"editor": "赵文韬", "site_author": "朱艳"},
}  # fmt: skip


@pytest.mark.parametrize("article", sorted(EXPECTED))
def test_metadata_table(article: str) -> None:
    document = prepared(article)
    for key, value in EXPECTED[article].items():
        assert document.metadata.get(key) == value, key
    for key, value in ATTRIBUTES.get(article, {}).items():
        assert document.attributes.get(key) == value, key


def test_003_conflicting_attribution_is_flagged() -> None:
    [flag] = prepared("003").flags
    assert flag.kind == "metadata"
    assert "朱艳" in flag.message


@pytest.mark.parametrize(
    ("article", "ending"),
    [("002", "推動村干部擔當履職。"), ("003", "让「数据多跑腿、群众少跑路」。"),
     ("004", "成为乡村旅游集体经济先行村。")],
)  # fmt: skip
def test_bodies_end_where_the_article_ends(article: str, ending: str) -> None:
    assert prepared(article).text.endswith(ending)


@pytest.mark.parametrize("article", sorted(CORPUS))
def test_no_boilerplate_left_in_any_body(article: str) -> None:
    text = prepared(article).text
    for line in text.split("\n"):
        assert not is_spam(line)
        assert not re.match(r"^- \d{4}-\d{2}-\d{2}", line)
        assert " | " not in line
        assert " > " not in line
        assert not re.match(
            r"^(最新信息|原文链接|\[?免责声明|版權聲明|\[?責任編輯|责任编辑|標簽)", line
        )
        assert "<menu" not in line
        assert "作者 朱艳" not in line


@pytest.mark.parametrize(
    ("article", "headings"),
    [("001", 3), ("003", 3), ("004", 3)],
)
def test_headings_stay_their_own_paragraphs(article: str, headings: int) -> None:
    lines = prepared(article).text.split("\n")
    short = [line for line in lines if len(line) <= 40 and not line.endswith("。")]
    assert len(short) == headings


def test_raw_text_is_kept_beside_the_clean_one() -> None:
    document = prepared("002")
    assert document.raw_text == CORPUS["002"].read_text(encoding="utf-8")
    assert "国产亚洲tv" in document.raw_text
    assert "国产亚洲tv" not in document.text


def test_every_removal_is_logged() -> None:
    log = prepared("004").import_log
    assert any(entry.startswith("removed link list") for entry in log)
    assert any("免责声明" in entry for entry in log)
    assert any(entry.startswith("decoded as utf-8") for entry in log)


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    body = prepared("003").text.split("\n")
    paragraphs = [p for p in body if len(p) > 60]
    wrapped = []
    for paragraph in paragraphs:
        wrapped += _wrap(paragraph, 30)
        wrapped.append("")
    path = tmp_path / "wrapped.txt"
    path.write_text("标题\n\n" + "\n".join(wrapped), encoding="utf-8")
    document = prepare_file(path).document
    assert document is not None
    assert document.text.split("\n") == paragraphs


def _wrap(paragraph: str, width: int) -> list[str]:
    """Cut every ``width`` characters, moving a cut off a space (a space at a wrap is lost)."""
    lines, start = [], 0
    while start < len(paragraph):
        end = start + width
        while end < len(paragraph) and " " in paragraph[end - 1 : end + 1]:
            end += 1
        lines.append(paragraph[start:end])
        start = end
    return lines
