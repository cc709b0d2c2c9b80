"""Saved web pages: decode, parse with the standard library, keep the main text only.

A Chinese news page is mostly not the article: navigation ("网站首页 | 网站地图"),
breadcrumbs, "相关新闻" and "最新信息" link lists, disclaimers, footers with ICP
numbers, scripts, and SEO text hidden with ``display:none``. Researchers code
the article, so the reader picks the one element that holds it, the way
readability-style extractors do: every block of running text scores its
container by its punctuation and CJK characters; containers whose class or id
says "navigation", "sidebar", "list"… lose points, and so do link-heavy ones;
an ``<article>`` or a ``class="TRS_Editor"``-like container wins when it holds
most of that text. A page that is just text keeps its whole body.

Everything is offline: the parser only builds a tree, and nothing the page
names (``<base>``, ``<link>``, ``<img>``, frames) is ever fetched. lxml and
BeautifulSoup are not used: ``html.parser`` is enough for extraction and keeps
the dependency list short.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from annotator.errors import ImportFailedError
from annotator.importing.dates import parse_date
from annotator.importing.decode import MIN_SCORE as MIN_CHINESE
from annotator.importing.decode import chinese_score
from annotator.importing.extracted import Extracted

#: Files larger than this are refused rather than loaded into memory whole.
MAX_BYTES = 50 * 1024 * 1024
#: Deeper nesting is flattened, so that no walk over the tree can overflow the stack.
MAX_DEPTH = 200
#: Where the declared charset is looked for, as the HTML standard's prescan does.
PRESCAN_BYTES = 4096

_CANNOT = "无法读取 HTML / Cannot read the HTML"
_NO_TEXT = "网页中没有正文 / No main text found in the page"

#: Never text. Their characters are not even counted as boilerplate.
SCRIPT_LIKE = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
#: Page furniture: dropped with everything inside. ``form`` is handled apart (see
#: :func:`_drop_in_output`), because ASP.NET pages wrap the whole body in one.
DROPPED = SCRIPT_LIKE | frozenset(
    {"iframe", "button", "select", "nav", "header", "footer", "aside", "menu", "object"}
)
#: Elements that end a line.
BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "pre", "address", "center"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "body", "html", "form", "fieldset"}
    | {"ul", "ol", "li", "dl", "dd", "dt", "figure", "figcaption", "details", "summary"}
    | {"table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"}
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
#: Blocks of running text that credit their parent, not themselves.
PARAGRAPH_LIKE = frozenset({"p", "pre", "li", "dd", "dt", "blockquote"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
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

_NEGATIVE = re.compile(
    r"nav|menu|footer|header|sidebar|breadcrumb|crumb|comment|share|banner|copyright|related"
    r"|recommend|list|daohang|weizhi|dqwz|tuijian|xiangguan|fenxiang|guanggao|pinglun|banquan"
    r"|login|search|popup|toolbar|(?:^|[\s_-])(?:ad|ads|adv|dh|top|foot|side|bottom)\d*(?:$|[\s_-])",
    re.IGNORECASE,
)
_POSITIVE = re.compile(
    r"content|article|main|text|detail|zhengwen|trs_editor|neirong|zoom|entry|story",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_PUNCT = re.compile("[。，、！？；：,;!?]")
#: Characters next to which a line break in the source is no space (CSS Text's
#: segment-break rule): CJK, kana, hangul, CJK and full-width punctuation, “”‘’…—.
_CJK_LIKE = re.compile(
    "[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\u2014\u2018\u2019\u201c\u201d\u2026\U00020000-\U0003134f]"
)
_WHITESPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
_DECLARED = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:+-]+)", re.IGNORECASE)
#: Python codecs a page may declare: web encodings, not "undefined", "unicode_escape",
#: UTF-7 (banned on the web) or bytes-to-bytes codecs such as "base64".
_WEB_CODECS = re.compile(
    r"(utf-8|gb18030|big5|cp950|big5hkscs|shift_jis|cp932|euc_jp|iso2022_jp|euc_kr|cp949"
    r"|ascii|iso8859-\d+|cp125\d|koi8-[ru]|mac-roman)$"
)
#: What separates a page title from the site name: "_", "|", "｜", dashes.
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|[-–—－]+)\s*")

#: Least characters for a block of text to count as a paragraph of the article.
MIN_PARAGRAPH = 10
#: A best container scoring less than this is no evidence: the whole body is kept.
MIN_SCORE = 5.0


@dataclass(eq=False)
class _Node:
    """One element; text children are plain strings. ``eq=False``: identity matters."""

    tag: str
    attrs: dict[str, str]
    parent: _Node | None = None
    children: list[_Node | str] = field(default_factory=list)
    index: int = 0
    #: Text owned by this block (not inside a nested block): visible, CJK,
    #: punctuation and in-link characters.
    own: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    chars: int = 0
    links: int = 0
    #: Characters of scored paragraphs inside this element.
    content: int = 0
    score: float = 0.0

    def ancestors(self) -> Iterator[_Node]:
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


class _TreeBuilder(HTMLParser):
    """Builds a forgiving tree: implied end tags, stray end tags ignored, depth capped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack: list[_Node] = [self.root]
        self.nodes: list[_Node] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        parent = self.stack[-1]
        node = _Node(tag, {k: v or "" for k, v in attrs}, parent, index=len(self.nodes))
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


