"""Properties (hypothesis): importers, offsets and agreement indices on any input.

* Every reader, and the batch import the command line runs, turns any bytes into a
  document or an :class:`ImportFailedError` with a message; nothing else escapes.
* Code points ⇄ UTF-16 units round-trip for any text, outside the BMP too.
* Agreement indices stay in their bounds and do not care which coder is first.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from annotator.agreement import indices
from annotator.agreement.compute import agreement, group_agreement
from annotator.agreement.tables import Table, character_table
from annotator.errors import ImportFailedError
from annotator.importing import ImportStatus, import_paths
from annotator.importing.cleaning import INVISIBLE, ZERO_WIDTH
from annotator.importing.decode import BOMS, decode_bytes
from annotator.importing.docx import read_docx
from annotator.importing.prepare import READERS, document_from, prepare_file
from annotator.models import NewDocument
from annotator.offsets import OffsetMap, ViewOffsets, utf16_length
from annotator.project import Project
from tests.conftest import add_document

T = TypeVar("T")
Data = st.DataObject
CHINESE = "党建引领乡村振兴推动村级集体经济发展的工作专班机制，。、：；“”！？（）《》 　\n"
ASTRAL = "𠮷😀𤭢🀄"
#: Any text: Chinese, the rest of Unicode and characters outside the BMP, but lone
#: surrogates (no file can hold one, no reader gives one).
CHARACTER = st.characters(blacklist_categories=("Cs",))
TEXT = st.text(st.one_of(st.sampled_from(CHINESE + ASTRAL), CHARACTER), max_size=300)
#: Text no one can see: controls, format and private-use characters, spaces.
UNSEEN = st.text(st.characters(categories=["Cc", "Cf", "Co", "Zs", "Zl", "Zp"]), max_size=20)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"]
MARKUP = [
    "<html>", "<head>", "<title>", "</title>", "<body>", "<div class=content>", "</div>",
    "<p>", "</p>", "<br>", "</br>", "<script>", "</script>", "<style>", "<!--", "-->",
    "<![if !IE]>", "<![endif]>", "<!DOCTYPE html>", "&amp;", "&#x1F600;", "&#0;", "&#xD800;",
    "&nbsp;", "&#99999999;", "<a href='x'>", "</a>", "<table><tr><td>", "<li>", "<nav>",
    "<meta charset=gb2312>", "<meta charset=utf-16>", "<meta charset=base64>", "<h1>", "</h1>",
    "<", ">", "&", '"', "'", "</", "<!", "<?xml?>", "<![CDATA[", "]]>", "\r\n", "\x00", "\x1b",
]  # fmt: skip


def check_document(document: NewDocument) -> None:
    """What the rest of the program relies on in an imported document: it stores as it is."""
    text = document.text
    assert isinstance(text, str)
    assert isinstance(document.raw_text, str)
    assert text.strip()
    assert "\r" not in text
    text.encode("utf-8")  # no lone surrogate
    # Cleaning's first rule: tabs and NBSP are spaces; control, private-use and
    # zero-width characters are gone (so no NUL, which the store refuses).
    assert not INVISIBLE.search(text)
    assert not set(text) & {"\t", "\xa0", *map(chr, ZERO_WIDTH)}
    for flag in document.flags:
        assert 0 <= flag.start <= flag.end <= len(text), flag
    with Project.in_memory() as project:
        [stored] = project.add_documents([document])
        assert project.text(stored.id) == text


def outcome(call: Callable[[], T]) -> T | ImportFailedError:
    """What ``call`` returns, or the import error it raises (anything else escapes)."""
    try:
        return call()
    except ImportFailedError as error:
        return error


def import_or_refuse(path: Path) -> NewDocument | None:
    """The reader the file's extension picks, then cleaning: a document or a refusal."""
    document = outcome(lambda: document_from(path, READERS[path.suffix](path)))
    if isinstance(document, ImportFailedError):
        assert str(document).strip()
        return None
    check_document(document)
    return document


