"""Metadata lines: fields, dates, bylines, subtitles, page headers.

Each parser reads one line into the draft's metadata and attributes and says
whether the line was one it knows. Values other than titles are stored in
simplified script, so that equal names compare equal across reposts.
"""

from __future__ import annotations

import re

from annotator.dates import parse_date
from annotator.importing.draft import Draft
from annotator.shadow import to_simplified

_FIELD = re.compile(
    r"(发布时间|發佈時間|发布日期|發佈日期|时间|時間|日期|来源|來源|作者|编辑|編輯|浏览次数|点击数)"
    r"[:：]\s*([^\s)）]+)"
)
#: One of these makes a line of fields a header line (a lone 时间： is a meeting's).
_HEADER_KEYS = {"发布时间", "发布日期", "来源", "作者", "编辑"}
_DATE_KEYS = ("发布时间", "发布日期", "日期", "时间")
_BARE_LABEL = re.compile(r"^(作者|来源|來源|编辑|編輯|日期|时间|時間)[:：]?$")
_PAGE_HEADER = re.compile(r"^Page (\d+) - (.+?)$")
_DIGITS = re.compile(r"^\d{1,4}$")
_DOMAIN = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)+/?$", re.ASCII)
_SUBTITLE = re.compile(r"^[—–-]{1,2}(访|记)(.+)$")
_BYLINE = re.compile(r"^文\s*[/／|｜]\s*(?:(.+?)\s+)?([\u4e00-\u9fff]{2,4})$")
_PAREN_BYLINE = re.compile(r"^[(（]作者[:：](.+?)[)）]$")
_STAFF = re.compile(
    r"(本报|本台|本刊|本网)?(记者|特约记者|通讯员)\s*((?:[\u4e00-\u9fff]{2,4}\s*)+)"
)
_STAFF_LINE = re.compile(
    r"^((本报|本台|本刊|本网)?(记者|特约记者|通讯员)\s*([\u4e00-\u9fff]{2,4}\s*)+)+$"
)
_MARK_BYLINE = re.compile(r"^[□■◎●]\s*([\u4e00-\u9fff]{2,4})$")
_PAREN_DATE = re.compile(r"^[(（]\s*(19|20)\d{2}\s*年.{0,12}[)）]$")
_DOC_NUMBER = re.compile(r"^\S{1,12}〔(19|20)\d{2}〕\d+号$")
_REPOST = re.compile(r"^(转载自|转自|本文转自|來源於|来源于)[:：]?\s*(.+)$")
_IN_BRACKETS = re.compile(r"[《【](.+?)[》】]")
_EDITION = re.compile(r"((?:19|20)\d{2}年\d{1,2}月[上中下]?)")
_ISSUE = re.compile(r"(第\s*\d+\s*期)")
#: Words that end a job title just before a name (…组织部部长朱云).
TITLE_WORDS = "书记|部长|主任|记者|局长|县长|市长|主席|委员|常委|编辑|站长|社长"
_ROLE_THEN_NAME = re.compile(rf"^(.*(?:{TITLE_WORDS}))([\u4e00-\u9fff]{{2,3}})$")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_ORGANISATION = re.compile(
    r"(委|部|局|厅|办|院|校|会|中心|政府|公司|报社|日报|电视台|研究所|支部|党组)$"
)
ANONYMOUS = ("佚名", "未知", "本站", "admin")


def simplified(value: str) -> str:
    return to_simplified(value.replace("\xa0", " ").strip())


def is_bare_label(line: str) -> bool:
    return bool(_BARE_LABEL.match(line))


def is_field_line(line: str) -> bool:
    """``来源：X　作者：Y　发布时间：…``: a line of header fields (not a lone 时间：)."""
    keys = {simplified(key) for key, _ in _FIELD.findall(line)}
    return len(line) <= 100 and bool(keys & _HEADER_KEYS or len(keys) >= 2)


def parse_header_line(draft: Draft, line: str) -> bool:
    """Read a header metadata line into the draft; True if it was one."""
    if page := _PAGE_HEADER.match(line):
        _page_header(draft, page.group(1), page.group(2))
    elif _DIGITS.match(line):
        draft.attributes.setdefault("printed_page", line)
    elif _DOMAIN.match(line):
        draft.attributes.setdefault("site", line)
    elif sub := _SUBTITLE.match(line):
        _subtitle(draft, sub.group(1), sub.group(2))
    elif by := _BYLINE.match(line):
        set_author(draft, by.group(2))
        if by.group(1):
            draft.metadata.setdefault("author_role", simplified(by.group(1)))
    elif paren := _PAREN_BYLINE.match(line):
        parse_byline(draft, paren.group(1))
    elif mark := _MARK_BYLINE.match(line):
        set_author(draft, mark.group(1))
    elif _STAFF_LINE.match(line):
        _staff(draft, line)
    else:
        return _parse_other(draft, line)
    return True