# --- decoding -------------------------------------------------------------------------------


def _codec(label: str) -> str | None:
    """Python codec for a declared label; GB2312/GBK read as their superset GB18030.

    A page cannot be UTF-16 if its ``<meta>`` was readable as ASCII, so that
    declaration means UTF-8 (as in the HTML standard).
    """
    try:
        name = codecs.lookup("gbk" if label == "x-gbk" else label).name
    except LookupError:
        return None
    if name in ("gb2312", "gbk"):
        return "gb18030"
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name if _WEB_CODECS.match(name) else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):
        return None


def _fallback(data: bytes) -> tuple[str, str] | None:
    """UTF-8 if it fits; else the more Chinese-looking of GB18030 and Big5.

    Choosing by score, not by order, matters: GB18030 maps almost any byte
    sequence, so Big5 bytes would "decode" as GB18030 garbage.
    """
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    found: list[tuple[float, int, str, str]] = []
    for encoding in ("gb18030", "big5", "cp950", "big5hkscs"):
        decoded = _strict(data, encoding)
        if decoded is not None:  # ties go to the earlier candidate
            found.append((chinese_score(decoded), -len(found), encoding, decoded))
    if not found:
        return None
    _, _, best, decoded = max(found)
    return decoded, best


def _overrides(encoding: str | None, data: bytes) -> tuple[str, str] | None:
    """A better decoding than the declared one, when the declaration is known to mislead.

    Crawlers often save pages as UTF-8 but keep ``<meta charset="gb2312">``, and
    old sites declare ISO-8859-1 for GBK bytes. Valid UTF-8 with plenty of
    multi-byte characters is UTF-8 (GBK or Big5 text is practically never
    valid UTF-8); a Western single-byte declaration yields to text that reads
    as Chinese.
    """
    if encoding is None or encoding == "utf-8" or data.isascii():
        return None
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and len(data) - len(utf8) >= 16:
        return utf8, "utf-8"
    if encoding in ("ascii", "iso8859-1", "cp1252"):
        found = _fallback(data)
        if found is not None and chinese_score(found[0]) >= MIN_CHINESE:
            return found
    return None