def write(folder: Path, suffix: str, data: bytes, stem: str = "input") -> Path:
    path = folder / f"{stem}{suffix}"
    path.write_bytes(data)
    return path


def joined(parts: st.SearchStrategy[bytes], *heads: bytes) -> st.SearchStrategy[bytes]:
    """``parts`` after one of ``heads`` (a file's magic)."""
    return st.builds(bytes.__add__, st.sampled_from(heads), parts)


# --- plain text and HTML -----------------------------------------------------------------

MARKS = [b"", *(mark for mark, _ in BOMS)]


@given(data=joined(st.binary(max_size=2000), *MARKS))
@settings(max_examples=200)
def test_any_bytes_as_plain_text(tmp_path: Path, data: bytes) -> None:
    import_or_refuse(write(tmp_path, ".txt", data))


@given(text=st.one_of(TEXT, UNSEEN), encoding=st.sampled_from(ENCODINGS))
@settings(max_examples=300)
def test_any_text_in_any_encoding_as_plain_text(tmp_path: Path, text: str, encoding: str) -> None:
    import_or_refuse(write(tmp_path, ".txt", text.encode(encoding, errors="ignore")))


@given(text=TEXT.filter(lambda text: "\x00" not in text), mark=st.sampled_from(MARKS))
@settings(max_examples=300)
def test_a_byte_order_mark_or_valid_utf8_gives_exactly_the_text(text: str, mark: bytes) -> None:
    encoding = dict(BOMS).get(mark, "utf-8")
    decoded = decode_bytes(mark + text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, encoding)


@st.composite
def pages(draw: st.DrawFn) -> bytes:
    pieces = draw(st.lists(st.one_of(st.sampled_from(MARKUP), TEXT), max_size=40))
    return "".join(pieces).encode(draw(st.sampled_from(ENCODINGS)), errors="ignore")


@given(page=st.one_of(pages(), joined(st.binary(max_size=3000), b"", b"<html>", b"<!DOCTYPE")))
@settings(max_examples=400)
def test_any_bytes_or_random_markup_as_html(tmp_path: Path, page: bytes) -> None:
    import_or_refuse(write(tmp_path, ".html", page))


# --- DOCX --------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_HEAD = f"<w:document xmlns:w='{W_NS}'><w:body><w:p><w:r><w:t>".encode()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


PART_NAMES = st.sampled_from(["word/document.xml", "_rels/.rels", "docProps/core.xml"])
PARTS = joined(st.binary(max_size=500), b"", b"<?xml version='1.0'?>", W_HEAD)
DOCX_FILES = st.one_of(
    joined(st.binary(max_size=2000), b"", b"PK\x03\x04", b"PK\x05\x06"),
    st.dictionaries(PART_NAMES, PARTS, min_size=1).map(zipped),
)
#: What XML 1.0 can carry (no controls, surrogates, non-characters; \n apart).
XML_TEXT = st.text(
    st.one_of(
        st.sampled_from(CHINESE.replace("\n", "") + ASTRAL + "\t<>&'\""),
        st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co")),
    ),
    max_size=60,
)


@given(data=DOCX_FILES)
@settings(max_examples=400)
def test_any_bytes_or_a_zip_of_random_parts_as_docx(tmp_path: Path, data: bytes) -> None:
    import_or_refuse(write(tmp_path, ".docx", data))


@given(paragraphs=st.lists(XML_TEXT, max_size=8))
@settings(max_examples=200)
def test_a_well_formed_docx_gives_its_paragraphs(tmp_path: Path, paragraphs: list[str]) -> None:
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    xml = f"<w:document xmlns:w='{W_NS}'><w:body>{body}</w:body></w:document>"
    path = write(tmp_path, ".docx", zipped({"word/document.xml": xml.encode()}))
    expected = "\n".join(text.strip() for text in paragraphs if text.strip())
    extracted = outcome(lambda: read_docx(path))
    if isinstance(extracted, ImportFailedError):
        assert not expected, extracted
    else:
        assert extracted.text == expected
    import_or_refuse(path)


