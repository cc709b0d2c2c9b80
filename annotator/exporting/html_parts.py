"""Pieces of the HTML report: its words, its style, the highlighted text and its tables.

The report is read by people who do not have the program, often offline or
from a mail attachment, so every page stands alone: inline CSS, no script,
nothing fetched (a Content-Security-Policy says so to the browser too).
Everything from the project is escaped, colours included, because article
text holds ``<script>`` and codebooks come from anyone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from annotator.exporting.labels import STATUS
from annotator.exporting.rows import SegmentRow
from annotator.models import CodeId
from annotator.structure import heading_spans, paragraph_spans

#: The report's own words (labels.py holds those of the tables, shared by all writers).
WORDS = {
    "zh": {
        "report": "编码报告", "exported": "导出日期", "contents": "目录", "legend": "编码图例",
        "colour": "颜色", "code": "编码", "path": "编码路径", "name": "名称", "count": "编码数",
        "codings": "编码列表", "number": "序号", "unit": "单元编号", "quote": "引文",
        "coder": "编码员", "memo": "备忘", "review": "审阅", "reviewer": "审阅人",
        "source": "来源", "date": "日期", "region": "地区", "level": "层级", "none": "(无)",
        "untitled": "(无标题)", "index": "返回目录", "previous": "上一篇", "next": "下一篇",
        "summary": "共 {documents} 篇文档，{codings} 处编码", "separator": "：",
    },
    "en": {
        "report": "Coding report", "exported": "Exported", "contents": "Contents",
        "legend": "Codes", "colour": "Colour", "code": "Code", "path": "Code path",
        "name": "Name", "count": "Codings", "codings": "Codings", "number": "No.",
        "unit": "Unit", "quote": "Quote", "coder": "Coder", "memo": "Memo", "review": "Review",
        "reviewer": "Reviewer", "source": "Source", "date": "Date", "region": "Region",
        "level": "Level", "none": "(none)", "untitled": "(untitled)", "index": "Contents",
        "previous": "Previous", "next": "Next",
        "summary": "{documents} documents, {codings} codings", "separator": ": ",
    },
}  # fmt: skip

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",
"Hiragino Sans GB",sans-serif;max-width:62em;margin:2em auto;padding:0 1em;color:#222;
line-height:1.6}
h1{font-size:1.6em}h2{font-size:1.3em}h3{font-size:1.1em}
.meta,.none{color:#666}
.text p,.text h3{white-space:pre-wrap;line-height:2.2}
mark{color:inherit;padding:0 1px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.rejected,sup.rejected,tr.rejected td.quote,tr.rejected td.code{
text-decoration:line-through}
sup.tag{font-size:.65em;margin:0 1px}sup.tag a{color:#555;text-decoration:none}
.swatch{display:inline-block;width:1em;height:1em;border:1px solid #999;
vertical-align:middle;margin-right:.3em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.count{text-align:right}
.quote,.memo,.comment{white-space:pre-wrap}
section.document{border-top:2px solid #888;margin-top:2.5em}
.status-accepted{color:#1a7f37}.status-rejected{color:#c62828}.status-pending{color:#8a6d00}
:target{outline:2px solid #3b82f6}
@media print{section.document{break-before:page}a{color:inherit}}
"""

#: Nothing may be fetched or run: styles inline, images (none) only as data.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
DEFAULT_COLOR = "#ffd966"
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def safe_color(value: str) -> str:
    """A code's colour fit for a style attribute (``#rgb`` or ``#rrggbb``), else the default:
    a codebook file could hold ``red;background:url(http://…)``."""
    return value if _COLOR.fullmatch(value) else DEFAULT_COLOR