def decode_html(data: bytes) -> tuple[str, str]:
    """Decoded source with ``\\n`` line ends, and one log line saying how."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is None:
                raise ImportFailedError(f"{_CANNOT}: byte-order mark of {encoding} does not fit")
            return _newlines(text), f"decoded as {encoding.upper()} (byte-order mark)"
    text, how = _decode_declared(data)
    return _newlines(text), how


def _decode_declared(data: bytes) -> tuple[str, str]:
    """The page's own ``<meta>`` charset unless it is known to mislead or does not fit."""
    match = _DECLARED.search(data[:PRESCAN_BYTES])
    label = match.group(1).decode("ascii", "replace").lower() if match else None
    encoding = _codec(label) if label else None
    better = _overrides(encoding, data)
    if better is not None:
        name = better[1].upper()
        return better[0], f"declared {label} but the bytes are {name}; decoded as {name}"
    declared = _strict(data, encoding) if encoding else None
    if declared is not None and encoding is not None:
        return declared, f"decoded as {encoding.upper()} (declared {label})"
    found = _fallback(data)
    if found is None:
        raise ImportFailedError(f"{_CANNOT}: the bytes are not UTF-8, GB18030 or Big5 text")
    text, name = found[0], found[1].upper()
    if label is None:
        return text, f"no charset declared; decoded as {name}"
    if encoding is None:
        return text, f"unknown charset {label!r} declared; decoded as {name}"
    return text, f"declared charset {label} does not fit the bytes; decoded as {name}"


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- parsing and scoring --------------------------------------------------------------------


