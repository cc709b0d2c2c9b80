"""PDF import: reading order, running headers, paragraphs, broken files, metadata.

The PDFs are typeset here with reportlab and its built-in CID font
STSong-Light (no font file needed), from paragraphs of the real corpus
articles 003 and 004. A small greedy typesetter flows paragraphs through
column frames the way a journal does: full lines, a two-em first-line indent
(or a blank half line between paragraphs), never breaking inside an ASCII
word or number or next to a space. Each test compares what ``read_pdf`` gives
back with the source paragraphs.

STSong-Light round-trips every character of the corpus through pdfplumber
except U+00B7 (middle dot) and U+00A0 (no-break space), which its
``UniGB-UCS2-H`` encoding lacks: reportlab draws nothing for them. The
paragraphs used here contain neither (checked by
``test_cid_font_round_trips_the_corpus_characters``); NBSP is tested on
``clean_text`` (reportlab's standard fonts write it as a plain space).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from annotator.errors import ImportFailedError
from annotator.importing.pdf import _is_page_number, clean_text, read_pdf

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
PAGE_WIDTH, PAGE_HEIGHT = A4
CORPUS = Path(__file__).resolve().parents[1] / "resources" / "corpus"
#: Characters STSong-Light cannot carry (see the module docstring).
NOT_IN_FONT = {"\u00b7", "\u00a0"}


def corpus_lines(name: str) -> list[str]:
    path = next(CORPUS.glob(f"{name}_*.txt"))
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


#: 004: title, then intro, three headings each followed by a body paragraph.
ART4 = corpus_lines("004")
TITLE_4, BODY_4 = ART4[0], ART4[2:9]
#: 003: body paragraphs without a middle dot.
ART3 = corpus_lines("003")
BODY_3 = [p for p in ART3[4:] if len(p) > 150 and not NOT_IN_FONT & set(p)]


# --- A small typesetter ---------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """A column on a page: left edge, first baseline, width, lowest baseline (points)."""

    page: int
    x: float
    top: float
    width: float
    bottom: float


@dataclass(frozen=True)
class Op:
    page: int
    x: float
    y: float
    text: str
    size: float
    #: Extra space after each character: how a justified line reaches the right edge.
    spacing: float = 0.0


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def _bad_break(text: str, at: int) -> bool:
    """A typesetter breaks neither inside an ASCII word or number nor next to a space."""
    left, right = text[at - 1], text[at]
    word = left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
    return word or left == " " or right == " "


def wrap(text: str, first: float, width: float, size: float) -> list[str]:
    """Greedy line breaking by measured width (first line narrower by its indent)."""
    lines: list[str] = []
    start, limit = 0, first
    while start < len(text):
        end = start + 1
        while end < len(text) and text_width(text[start : end + 1], size) <= limit:
            end += 1
        while start + 1 < end < len(text) and _bad_break(text, end):
            end -= 1
        lines.append(text[start:end])
        start, limit = end, width
    return lines


def flow(
    paragraphs: Sequence[str],
    frames: Callable[[int], Frame],
    size: float,
    *,
    indent: float = 2.0,
    gap: float = 0.0,
    justify: bool = True,
) -> tuple[list[Op], set[int]]:
    """Place paragraphs line by line through frames 0, 1, 2…; also return the indices
    of paragraphs that run from one frame into the next. Justified, every line but a
    paragraph's last is stretched to the frame's width, as journals set text."""
    leading = 1.5 * size
    ops: list[Op] = []
    split: set[int] = set()
    index, frame = 0, frames(0)
    y = frame.top
    for number, paragraph in enumerate(paragraphs):
        lines = wrap(paragraph, frame.width - indent * size, frame.width, size)
        for line_number, line in enumerate(lines):
            if y < frame.bottom:
                index += 1
                frame = frames(index)
                y = frame.top
                split.update({number} if line_number else set())
            x = frame.x + (indent * size if line_number == 0 else 0)
            spare = frame.x + frame.width - x - text_width(line, size)
            last = line_number == len(lines) - 1
            spacing = spare / (len(line) - 1) if justify and not last and len(line) > 1 else 0
            ops.append(Op(frame.page, x, y, line, size, spacing))
            y -= leading
        y -= gap * leading
    return ops, split


def columns(count: int, *, top: float, bottom: float, gutter: float) -> Callable[[int], Frame]:
    """Frames for ``count`` equal columns per page, pages following each other."""
    margin = 50.0
    width = (PAGE_WIDTH - 2 * margin - (count - 1) * gutter) / count

    def frame(index: int) -> Frame:
        page, column = divmod(index, count)
        return Frame(page, margin + column * (width + gutter), top, width, bottom)

    return frame


def centred(text: str, y: float, size: float, page: int = 0) -> Op:
    return Op(page, (PAGE_WIDTH - text_width(text, size)) / 2, y, text, size)


def render(
    path: Path, ops: Sequence[Op], decorate: Callable[[Canvas, int], None] | None = None
) -> Path:
    """Draw the operations page by page (``decorate`` adds what every page carries)."""
    canvas = Canvas(str(path), pagesize=A4)
    for page in range(max(op.page for op in ops) + 1):
        if decorate:
            decorate(canvas, page)
        for op in ops:
            if op.page == page:
                canvas.setFont(FONT, op.size)
                canvas.drawString(op.x, op.y, op.text, charSpace=op.spacing)
        canvas.showPage()
    canvas.save()
    return path


def paragraphs_of(path: Path) -> list[str]:
    return read_pdf(path).text.split("\n")


# --- The font itself ------------------------------------------------------------------


def test_cid_font_round_trips_the_corpus_characters(tmp_path: Path) -> None:
    """Every character of the paragraphs used below comes back from pdfplumber as drawn."""
    used = sorted(set("".join([TITLE_4, *BODY_4, *BODY_3])) - {" "})
    assert not NOT_IN_FONT & set(used)
    rows = ["".join(used[i : i + 40]) for i in range(0, len(used), 40)]
    ops = [Op(i // 60, 40, 800 - 13 * (i % 60), row, 10) for i, row in enumerate(rows)]
    with pdfplumber.open(render(tmp_path / "chars.pdf", ops)) as pdf:
        back = "".join(char["text"] for page in pdf.pages for char in page.chars)
    assert back == "".join(rows)


# --- (a) one column -------------------------------------------------------------------


def test_one_column_page_gives_the_source_paragraphs(tmp_path: Path) -> None:
    frames = columns(1, top=740, bottom=60, gutter=0)
    ops, _ = flow(BODY_4, frames, 9, justify=False)  # ragged right, as a letter is
    assert {op.page for op in ops} == {0}, "the test text must fit on one page"
    ops.insert(0, centred(TITLE_4, 775, 15))
    result = read_pdf(render(tmp_path / "one.pdf", ops))
    assert result.text.split("\n") == [TITLE_4, *BODY_4]
    assert not any("column" in line for line in result.log)


def test_spaces_in_the_source_survive_and_none_are_added(tmp_path: Path) -> None:
    """003 has spaces between Chinese and numbers ("建立 82 人"): kept, and no others appear."""
    spaced = [p for p in BODY_3 if " " in p][:2]
    ops, _ = flow(spaced, columns(1, top=780, bottom=60, gutter=0), 10)
    assert paragraphs_of(render(tmp_path / "spaces.pdf", ops)) == spaced


# --- (b) two columns, (e) a paragraph across the column break ---------------------------


def test_two_column_page_reads_column_one_then_two(tmp_path: Path) -> None:
    frames = columns(2, top=720, bottom=150, gutter=16)
    ops, split = flow(BODY_4, frames, 9)
    assert {op.page for op in ops} == {0}
    assert split, "the text must run into column 2 in the middle of a paragraph"
    ops.insert(0, centred(TITLE_4, 770, 16))
    result = read_pdf(render(tmp_path / "two.pdf", ops))
    assert result.text.split("\n") == [TITLE_4, *BODY_4]
    assert "page 1: 2 columns" in result.log


def test_paragraph_running_into_the_next_column_is_not_broken(tmp_path: Path) -> None:
    paragraph = BODY_3[2]
    ops, split = flow([paragraph], columns(2, top=600, bottom=470, gutter=14), 10)
    assert split == {0}
    assert {op.page for op in ops} == {0}
    assert paragraphs_of(render(tmp_path / "run-on.pdf", ops)) == [paragraph]


def test_column_ending_in_a_full_stop_on_a_full_line_continues(tmp_path: Path) -> None:
    """Column 1's last line is full and ends with "。"; column 2 goes on unindented: one
    paragraph (a short line there, or an indent, would have ended it)."""
    paragraph, size = BODY_3[2], 10.0
    width, lines, stop = next(
        (width, lines, number)
        for width in range(200, 260)
        for lines in [wrap(paragraph, width - 2 * size, width, size)]
        for number, line in enumerate(lines[:-1])
        if line.endswith("。") and number > 2
    )
    assert text_width(lines[stop], size) > width - size, "column 1 must end with a full line"
    ops = [
        Op(
            0,
            50 + (width + 14 if n > stop else 0) + (2 * size if n == 0 else 0),
            700 - 1.5 * size * (n - stop - 1 if n > stop else n),
            line,
            size,
        )
        for n, line in enumerate(lines)
    ]
    assert paragraphs_of(render(tmp_path / "at-stop.pdf", ops)) == [paragraph]


def test_last_column_with_a_single_line_is_still_a_column(tmp_path: Path) -> None:
    """The end of an article: column 2 holds one line, beside column 1's first line."""
    paragraph = BODY_3[1]
    width = columns(2, top=0, bottom=0, gutter=14)(0).width
    rows = len(wrap(paragraph, width - 20, width, 10)) - 1  # all lines but one in column 1
    frames = columns(2, top=700, bottom=700 - 1.5 * 10 * (rows - 1), gutter=14)
    ops, split = flow([paragraph], frames, 10)
    assert split == {0}
    assert sum(op.x > 200 for op in ops) == 1
    result = read_pdf(render(tmp_path / "tail.pdf", ops))
    assert result.text == paragraph
    assert "page 1: 2 columns" in result.log


