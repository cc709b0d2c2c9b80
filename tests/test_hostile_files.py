"""Hostile files: nothing they hold is expanded, fetched, written or let through."""

from __future__ import annotations

import builtins
import codecs
import http.client
import io
import socket
import stat
import struct
import urllib.request
import uuid
import zipfile
from pathlib import Path
from typing import IO

import pytest

from annotator.errors import ImportFailedError, ValidationError
from annotator.exchange import archive, import_qdpx, read_qdpx
from annotator.importing import ImportStatus, docx, import_paths
from annotator.importing.cleaning import clean
from annotator.importing.docx import read_docx
from annotator.importing.html import extract_html
from annotator.importing.html.tree import TreeBuilder, inert_tail
from annotator.importing.pdf import read_pdf
from annotator.importing.prepare import prepare_file
from annotator.project import Project
from tests.test_properties import small_pdf
from tests.test_qdpx_foreign import SOURCE_FILES, minimal_xml, write_qdpx

ARTICLE = "党建引领乡村振兴，推动村级集体经济发展。建立工作专班机制，压实责任。"


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way out to the network records the attempt and fails; the list of attempts."""
    attempts: list[str] = []

    def refuse(*args: object, **_: object) -> None:
        attempts.append(repr(args[-1])[:200])
        raise OSError("a test tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(http.client.HTTPConnection, "connect", refuse)
    return attempts


def test_the_network_guard_sees_a_fetch(network: list[str]) -> None:
    with pytest.raises(OSError, match="network"):
        urllib.request.urlopen("http://127.0.0.1:9/x")
    with pytest.raises(OSError, match="network"):
        socket.create_connection(("127.0.0.1", 9))
    assert len(network) == 2


def no_secret(text: str) -> bool:
    """Nothing of /etc/passwd (whose first line is "root:x:0:0:…") in ``text``."""
    return "root:" not in text


#: A zip's local header and central directory entry: their signature, and where the
#: uncompressed size, the name's length and the name are.
HEADERS = ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46))


def lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """The zip with ``member``'s uncompressed size given as ``size`` in both its headers."""
    patched, name = bytearray(data), member.encode()
    for signature, size_at, length_at, name_at in HEADERS:
        at = patched.find(signature)
        while at >= 0:
            [length] = struct.unpack_from("<H", patched, at + length_at)
            if patched[at + name_at : at + name_at + length] == name:
                struct.pack_into("<I", patched, at + size_at, size)
            at = patched.find(signature, at + 4)
    return bytes(patched)


