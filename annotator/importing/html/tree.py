"""A forgiving element tree built with the standard library's ``html.parser``.

``html.parser`` only tokenises; real pages leave paragraphs and list items
unclosed, close tags they never opened, nest thousands deep and carry IE-era
``<![if !IE]>`` sections. The builder here repairs just enough of that, the
way browsers do, for scoring and rendering to see the page's real structure,
and turns the parser's internal errors into an import error for the user.
The tree only holds markup: nothing a page names is ever fetched.

``html`` below is the standard library's package, not this one: imports are
absolute, so ``annotator.importing.html`` shadows nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from annotator.errors import ImportFailedError
from annotator.importing.html.messages import CANNOT
from annotator.importing.html.vocabulary import BLOCK

#: Deeper nesting is flattened, so that no walk over the tree can overflow the stack.
MAX_DEPTH = 200

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
#: Tags allowed in ``<head>``; any other start tag closes it, as browsers do.
HEAD_CONTENT = frozenset({"base", "link", "meta", "title", "script", "style", "noscript"})
#: Start tag → (open tags it closes, tags that stop the search): enough of the
#: HTML standard's implied end tags that ``<p>a<p>b`` gives two paragraphs.
_P_CLOSE = ({"p"}, {"table", "td", "th", "caption", "button"})
IMPLIED_END: dict[str, tuple[set[str], set[str]]] = {
    **{tag: _P_CLOSE for tag in BLOCK - {"br", "li", "dd", "dt", "td", "th", "tr"}},
    "li": ({"li", "p"}, {"ul", "ol", "table", "td"}),
    "dd": ({"dd", "dt", "p"}, {"dl", "table", "td"}),
    "dt": ({"dd", "dt", "p"}, {"dl", "table", "td"}),
    "tr": ({"tr", "td", "th", "p"}, {"table"}),
    "td": ({"td", "th", "p"}, {"tr", "table"}),
    "th": ({"td", "th", "p"}, {"tr", "table"}),
}

#: What ends a comment for ``html.parser`` (its ``commentclose``).
_COMMENT_CLOSE = re.compile(r"--\s*>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(eq=False)
class Node:
    """One element; text children are plain strings. ``eq=False``: identity matters."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)
    index: int = 0
    #: Text owned by this block (not inside a nested block): visible, CJK,
    #: punctuation and in-link characters.
    own: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    chars: int = 0
    links: int = 0
    #: Characters of scored paragraphs inside this element.
    content: int = 0
    score: float = 0.0

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def label(self) -> str:
        """``tag#id.class`` for the import log."""
        ident = f"#{self.attrs['id']}" if self.attrs.get("id") else ""
        classes = "".join(f".{name}" for name in self.attrs.get("class", "").split())
        return f"{self.tag}{ident}{classes}"

    def names(self) -> str:
        """Class and id: where a page says what a block is for."""
        return f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}"

    def link_density(self) -> float:
        return self.links / self.chars if self.chars else 0.0

    def hidden(self) -> bool:
        return "hidden" in self.attrs or bool(_HIDDEN_STYLE.search(self.attrs.get("style", "")))


class TreeBuilder(HTMLParser):
    """Builds a forgiving tree: implied end tags, stray end tags ignored, depth capped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack: list[Node] = [self.root]
        self.nodes: list[Node] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        parent = self.stack[-1]
        node = Node(tag, {k: v or "" for k, v in attrs}, parent, index=len(self.nodes))
        parent.children.append(node)
        self.nodes.append(node)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.stack[-1].tag == tag and tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # browsers read </br> as <br>
            self.handle_starttag("br", [])
            return
        if tag in ("body", "html"):  # content after </body> still belongs to the body
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:  # noqa: ARG002
        """``<![…>`` up to the next ``>`` is a bogus comment, as the HTML standard says.

        The inherited SGML version raises AssertionError on anything but a few
        keywords, and IE-era pages are full of ``<![if !IE]>``.
        """
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def _close_implied(self, tag: str) -> None:
        if self.stack[-1].tag == "head" and tag not in HEAD_CONTENT:
            self.stack.pop()
        closes, stops = IMPLIED_END.get(tag, (set(), set()))
        for depth in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[depth].tag
            if open_tag in closes:
                del self.stack[depth:]
                return
            if open_tag in stops:
                return


def inert_tail(source: str) -> str:
    """``source`` with the markup that can never be completed written as text.

    That is every ``<`` after the page's last ``>`` and every ``<!--`` after its
    last ``-->``. ``html.parser`` gives them back as text, but only after
    scanning from each one to the end of the page: quadratic time (24 s for
    200 KB of ``<a<a<a…``, hours for the 50 MB a page may have). Written as
    ``&lt;`` they are the same text, read in one pass (what follows an unclosed
    ``<!--`` is then read as markup, not as text up to the next ``>``).
    """
    closed = 0
    for found in _COMMENT_CLOSE.finditer(source):
        closed = found.end()
    end = source.rfind(">") + 1
    middle, tail = source[closed:end], source[end:]
    if "<!--" not in middle and "<" not in tail:
        return source
    return source[:closed] + middle.replace("<!--", "&lt;!--") + tail.replace("<", "&lt;")


def parse(source: str) -> TreeBuilder:
    """The whole page as a tree (``root``) and its elements in document order (``nodes``)."""
    builder = TreeBuilder()
    try:
        builder.feed(inert_tail(source))
        builder.close()
    except Exception as error:
        # html.parser documents no exceptions; its internal asserts (which
        # python -O strips, letting other errors through) fire on markup it
        # cannot read. That is a property of the user's file, so it is reported.
        raise ImportFailedError(f"{CANNOT}: {type(error).__name__}: {error}") from error
    return builder
