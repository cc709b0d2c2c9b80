"""One article, every format: the cleaned text is the UTF-8 original's, whatever the file.

The reference is what the pipeline makes of the plain UTF-8 article; the same
article as a web page (with navigation, sidebars, footer, scripts), a Word
file, a two-column PDF and text files in other encodings must clean to the
same body and title. The page and file builders are the reader tests' own.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.importing.prepare import prepare_file
from annotator.models import NewDocument
from annotator.resources import demo_corpus_paths
from tests.test_import_docx import para, run, write_docx
from tests.test_import_html import news_page
from tests.test_import_pdf import centred, columns, flow, render

ARTICLE = demo_corpus_paths()[4]  # 004: title, byline line, headings, link list


def _prepared(path: Path) -> NewDocument:
    document = prepare_file(path).document
    assert document is not None, prepare_file(path).error
    return document


@pytest.fixture(scope="module")
def reference() -> NewDocument:
    return _prepared(ARTICLE)


def test_web_page(reference: NewDocument, tmp_path: Path) -> None:
    assert reference.title is not None
    page = news_page(reference.title, reference.text.split("\n"))
    path = tmp_path / "article.html"
    path.write_text(page, encoding="utf-8")
    document = _prepared(path)
    assert document.text == reference.text
    assert document.title == reference.title


def test_web_page_in_gb18030(reference: NewDocument, tmp_path: Path) -> None:
    assert reference.title is not None
    page = news_page(reference.title, reference.text.split("\n"), charset='<meta charset="gb2312">')
    path = tmp_path / "article.htm"
    path.write_bytes(page.encode("gb18030"))
    assert _prepared(path).text == reference.text


def test_word_file(reference: NewDocument, tmp_path: Path) -> None:
    assert reference.title is not None
    body = "".join(para(run(line)) for line in [reference.title, *reference.text.split("\n")])
    document = _prepared(write_docx(tmp_path / "article.docx", body))
    assert document.text == reference.text
    assert document.title == reference.title


def test_two_column_pdf(reference: NewDocument, tmp_path: Path) -> None:
    assert reference.title is not None
    ops, _ = flow(reference.text.split("\n"), columns(2, top=720, bottom=60, gutter=16), 9)
    assert len({round(op.x) for op in ops}) > 2, "the text should fill both columns"
    ops.insert(0, centred(reference.title, 770, 16))
    path = render(tmp_path / "article.pdf", ops)
    document = _prepared(path)
    assert "page 1: 2 columns" in document.import_log
    assert document.text == reference.text
    assert document.title == reference.title


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_text_files_in_other_encodings(
    reference: NewDocument, tmp_path: Path, encoding: str, bom: bytes
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + ARTICLE.read_text(encoding="utf-8").encode(encoding))
    document = _prepared(path)
    assert (document.text, document.title) == (reference.text, reference.title)
    assert document.metadata == reference.metadata


def test_traditional_article_in_big5(tmp_path: Path) -> None:
    original = demo_corpus_paths()[2].read_text(encoding="utf-8")  # 002, traditional
    data = original.encode("big5", errors="replace")
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(data.decode("big5"), encoding="utf-8")
    big5 = tmp_path / "big5.txt"
    big5.write_bytes(data)
    assert _prepared(big5).text == _prepared(utf8).text
    assert "decoded as big5" in _prepared(big5).import_log[0]
