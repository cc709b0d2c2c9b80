"""Sentences and clauses of Chinese text, as code-point spans.

A sentence ends at 。！？；!?; (the corpus uses ASCII ? and ; as often as the
full-width forms, domain.md §5.1) or at a line break; closing quotes and
brackets right after the mark belong to the sentence it ends (“…做到。”). A
clause also ends at ，,：: and 、 is left inside (it separates list items).
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)】]*|\n|$)")
_CLAUSE = re.compile(r"[^。！？；!?;，,：:\n]*(?:[。！？；!?;，,：:]+[”’」』）)】]*|\n|$)")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    spans = []
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence, without surrounding whitespace."""
    return _spans(_SENTENCE, text)


def clauses(text: str) -> list[tuple[int, int]]:
    return _spans(_CLAUSE, text)


def extend(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The smallest run of ``spans`` that covers ``[start, end)``."""
    covering = [(s, e) for s, e in spans if s < end and e > start]
    if not covering:
        return start, end
    return min(s for s, _ in covering), max(e for _, e in covering)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    return extend(sentences(text), start, end)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    return extend(clauses(text), start, end)