def test_columns_on_their_own_baselines(tmp_path: Path) -> None:
    """Column 2 runs half a line lower than column 1, so no row holds both."""
    size = 9.0
    even = columns(2, top=700, bottom=300, gutter=16)

    def frames(index: int) -> Frame:
        frame = even(index)
        return replace(frame, top=frame.top - (0.75 * size if index % 2 else 0))

    ops, split = flow(BODY_4[:5], frames, size)
    assert {op.page for op in ops} == {0}
    assert split
    result = read_pdf(render(tmp_path / "offset.pdf", ops))
    assert result.text.split("\n") == BODY_4[:5]
    assert "page 1: 2 columns" in result.log


# --- (c) three columns --------------------------------------------------------------------


def test_three_column_page_with_spaced_paragraphs(tmp_path: Path) -> None:
    """No indents here: paragraphs are set apart by a blank half line."""
    body = BODY_3[:4]
    frames = columns(3, top=700, bottom=330, gutter=12)
    ops, _ = flow(body, frames, 9, indent=0, gap=0.6)
    assert {op.page for op in ops} == {0}
    assert len({op.x for op in ops}) == 3
    ops.insert(0, centred(ART3[0], 760, 16))
    result = read_pdf(render(tmp_path / "three.pdf", ops))
    assert result.text.split("\n") == [ART3[0], *body]
    assert "page 1: 3 columns" in result.log