def _parse(source: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    try:
        builder.feed(source)
        builder.close()
    except Exception as error:
        # html.parser documents no exceptions; its internal asserts (which
        # python -O strips, letting other errors through) fire on markup it
        # cannot read. That is a property of the user's file, so it is reported.
        raise ImportFailedError(f"{_CANNOT}: {type(error).__name__}: {error}") from error
    return builder


def _measure(node: _Node, owner: _Node, in_link: bool) -> None:
    """Give every text to its nearest block ("owner"), counting what scoring needs."""
    for child in node.children:
        if isinstance(child, str):
            visible = len("".join(child.split()))
            if visible:
                stats = owner.own
                stats[0] += visible
                stats[1] += len(_CJK.findall(child))
                stats[2] += len(_PUNCT.findall(child))
                stats[3] += visible if in_link else 0
        elif child.tag not in DROPPED and not child.hidden():
            block = child if child.tag in BLOCK else owner
            _measure(child, block, in_link or child.tag == "a")


def _weight(node: _Node) -> float:
    """Readability's class weight: ±25 for what the class says, ±25 for the id."""
    weight = 0.0
    for value in (node.attrs.get("class", ""), node.attrs.get("id", "")):
        if _NEGATIVE.search(value):
            weight -= 25
        if _POSITIVE.search(value):
            weight += 25
    return weight


def _score_paragraphs(nodes: list[_Node]) -> None:
    """Each paragraph credits its container fully, the next two levels up less."""
    for node in nodes:
        visible, cjk, punct, links = node.own
        if visible < MIN_PARAGRAPH or links * 2 > visible or node.tag in HEADINGS:
            continue
        score = 1 + punct + min(cjk / 100, 3)
        target = node.parent if node.tag in PARAGRAPH_LIKE else node
        for level in range(3):
            if target is None:
                break
            target.score += score / (1, 2, 6)[level]
            target = target.parent
        node.content += visible
        for ancestor in node.ancestors():
            ancestor.content += visible


def _totals(nodes: list[_Node]) -> None:
    """Visible and in-link characters of each subtree (children come after parents)."""
    for node in reversed(nodes):
        node.chars += node.own[0]
        node.links += node.own[3]
        if node.parent is not None:
            node.parent.chars += node.chars
            node.parent.links += node.links


def _final(node: _Node) -> float:
    return (node.score + _weight(node)) * (1 - node.link_density())


def _preferred(node: _Node) -> bool:
    """An ``<article>``/``<main>`` or a container whose class or id says "content"."""
    if node.tag in ("body", "html", "#root") or _NEGATIVE.search(node.names()):
        return False
    return node.tag in ("article", "main") or bool(_POSITIVE.search(node.names()))


def _choose(nodes: list[_Node], body: _Node) -> _Node:
    """The best-scoring container, widened or narrowed to where the article really is."""
    scored = [node for node in nodes if node.score > 0]
    if not scored:
        return body
    best = max(scored, key=_final)
    if _final(best) < MIN_SCORE:
        return body
    best = _widen(best)
    fits = [node for node in nodes if _preferred(node) and _fits(node, best)]
    return min(fits, key=lambda node: abs(node.chars - best.chars), default=best)


def _fits(node: _Node, best: _Node) -> bool:
    """Whether a preferred container may stand for ``best``: it holds most of the
    article text, and, if it is larger, what it adds is little and not a link list."""
    if node.content < 0.8 * best.content or node.link_density() > 0.3:
        return False
    if node is best or node in best.ancestors():
        return node.chars <= 1.5 * best.chars and (node.links - best.links) * 2 <= (
            node.chars - best.chars
        )
    return best in node.ancestors()


def _widen(best: _Node) -> _Node:
    """Climb to an ancestor holding twice the article text (paragraphs in sibling divs).

    Wrappers that add no article text are passed through; an ancestor that
    adds some but less than as much again (a disclaimer, a sidebar excerpt)
    ends the climb.
    """
    node = best
    for ancestor in best.ancestors():
        if ancestor.tag in ("html", "#root") or ancestor.link_density() > 0.5:
            break
        if ancestor.content >= 2 * node.content:
            node = ancestor
        elif ancestor.content > node.content:
            break
    return node


# --- text -----------------------------------------------------------------------------------


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

    def __init__(self, skip: Callable[[_Node], bool]) -> None:
        self.skip = skip
        self.lines: list[str] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        line = _clean_line("".join(self.buffer))
        if line:
            self.lines.append(line)
        self.buffer = []

    def walk(self, node: _Node, pre: bool = False) -> None:
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


def _render(node: _Node, skip: Callable[[_Node], bool]) -> list[str]:
    renderer = _Renderer(skip)
    renderer.walk(node)
    renderer.flush()
    return renderer.lines


def _drop_always(node: _Node) -> bool:
    return node.tag in DROPPED or node.hidden()


def _drop_in_output(node: _Node) -> bool:
    """Furniture, a form without article text, and link lists or share bars that sit
    inside the chosen container (negative class or id, no paragraph of the article)."""
    if _drop_always(node) or (node.tag == "form" and node.content == 0):
        return True
    return node.content == 0 and bool(_NEGATIVE.search(node.names()))


# --- hints ----------------------------------------------------------------------------------


def _metas(nodes: list[_Node]) -> dict[str, str]:
    """``<meta name|property|itemprop=… content=…>``, keys lower-cased, first one wins."""
    found: dict[str, str] = {}
    for node in nodes:
        if node.tag != "meta":
            continue
        content = " ".join(node.attrs.get("content", "").split())
        for key in ("name", "property", "itemprop"):
            name = node.attrs.get(key, "").strip().lower()
            if name and content:
                found.setdefault(name, content)
    return found


def _first_text(nodes: list[_Node], tag: str) -> str:
    for node in nodes:
        if node.tag == tag:
            text = " ".join(_render(node, lambda _: False))
            if text:
                return text
    return ""


def _split_title(page_title: str) -> tuple[str, str | None]:
    """Split "标题_贵州党建云" into the title and the site name, at the last separator.

    Not when what follows looks like no name ("2022-06-29" → "29"), is long, or
    would leave less than two characters of title.
    """
    separators = list(_TITLE_SEPARATOR.finditer(page_title))
    if not separators:
        return page_title, None
    last = separators[-1]
    title, site = page_title[: last.start()].strip(), page_title[last.end() :].strip()
    if len(title) < 2 or not site or len(site) > 30 or site[0].isdigit():
        return page_title, None
    return title, site


def _heading(nodes: list[_Node], container: _Node, page_title: str, site: str | None) -> str | None:
    """The ``<h1>`` inside the container, else the nearest one just above it.

    "Just above" means before it within its grandparent. Headings inside
    navigation or negatively named blocks, and a logo ``<h1>`` that is the site
    name, do not count; one that the page's ``<title>`` repeats wins.
    """
    parent = container.parent
    scope = parent.parent if parent is not None and parent.parent is not None else container
    inside = [node for node in nodes if node.tag == "h1" and _clean_path(node, container)]
    above = [
        node
        for node in nodes
        if node.tag == "h1" and node.index < container.index and _clean_path(node, scope)
    ]
    texts = [" ".join(_render(node, lambda _: False)) for node in inside + above[::-1]]
    texts = [text for text in texts if text and text != site]
    return next((text for text in texts if text in page_title), texts[0] if texts else None)


def _clean_path(node: _Node, stop: _Node) -> bool:
    """Whether ``stop`` is an ancestor of ``node`` with no furniture in between
    (an article's own ``<header>``, which holds its ``<h1>``, is not furniture)."""
    for ancestor in node.ancestors():
        if ancestor is stop:
            return True
        if ancestor.tag != "header" and (
            ancestor.tag in DROPPED or _NEGATIVE.search(ancestor.names())
        ):
            return False
    return False


def _url(nodes: list[_Node], metas: dict[str, str]) -> str | None:
    """Canonical link, else og:url; absolute http(s) only (there is no base to resolve by)."""
    for node in nodes:
        if node.tag == "link" and "canonical" in node.attrs.get("rel", "").lower().split():
            href = node.attrs.get("href", "").strip()
            if href.startswith(("http://", "https://")):
                return href
    url = metas.get("og:url", "")
    return url if url.startswith(("http://", "https://")) else None


def _published(nodes: list[_Node], metas: dict[str, str]) -> str | None:
    keys = ("publishdate", "pubdate", "article:published_time", "date")
    values = [metas[key] for key in keys if key in metas]
    values += [
        node.attrs["datetime"] for node in nodes if node.tag == "time" and "datetime" in node.attrs
    ]
    for value in values:
        compact = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})", value.strip())
        parsed = parse_date("-".join(compact.groups()) if compact else value)
        if parsed is not None and parsed[1] in ("day", "month"):
            return parsed[0]
    return None


