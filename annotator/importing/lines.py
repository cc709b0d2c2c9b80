"""What a single line is: spam, navigation, a breadcrumb, prose, a heading, a footer marker.

Pure predicates, no state: the zone logic (:mod:`zones`) decides what to do
with a line from what these say. Each errs toward "this is article text",
because removing a real line silently is the worst an import can do.
"""

from __future__ import annotations

import re

SPAM_WORDS = ("在线观看", "国产", "无码", "欧美", "日韩", "亚洲", "精品", "成人", "午夜",
              "一区二区", "五月天")  # fmt: skip
UNMISTAKABLE_SPAM = frozenset({"在线观看", "无码", "一区二区", "五月天"})
_AV = re.compile(r"(?<![a-z])av(?![a-z])")
#: Sentence punctuation: SEO keyword lists have none, article sentences always do.
_SENTENCE_MARKS = re.compile(r"[，。；！？]")

#: Counters and prompts of WeChat and news apps (short lines only).
SOCIAL = re.compile(
    r"^(阅读(数|量)?|閱讀|点赞|點讚|在看|分享|分享到|收藏|转发|評論|评论|写下你的留言|留言|阅读原文"
    r"|长按识别二维码|扫码关注|点击上方.{0,6}关注|关注我们)[:：\s\d,，.万+]*$"
)
#: Rows of a web page around the article (copied with Ctrl+A, Ctrl+C).
WEB_FURNITURE = re.compile(
    r"^(上一篇|下一篇|上一条|下一条)[:：]|主办单位|承办单位|技术支持[:：]|ICP备|ICP证|公网安备"
    r"|网站标识码|^【?字体[:：]|【打印】|【关闭】|^(打印本页|关闭窗口)$"
)
#: Footer markers that may be long (a disclaimer is a paragraph of its own).
_FOOTER_ANY_LENGTH = re.compile(
    r"^\[?(免责声明|免責聲明)|^版[权權][声聲]明|^最新信息$|^原文[链鏈]接[:：]|^\s*(\d+\.\s*)?<[a-z]"
    r"|^[(（]作者[:：系].*[)）]$"
)
#: Footer markers that are short notes (编辑：赵敏); a long one is a paragraph.
_FOOTER_SHORT = re.compile(
    r"^\[?(责任编辑|責任編輯|责编|编辑|編輯|审核|審核|审校|校对|初审|复审|终审|监制)[:：]"
    r"|^(标签|標簽)[:：]|^作者 \S+$"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_SPEAKER = re.compile(r"^(记者|[\u4e00-\u9fff]{2,3})[:：]")
_CLOSERS = "”」』）)】’"
HEADING = re.compile(
    r"^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+[章节部分])"
)
#: A line this long is running text whatever else it looks like.
PROSE_LENGTH = 60


def is_spam(line: str) -> bool:
    """SEO spam: a punctuation-free string of lexicon words (002's first line).

    A line with sentence punctuation is an article's text (午夜时分，…精品民宿…);
    distinct words count, and ``av`` only as a word.
    """
    if _SENTENCE_MARKS.search(line):
        return False
    lowered = line.lower()
    found = {word for word in SPAM_WORDS if word in lowered}
    if _AV.search(lowered):
        found.add("av")
    return len(found) >= 3 or (len(found) >= 2 and bool(found & UNMISTAKABLE_SPAM))


def is_navigation(line: str) -> bool:
    """``網站首頁 | 網站地圖`` or ``首页    新闻中心    党建动态``: short items in a row."""
    bars = [p.strip() for p in re.split(r"\s[|｜]\s", line)]
    if len(bars) >= 2 and all(0 < len(p) <= 8 for p in bars):
        return True
    spaced = line.split()
    return len(re.split(r"\s{2,}", line.strip())) >= 3 and all(len(p) <= 6 for p in spaced)


def breadcrumb(line: str) -> list[str] | None:
    """The items of ``首页 > 党建创新 > 正文``, or None. (Split, never a backtracking regex.)"""
    parts = [part.strip() for part in re.split(r"[>»›]", line)]
    if len(parts) >= 3 and all(0 < len(part) <= 12 for part in parts):
        return parts
    return None


def _ending(line: str) -> str:
    return line.rstrip(_CLOSERS)[-1:]


def is_sentence(line: str) -> bool:
    """A line that reads as a sentence, not a title: 。！ or a question with a comma."""
    end = _ending(line)
    if end in ("。", "！", "!", "；", ";"):
        return True
    return end in ("？", "?") and bool(re.search(r"[，,]", line))


def is_prose(line: str, *, field_line: bool = False) -> bool:
    """Running text: long, a sentence, a question, or a salutation (同志们：)."""
    if len(line) >= PROSE_LENGTH:
        return True
    if field_line:
        return False
    cjk = len(_CJK.findall(line))
    end = _ending(line)
    if end in ("。", "！", "!") and cjk >= 4:
        return True
    if end in ("：", ":") and cjk >= 2 and not line[:-1].endswith(("分享到", "分享")):
        return True  # a salutation opens the body
    return end in ("？", "?") and (cjk >= 8 or bool(_SPEAKER.match(line)))


def is_footer_marker(line: str) -> bool:
    """Where a footer starts; a long line of prose that starts like one is text."""
    if _FOOTER_ANY_LENGTH.match(line) or WEB_FURNITURE.search(line):
        return True
    return bool(_FOOTER_SHORT.match(line)) and len(line) < 40 and not line.endswith("。")


def is_short_label(line: str) -> bool:
    """A slogan, column name or site name: short, no punctuation, not a heading."""
    return (
        len(line) <= 12
        and not re.search(r"[，。；：！？、,.;:!?]", line)
        and not HEADING.match(line)
    )
