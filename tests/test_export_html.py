"""The HTML report: texts read back whole, codings highlighted exactly, nothing unsafe."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from annotator.demo import create_demo_project
from annotator.errors import CancelledError, WriteFailedError
from annotator.exporting import export
from annotator.exporting.dataset import Dataset, ExportOptions, collect
from annotator.exporting.html_parts import Entry, highlight, ink, safe_color
from annotator.exporting.html_report import file_name, write_html
from annotator.exporting.rows import segment_rows
from annotator.models import (
    Annotation,
    ReviewStatus,
)
from annotator.project import Project
from annotator.structure import paragraph_spans
from tests.conftest import add_document

ARTICLE = (
    "一、总体要求\n"
    '坚持<script>alert(1)</script>党建引领 & 乡村振兴，𠮷😀"双引号"的做法。\n'
    "第二段：建立工作专班机制，推动集体经济发展。"
)
SPACED = "\n\n第一段 a<b 。\n   \n第二段 “引号” 😀\n"
MEMO = "备忘第一行 <b>粗</b>\n第二行 & 结束"


class Reader(HTMLParser):
    """Reads a report back: each document's paragraphs (labels left out), the offsets
    each coding's ``<mark>`` pieces cover, every tag with its attributes, the text of
    elements by id, and the rows of the tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: dict[int, list[str]] = {}
        self.kinds: dict[int, list[str]] = {}  # each paragraph's tag, p or h3
        self.covered: dict[int, set[int]] = {}
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.rows: list[tuple[str, list[str]]] = []  # (table class, cells)
        self._document: int | None = None
        self._position = 0
        self._marks: list[int] | None = None
        self._in_sup = False
        self._table = ""
        self._cells: list[str] | None = None
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        self.tags.append((tag, found))
        if tag == "div" and found.get("class") == "text":
            self._document = int(found["data-document"])
            self.paragraphs[self._document] = []
            self.kinds[self._document] = []
            self._position = -1
        elif self._document is not None and tag in ("p", "h3"):
            self.paragraphs[self._document].append("")
            self.kinds[self._document].append(tag)
            self._position += 1  # the line break between paragraphs
        elif tag == "mark":
            self._marks = [int(i) for i in found["data-codings"].split()]
        elif tag == "sup":
            self._in_sup = True
        elif tag == "table":
            self._table = found.get("class", "")
        elif tag == "tr":
            self._cells = []
        elif tag == "td" and self._cells is not None:
            self._cells.append("")
            self._in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self._document = None
        elif tag == "mark":
            self._marks = None
        elif tag == "sup":
            self._in_sup = False
        elif tag == "td":
            self._in_cell = False
        elif tag == "tr" and self._cells:
            self.rows.append((self._table, self._cells))
            self._cells = None

    def handle_data(self, data: str) -> None:
        if self._cells and self._in_cell:
            self._cells[-1] += data
        if self._document is None or self._in_sup:
            return
        self.paragraphs[self._document][-1] += data
        for coding in self._marks or ():
            covered = self.covered.setdefault(coding, set())
            covered.update(range(self._position, self._position + len(data)))
        self._position += len(data)

    def table(self, name: str) -> list[list[str]]:
        return [cells for table, cells in self.rows if table == name]


def read(path: Path) -> Reader:
    reader = Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def shown(text: str) -> str:
    """What the report shows of a text: its non-blank lines, one per paragraph."""
    return "\n".join(text[start:end] for start, end in paragraph_spans(text))


def shown_offsets(text: str) -> dict[int, int]:
    """Where each character of ``text`` that is shown stands in :func:`shown`."""
    offsets: dict[int, int] = {}
    position = 0
    for start, end in paragraph_spans(text):
        offsets.update((offset, position + offset - start) for offset in range(start, end))
        position += end - start + 1  # and the line break
    return offsets