# --- PDF ---------------------------------------------------------------------------------


@cache
def small_pdf() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=0)
    canvas.setTitle("标题")
    canvas.setFont("STSong-Light", 12)
    for row, line in enumerate(["党建引领乡村振兴。", "推动村级集体经济发展。", "3"]):
        canvas.drawString(72, 700 - 20 * row, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


PDF_TOKENS = st.sampled_from([
    b"1 0 obj", b"2 0 obj", b"endobj", b"<<", b">>", b"/Type /Catalog", b"/Type /Page",
    b"/Type /Pages", b"/Pages 2 0 R", b"/Kids [3 0 R]", b"/Count 1", b"/Contents 4 0 R",
    b"/MediaBox [0 0 0 0]", b"/Length 99999999", b"/Filter /FlateDecode", b"stream\n",
    b"\nendstream", b"BT /F1 12 Tf 72 700 Td (x) Tj ET", b"xref\n0 5\n", b"trailer",
    b"/Root 1 0 R", b"/Encrypt 5 0 R", b"startxref\n9\n%%EOF", b"[", b"]", b"(", b")", b"-1",
])  # fmt: skip
PDF_BODIES = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.one_of(PDF_TOKENS, st.binary(max_size=16)), max_size=60).map(b"\n".join),
)
EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=8)), max_size=6)


@pytest.mark.slow
@given(body=PDF_BODIES, edits=EDITS, cut=st.one_of(st.none(), st.integers(0, 10**6)))
@settings(max_examples=150)
def test_random_or_damaged_pdf(
    tmp_path: Path, body: bytes, edits: list[tuple[int, bytes]], cut: int | None
) -> None:
    """Random bytes (or PDF syntax) after a header; a real PDF edited and cut short."""
    import_or_refuse(write(tmp_path, ".pdf", b"%PDF-1.4\n" + body))
    data = bytearray(small_pdf())
    for at, replacement in edits:
        data[at % len(data) : at % len(data) + len(replacement)] = replacement
    del data[len(data) if cut is None else cut % len(data) :]
    import_or_refuse(write(tmp_path, ".pdf", bytes(data)))


def test_the_undamaged_pdf_imports(tmp_path: Path) -> None:
    document = import_or_refuse(write(tmp_path, ".pdf", small_pdf()))
    assert document is not None
    assert "党建引领乡村振兴" in document.text


# --- the batch import (command line and GUI) ---------------------------------------------

FILES = st.lists(st.tuples(st.sampled_from([*READERS, ".doc", ""]), st.binary(max_size=400)))


@given(files=FILES.filter(lambda files: len(files) <= 5))
@settings(max_examples=60)
def test_a_batch_of_random_files_is_imported_or_reported(
    tmp_path: Path, files: list[tuple[str, bytes]]
) -> None:
    paths = [write(tmp_path, suffix, data, f"{n}") for n, (suffix, data) in enumerate(files)]
    for path in paths:
        prepared = prepare_file(path)
        assert (prepared.document is None) != (prepared.error is None)
        assert "internal error" not in (prepared.error or "")
    with Project.in_memory() as project:
        results = import_paths(project, paths)
        assert len(results) == len(paths)
        for result in results:
            if result.status is ImportStatus.FAILED:
                assert result.error
                assert "internal error" not in result.error
            else:
                assert result.document_id is not None
        assert project.verify() == []


# --- offsets -----------------------------------------------------------------------------


