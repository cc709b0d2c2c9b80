"""The structure of a cleaned text: which paragraphs are headings.

A heading is a short paragraph (at most 40 characters) that does not end a
sentence and is followed by a longer paragraph (domain.md §5.8, rule 3), or
one numbered like 一、 （一） 第一章. Headings matter to readers (shown apart),
to unit numbers (文档-小节-段落-句) and to counts (excluded by default).
"""

from __future__ import annotations

import re

HEADING_MAX = 40
_NUMBERED = re.compile(
    r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+[章节部分])"
)
_ENDS_SENTENCE = ("。", "！", "？", "!", "?", "；", ";", "：", ":")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def heading_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every heading paragraph."""
    paragraphs = paragraph_spans(text)
    headings = []
    for index, (start, end) in enumerate(paragraphs):
        line = text[start:end].strip()
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        short = len(line) <= HEADING_MAX and not line.rstrip("”」』）)").endswith(_ENDS_SENTENCE)
        longer_after = following is not None and following[1] - following[0] > len(line)
        if (short and longer_after) or (_NUMBERED.match(line) and len(line) <= HEADING_MAX):
            headings.append((start, end))
    return headings


def context(text: str, start: int, end: int, size: int) -> tuple[str, str]:
    """Up to ``size`` characters before and after a span, within its paragraph."""
    before = text[max(0, start - size) : start]
    after = text[end : end + size]
    return before[before.rfind("\n") + 1 :], after.split("\n", 1)[0]
