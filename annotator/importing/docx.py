"""Word files (.docx): the body's paragraphs as lines, the core properties as hints.

A .docx is a zip of XML parts. Only ``word/document.xml`` (or whatever main
part ``_rels/.rels`` names) is the body: headers, footers, footnotes and
comments live in other parts and are not the text researchers code. The
reader follows what Word shows: deleted revisions are gone, inserted ones are
text, a table cell's paragraphs are lines of their own, field codes
(``HYPERLINK …``, ``PAGE``) are not text but their results are.

The file comes from anywhere, so it is read defensively: XML through
defusedxml with DTDs refused (no entity expansion, no external references: a
"billion laughs" file fails at once), a part's uncompressed size checked in
the zip's directory before it is read (a zip bomb is refused unopened), and
part names from the package's relationships accepted only as plain member
names. python-docx is not used: it pulls in lxml and reads far more than this.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from annotator.errors import ImportFailedError
from annotator.importing.extracted import Extracted

#: ``word/document.xml`` may unpack to at most this many bytes.
MAX_PART_BYTES = 200 * 1024 * 1024
#: Relationship and property parts are tiny; anything larger is not a real one.
MAX_SMALL_PART_BYTES = 10 * 1024 * 1024
DEFAULT_MAIN_PART = "word/document.xml"

_CANNOT = "无法读取 Word 文件 / Cannot read the Word file"
#: WordprocessingML in its transitional (Word) and strict (ISO 29500) namespaces.
_W = (
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}",
    "{http://purl.oclc.org/ooxml/wordprocessingml/main}",
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
#: Subtrees that are not the visible text of a paragraph: deleted or moved-away
#: revisions, properties (whose ``w:tabs`` hold ``w:tab`` stops), the fallback
#: copy of a text box (its ``mc:Choice`` twin is read), and nested paragraphs
#: (text boxes), which become lines of their own.
_NOT_TEXT = frozenset({"w:del", "w:moveFrom", "w:pPr", "w:rPr", "mc:Fallback", "w:p"})
#: What a run's elements become; ``w:sym`` (a symbol-font glyph) and the rest become nothing.
_RUN_TEXT = {"w:tab": " ", "w:ptab": " ", "w:br": "\n", "w:cr": "\n", "w:noBreakHyphen": "-"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class _ForbiddenXmlError(ImportFailedError):
    """A part declares a DTD or entities: a crafted file, refused wherever it is found."""


def _name(element: Element) -> str:
    """``w:p`` for a WordprocessingML paragraph in either namespace, ``mc:…``, else the tag."""
    tag = element.tag
    for namespace in _W:
        if tag.startswith(namespace):
            return "w:" + tag[len(namespace) :]
    if tag.startswith(_MC):
        return "mc:" + tag[len(_MC) :]
    return tag


def _walk(children: list[Element], skip: frozenset[str]) -> Iterator[Element]:
    """Elements in document order, not entering ``skip``; iterative, so any depth is fine."""
    stack = list(reversed(children))
    while stack:
        element = stack.pop()
        if _name(element) in skip:
            continue
        yield element
        stack.extend(reversed(element))


def _paragraph_text(paragraph: Element) -> str:
    parts: list[str] = []
    for element in _walk(list(paragraph), _NOT_TEXT):
        name = _name(element)
        if name == "w:t":
            parts.append(element.text or "")
        else:
            parts.append(_RUN_TEXT.get(name, ""))
    return "".join(parts)


def _blocks(body: Element) -> Iterator[tuple[Element, bool]]:
    """Every paragraph in document order (text-box paragraphs after their anchor's),
    with whether it sits in a table cell; deleted and fallback copies are not entered.
    """
    stack: list[tuple[Element, bool]] = [(child, False) for child in reversed(body)]
    while stack:
        element, in_table = stack.pop()
        name = _name(element)
        if name in ("w:del", "w:moveFrom", "mc:Fallback"):
            continue
        if name == "w:p":
            yield element, in_table
        in_table = in_table or name == "w:tc"
        stack.extend((child, in_table) for child in reversed(element))


def body_lines(document: Element) -> tuple[list[str], dict[str, int]]:
    """One line per non-empty paragraph of the body, in order, and what was counted."""
    body = next((child for child in document if _name(child) == "w:body"), None)
    if body is None:
        raise ImportFailedError(f"{_CANNOT}: the document has no body")
    lines: list[str] = []
    counts = {"paragraphs": 0, "in tables": 0}
    for paragraph, in_table in _blocks(body):
        text = _paragraph_text(paragraph).replace("\r\n", "\n").replace("\r", "\n")  # "&#13;"
        found = [line.strip() for line in text.split("\n")]
        found = [line for line in found if line]
        if found:
            lines.extend(found)
            counts["paragraphs"] += 1
            counts["in tables"] += in_table
    counts["deleted revisions"] = sum(
        1 for element in body.iter() if _name(element) in ("w:del", "w:moveFrom") and len(element)
    )
    return lines, counts


# --- the package ----------------------------------------------------------------------------


def _plain_member(name: str) -> bool:
    """A part name that is a path inside the zip: no drive, no ``..``, no backslash."""
    path = PurePosixPath(name)
    return (
        bool(name)
        and "\\" not in name
        and "\x00" not in name
        and ":" not in name
        and not path.is_absolute()
        and all(part not in ("", ".", "..") for part in name.split("/"))
    )


def _read_part(package: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, refused before reading if it would unpack to more than ``limit``."""
    if not _plain_member(name):
        raise ImportFailedError(f"{_CANNOT}: unsafe part name {name!r}")
    info = package.getinfo(name)
    if info.file_size > limit:
        raise ImportFailedError(
            f"{_CANNOT}: {name} would unpack to {info.file_size:,} bytes"
            f" (limit {limit // 1_048_576} MB)"
        )
    with package.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:  # a directory entry that lies about the size
        raise ImportFailedError(f"{_CANNOT}: {name} unpacks to more than {limit:,} bytes")
    return data


def _parse_xml(data: bytes, name: str) -> Element:
    """Parse one part; a DTD, an entity or broken XML is refused."""
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise _ForbiddenXmlError(f"{_CANNOT}: {name} declares a DTD or entities") from error
    except (ParseError, LookupError, ValueError) as error:  # also an unknown encoding="…"
        raise ImportFailedError(f"{_CANNOT}: {name} is not well-formed XML ({error})") from error
    return root


def _main_part(package: zipfile.ZipFile) -> str:
    """The main document part the package's relationships name, ``word/document.xml`` if none."""
    if "_rels/.rels" not in package.namelist():
        return DEFAULT_MAIN_PART
    rels = _parse_xml(_read_part(package, "_rels/.rels", MAX_SMALL_PART_BYTES), "_rels/.rels")
    for rel in rels.iter(f"{_RELS}Relationship"):
        if rel.get("Type", "").endswith("/officeDocument"):
            target = rel.get("Target", "").removeprefix("/")
            if not _plain_member(target):
                raise ImportFailedError(f"{_CANNOT}: unsafe part name {target!r}")
            return target
    return DEFAULT_MAIN_PART


def _core_hints(package: zipfile.ZipFile, log: list[str]) -> dict[str, str]:
    """Title, author and creation date from ``docProps/core.xml``, when they are filled in."""
    name = "docProps/core.xml"
    if name not in package.namelist():
        return {}
    try:
        core = _parse_xml(_read_part(package, name, MAX_SMALL_PART_BYTES), name)
    except _ForbiddenXmlError:
        raise
    except ImportFailedError:  # damaged properties cost the hints, not the text
        log.append(f"ignored {name}: not readable")
        return {}
    found = {
        "title": core.findtext(f"{_DC}title", "").strip(),
        "author": core.findtext(f"{_DC}creator", "").strip(),
    }
    created = _DATE.match(core.findtext(f"{_DCTERMS}created", "").strip())
    # When the file was made, not when the article appeared: an attribute, not "published".
    found["file_created"] = created.group() if created else ""
    return {key: value for key, value in found.items() if value}


def _read_package(package: zipfile.ZipFile) -> Extracted:
    main = _main_part(package)
    if main not in package.namelist():
        raise ImportFailedError(f"{_CANNOT}: no {main} in the file")
    lines, counts = body_lines(_parse_xml(_read_part(package, main, MAX_PART_BYTES), main))
    if not lines:
        raise ImportFailedError("Word 文件中没有文字 / The Word file has no text")
    log = [f"read {main}: {counts['paragraphs']} paragraphs ({counts['in tables']} in tables)"]
    if counts["deleted revisions"]:
        log.append(f"skipped {counts['deleted revisions']} deleted revisions")
    hints = _core_hints(package, log)
    text = "\n".join(lines)
    return Extracted(text=text, raw=text, hints=hints, log=log)


def read_docx(path: Path) -> Extracted:
    """Text and hints of a .docx file; :class:`ImportFailedError` for anything unreadable."""
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise ImportFailedError(f"{_CANNOT}: {_not_a_zip(path)}") from error
    except (OSError, EOFError, ValueError, NotImplementedError, zipfile.LargeZipFile) as error:
        raise ImportFailedError(f"{_CANNOT}: {error}") from error
    with package:
        try:
            return _read_package(package)
        except (
            zipfile.BadZipFile,  # a bad CRC, a truncated member
            OSError,
            EOFError,
            zlib.error,
            ValueError,
            RuntimeError,  # an encrypted member
            NotImplementedError,  # an unsupported compression method
        ) as error:
            raise ImportFailedError(f"{_CANNOT}: damaged file ({error})") from error


def _not_a_zip(path: Path) -> str:
    """Why the file is no .docx: an old binary .doc (or an encrypted .docx) says so."""
    try:
        with path.open("rb") as file:
            magic = file.read(len(_OLE_MAGIC))
    except OSError:
        magic = b""
    if magic == _OLE_MAGIC:
        return "this is an old .doc or a password-protected file; save it as .docx"
    return "not a .docx (zip) file"
