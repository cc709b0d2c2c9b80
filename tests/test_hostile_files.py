"""Hostile files: nothing they hold is expanded, fetched, written or let through."""

from __future__ import annotations

import codecs
import stat
import zipfile
from pathlib import Path

import pytest

from annotator.errors import ValidationError
from annotator.exchange import import_qdpx
from annotator.importing import ImportStatus, import_paths
from annotator.importing.cleaning import clean
from annotator.importing.html import extract_html
from annotator.importing.html.tree import TreeBuilder, inert_tail
from annotator.importing.prepare import prepare_file
from annotator.project import Project
from tests.test_qdpx_foreign import SOURCE_FILES, minimal_xml, write_qdpx

# --- plain text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF8 + b"\x00", codecs.BOM_UTF8 + b"\x00\n\x00", b"\x01\x02\x03", b"\x1b\n\x7f"],
    ids=["bom-nul", "bom-nul-lines", "controls", "escape-delete"],
)
def test_a_file_of_invisible_characters_has_no_text(tmp_path: Path, data: bytes) -> None:
    """Found by tests/test_properties.py: cleaning's "keep every line" fallback gave such a
    file back whole, a document of NUL that the store refused, failing the whole batch."""
    path = tmp_path / "invisible.txt"
    path.write_bytes(data)
    prepared = prepare_file(path)
    assert prepared.document is None
    assert prepared.error is not None
    assert "The file has no text" in prepared.error
    good = tmp_path / "good.txt"
    good.write_text("党建引领乡村振兴。", encoding="utf-8")
    with Project.in_memory() as project:
        results = import_paths(project, [path, good])
        assert [r.status for r in results] == [ImportStatus.FAILED, ImportStatus.IMPORTED]
        assert [project.text(d.id) for d in project.documents()] == ["党建引领乡村振兴。"]


def test_text_kept_when_cleaning_removed_everything_is_still_normalised() -> None:
    """The fallback keeps the lines, with tabs, NBSP and controls normalised as always."""
    text, draft = clean("第\t3\t页\n\xa0P. 12\x07\u200b")
    assert text == "第 3 页\nP. 12"
    assert "cleaning left no text: kept every line" in draft.log


# --- HTML --------------------------------------------------------------------------------

ARTICLE = "党建引领乡村振兴，推动村级集体经济发展。建立工作专班机制，压实责任。"


def test_markup_that_never_closes_is_given_to_the_parser_as_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """html.parser scans from each unclosable ``<`` (or ``<!--``) to the end of the page:
    quadratic; 400 KB of ``<a<a…`` took minutes. The parser is now given them as text."""
    fed: list[str] = []
    feed = TreeBuilder.feed
    monkeypatch.setattr(
        TreeBuilder, "feed", lambda self, data: fed.append(data) or feed(self, data)
    )
    page = f"<p>{ARTICLE}</p><!--<p>-->{'<!--<p>' * 5}x>{'<a' * 5}"
    assert extract_html(page.encode()).text.endswith("x><a<a<a<a<a")
    [source] = fed
    assert "<" not in source[source.rfind(">") :]
    assert "<!--" not in source[source.rfind("-->") :]


def test_a_page_of_unclosable_markup_is_read() -> None:
    tail = "<a" * 200_000
    page = f"<html><body><p>{ARTICLE}</p><!--<p>-->{'<!--<p>' * 50_000}x>{tail}"
    extracted = extract_html(page.encode())
    assert extracted.text.startswith(ARTICLE)
    assert extracted.text.endswith("x>" + tail)


@pytest.mark.parametrize(
    ("source", "inert"),
    [
        ("<p>正文</p>", "<p>正文</p>"),
        ("<p>正文</p><a<a", "<p>正文</p>&lt;a&lt;a"),
        ("<p>a</p><!--x<p>b", "<p>a</p>&lt;!--x<p>b"),
        ("<!--a--><p>b</p><!-- c -- >d<!--e>", "<!--a--><p>b</p><!-- c -- >d&lt;!--e>"),
        ("a<!--b<!--c-->d", "a<!--b<!--c-->d"),
    ],
)
def test_only_markup_that_cannot_close_is_made_text(source: str, inert: str) -> None:
    assert inert_tail(source) == inert


# --- .qdpx -------------------------------------------------------------------------------


def add_link(path: Path, member: str, target: str) -> None:
    """A symbolic link as zip tools store one: Unix mode S_IFLNK, the target as content."""
    info = zipfile.ZipInfo(member)
    info.create_system, info.external_attr = 3, (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(info, target)


@pytest.mark.parametrize("member", ["sources/s.txt", "sources/unused.txt", "elsewhere"])
def test_a_link_in_a_qdpx_is_refused(tmp_path: Path, member: str) -> None:
    """A link is never followed (nothing is extracted), but its "content" is a path: before,
    a linked source came in as a document whose text was "/etc/passwd"."""
    files = {} if member == "sources/s.txt" else SOURCE_FILES
    path = write_qdpx(tmp_path / "link.qdpx", minimal_xml(), files)
    add_link(path, member, "/etc/passwd")
    with pytest.raises(ValidationError, match="holds a link, not a file: '" + member):
        import_qdpx(path, tmp_path / "link.annot")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.qdpx"]