@pytest.fixture
def coded(project: Project) -> Project:
    """Nested codes, two coders, overlaps (nested, crossing, across paragraphs),
    a memo, an accepted and a rejected coding, and a document without codings."""
    document = add_document(project, ARTICLE, "标题/一：“政策”")
    add_document(project, SPACED, "")
    m = project.add_code(key="M", name="举措", name_en="Measures", color="#336699")
    m1 = project.add_code(key="M1", name="组织", parent_id=m.id, color="#FFD966")
    j = project.add_code(key="J", name="机制", color="#C0E0C0")
    at = ARTICLE.find
    add = project.add_annotation
    first = add(document.id, m1.id, at("党建"), at("，𠮷"))  # 党建引领 & 乡村振兴
    add(document.id, m.id, at("<script>"), at("😀") + 1, coder="bob")  # crosses the first
    add(document.id, j.id, at("乡村"), at("振兴"), memo=MEMO)  # inside the first
    add(document.id, j.id, at('"双'), at("：建立"), coder="bob")  # across two paragraphs
    rejected = add(document.id, m1.id, at("工作专班"), at("机制，"))
    project.review_annotation(first.id, ReviewStatus.ACCEPTED, "好", reviewer="rita")
    project.review_annotation(rejected.id, ReviewStatus.REJECTED, "范围过宽", reviewer="rita")
    return project


def coding(data: Dataset, quote: str) -> Annotation:
    return next(a for a in data.annotations if a.quote.startswith(quote))


def write(project: Project, tmp_path: Path, **options: str) -> tuple[Dataset, Path]:
    data = collect(project, ExportOptions(**options))  # type: ignore[arg-type]
    out = tmp_path / "报告.html"
    assert write_html(data, out) == len(data.annotations)
    return data, out


def test_each_text_reads_back_whole(coded: Project, tmp_path: Path) -> None:
    data, out = write(coded, tmp_path)
    reader = read(out)
    texts = {data.numbers[d.id]: data.text(d.id) for d in data.documents}
    assert {n: "\n".join(p) for n, p in reader.paragraphs.items()} == {
        n: shown(text) for n, text in texts.items()
    }
    assert "\n".join(reader.paragraphs[1]) == ARTICLE  # no blank lines: exactly the text
    assert reader.paragraphs[2] == ["第一段 a<b 。", "第二段 “引号” 😀"]
    assert reader.kinds[1] == ["h3", "p", "p"]  # 一、总体要求 is a heading


def test_pieces_cover_exactly_each_coding(coded: Project, tmp_path: Path) -> None:
    data, out = write(coded, tmp_path)
    reader = read(out)
    assert len(data.annotations) == 5
    for annotation in data.annotations:
        span = range(annotation.start, annotation.end)
        expected = {offset for offset in span if ARTICLE[offset] != "\n"}
        assert reader.covered[annotation.id] == expected, annotation.quote


def test_overlaps_show_every_code_and_coder(coded: Project, tmp_path: Path) -> None:
    data, out = write(coded, tmp_path)
    marks = {a["data-codings"]: a for tag, a in read(out).tags if tag == "mark"}
    crossing, first, inner = (coding(data, quote) for quote in ("<script>", "党建引", "乡村"))
    alone, two = marks[f"{crossing.id}"], marks[f"{crossing.id} {first.id}"]
    three = marks[f"{crossing.id} {first.id} {inner.id}"]  # 乡村: all three
    assert alone["style"] == "background:#336699;color:#fff"  # white on a dark colour
    assert two["style"] == "background:#FFD966;color:#000;box-shadow:0 2px 0 #336699"
    # The innermost code fills, one line under it per other code, the nearest first.
    assert three["style"] == (
        "background:#C0E0C0;color:#000;box-shadow:0 2px 0 #FFD966,0 4px 0 #336699"
    )
    assert three["title"] == "M 举措 · bob\nM1 组织 · alice (已接受)\nJ 机制 · alice"


def test_a_coding_from_a_blank_line_is_labelled_where_the_text_starts(
    coded: Project, tmp_path: Path
) -> None:
    spaced = coded.documents()[1]
    added = coded.add_annotation(spaced.id, coded.code_by_key("J").id, 0, SPACED.find(" a<b"))
    _, out = write(coded, tmp_path)
    assert read(out).covered[added.id] == {0, 1, 2}  # 第一段, the blank lines not shown
    assert [shown_offsets(SPACED)[o] for o in (2, SPACED.find("第二"))] == [0, 10]
    assert f'data-document="2"><p><sup class="tag" id="t{added.id}">' in out.read_text("utf-8")


