"""Texts that look like something they are not: tables, notices, web copies, bylines."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from annotator.importing.cleaning import clean
from annotator.importing.lines import is_spam

BODY = ("林州市坚持把抓党建促乡村振兴作为“一号工程”，围绕产业发展、人才培育、乡村治理等方面持续发力，"
        "推动各项工作落地见效，全市村级集体经济收入全部达到10万元以上。")  # fmt: skip


def test_a_space_aligned_table_is_no_column_layout() -> None:
    paras = [
        "各乡镇党委：",
        "2023年，全县上下深入贯彻落实省委、市委关于发展壮大村级集体经济的决策部署，坚持党建引领，"
        "强化政策支持，村级集体经济实现较快增长。现将有关情况通报如下。",
        "一、总体情况",
        "截至2023年底，全县532个行政村集体经济收入全部达到5万元以上，其中10万元以上的村412个。",
    ]
    table = ["乡镇        村数    10万元以上村数    占比", "城关镇      32      30                93.8%",
             "五陵镇      28      22                78.6%", "宜沟镇      41      29                70.7%",
             "菜园镇      35      24                68.6%"]  # fmt: skip
    text, draft = clean(
        "\n".join(["2023年全县村级集体经济发展情况通报", *paras, *table, "二、下步工作"])
    )
    assert all(p in text for p in paras)
    assert table[1] in text  # the table stays a table
    assert not any("reading order" in entry for entry in draft.log)


def test_a_meeting_notice_keeps_its_details() -> None:
    lines = ["关于召开2024年第二季度抓党建促乡村振兴工作推进会的通知", "时间：2024年6月20日上午9:00",
             "地点：县委第一会议室", "参会人员：各乡镇党委书记、组织委员", "请各单位准时参加，不得缺席。"]  # fmt: skip
    text, draft = clean("\n".join(lines))
    assert text.split("\n") == lines[1:]
    assert draft.metadata.get("title") == lines[0]
    assert "published" not in draft.metadata  # the meeting's date is not the notice's


def test_a_copied_web_page() -> None:
    text, draft = clean(
        "首页    新闻中心    党建动态    乡村振兴    图片新闻\n安阳党建网\n"
        "林州：“头雁”领航激活乡村振兴新动能\n发布时间：2024-05-20 09:30    来源：河南日报    作者：张明\n"
        f"{BODY}\n"
        "上一篇：滑县：党建引领“小网格”激活基层治理“大能量”    下一篇：内黄：小辣椒做成大产业\n"
        "主办单位：中共安阳市委组织部    技术支持：安阳市大数据中心    豫ICP备12345678号"
    )
    assert text == BODY
    assert draft.metadata["title"] == "林州：“头雁”领航激活乡村振兴新动能"
    assert (draft.metadata["published"], draft.metadata["author"]) == ("2024-05-20", "张明")


def test_a_hard_wrapped_text_keeps_its_title_and_source_apart() -> None:
    title = "坚持问题导向推动新型农村集体经济高质量发展的实践与思考"
    meta = "来源：河南日报　作者：张明　发布时间：2024-05-20"
    body = [BODY, "会议指出，村党组织书记是乡村振兴的“领头雁”，要把政治素质好、带富能力强、"
            "群众威信高的优秀人才选进村“两委”班子，持续深化“五星”支部创建。"]  # fmt: skip
    wrapped = [title, meta] + [p[i : i + 30] for p in body for i in range(0, len(p), 30)]
    text, draft = clean("\n".join(wrapped))
    assert text.split("\n") == body
    assert draft.metadata["title"] == title
    assert draft.metadata["published"] == "2024-05-20"


@pytest.mark.parametrize(
    ("byline", "author", "role"),
    [
        ("文/冯雅可", "冯雅可", None),
        ("文 / 张明", "张明", None),
        ("（作者：张明）", "张明", None),
        ("本报记者 张明 通讯员 李华", "张明", "本报记者"),  # a correspondent: an attribute
    ],
)
def test_header_bylines(byline: str, author: str, role: str | None) -> None:
    _, draft = clean(f"扎根乡村的“领头雁”\n{byline}\n{BODY}")
    assert draft.metadata.get("author") == author
    assert draft.metadata.get("author_role") == role
    assert draft.metadata["title"] == "扎根乡村的“领头雁”"


@pytest.mark.parametrize(
    ("byline", "author", "role"),
    [
        ("（作者：周红，北关区委组织部）", "周红", "北关区委组织部"),
        ("（作者：周红 李明）", "周红、李明", None),
    ],
)
def test_inline_bylines(byline: str, author: str, role: str | None) -> None:
    text, draft = clean(f"标题\n{BODY}{byline}")
    assert text == BODY
    assert (draft.metadata.get("author"), draft.metadata.get("author_role")) == (author, role)


def test_a_subtitle_is_not_the_title() -> None:
    _, draft = clean(f"扎根乡村的“领头雁”\n——记林州市任村镇桑耳庄村党支部书记王德明\n{BODY}")
    assert draft.metadata["title"] == "扎根乡村的“领头雁”"


@pytest.mark.parametrize(
    "line",
    [
        "午夜时分，东方红村的精品民宿依然灯火通明，游客在露天广场品尝特色小吃。",
        "国产农机精品化发展，产品远销亚洲多国。",
        "成人夜校开进村，欧美游客也来体验精品课程。",
        "他把avocado种进了大棚。",
    ],
)
def test_article_sentences_are_never_spam(line: str) -> None:
    assert not is_spam(line)
    text, _ = clean(f"标题\n{BODY}\n{line}")
    assert line in text


def test_the_seo_spam_line_of_002_is_spam() -> None:
    assert is_spam(
        "国产亚洲tv在线观看,精品国产污污免费网站Av,欧美日韩无砖专区一中文字,亚洲欧美日韩国产综合五月天"
    )


def test_two_breadcrumbs_and_a_long_arrow_line_are_harmless() -> None:
    started = time.perf_counter()
    text, _ = clean(
        f"网站\n首页 > 新闻 > 正文\n站点二\n首页 > 党建 > 正文\n{'>' * 40}x\n标题\n{BODY}"
    )
    assert text.endswith(BODY)
    assert time.perf_counter() - started < 5  # the old regex took minutes on such lines


def test_a_footer_word_that_starts_prose_is_no_footer() -> None:
    lines = ["编辑同志：我是一名村干部，想了解一下现在村干部的报酬待遇有哪些保障政策？",
             "编辑：各地普遍建立了村干部基本报酬加绩效报酬的结构，并同步建立正常增长机制，"
             "村党组织书记报酬一般不低于上年度农村居民人均可支配收入的2倍。",
             "此外，符合条件的村干部还可以参加养老保险。"]  # fmt: skip
    text, _ = clean("读者来信：村干部待遇怎么保障？\n" + "\n".join(lines))
    assert text.split("\n") == lines


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("文｜冯雅可", "冯雅可"),
        ("来源：河南日报 作者：张明 李华", "张明、李华"),
        ("□ 张明", "张明"),
    ],
)
def test_more_bylines(line: str, author: str) -> None:
    _, draft = clean(f"扎根乡村的“领头雁”\n{line}\n{BODY}")
    assert draft.metadata.get("author") == author


def test_a_folder_named_like_a_file_is_a_clear_error(tmp_path: Path) -> None:
    from annotator.importing.prepare import prepare_file

    folder = tmp_path / "x.txt"
    folder.mkdir()
    prepared = prepare_file(folder)
    assert prepared.error is not None
    assert "internal error" not in prepared.error