# --- (d) running headers and page numbers -----------------------------------------------


def journal_pages(path: Path, body: Sequence[str]) -> Path:
    """Two columns over three pages, a running header with the page number, a footer."""
    frames = columns(2, top=740, bottom=475, gutter=16)
    ops, _ = flow(body, frames, 9)
    assert max(op.page for op in ops) == 2, "the test text must fill three pages"
    assert any(op.page == 2 and op.x > 200 for op in ops), "and reach page 3's column 2"

    def decorate(canvas: Canvas, page: int) -> None:
        canvas.setFont(FONT, 8)
        canvas.drawString(50, 800, "《党建研究》2024年第3期")
        canvas.drawRightString(PAGE_WIDTH - 50, 800, f"第 {12 + page} 页")
        canvas.drawCentredString(PAGE_WIDTH / 2, 30, f"- {12 + page} -")

    return render(path, ops, decorate)


def test_running_header_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    body = [*BODY_4, *BODY_3[:3]]
    result = read_pdf(journal_pages(tmp_path / "journal.pdf", body))
    assert result.text.split("\n") == body
    assert "党建研究" not in result.text
    assert "- 1" not in result.text
    assert "dropped running header '《党建研究》2024年第3期' on 3 pages" in result.log
    assert "dropped 6 page numbers" in result.log
    assert [line for line in result.log if "columns" in line] == [
        f"page {n}: 2 columns" for n in (1, 2, 3)
    ]
    assert "《党建研究》" in result.raw
    assert "- 13 -" in result.raw