@pytest.mark.parametrize("trailing", [False, True], ids=["codings", "after-the-last-line"])
def test_labels_link_to_the_list_and_back(coded: Project, tmp_path: Path, trailing: bool) -> None:
    label = ""
    if trailing:  # a coding of only the blank line after the text: labelled at its end
        spaced = coded.documents()[1]
        added = coded.add_annotation(
            spaced.id, coded.code_by_key("J").id, len(SPACED) - 1, len(SPACED)
        )
        label = f'😀<sup class="tag" id="t{added.id}"><a href="#c{added.id}">J</a></sup></p></div>'
    data, out = write(coded, tmp_path)
    assert label in out.read_text("utf-8")
    tags = read(out).tags
    ids = {attrs["id"] for _, attrs in tags if "id" in attrs}
    links = [attrs["href"] for tag, attrs in tags if tag == "a" and "href" in attrs]
    for annotation in data.annotations:
        assert {f"#c{annotation.id}", f"#t{annotation.id}"} <= set(links)
        assert {f"c{annotation.id}", f"t{annotation.id}"} <= ids
    assert all(link[1:] in ids for link in links if link.startswith("#"))


def test_labels_of_a_text_with_no_line_shown_have_a_paragraph(coded: Project) -> None:
    """A text of blank lines only (no import makes one): its labels get a paragraph."""
    data = collect(coded)
    row = dataclasses.replace(next(segment_rows(data)), start=0, end=3)
    entry = Entry(row, data.annotations[0].code_id, "#ffd966", "名", "提示")
    label = f'<sup class="tag" id="t{entry.id}"><a href="#c{entry.id}">{entry.key}</a></sup>'
    assert highlight(" \n\n", [entry]) == f"<p>{label}</p>"


def test_article_markup_is_escaped_and_characters_survive(coded: Project, tmp_path: Path) -> None:
    _, out = write(coded, tmp_path)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp; 乡村振兴" in page
    assert "&quot;双引号&quot;" in page
    assert "𠮷😀".encode() in out.read_bytes()
    assert '<meta charset="utf-8">' in page
    assert '<html lang="zh-CN">' in page


def test_legend_counts_the_codes_used(coded: Project, tmp_path: Path) -> None:
    _, out = write(coded, tmp_path)
    legend = read(out).table("legend")
    assert [(row[1], row[2], row[3], row[4]) for row in legend] == [
        ("M", "M", "举措", "1"),
        ("M1", "M > M1", "组织", "2"),
        ("J", "J", "机制", "2"),
    ]


def test_list_shows_memos_and_reviews(coded: Project, tmp_path: Path) -> None:
    data, out = write(coded, tmp_path)
    rows = read(out).table("codings")
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "5"]
    by_quote = {row[3]: row for row in rows}
    assert by_quote["乡村"][5] == MEMO  # in full, markup escaped
    assert by_quote["党建引领 & 乡村振兴"][6] == "已接受审阅人：rita好"
    assert by_quote["工作专班"][6] == "已拒绝审阅人：rita范围过宽"
    assert by_quote["工作专班"][1] == "1-1-2-1"  # the unit number
    assert by_quote["乡村"][4] == "alice"
    assert by_quote['"双引号"的做法。\n第二段'][4] == "bob"
    rejected = coding(data, "工作专班").id
    tags = read(out).tags
    assert ("tr", {"id": f"c{rejected}", "class": "rejected"}) in tags
    struck = [a for tag, a in tags if tag == "mark" and a["data-codings"] == str(rejected)]
    assert struck
    assert all(attrs.get("class") == "rejected" for attrs in struck)


def test_nothing_is_fetched_or_run(coded: Project, tmp_path: Path) -> None:
    _, out = write(coded, tmp_path)
    for tag, attrs in read(out).tags:
        assert tag not in ("script", "link", "img", "iframe", "object")
        for name in ("src", "href"):
            assert not re.match(r"(https?:)?//", attrs.get(name, ""))
        assert not any(name.startswith("on") for name in attrs)
    assert "url(" not in out.read_text(encoding="utf-8")


