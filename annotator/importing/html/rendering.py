"""An element's text as lines, the way a browser would lay it out, minus what is skipped.

Every block element ends a line; whitespace runs become one space, except that
a line break in the source between two CJK characters is no space at all (it
is the source's wrapping, not a space the author typed); ``<pre>`` keeps its
lines. What to skip is the caller's choice: furniture and link lists inside
the article for the main text (:func:`drop_in_output`), nothing for a title,
only scripts and styles for counting the boilerplate that was dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from annotator.importing.html.tree import Node
from annotator.importing.html.vocabulary import BLOCK, DROPPED, NEGATIVE

#: Characters next to which a line break in the source is no space (CSS Text's
#: segment-break rule): CJK, kana, hangul, CJK and full-width punctuation, “”‘’…—.
_CJK_LIKE = re.compile(
    "[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\u2014\u2018\u2019\u201c\u201d\u2026\U00020000-\U0003134f]"
)
_WHITESPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")


def _clean_line(line: str) -> str:
    """Invisible characters out; whitespace runs to one space, none at a line break
    between two CJK characters (the source's wrapping, not a space the author typed)."""
    line = _INVISIBLE.sub("", line)

    def space(match: re.Match[str]) -> str:
        start, end = match.span()
        between_cjk = (
            "\n" in match.group()
            and start > 0
            and end < len(line)
            and _CJK_LIKE.match(line[start - 1])
            and _CJK_LIKE.match(line[end])
        )
        return "" if between_cjk else " "

    return _WHITESPACE.sub(space, line).strip()


class _Renderer:
    """Text of a subtree, one line per block, skipping what ``skip`` says."""

    def __init__(self, skip: Callable[[Node], bool]) -> None:
        self.skip = skip
        self.lines: list[str] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        line = _clean_line("".join(self.buffer))
        if line:
            self.lines.append(line)
        self.buffer = []

    def walk(self, node: Node, pre: bool = False) -> None:
        for child in node.children:
            if isinstance(child, str):
                self._text(child, pre)
            elif not self.skip(child):
                block = child.tag in BLOCK
                if block:
                    self.flush()
                self.walk(child, pre or child.tag == "pre")
                if block:
                    self.flush()

    def _text(self, text: str, pre: bool) -> None:
        if not pre:
            self.buffer.append(text)
            return
        first, *rest = text.split("\n")
        self.buffer.append(first)
        for line in rest:
            self.flush()
            self.buffer.append(line)


def render(node: Node, skip: Callable[[Node], bool]) -> list[str]:
    """The non-empty lines of ``node``'s text, without the elements ``skip`` accepts."""
    renderer = _Renderer(skip)
    renderer.walk(node)
    renderer.flush()
    return renderer.lines


def _drop_always(node: Node) -> bool:
    return node.tag in DROPPED or node.hidden()


def drop_in_output(node: Node) -> bool:
    """Furniture, a form without article text, and link lists or share bars that sit
    inside the chosen container (negative class or id, no paragraph of the article)."""
    if _drop_always(node) or (node.tag == "form" and node.content == 0):
        return True
    return node.content == 0 and bool(NEGATIVE.search(node.names()))