def _hints(nodes: list[_Node], container: _Node) -> dict[str, str]:
    metas = _metas(nodes)
    page_title = _first_text(nodes, "title")
    title, title_site = _split_title(page_title)
    site = metas.get("og:site_name") or title_site
    candidates = {
        "title": metas.get("og:title") or _heading(nodes, container, page_title, site) or title,
        "site": site,
        "author": metas.get("author"),
        "published": _published(nodes, metas),
        "url": _url(nodes, metas),
        "description": metas.get("description") or metas.get("og:description"),
        "keywords": metas.get("keywords"),
    }
    return {key: value for key, value in candidates.items() if value}


# --- the reader -----------------------------------------------------------------------------


def _check_text(source: str) -> None:
    if not source.strip():
        raise ImportFailedError(_NO_TEXT)
    if len(_CONTROL.findall(source[:65536])) * 100 > min(len(source), 65536):
        raise ImportFailedError(f"{_CANNOT}: binary data, not a web page")


def extract_html(data: bytes) -> Extracted:
    """Main text, metadata hints and a log of one page's bytes; nothing is fetched."""
    source, decoded = decode_html(data)
    _check_text(source)
    builder = _parse(source)
    nodes = builder.nodes
    body = next((node for node in nodes if node.tag == "body"), builder.root)
    _measure(builder.root, builder.root, in_link=False)
    _score_paragraphs([builder.root, *nodes])
    _totals([builder.root, *nodes])
    container = _choose(nodes, body)
    lines = _render(container, _drop_in_output)
    if not lines and container is not body:
        container, lines = body, _render(body, _drop_in_output)
    if not lines:
        raise ImportFailedError(_NO_TEXT)
    text = "\n".join(lines)
    everything = len("\n".join(_render(builder.root, lambda node: node.tag in SCRIPT_LIKE)))
    log = [
        decoded,
        f"main text from {container.label() if container is not builder.root else 'the page'}",
        f"dropped {max(everything - len(text), 0)} characters as boilerplate",
    ]
    return Extracted(text=text, raw=source, hints=_hints(nodes, container), log=log)


def read_html(path: Path) -> Extracted:
    """Read a saved page (``.html``/``.htm``) from disk; see :func:`extract_html`."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailedError(f"{_CANNOT}: the file is too large ({size:,} bytes)")
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailedError(f"{_CANNOT}: {error}") from error
    return extract_html(data)