@given(text=TEXT)
@settings(max_examples=300)
def test_code_points_and_utf16_round_trip(text: str) -> None:
    offsets = OffsetMap(text)
    assert offsets.utf16_length == len(text.encode("utf-16-le")) // 2
    units = [offsets.to_utf16(index) for index in range(len(text) + 1)]
    assert units == [utf16_length(text[:index]) for index in range(len(text) + 1)]
    assert [offsets.to_codepoint(unit) for unit in units] == list(range(len(text) + 1))
    # Inside a surrogate pair (never a caret position in Qt): the start of its character.
    for index, character in enumerate(text):
        if ord(character) > 0xFFFF:
            assert offsets.to_codepoint(offsets.to_utf16(index) + 1) == index
    with pytest.raises(ValueError, match="outside"):
        offsets.to_codepoint(offsets.utf16_length + 1)
    with pytest.raises(ValueError, match="outside"):
        offsets.to_utf16(len(text) + 1)


@given(text=TEXT)
@settings(max_examples=200)
def test_view_positions_round_trip(text: str) -> None:
    """The view's blank line after each paragraph: every offset still comes back."""
    view = ViewOffsets(text)
    assert view.view_length == utf16_length(view.display)
    for index in range(len(text) + 1):
        position = view.to_view(index)
        assert position == utf16_length(text[:index].replace("\n", "\n\n"))
        assert view.to_codepoint(position) == index
    for position in range(view.view_length + 1):
        assert 0 <= view.to_codepoint(position) <= len(text)


# --- agreement ---------------------------------------------------------------------------


def close(first: float | None, second: float | None) -> bool:
    return first == second or (None not in (first, second) and first == pytest.approx(second))


def mirrored(table: Table) -> Table:
    return Table(table.both, table.second_only, table.first_only, table.neither)


@given(pairs=st.lists(st.tuples(st.sampled_from("ABC"), st.sampled_from("ABC")), max_size=40))
@settings(max_examples=300)
def test_percent_and_kappa_are_bounded_and_symmetric(pairs: list[tuple[str, str]]) -> None:
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    percent = indices.percent_agreement(a, b)
    assert percent == indices.percent_agreement(b, a)
    assert percent is None if not pairs else 0 <= percent <= 1
    kappa, back = indices.cohen_kappa(a, b), indices.cohen_kappa(b, a)
    assert close(kappa.kappa, back.kappa)
    if kappa.kappa is None:  # documented: no units, or a chance agreement of 1
        assert not pairs or kappa.expected == pytest.approx(1)
    else:
        assert -1 - 1e-9 <= kappa.kappa <= 1 + 1e-9
        assert 0 <= (kappa.expected or 0) < 1
        assert a != b or kappa.kappa == pytest.approx(1)


@given(table=st.builds(Table, *[st.integers(0, 300)] * 4))
@settings(max_examples=300)
def test_a_table_gives_what_its_units_give(table: Table) -> None:
    """Holsti in [0, 1]; the table's κ is the κ of the units it counts, either way round."""
    yes, no = [1] * table.both, [0] * table.neither
    a = yes + [1] * table.first_only + [0] * table.second_only + no
    b = yes + [0] * table.first_only + [1] * table.second_only + no
    assert close(table.percent(), indices.percent_agreement(a, b))
    assert close(table.kappa().kappa, indices.cohen_kappa(a, b).kappa)
    assert close(table.kappa().kappa, mirrored(table).kappa().kappa)
    first, second = table.both + table.first_only, table.both + table.second_only
    value = table.holsti()
    assert value == mirrored(table).holsti() == indices.holsti(table.both, second, first)
    assert value is None if first + second == 0 else 0 <= value <= 1
    with pytest.raises(ValueError, match="cannot exceed"):
        indices.holsti(min(first, second) + 1, first, second)


@st.composite
def ratings(draw: st.DrawFn) -> list[list[str | None]]:
    coders = draw(st.integers(2, 4))
    value = st.one_of(st.none(), st.sampled_from("ABC"))
    return draw(st.lists(st.lists(value, min_size=coders, max_size=coders), max_size=30))


