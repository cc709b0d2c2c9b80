"""The header and footer zones of an article: title, bylines, sources, boilerplate.

Web and magazine copies wrap the body in lines that are not the article:
site names, navigation, breadcrumbs, bylines, dates, editors, tags,
disclaimers, "latest news" lists (domain.md §5.8). The header zone is every
line before the first body paragraph; the footer zone runs from the first
footer-looking line after it to the end. Lines in both zones are parsed for
metadata and removed; every removal is logged. The rules are patterns of the
genre, not of the five sample articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.importing.dates import parse_date
from annotator.importing.draft import Draft
from annotator.shadow import to_simplified

SPAM_WORDS = ("在线观看", "国产", "无码", "欧美", "日韩", "亚洲", "精品", "成人", "午夜",
              "一区二区", "五月天", "av")  # fmt: skip
UNMISTAKABLE_SPAM = frozenset({"在线观看", "无码", "一区二区", "五月天", "午夜"})
FOOTER = re.compile(
    r"^[(（]作者[:：系]|^\[?(责任编辑|責任編輯|责编|编辑|編輯|审核|審核|审校|校对|初审|复审|终审|监制)[:：]"
    r"|^原文[链鏈]接[:：]|^\[?(免责声明|免責聲明)|^版[权權][声聲]明|^(标签|標簽)[:：]|^最新信息$"
    r"|^作者 \S+$|^\s*(\d+\.\s*)?<[a-z]"
)
#: Counters and prompts of WeChat and news apps, never article text (short lines only).
SOCIAL = re.compile(
    r"^(阅读(数|量)?|閱讀|点赞|點讚|在看|分享|收藏|转发|評論|评论|写下你的留言|留言|阅读原文"
    r"|长按识别二维码|扫码关注|点击上方.{0,6}关注|关注我们)[:：\s\d,，.万+]*$"
)
BODY_MIN = 60
TITLE_MAX = 60
HEADER_MAX_LINES = 25

_BREADCRUMB = re.compile(r"^\S.*?(\s*[>»›]\s*\S+){2,}$")
_SUBTITLE = re.compile(r"^[—–-]{1,2}访(.+)$")
_BYLINE = re.compile(r"^文\s*/\s*(.+?)\s*([\u4e00-\u9fff]{2,3})$")
_BARE_LABEL = re.compile(r"^(作者|来源|來源|编辑|編輯|日期|时间|時間)[:：]?$")
_DOMAIN = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)+/?$", re.ASCII)
_DIGITS = re.compile(r"^\d{1,4}$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_SPEAKER = re.compile(r"^(记者|[\u4e00-\u9fff]{2,3})[:：]")
_PAREN_DATE = re.compile(r"^[(（]\s*(19|20)\d{2}\s*年.{0,12}[)）]$")
_DOC_NUMBER = re.compile(r"^\S{1,12}〔(19|20)\d{2}〕\d+号$")
_REPOST = re.compile(r"^(转载自|转自|本文转自|來源於|来源于)[:：]?\s*(.+)$")
_STAFF_BYLINE = re.compile(r"^(本报|本台|本刊|本网)?(记者|通讯员|特约记者)[\s　:：]*(.{2,20})$")
_PAGE_HEADER = re.compile(r"^Page (\d+) - (.+?)$")
_FIELD = re.compile(
    r"(发布时间|發佈時間|发布日期|时间|時間|日期|来源|來源|作者|编辑|編輯)[:：]\s*(\S+)"
)
#: Words that end a job title just before a name (…组织部部长朱云).
TITLE_WORDS = "书记|部长|主任|记者|局长|县长|市长|主席|委员|常委|编辑|站长|社长"
_ROLE_THEN_NAME = re.compile(rf"^(.*(?:{TITLE_WORDS}))([\u4e00-\u9fff]{{2,3}})$")
_IN_BRACKETS = re.compile(r"[《【](.+?)[》】]")
_EDITION = re.compile(r"((?:19|20)\d{2}年\d{1,2}月[上中下]?)")
_ISSUE = re.compile(r"(第\s*\d+\s*期)")


def is_spam(line: str) -> bool:
    """SEO spam: several different lexicon words, or two with an unmistakable one.

    Counting distinct words matters: 精品民宿、精品旅游线路 is an article's text.
    """
    lowered = line.lower()
    found = {word for word in SPAM_WORDS if word in lowered}
    return len(found) >= 3 or (len(found) >= 2 and bool(found & UNMISTAKABLE_SPAM))


def is_navigation(line: str) -> bool:
    parts = [p.strip() for p in re.split(r"\s[|｜]\s", line)]
    return len(parts) >= 2 and all(0 < len(p) <= 8 for p in parts)


def simplified(value: str) -> str:
    return to_simplified(value.replace("\xa0", " ").strip())


def is_prose(line: str) -> bool:
    """A line of running text: long, or a sentence, or a salutation (同志们：)."""
    if len(line) >= BODY_MIN:
        return True
    if _FIELD.search(line) or _BARE_LABEL.match(line) or _PAREN_DATE.match(line):
        return False
    cjk = len(_CJK.findall(line))
    if line.endswith(("。", "！", "!")) and cjk >= 4:
        return True
    if line.endswith(("：", ":")) and cjk >= 2:  # a salutation opens the body
        return True
    return line.endswith(("？", "?")) and (cjk >= 20 or bool(_SPEAKER.match(line)))


def body_start(draft: Draft) -> int:
    """The first body line: known from the layout, else the first line of prose."""
    if draft.body_start is not None:
        return draft.body_start
    limit = min(len(draft.lines), HEADER_MAX_LINES)
    for index, line in enumerate(draft.lines[:limit]):
        if is_prose(line.strip()) and not is_spam(line):
            return index
    # No prose line: a short text. Its first line is a title when more lines follow.
    filled = [i for i, line in enumerate(draft.lines) if line.strip()]
    return filled[1] if len(filled) > 1 else (filled[0] if filled else 0)


@dataclass
class _Header:
    titles: list[str]
    last_other: str | None = None


def parse_header(draft: Draft, end: int) -> None:
    """Read metadata from lines ``[0, end)``, choose the title, remove them all (logged)."""
    header = _Header([])
    for index in range(end):
        line = draft.lines[index].strip()
        if line:
            _header_line(draft, index, line, header)
            draft.lines[index] = ""
    candidates = [t for t in header.titles if len(t) <= TITLE_MAX]
    title = draft.metadata.get("title")
    if candidates and title is None:
        title = max(candidates, key=len)
        draft.metadata["title"] = title
        column = re.match(r"^【(.+?)】", title)
        if column:
            draft.attributes.setdefault("column", simplified(column.group(1)))
    for line in header.titles:
        if line == title:
            draft.log.append(f"removed title (now the document's title): {line[:80]}")
        elif simplified(line) == draft.attributes.get("column"):
            draft.log.append(f"removed repeated column name: {line[:80]}")
        else:
            draft.log.append(f"removed header line: {line[:80]}")


def _header_line(draft: Draft, index: int, line: str, header: _Header) -> None:
    if is_spam(line):
        return draft.drop(index, "spam line")
    if is_navigation(line):
        return draft.drop(index, "navigation line")
    if _BREADCRUMB.match(line):
        parts = [p.strip() for p in re.split(r"[>»›]", line)]
        channel = [p for p in parts[1:] if p not in ("正文", "正 文")]
        if channel:
            draft.attributes["channel"] = simplified("/".join(channel))
        if header.last_other is not None:  # the site's name stands above its breadcrumb
            draft.metadata.setdefault("source", simplified(header.last_other))
            header.titles.remove(header.last_other)
            draft.log.append(f"removed site name (now the source): {header.last_other[:80]}")
        return draft.drop(index, "breadcrumb")
    if _parse_known_header(draft, line):
        return draft.drop(index, "header metadata")
    column = draft.attributes.get("column")
    if _BARE_LABEL.match(line) or (column and simplified(line) == column):
        return draft.drop(index, "label")
    header.titles.append(line)
    header.last_other = line


def _parse_known_header(draft: Draft, line: str) -> bool:
    """Metadata lines of the header zone; True if ``line`` was one."""
    if page := _PAGE_HEADER.match(line):
        _page_header(draft, page.group(1), page.group(2))
    elif line.startswith("P. ") and line[3:].isdigit():
        pass
    elif _DIGITS.match(line):
        draft.attributes.setdefault("printed_page", line)
    elif _DOMAIN.match(line):
        draft.attributes.setdefault("site", line)
    elif sub := _SUBTITLE.match(line):
        _interviewee(draft, sub.group(1))
    elif by := _BYLINE.match(line):
        draft.metadata.setdefault("author", simplified(by.group(2)))
        draft.metadata.setdefault("author_role", simplified(by.group(1)))
    elif _DOC_NUMBER.match(line):
        draft.attributes.setdefault("document_number", line)
    elif repost := _REPOST.match(line):
        draft.attributes.setdefault("reposted_from", simplified(repost.group(2)))
    elif _PAREN_DATE.match(line):
        _set_date(draft, line)
    elif staff := _STAFF_BYLINE.match(line):
        set_author(draft, staff.group(3))
        draft.metadata.setdefault(
            "author_role", simplified(f"{staff.group(1) or ''}{staff.group(2)}")
        )
    elif SOCIAL.match(line):
        pass
    elif len(line) <= 80 and _FIELD.search(line) and not line.endswith("。"):
        _fields(draft, line)
    else:
        return False
    return True


def _page_header(draft: Draft, page: str, rest: str) -> None:
    draft.attributes["ebook_page"] = page
    if publication := _IN_BRACKETS.search(rest):
        draft.metadata.setdefault("source", f"《{simplified(publication.group(1))}》")
    if edition := _EDITION.search(rest):
        draft.attributes["edition"] = edition.group(1)
        _set_date(draft, edition.group(1))
    if issue := _ISSUE.search(rest):
        draft.attributes["issue"] = issue.group(1).replace(" ", "")


def _interviewee(draft: Draft, text: str) -> None:
    match = _ROLE_THEN_NAME.match(text)
    if match:
        draft.attributes["interviewee"] = simplified(match.group(2))
        draft.attributes["interviewee_role"] = simplified(match.group(1))
    else:
        draft.attributes["interviewee"] = simplified(text)


def _fields(draft: Draft, line: str) -> None:
    """``来源：X　作者：Y　发布时间：2024-05-20``, in any order; a bare date counts too."""
    _set_date(draft, line)
    for key, value in _FIELD.findall(line):
        key = simplified(key)
        if key == "来源":
            draft.metadata.setdefault("source", simplified(value))
        elif key == "作者":
            set_author(draft, value)
        elif key == "编辑":
            draft.attributes.setdefault("editor", simplified(value))


def _set_date(draft: Draft, text: str) -> None:
    parsed = parse_date(text)
    if parsed and "published" not in draft.metadata:
        draft.metadata["published"], draft.metadata["date_precision"] = parsed


def set_author(draft: Draft, value: str) -> None:
    """An author field; anonymous (佚名) means no author."""
    value = simplified(value)
    if value in ("佚名", "未知", "本站", "admin"):
        draft.log.append(f"author '{value}' means anonymous: left empty")
        return
    draft.metadata.setdefault("author", value)


_ORGANISATION = re.compile(
    r"(委|部|局|厅|办|院|校|会|中心|政府|公司|报社|日报|电视台|研究所|支部|党组)$"
)


def parse_byline(draft: Draft, text: str) -> None:
    """``安阳市委组织部,李常青、闫乃谦``, ``周红，北关区委组织部`` or ``…部长 王若嘉``."""
    text = text.replace("\xa0", " ").strip()
    if "," in text or "，" in text:
        first, second = (part.strip() for part in re.split(r"[,，]", text, maxsplit=1))
        # The organisation is the part that ends like one; the other holds the names.
        role, names = (second, first) if _ORGANISATION.search(second) else (first, second)
    elif " " in text:
        role, names = text.rsplit(" ", 1)
    elif match := _ROLE_THEN_NAME.match(text):
        role, names = match.group(1), match.group(2)
    else:
        role, names = "", text
    set_author(draft, names)
    if role.strip():
        draft.metadata.setdefault("author_role", simplified(role))


def footer_start(draft: Draft, start: int) -> int:
    """The first footer marker after which nothing is article text any more.

    A marker followed by a line of prose was a false alarm (a paragraph that
    happens to start like a marker): the search goes on after it.
    """
    index = len(draft.lines)
    for candidate in range(len(draft.lines) - 1, start, -1):
        line = draft.lines[candidate].strip()
        if not line:
            continue
        if FOOTER.match(line):
            index = candidate
        elif _footer_like(line):
            continue
        else:
            break
    return index


def _footer_like(line: str) -> bool:
    """Lines that may follow a footer marker: links, short notes, disclaimers."""
    return (
        len(line) < 40
        or bool(re.match(r"^- (19|20)\d{2}-\d{2}-\d{2}", line))
        or bool(re.search(r"声明|聲明|版权|版權|侵权|侵權|转载|轉載|联系|聯繫", line))
        or bool(SOCIAL.match(line))
    )


def parse_footer(draft: Draft, start: int) -> None:
    """Read metadata from the footer zone and blank it."""
    for index in range(start, len(draft.lines)):
        line = draft.lines[index].strip()
        if not line:
            continue
        if line == "最新信息":
            draft.log.append(f"removed link list: {len(draft.lines) - index} lines from 最新信息")
            for rest in range(index, len(draft.lines)):
                draft.lines[rest] = ""
            return
        _footer_line(draft, line)
        draft.drop(index, "footer")
        draft.lines[index] = ""


def _footer_line(draft: Draft, line: str) -> None:
    if match := re.match(r"^[(（]作者系(.+?)[)）]$", line):
        draft.metadata.setdefault("author_role", simplified(match.group(1)))
    elif match := re.match(r"^[(（]作者[:：](.+?)[)）]$", line):
        parse_byline(draft, match.group(1))
    elif match := re.match(r"^\[?(?:责任编辑|責任編輯)[:：]\s*(.+?)\]?$", line):
        draft.attributes["editor"] = simplified(match.group(1))
    elif match := re.match(r"^原文[链鏈]接[:：]\s*(\S+)", line):
        draft.metadata.setdefault("url", match.group(1))
    elif match := re.match(r"^(?:标签|標簽)[:：]\s*(.+)$", line):
        draft.attributes["tags"] = simplified(match.group(1))
    elif match := re.match(r"^作者 (\S+)$", line):
        _site_author(draft, simplified(match.group(1)))


def _site_author(draft: Draft, name: str) -> None:
    """A second attribution from the site: kept apart, flagged if it conflicts."""
    draft.attributes["site_author"] = name
    author = draft.metadata.get("author")
    if author != name:
        byline = author or draft.metadata.get("author_role", "")
        draft.notes.append(
            f"署名冲突：网站署名“{name}”，正文署名“{byline}” / Conflicting attribution:"
            f" the site names {name}, the byline says {byline or 'nothing'}"
        )


def strip_inline_byline(draft: Draft, last: int) -> None:
    """A byline at the end of the last paragraph: ``…履职。(作者:…部长 王若嘉)``."""
    line = draft.lines[last]
    match = re.search(r"[(（]作者[:：](.+?)[)）]\s*$", line)
    if match and match.start() > 0:
        parse_byline(draft, match.group(1))
        draft.lines[last] = line[: match.start()].rstrip()
        draft.log.append(f"removed inline byline: {match.group(0)}")
