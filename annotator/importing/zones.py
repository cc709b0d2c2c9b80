"""The header and footer zones of an article: what is not the article around it.

Web and magazine copies wrap the body in lines that are not the article:
site names, navigation, breadcrumbs, bylines, dates, editors, tags,
disclaimers, "latest news" lists (domain.md §5.8). The header zone is every
line before the first line of prose; the footer zone runs from the first
footer marker after which nothing is article text.

A header line is removed only when it is recognised (spam, navigation,
metadata, the title, a short label); any other line stays in the text, with a
log line. Losing a real line of the article silently is worse than keeping
one line too many, which the researcher sees and can ignore.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.importing import bylines, lines
from annotator.importing.draft import Draft

TITLE_MAX = 60
HEADER_MAX_LINES = 25
_LINK_LIST_ITEM = re.compile(r"^- (19|20)\d{2}-\d{2}-\d{2}")


def body_start(draft: Draft) -> int:
    """The first body line: known from the layout, else the first line of prose."""
    if draft.body_start is not None:
        return draft.body_start
    limit = min(len(draft.lines), HEADER_MAX_LINES)
    first = True
    for index, line in enumerate(draft.lines[:limit]):
        line = line.strip()
        if not line:
            continue
        # A text's first line may be a question title (…怎么保障？): it opens the
        # body only as a sentence, a salutation or a long line.
        if _opens_body(draft, line) and (
            not first or lines.is_sentence(line) or line.endswith(("：", ":")) or len(line) >= 60
        ):
            return index
        first = False
    # No prose line: a short text. Its first line is a title when more lines follow.
    filled = [i for i, line in enumerate(draft.lines) if line.strip()]
    return filled[1] if len(filled) > 1 else (filled[0] if filled else 0)


def _opens_body(draft: Draft, line: str) -> bool:
    if not line or lines.is_spam(line):
        return False
    field_line = bylines.is_field_line(line) or bylines.is_bare_label(line)
    if lines.is_prose(line, field_line=field_line):
        return True
    # A line cut by a hard wrap is prose if it has a sentence's punctuation.
    wrapped = draft.wrap_test is not None and draft.wrap_test(line)
    return wrapped and not field_line and bool(re.search(r"[，。、；,]", line))


@dataclass
class _Header:
    candidates: list[tuple[int, str]] = field(default_factory=list)
    #: The last unrecognised line: the site's name when a breadcrumb follows it.
    last: tuple[int, str] | None = None


def parse_header(draft: Draft, end: int) -> None:
    """Read lines ``[0, end)``: metadata out, the title chosen, the rest judged one by one."""
    header = _Header()
    for index in range(end):
        line = draft.lines[index].strip()
        if line and not _known_header_line(draft, index, line, header):
            header.candidates.append((index, line))
            header.last = (index, line)
    title = draft.metadata.get("title") or _choose_title(header.candidates)
    if title and "title" not in draft.metadata:
        draft.metadata["title"] = title
        if column := re.match(r"^【(.+?)】", title):
            draft.attributes.setdefault("column", bylines.simplified(column.group(1)))
    for index, line in header.candidates:
        _judge(draft, index, line, title)
    if "source" not in draft.metadata and "site_name" in draft.attributes:
        draft.metadata["source"] = draft.attributes.pop("site_name")


def _known_header_line(draft: Draft, index: int, line: str, header: _Header) -> bool:
    """Remove a recognised header line (logged); False for anything else."""
    if lines.is_spam(line):
        reason = "spam line"
    elif lines.is_navigation(line) or lines.WEB_FURNITURE.search(line) or lines.SOCIAL.match(line):
        reason = "navigation line"
    elif (items := lines.breadcrumb(line)) is not None:
        _breadcrumb(draft, items, header)
        reason = "breadcrumb"
    elif bylines.parse_header_line(draft, line):
        reason = "header metadata"
    elif bylines.is_bare_label(line):
        reason = "label"
    else:
        return False
    draft.drop(index, reason)
    draft.lines[index] = ""
    return True


def _breadcrumb(draft: Draft, items: list[str], header: _Header) -> None:
    channel = [item for item in items[1:] if item not in ("正文", "正 文")]
    if channel:
        draft.attributes["channel"] = bylines.simplified("/".join(channel))
    if header.last is not None and lines.is_short_label(header.last[1]):
        index, name = header.last  # a site's name stands above its breadcrumb
        draft.attributes.setdefault("site_name", bylines.simplified(name))
        header.candidates.remove(header.last)
        draft.log.append(f"removed site name (now the source): {name[:80]}")
        draft.lines[index] = ""
    header.last = None


def _choose_title(candidates: list[tuple[int, str]]) -> str | None:
    """The longest line that reads as a title: not a sentence, not a numbered heading."""
    titles = [
        line
        for _, line in candidates
        if len(line) <= TITLE_MAX and not lines.is_sentence(line) and not lines.HEADING.match(line)
    ]
    return max(titles, key=len) if titles else None


def _judge(draft: Draft, index: int, line: str, title: str | None) -> None:
    """The title and short labels leave the text; every other line stays in it."""
    if line == title:
        draft.log.append(f"removed title (now the document's title): {line[:80]}")
    elif bylines.simplified(line) == draft.attributes.get("column"):
        draft.log.append(f"removed repeated column name: {line[:80]}")
    elif lines.is_short_label(line):
        draft.log.append(f"removed short header line: {line[:80]}")
    else:
        draft.log.append(f"kept header line in the text: {line[:80]}")
        return
    draft.lines[index] = ""


def footer_start(draft: Draft, start: int) -> int:
    """The first footer marker after which nothing is article text any more.

    A marker followed by a line of prose was a false alarm (a paragraph that
    happens to start like a marker): the search goes on after it.
    """
    found = len(draft.lines)
    for candidate in range(len(draft.lines) - 1, start, -1):
        line = draft.lines[candidate].strip()
        if not line:
            continue
        if lines.is_footer_marker(line):
            found = candidate
        elif not _footer_like(line):
            break
    return found


def _footer_like(line: str) -> bool:
    """Lines that may follow a footer marker: links, short notes, disclaimers."""
    return (
        len(line) < 40
        or bool(_LINK_LIST_ITEM.match(line))
        or bool(re.search(r"声明|聲明|版权|版權|侵权|侵權|转载|轉載|联系|聯繫", line))
        or bool(lines.SOCIAL.match(line))
    )


def parse_footer(draft: Draft, start: int) -> None:
    """Read metadata from the footer zone and remove it (every line logged)."""
    for index in range(start, len(draft.lines)):
        line = draft.lines[index].strip()
        if not line:
            continue
        if line == "最新信息":
            for rest in range(index, len(draft.lines)):
                if draft.lines[rest].strip():
                    draft.drop(rest, "link list")
                draft.lines[rest] = ""
            return
        _footer_line(draft, line)
        draft.drop(index, "footer")
        draft.lines[index] = ""


def _footer_line(draft: Draft, line: str) -> None:
    if match := re.match(r"^[(（]作者系(.+?)[)）]$", line):
        draft.metadata.setdefault("author_role", bylines.simplified(match.group(1)))
    elif match := re.match(r"^[(（]作者[:：](.+?)[)）]$", line):
        bylines.parse_byline(draft, match.group(1))
    elif match := re.match(r"^\[?(?:责任编辑|責任編輯|责编|编辑|編輯)[:：]\s*(.+?)\]?$", line):
        draft.attributes.setdefault("editor", bylines.simplified(match.group(1)))
    elif match := re.match(r"^原文[链鏈]接[:：]\s*(\S+)", line):
        draft.metadata.setdefault("url", match.group(1))
    elif match := re.match(r"^(?:标签|標簽)[:：]\s*(.+)$", line):
        draft.attributes["tags"] = bylines.simplified(match.group(1))
    elif match := re.match(r"^作者 (\S+)$", line):
        _site_author(draft, bylines.simplified(match.group(1)))


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
        bylines.parse_byline(draft, match.group(1))
        draft.lines[last] = line[: match.start()].rstrip()
        draft.log.append(f"removed inline byline: {match.group(0)}")