def test_english_words(coded: Project, tmp_path: Path) -> None:
    _, out = write(coded, tmp_path, language="en")
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    for word in ("Coding report", "Contents", "Code path", "Reviewer", "rejected"):
        assert word in page
    for word in ("编码报告", "目录", "审阅人", "已拒绝"):
        assert word not in page
    assert read(out).table("legend")[0][1:] == ["M", "M", "Measures", "1"]


def test_a_page_per_document_with_an_index(coded: Project, tmp_path: Path) -> None:
    data = collect(coded)
    assert export(coded, tmp_path / "报告.html", per_document=True) == 5
    folder = tmp_path / "报告"
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["001 标题 一：“政策”.html", "002.html", "index.html"]
    index = read(folder / "index.html")
    hrefs = [a["href"] for tag, a in index.tags if tag == "a"]
    assert [unquote(href) for href in hrefs] == names[:2]
    assert [row[1] for row in index.table("legend")] == ["M", "M1", "J"]
    first = read(folder / names[0])
    assert "\n".join(first.paragraphs[1]) == ARTICLE
    assert set(first.covered) == {a.id for a in data.annotations}
    pages = [unquote(a["href"]) for tag, a in first.tags if tag == "a" and "#" not in a["href"]]
    assert pages == ["index.html", "002.html"]
    assert all((folder / page).is_file() for page in pages)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["报告"]  # nothing left over


def test_exporting_again_keeps_other_files(coded: Project, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    write_html(collect(coded), tmp_path / "out.html", per_document=True)
    assert len(list(folder.glob("*.html"))) == 3
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("per_document", [False, True])
def test_a_cancel_leaves_nothing(coded: Project, tmp_path: Path, per_document: bool) -> None:
    calls: list[tuple[int, int]] = []

    def cancel_on_second(done: int, total: int) -> None:
        calls.append((done, total))
        if done == 2:
            raise CancelledError("stop")

    with pytest.raises(CancelledError):
        write_html(
            collect(coded),
            tmp_path / "r.html",
            per_document=per_document,
            progress=cancel_on_second,
        )
    assert calls == [(1, 3), (2, 3)]
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported_per_document(coded: Project, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_html(collect(coded), tmp_path / "r.html", progress=lambda *c: calls.append(c))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_a_missing_folder_is_an_error(coded: Project, tmp_path: Path) -> None:
    for per_document in (False, True):
        with pytest.raises(WriteFailedError):
            write_html(collect(coded), tmp_path / "no" / "r.html", per_document=per_document)


def test_file_names_are_safe_and_short() -> None:
    assert file_name(3, 'a/b\\c:d*e?f"g<h>i|j\tk') == "003 a b c d e f g h i j k.html"
    assert file_name(12, "  ..标题.  ") == "012 标题.html"  # a leading dot would hide the file
    assert file_name(7, "") == "007.html"
    assert file_name(1234, "长" * 100, width=4) == f"1234 {'长' * 60}.html"


def test_colours_are_checked_before_they_reach_a_style() -> None:
    assert safe_color("#AbC") == "#AbC"
    assert safe_color("red;background:url(http://x)") == "#ffd966"
    assert (ink("#ffffff"), ink("#000"), ink("#336699")) == ("#000", "#fff", "#fff")


def test_a_strange_colour_in_the_data_is_replaced(coded: Project, tmp_path: Path) -> None:
    data = collect(coded)
    data.codes = [dataclasses.replace(c, color="x;background:url(http://e)") for c in data.codes]
    write_html(data, tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "http://" not in page
    assert "background:#ffd966" in page


def test_the_demo_project(tmp_path: Path) -> None:
    with create_demo_project(tmp_path / "demo.annot") as demo:
        data = collect(demo)
        out = tmp_path / "demo.html"
        assert write_html(data, out) == len(data.annotations) > 0
        reader = read(out)
        keys = {data.code_by_id[a.code_id].key for a in data.annotations}
        assert {row[1] for row in reader.table("legend")} == keys
        for document in data.documents:
            assert "\n".join(reader.paragraphs[data.numbers[document.id]]) == shown(
                data.text(document.id)
            )
        for a in data.annotations:
            offsets = shown_offsets(data.text(a.document_id))
            span = range(a.start, a.end)
            assert reader.covered[a.id] == {offsets[o] for o in span if o in offsets}