def _parse_other(draft: Draft, line: str) -> bool:
    if _DOC_NUMBER.match(line):
        draft.attributes.setdefault("document_number", line)
    elif repost := _REPOST.match(line):
        draft.attributes.setdefault("reposted_from", simplified(repost.group(2)))
    elif _PAREN_DATE.match(line):
        set_date(draft, line)
    elif is_field_line(line):
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
        set_date(draft, edition.group(1))
    if issue := _ISSUE.search(rest):
        draft.attributes["issue"] = issue.group(1).replace(" ", "")


def _subtitle(draft: Draft, kind: str, text: str) -> None:
    """``——访…部长朱云`` names an interviewee; ``——记…`` is a subtitle."""
    if kind == "记":
        draft.attributes.setdefault("subtitle", simplified(f"记{text}"))
        return
    match = _ROLE_THEN_NAME.match(text)
    if match:
        draft.attributes["interviewee"] = simplified(match.group(2))
        draft.attributes["interviewee_role"] = simplified(match.group(1))
    else:
        draft.attributes["interviewee"] = simplified(text)


_STAFF_ROLE = re.compile(r"^(本报|本台|本刊|本网)?(记者|特约记者|通讯员)")


def _staff(draft: Draft, line: str) -> None:
    """``本报记者 张明 通讯员 李华``: reporters are authors, correspondents an attribute."""
    people: dict[str, list[str]] = {}
    role = ""
    for token in line.split():
        if match := _STAFF_ROLE.match(token):
            role = match.group(0)
            token = token[match.end() :]
        if token:
            people.setdefault(role, []).append(simplified(token))
    for role, names in people.items():
        if role.endswith("通讯员"):
            draft.attributes.setdefault("correspondent", "、".join(names))
        else:
            set_author(draft, "、".join(names))
            draft.metadata.setdefault("author_role", role)


def _field_values(line: str) -> dict[str, str]:
    """Each key's value runs to the next key: ``作者：张明 李华　来源：…``."""
    matches = list(_FIELD.finditer(line))
    values: dict[str, str] = {}
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(line)
        values.setdefault(simplified(match.group(1)), line[match.start(2) : end].strip(" 　)）"))
    return values


def _fields(draft: Draft, line: str) -> None:
    """``来源：X　作者：Y　发布时间：2024-05-20``, in any order."""
    found = _field_values(line)
    dated = next((key for key in _DATE_KEYS if key in found), None)
    set_date(draft, found[dated] if dated else line)
    if "来源" in found:
        draft.metadata.setdefault("source", simplified(found["来源"]))
    if "作者" in found:
        set_author(draft, found["作者"])
    if "编辑" in found:
        draft.attributes.setdefault("editor", simplified(found["编辑"]))


def set_date(draft: Draft, text: str) -> None:
    parsed = parse_date(text)
    if parsed and "published" not in draft.metadata:
        draft.metadata["published"], draft.metadata["date_precision"] = parsed


def set_author(draft: Draft, value: str) -> None:
    """An author field; anonymous (佚名) means no author; names apart are joined with 、."""
    value = simplified(value)
    if all(_NAME.match(name) for name in value.split()):
        value = "、".join(value.split())
    if value in ANONYMOUS:
        draft.log.append(f"author '{value}' means anonymous: left empty")
        return
    draft.metadata.setdefault("author", value)


def parse_byline(draft: Draft, text: str) -> None:
    """``安阳市委组织部,李常青、闫乃谦``, ``周红，北关区委组织部``, ``…部长 王若嘉``…"""
    text = text.replace("\xa0", " ").strip()
    if "," in text or "，" in text:
        first, second = (part.strip() for part in re.split(r"[,，]", text, maxsplit=1))
        # The organisation is the part that ends like one; the other holds the names.
        role, names = (second, first) if _ORGANISATION.search(second) else (first, second)
    elif " " in text:
        role, names = text.rsplit(" ", 1)
        if _NAME.match(role.strip()):  # two names side by side
            role, names = "", f"{role.strip()}、{names}"
    elif match := _ROLE_THEN_NAME.match(text):
        role, names = match.group(1), match.group(2)
    else:
        role, names = "", text
    set_author(draft, names)
    if role.strip():
        draft.metadata.setdefault("author_role", simplified(role))