def test_page_number_forms() -> None:
    for text in ("12", "- 12 -", "— 7 —", "第 3 页", "第3页 共10页", "3 / 10", "Page 4"):
        assert _is_page_number(text), text
    for text in ("2024年", "12个", "第3条", "一、", "3.5"):
        assert not _is_page_number(text), text


def test_text_printed_twice_for_bold_counts_once(tmp_path: Path) -> None:
    """Fake bold: the title drawn again 0.4 pt to the right."""
    ops, _ = flow(BODY_4[:1], columns(1, top=700, bottom=60, gutter=0), 10)
    title = centred(TITLE_4, 760, 16)
    ops += [title, replace(title, x=title.x + 0.4)]
    result = read_pdf(render(tmp_path / "bold.pdf", ops))
    assert result.text.split("\n") == [TITLE_4, BODY_4[0]]
    assert f"dropped {len(TITLE_4)} characters printed twice (bold effect)" in result.log


# --- (f) broken files ---------------------------------------------------------------------


def small_pdf(path: Path) -> Path:
    ops, _ = flow(BODY_4[:1], columns(1, top=780, bottom=60, gutter=0), 10)
    return render(path, ops)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(random.Random(1).randbytes(4096)), "not a PDF file"),
        (lambda p: p.write_bytes(b""), "the file is empty"),
        (lambda p: p.write_bytes(b"%PDF-1.4\n" + random.Random(2).randbytes(3000)), "Cannot read"),
    ],
    ids=["random-bytes", "empty", "header-then-garbage"],
)
def test_broken_file_is_refused(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "broken.pdf"
    make(path)
    with pytest.raises(ImportFailedError, match="无法读取 PDF / Cannot read the PDF") as caught:
        read_pdf(path)
    assert message in str(caught.value)


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    data = small_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFailedError, match="无法读取 PDF / Cannot read the PDF"):
        read_pdf(path)