@given(units=ratings(), data=st.data())
@settings(max_examples=300)
def test_alpha_is_at_most_one_and_symmetric(units: list[list[str | None]], data: Data) -> None:
    alpha = indices.krippendorff_alpha_nominal(units)
    order = data.draw(st.permutations(range(len(units[0]) if units else 2)))
    swapped = [[unit[i] for i in order] for unit in units]
    assert close(alpha, indices.krippendorff_alpha_nominal(swapped))
    pairable = [[v for v in unit if v is not None] for unit in units]
    pairable = [values for values in pairable if len(values) > 1]
    categories = {value for values in pairable for value in values}
    assert (alpha is None) == (len(categories) < 2)  # documented: nothing pairable, or De = 0
    assert alpha is None or alpha <= 1 + 1e-9
    if alpha is not None and all(len(set(values)) == 1 for values in pairable):
        assert alpha == pytest.approx(1)


@given(coders=st.integers(2, 5), histogram=st.dictionaries(st.integers(0, 5), st.integers(0, 9)))
@settings(max_examples=300)
def test_binary_alpha_equals_the_general_one(coders: int, histogram: dict[int, int]) -> None:
    histogram = {k: n for k, n in histogram.items() if k <= coders}
    rows = [[1] * k + [0] * (coders - k) for k, n in histogram.items() for _ in range(n)]
    assert close(indices.binary_alpha(histogram, coders), indices.krippendorff_alpha_nominal(rows))


@given(mean=st.floats(0, 1), coders=st.integers(2, 12))
def test_composite_reliability_is_bounded(mean: float, coders: int) -> None:
    value = indices.composite_reliability(mean, coders)
    assert value is not None
    assert mean - 1e-12 <= value <= 1 + 1e-12


@st.composite
def spans(draw: st.DrawFn, length: int, size: int = 6) -> list[tuple[int, int]]:
    bounds = st.tuples(st.integers(0, length), st.integers(0, length))
    pairs = draw(st.lists(bounds.filter(lambda pair: pair[0] != pair[1]), max_size=size))
    return sorted({(min(pair), max(pair)) for pair in pairs})


@given(data=st.data(), length=st.integers(1, 60))
@settings(max_examples=300)
def test_a_character_table_counts_every_character(data: Data, length: int) -> None:
    first, second = data.draw(spans(length)), data.draw(spans(length))
    a = {index for start, end in first for index in range(start, end)}
    b = {index for start, end in second for index in range(start, end)}
    table = character_table(length, first, second)
    assert table == Table(len(a & b), len(a - b), len(b - a), length - len(a | b))
    assert character_table(length, second, first) == mirrored(table)


ARTICLE = st.text(st.sampled_from("党建引领乡村振兴。！\n𠮷"), min_size=1, max_size=40)


@given(text=ARTICLE.filter(str.strip), data=st.data())
@settings(max_examples=40)
def test_project_agreement_is_bounded_and_symmetric(text: str, data: Data) -> None:
    """Two coders' random codings of two codes: either order gives the mirrored tables."""
    with Project.in_memory() as project:
        document = add_document(project, text)
        codes = [project.add_code(key=key, name=key) for key in ("A", "B")]
        for coder in ("alice", "bob"):
            project.add_coder(coder)
            for code in codes:
                for start, end in data.draw(spans(len(text), size=3)):
                    project.add_annotation(document.id, code.id, start, end, coder=coder)
        for unit in ("character", "sentence", "paragraph", "document"):
            forth = agreement(project, "alice", "bob", unit)
            for one, other in zip(forth, agreement(project, "bob", "alice", unit), strict=True):
                assert other.table == mirrored(one.table)
                assert close(one.kappa.kappa, other.kappa.kappa)
                assert one.holsti is None or 0 <= one.holsti <= 1
            orders = (["alice", "bob"], ["bob", "alice"])
            alphas = [[g.alpha for g in group_agreement(project, names, unit)] for names in orders]
            for alpha, back in zip(*alphas, strict=True):
                assert close(alpha, back)
                assert alpha is None or alpha <= 1 + 1e-9