def ink(background: str) -> str:
    """Black or white text, whichever reads better on ``background`` (a safe colour)."""
    digits = background[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return "#000" if 0.299 * red + 0.587 * green + 0.114 * blue >= 128 else "#fff"


@dataclass(frozen=True, slots=True)
class Entry:
    """One coding as the report shows it: its row (:mod:`.rows`), its code and the
    tooltip of its highlight (code, coder and, unless pending, its review state)."""

    row: SegmentRow
    code_id: CodeId
    color: str
    name: str
    tooltip: str

    @property
    def id(self) -> int:
        return self.row.annotation_id

    @property
    def key(self) -> str:
        return self.row.code_key or self.name

    @property
    def rejected(self) -> bool:
        return self.row.status == "rejected"


def swatch(color: str) -> str:
    return f'<span class="swatch" style="background:{color}"></span>'


# -- the text --------------------------------------------------------------------------
def highlight(text: str, entries: Sequence[Entry]) -> str:
    """The text as ``<p>`` and ``<h3>`` paragraphs with every coding highlighted.

    Overlaps are why the text is cut at every coding boundary: each piece is one
    ``<mark>`` with the codings covering it (``data-codings``), so the pieces of a
    coding are exactly its span. A coding's label (a link to its entry in the list)
    stands before its first piece; lines that are blank are not shown, so the label of
    a coding in blank lines stands where the text resumes, or at the end of the text.
    """
    headings = {start for start, _ in heading_spans(text)}
    paragraphs = paragraph_spans(text)
    bounds = [offset for span in paragraphs for offset in span]
    out: list[str] = []
    labels: list[Entry] = []
    index = 0
    for start, end, active, fresh in _pieces(len(text), entries, bounds):
        labels.extend(fresh)
        while index < len(paragraphs) and paragraphs[index][1] <= start:
            index += 1
        if index == len(paragraphs) or start < paragraphs[index][0]:
            continue  # between paragraphs: its labels wait for the next piece shown
        first, last = paragraphs[index]
        tag = "h3" if first in headings else "p"
        if start == first:
            out.append(f"<{tag}>")
        out.extend(_label(entry) for entry in labels)
        labels.clear()
        out.append(_mark(text[start:end], active))
        if end == last:
            out.append(f"</{tag}>")
    _close_labels(out, labels)
    return "".join(out)


def _close_labels(out: list[str], labels: list[Entry]) -> None:
    """Labels still waiting once the text ends (their codings lie in blank lines after
    it) go at the end of the last paragraph, or in one of their own if there is none."""
    if not labels:
        return
    written = [_label(entry) for entry in labels]
    if out:
        out[-1:-1] = written  # before the last paragraph's end tag
    else:
        out.extend(["<p>", *written, "</p>"])


def _pieces(
    length: int, entries: Sequence[Entry], bounds: Sequence[int]
) -> Iterator[tuple[int, int, tuple[Entry, ...], list[Entry]]]:
    """``(start, end, covering, starting)`` for each piece between two boundaries.

    Covering codings are in start order, the longer first among equal starts, so the
    last one is the innermost.
    """
    opening: dict[int, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: (e.row.start, -e.row.end, e.id)):
        opening.setdefault(min(max(entry.row.start, 0), length), []).append(entry)
    ends = (min(entry.row.end, length) for entry in entries)
    cuts = sorted({0, length, *bounds, *opening, *ends})
    active: list[Entry] = []
    for here, following in pairwise(cuts):
        active = [entry for entry in active if entry.row.end > here]
        fresh = opening.get(here, [])
        active.extend(entry for entry in fresh if entry.row.end > here)
        yield here, following, tuple(active), fresh


def _label(entry: Entry) -> str:
    rejected = " rejected" if entry.rejected else ""
    return (
        f'<sup class="tag{rejected}" id="t{entry.id}">'
        f'<a href="#c{entry.id}">{esc(entry.key)}</a></sup>'
    )


def _mark(piece: str, active: tuple[Entry, ...]) -> str:
    """A piece of text; coded, a ``<mark>`` in the innermost standing coding's colour
    with an underline per other coding (rejected ones only when all are rejected)."""
    if not active:
        return esc(piece)
    standing = [entry for entry in active if not entry.rejected]
    inner = (standing or list(active))[-1]
    others = [entry for entry in reversed(active) if entry is not inner]
    style = f"background:{inner.color};color:{ink(inner.color)}"
    if others:
        lines = ",".join(f"0 {2 * n}px 0 {entry.color}" for n, entry in enumerate(others, 1))
        style += f";box-shadow:{lines}"
    rejected = ' class="rejected"' if not standing else ""
    ids = " ".join(str(entry.id) for entry in active)
    tooltip = "\n".join(entry.tooltip for entry in active)
    return (
        f'<mark{rejected} style="{style}" data-codings="{ids}" title="{esc(tooltip)}">'
        f"{esc(piece)}</mark>"
    )


# -- the tables ------------------------------------------------------------------------
def legend_table(items: Sequence[tuple[Entry, int, str]], words: dict[str, str]) -> str:
    """The codes used, each ``(an entry of the code, its number of codings, its path)``."""
    if not items:
        return f'<p class="none">{esc(words["none"])}</p>'
    head = _head(words, ("colour", "code", "path", "name", "count"))
    rows = [
        f"<tr><td>{swatch(entry.color)}</td><td><b>{esc(entry.row.code_key)}</b></td>"
        f"<td>{esc(path)}</td><td>{esc(entry.name)}</td>"
        f'<td class="count">{count}</td></tr>'
        for entry, count, path in items
    ]
    return f'<table class="legend">{head}<tbody>{"".join(rows)}</tbody></table>'


def codings_table(entries: Sequence[Entry], words: dict[str, str], language: str) -> str:
    """The document's codings in text order; each links back to its label in the text."""
    if not entries:
        return f'<p class="none">{esc(words["none"])}</p>'
    head = _head(words, ("number", "unit", "code", "quote", "coder", "memo", "review"))
    rows = [_coding_row(number, entry, words, language) for number, entry in enumerate(entries, 1)]
    return f'<table class="codings">{head}<tbody>{"".join(rows)}</tbody></table>'


def _head(words: dict[str, str], columns: Sequence[str]) -> str:
    cells = "".join(f"<th>{esc(words[column])}</th>" for column in columns)
    return f"<thead><tr>{cells}</tr></thead>"


def _coding_row(number: int, entry: Entry, words: dict[str, str], language: str) -> str:
    row = entry.row
    review = [f'<span class="status-{row.status}">{esc(STATUS[language][row.status])}</span>']
    if row.reviewer:
        review.append(f"<div>{esc(words['reviewer'])}{words['separator']}{esc(row.reviewer)}</div>")
    if row.comment:
        review.append(f'<div class="comment">{esc(row.comment)}</div>')
    rejected = ' class="rejected"' if entry.rejected else ""
    return (
        f'<tr id="c{entry.id}"{rejected}><td><a href="#t{entry.id}">{number}</a></td>'
        f"<td>{esc(row.unit)}</td>"
        f'<td class="code" title="{esc(row.code_path)}">{swatch(entry.color)}'
        f"<b>{esc(row.code_key)}</b> {esc(entry.name)}</td>"
        f'<td class="quote">{esc(row.quote)}</td><td>{esc(row.coder)}</td>'
        f'<td class="memo">{esc(row.memo)}</td><td class="review">{"".join(review)}</td></tr>'
    )