def test_damaged_pdfs_fail_only_with_import_failed(tmp_path: Path) -> None:
    """Cut at many places and with bytes flipped: a damaged file may still read, or be
    refused with ImportFailedError; no other exception may escape."""
    data = small_pdf(tmp_path / "whole.pdf").read_bytes()
    rng = random.Random(7)
    variants = [data[:cut] for cut in range(16, len(data), max(1, len(data) // 40))]
    for _ in range(40):
        damaged = bytearray(data)
        for _ in range(8):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        variants.append(bytes(damaged))
    path = tmp_path / "damaged.pdf"
    refused = 0
    for variant in variants:
        path.write_bytes(variant)
        try:
            result = read_pdf(path)
        except ImportFailedError:
            refused += 1
        else:
            assert "\x00" not in result.text
            assert "\r" not in result.text
    assert refused >= len(variants) // 4


def test_pdf_without_text_is_a_scan(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.rect(50, 50, 400, 600, fill=1)
    canvas.showPage()
    canvas.save()
    with pytest.raises(ImportFailedError, match=r"PDF 没有文字层（扫描件？）/ The PDF has no text"):
        read_pdf(path)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("secret", canModify=0))
    canvas.setFont(FONT, 10)
    canvas.drawString(50, 700, BODY_4[0][:20])
    canvas.save()
    with pytest.raises(ImportFailedError, match=r"PDF 已加密.*encrypted"):
        read_pdf(path)


def test_pdf_with_only_an_owner_password_reads(tmp_path: Path) -> None:
    """Restricting edits needs no password to read: such a file is imported."""
    path = tmp_path / "restricted.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("", "owner", canModify=0))
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, 700, "Jiangkou county, Tongren")
    canvas.save()
    assert read_pdf(path).text == "Jiangkou county, Tongren"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailedError, match="Cannot read the file"):
        read_pdf(tmp_path / "nowhere.pdf")


# --- (g) metadata, raw text, cleaning ------------------------------------------------------


def test_metadata_becomes_hints(tmp_path: Path) -> None:
    path = tmp_path / "meta.pdf"
    canvas = Canvas(str(path), invariant=1)  # CreationDate fixed at 2000-01-01
    canvas.setTitle(TITLE_4)
    canvas.setAuthor("贵州党建云")
    canvas.setFont(FONT, 10)
    canvas.drawString(50, 700, BODY_4[0][:30])
    canvas.save()
    hints = read_pdf(path).hints
    assert hints["title"] == TITLE_4
    assert hints["author"] == "贵州党建云"
    assert hints["file_created"] == "2000-01-01"


def test_word_file_name_title_is_trimmed(tmp_path: Path) -> None:
    """Word prints "Microsoft Word - <file name>" as the title of a PDF it makes."""
    path = tmp_path / "word.pdf"
    canvas = Canvas(str(path))
    canvas.setTitle(f"Microsoft Word - {TITLE_4}.docx")
    canvas.setFont(FONT, 10)
    canvas.drawString(50, 700, BODY_4[0][:30])
    canvas.save()
    assert read_pdf(path).hints["title"] == TITLE_4


def test_placeholder_metadata_gives_no_hints(tmp_path: Path) -> None:
    """reportlab writes "untitled" and "anonymous" when nothing was set: not a title."""
    hints = read_pdf(small_pdf(tmp_path / "plain.pdf")).hints
    assert "title" not in hints
    assert "author" not in hints


def test_raw_is_pdfplumbers_own_text(tmp_path: Path) -> None:
    path = small_pdf(tmp_path / "raw.pdf")
    with pdfplumber.open(path) as pdf:
        expected = "\n".join(page.extract_text() for page in pdf.pages)
    result = read_pdf(path)
    assert result.raw == expected
    assert result.raw != result.text  # raw keeps the line breaks of the page


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs the DejaVu Sans font file")
def test_nul_from_the_text_layer_is_removed_and_counted(tmp_path: Path) -> None:
    """An embedded TrueType subset maps the private-use and control characters it
    cannot show to U+0000, which pdfminer passes on: they must not reach the text."""
    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    path = tmp_path / "nul.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("DejaVu", 11)
    canvas.drawString(50, 700, "Jiangkou\ue000 co\u0007unty")
    canvas.save()
    with pdfplumber.open(path) as pdf:
        assert "\x00" in "".join(char["text"] for char in pdf.pages[0].chars)
    result = read_pdf(path)
    assert result.text == "Jiangkou county"
    assert "removed 2 control or private-use characters" in result.log


def test_clean_text_strips_controls_and_private_use() -> None:
    assert clean_text("党\x00建\ue000引\x07领\u00a0x\tz\n") == ("党建引领 x z\n", 3)