def add_link(path: Path, member: str, target: str) -> None:
    """A symbolic link as zip tools store one: Unix mode S_IFLNK, the target as content."""
    info = zipfile.ZipInfo(member)
    info.create_system, info.external_attr = 3, (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(info, target)


# --- plain text --------------------------------------------------------------------------


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

REMOTE_PAGE = f"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">
<!ENTITY % dtd SYSTEM "http://127.0.0.1:9/evil.dtd"> %dtd;]>
<html><head><base href="http://127.0.0.1:9/">
<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/refresh">
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"><link rel="icon" href="//127.0.0.1:9/i">
<link rel="import" href="file:///etc/passwd"><link rel="preload" href="http://127.0.0.1:9/p">
<style>@import url("http://127.0.0.1:9/import.css"); body {{background: url(http://127.0.0.1:9/b)}}</style>
<script src="http://127.0.0.1:9/evil.js"></script>
<script>fetch("http://127.0.0.1:9/fetch"); document.write("<p>脚本写的字</p>")</script>
</head><body>
<iframe src="http://127.0.0.1:9/frame"></iframe><iframe srcdoc="<p>框架</p>"></iframe>
<img src="http://127.0.0.1:9/a.png" srcset="http://127.0.0.1:9/b.png 2x">
<object data="http://127.0.0.1:9/o"></object><embed src="file:///etc/passwd">
<video poster="http://127.0.0.1:9/v.png"><source src="http://127.0.0.1:9/v.mp4"></video>
<form action="http://127.0.0.1:9/f"><input type="image" src="http://127.0.0.1:9/i.png"></form>
<svg><image href="http://127.0.0.1:9/s.png"/><use href="file:///etc/passwd#x"/></svg>
<div class="content"><p>{ARTICLE}&xxe;</p></div>
</body></html>"""


def test_a_page_that_names_the_network_fetches_nothing(tmp_path: Path, network: list[str]) -> None:
    path = tmp_path / "remote.html"
    path.write_text(REMOTE_PAGE, encoding="utf-8")
    prepared = prepare_file(path)
    assert prepared.document is not None, prepared.error
    assert prepared.document.text == ARTICLE + "&xxe;"  # the entity is not expanded
    assert no_secret(prepared.document.text)
    assert no_secret(prepared.document.raw_text.replace("file:///etc/passwd", ""))
    assert network == []


@pytest.mark.parametrize(
    ("entity", "count"), [("&amp;", 1_000_000), ("&lol9;", 200_000), ("&#x10FFFF;", 200_000)]
)
def test_entity_floods_stay_bounded(entity: str, count: int) -> None:
    bomb = '<!DOCTYPE h [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;&lol;">]>'
    page = f"{bomb}<p>{ARTICLE}</p><p>{entity * count}</p><p>&#0;&#xD800;{ARTICLE}</p>"
    text = extract_html(page.encode()).text
    assert len(text) <= len(page)  # every reference gives at most itself back
    assert f"\n{ARTICLE}\n" in text  # (the DOCTYPE ends at its first ">", as in browsers)
    assert text.endswith(ARTICLE)
    assert "\x00" not in text
    text.encode("utf-8")  # no lone surrogate from &#xD800;


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


# --- DOCX --------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = f"<w:body><w:p><w:r><w:t>{ARTICLE}</w:t></w:r></w:p><w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
DOCUMENT = f'<w:document xmlns:w="{W_NS}">{BODY}</w:body></w:document>'
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx_file(path: Path, parts: dict[str, str | bytes]) -> Path:
    plain = {"word/document.xml": DOCUMENT.replace("&x;", ""), "_rels/.rels": RELS}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in {**plain, **parts}.items():
            package.writestr(name, data)
    return path


def dtd(declarations: str, root: str = DOCUMENT) -> str:
    return f'<?xml version="1.0"?><!DOCTYPE w:document [{declarations}]>{root}'


EXTERNAL = '<!ENTITY x SYSTEM "file:///etc/passwd">'
REMOTE = '<!ENTITY x SYSTEM "http://127.0.0.1:9/x">'
PARAMETER = '<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p; <!ENTITY x "y">'


@pytest.mark.parametrize(
    ("part", "xml"),
    [
        ("word/document.xml", dtd(EXTERNAL)),
        ("word/document.xml", dtd(REMOTE)),
        ("word/document.xml", dtd(PARAMETER)),
        (
            "word/document.xml",
            dtd(EXTERNAL).replace("1.0", '1.0" encoding="UTF-16').encode("utf-16"),
        ),
        ("_rels/.rels", dtd(EXTERNAL, RELS.replace("word/document.xml", "&x;"))),
        (
            "docProps/core.xml",
            dtd(REMOTE, "<cp:coreProperties xmlns:cp='c'>&x;</cp:coreProperties>"),
        ),
    ],
    ids=["file-entity", "http-entity", "parameter-entity", "utf-16", "relationships", "properties"],
)
def test_docx_entities_are_refused_unread(
    tmp_path: Path, network: list[str], part: str, xml: str | bytes
) -> None:
    path = docx_file(tmp_path / "entities.docx", {part: xml})
    with pytest.raises(ImportFailedError, match="declares a DTD or entities") as refused:
        read_docx(path)
    assert no_secret(str(refused.value))
    assert network == []


def test_docx_xinclude_is_not_followed(tmp_path: Path, network: list[str]) -> None:
    include = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{}" parse="text"/>'
    body = "".join(include.format(href) for href in ("file:///etc/passwd", "http://127.0.0.1:9/"))
    xml = DOCUMENT.replace("&x;", "").replace("</w:body>", f"<w:p>{body}</w:p></w:body>")
    path = docx_file(tmp_path / "include.docx", {"word/document.xml": xml})
    assert read_docx(path).text == ARTICLE
    assert network == []


def test_docx_members_that_escape_are_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is extracted: names climbing out of (or outside) any folder stay names."""
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    monkeypatch.chdir(here)
    unique = uuid.uuid4().hex
    names = [f"../../escaped-{unique}.txt", f"/tmp/absolute-{unique}.txt", f"..\\win-{unique}"]
    path = docx_file(here / "escape.docx", dict.fromkeys(names, b"x"))
    with zipfile.ZipFile(path) as package:
        assert set(names) <= set(package.namelist())
    prepared = prepare_file(path)
    assert prepared.document is not None
    assert prepared.document.text == ARTICLE
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "b", "escape.docx"]
    assert not Path(f"/tmp/absolute-{unique}.txt").exists()


def test_a_docx_body_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "link.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("_rels/.rels", RELS)
    add_link(path, "word/document.xml", "/etc/passwd")
    with pytest.raises(ImportFailedError, match="not well-formed") as refused:
        read_docx(path)
    assert no_secret(str(refused.value))


def test_a_docx_small_part_bomb_is_left_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/test_import_docx.py has the body's bomb; the relationships and the properties
    have a limit of their own, checked before a byte is unpacked too."""
    monkeypatch.setattr(docx, "MAX_SMALL_PART_BYTES", 10_000)
    padding = "<!-- " + "x" * 50_000 + " -->"
    core = docx_file(tmp_path / "core.docx", {"docProps/core.xml": "<c/>" + padding})
    rels = docx_file(tmp_path / "rels.docx", {"_rels/.rels": RELS + padding})
    opened: list[str] = []
    open_member = zipfile.ZipFile.open

    def recording(package: zipfile.ZipFile, info: zipfile.ZipInfo, *args: str) -> object:
        opened.append(info.filename)
        return open_member(package, info, *args)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording)
    extracted = read_docx(core)  # broken properties cost the hints, not the text
    assert (extracted.text, extracted.hints) == (ARTICLE, {})
    assert "ignored docProps/core.xml: not readable" in extracted.log
    with pytest.raises(ImportFailedError, match=r"_rels/\.rels would unpack to 50,"):
        read_docx(rels)
    assert opened == ["_rels/.rels", "word/document.xml"]  # of core.docx; nothing of rels.docx


def test_a_docx_part_that_lies_about_its_size_is_cut_short(tmp_path: Path) -> None:
    """The directory says 100 bytes; the 4 MB behind it are never read past the 100th."""
    xml = DOCUMENT.replace("&x;", "正文。" * 700_000)
    path = docx_file(tmp_path / "liar.docx", {"word/document.xml": xml})
    path.write_bytes(lie_about_size(path.read_bytes(), "word/document.xml", 100))
    with zipfile.ZipFile(path) as package:
        assert package.getinfo("word/document.xml").file_size == 100
    with pytest.raises(ImportFailedError, match=r"damaged file \(Bad CRC-32"):
        read_docx(path)


# --- PDF ---------------------------------------------------------------------------------


@pytest.mark.parametrize("box", [b"[ 0 0 /x 841.8898 ]", b"[ 0 0 595.2756 ]", b"7"])
def test_a_damaged_pdf_leaves_no_file_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, box: bytes
) -> None:
    """pdfplumber closed its own stream only for its PdfminerException: a page box that
    is no box left the file open (locked on Windows) until the garbage collector came."""
    path = tmp_path / "box.pdf"
    path.write_bytes(small_pdf().replace(b"[ 0 0 595.2756 841.8898 ]", box))
    opened: list[IO[bytes]] = []
    real_open = io.open

    def recording(file: object, *args: object, **options: object) -> IO[bytes]:
        handle = real_open(file, *args, **options)
        opened.append(handle)
        return handle

    monkeypatch.setattr(io, "open", recording)  # Path.open
    monkeypatch.setattr(builtins, "open", recording)  # pdfplumber's open()
    with pytest.raises(ImportFailedError, match="damaged or incomplete"):
        read_pdf(path)
    mine = [handle for handle in opened if getattr(handle, "name", None) == str(path)]
    assert mine
    assert all(handle.closed for handle in mine)


# --- .qdpx -------------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("internal://../../secret.txt", "Bad source path"),
        ("internal://sources/../../secret.txt", "Bad source path"),
        ("internal://..\\..\\secret.txt", "Bad source path"),
        ("internal://C:/secret.txt", "Bad source path"),
        ("internal://%2e%2e/%2e%2e/secret.txt", "is missing"),
        ("internal://..%2F..%2Fsecret.txt", "is missing"),
        ("internal://{folder}/secret.txt", "is missing"),
        ("internal://\\\\server\\share\\secret.txt", "is missing"),
        ("file://{folder}/secret.txt", "inside the file"),
        ("{folder}/secret.txt", "inside the file"),
    ],
)
def test_a_qdpx_source_path_never_reaches_outside(
    tmp_path: Path, source: str, message: str
) -> None:
    """The file a path would name outside the archive exists; it is never read."""
    (tmp_path / "secret.txt").write_text("SECRET 机密", encoding="utf-8")
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    path = write_qdpx(
        inner / "p.qdpx", minimal_xml(path=source.format(folder=tmp_path)), SOURCE_FILES
    )
    with pytest.raises(ValidationError, match=message) as refused:
        read_qdpx(path)
    assert "SECRET" not in str(refused.value)


def test_a_qdpx_member_that_lies_about_its_size_is_cut_short(tmp_path: Path) -> None:
    """Declared honestly, 6 MB from 12 KB is a bomb; declared as 10 bytes, it is read as 10."""
    files = {"sources/s.txt": "一段文字。".encode() * 400_000}
    path = write_qdpx(tmp_path / "liar.qdpx", minimal_xml(), files)
    path.write_bytes(lie_about_size(path.read_bytes(), "sources/s.txt", 10))
    with pytest.raises(ValidationError, match=r"Cannot read sources/s\.txt \(Bad CRC-32"):
        read_qdpx(path)


def test_a_qdpx_with_too_many_or_too_large_members_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"sources/{n}.txt": b"x" * 1000 for n in range(5)}
    path = write_qdpx(tmp_path / "many.qdpx", minimal_xml(), {**SOURCE_FILES, **files})
    monkeypatch.setattr(archive, "MAX_MEMBERS", 6)
    with pytest.raises(ValidationError, match=r"holds too many files \(7\)"):
        read_qdpx(path)
    monkeypatch.setattr(archive, "MAX_MEMBERS", 100)
    monkeypatch.setattr(archive, "MAX_TOTAL", 4000)
    with pytest.raises(ValidationError, match="expands to more than"):
        read_qdpx(path)


@pytest.mark.parametrize("declarations", [EXTERNAL, REMOTE, PARAMETER])
def test_qdpx_entities_are_refused_unread(
    tmp_path: Path, network: list[str], declarations: str
) -> None:
    xml = minimal_xml().replace('name="p"', 'name="&x;"')
    xml = xml.replace("?>", f"?><!DOCTYPE Project [{declarations}]>", 1)
    path = write_qdpx(tmp_path / "entities.qdpx", xml, SOURCE_FILES)
    with pytest.raises(ValidationError, match="DTD or entities") as refused:
        import_qdpx(path, tmp_path / "entities.annot")
    assert no_secret(str(refused.value))
    assert network == []
    assert not (tmp_path / "entities.annot").exists()
