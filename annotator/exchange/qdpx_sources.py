"""One ``<TextSource>`` of a ``project.qde``: its text, metadata and codings.

**Texts** come from the archive (``plainTextPath="internal://…"``) or from an
embedded ``<PlainTextContent>``. They are UTF-8; a byte order mark is dropped
(and a UTF-16 one honoured), and offsets are taken to count from after it.

**Line endings.** Our texts hold ``\\n`` only, so ``\\r\\n`` and ``\\r``
become ``\\n``, and the offsets must follow. Most programs count ``\\r\\n``
as two characters (positions in the text as stored), so every offset after one
moves back by one per pair before it. ATLAS.ti counts it as one (QualCoder
notes the same), so for a file whose ``origin`` names ATLAS.ti the offsets are
already right. A lone ``\\r`` becomes ``\\n`` and shifts nothing. An XML
parser turns a literal ``\\r\\n`` into ``\\n`` before we see it, so in an
embedded ``<PlainTextContent>`` the carriage returns are first written as
``&#13;``, which survives parsing (:func:`keep_carriage_returns`).

Offsets are otherwise taken as code points, as we write them (see
:mod:`.qdpx_write`). A selection outside its text, or a coding of a code the
file does not define, refuses the whole file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import NAMESPACE_URL, uuid5
from xml.etree.ElementTree import Element

from annotator.codebooks.model import CodeSpec
from annotator.codebooks.refi import normal_guid, read_marked
from annotator.commands.base import new_uuid
from annotator.commands.documents import check_new_document, text_sha256
from annotator.errors import ValidationError
from annotator.exchange.archive import QdpxArchive
from annotator.exchange.common import stored_time, tag
from annotator.models import (
    Annotation,
    AnnotationId,
    CodeId,
    CoderId,
    Document,
    DocumentId,
    NewDocument,
    ReviewStatus,
)
from annotator.storage.documents import DocumentSnapshot

#: Codings by nobody the file names get this coder (the same in every import).
UNKNOWN_CODER = (str(uuid5(NAMESPACE_URL, "annotator:coder:unknown")), "未注明 unknown")
_CODING_KEYS = ("origin", "reviews")
_ORIGINS = ("manual", "suggestion")
#: A ``<PlainTextContent>`` element (any prefix, not an empty one) and a CDATA section.
_CONTENT = re.compile(
    rb"(<(?:[\w.-]+:)?PlainTextContent(?:\s[^>]*)?(?<!/)>)"
    rb"(.*?)(</(?:[\w.-]+:)?PlainTextContent\s*>)",
    re.DOTALL,
)
_CDATA = re.compile(rb"(?<=<!\[CDATA\[)(.*?)(?=\]\]>)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class ReviewRow:
    reviewer: str  # a user's GUID
    status: ReviewStatus
    comment: str
    created: str


@dataclass(frozen=True, slots=True)
class CodingRow:
    """One coding as the file has it: the annotation with no ids yet (the project does
    not exist), the GUIDs its ids will come from, and its reviews."""

    annotation: Annotation
    document: str
    code: str
    coder: str
    reviews: tuple[ReviewRow, ...] = ()


@dataclass
class SourceContext:
    """What reading one source needs from the rest of the file, and what it adds to it."""

    archive: QdpxArchive
    codes: dict[str, CodeSpec]  # by the GUID codings refer to
    users: dict[str, str]  # GUID → name; a user only referred to is added by GUID
    crlf_is_one: bool
    now: str
    notes: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)  # annotation uuids taken


@dataclass(frozen=True, slots=True)
class SourceValues:
    """A source's variables: our document fields, and free attributes."""

    fields: dict[str, str]
    attributes: dict[str, str]


def read_source(
    element: Element, context: SourceContext, values: SourceValues
) -> tuple[DocumentSnapshot, list[CodingRow]]:
    """The document a ``<TextSource>`` holds and its codings."""
    guid = _guid(element, "TextSource")
    name = element.get("name") or guid
    raw = _raw_text(element, context.archive, name)
    text, shift = normalise_line_endings(raw, crlf_is_one=context.crlf_is_one)
    fields = {k: v for k, v in values.fields.items() if k != "source_path"}
    try:
        check_new_document(NewDocument(text=text, raw_text=raw, metadata=fields))
    except ValidationError as error:
        raise ValidationError(f"{name}: {error}") from error
    memo, extra = read_marked(element.findtext(tag("Description")) or "", "memo", ("title",))
    title = extra["title"] if "title" in extra else element.get("name")
    document = Document(
        id=DocumentId(0),
        uuid=guid,
        title=title if isinstance(title, str) else None,
        text_length=len(text),
        text_sha256=text_sha256(text),
        memo=memo,
        source_path=values.fields.get("source_path"),
        imported_at=stored_time(element.get("creationDateTime")) or context.now,
        attributes=dict(values.attributes),
        flags=(),
        **fields,
    )
    log = (f"REFI-QDA: {context.archive.name}",)
    snapshot = DocumentSnapshot(document, text, raw, log, _fingerprint(text))
    if element.findall(tag("Coding")):
        context.notes.append(f"{name}: 整篇编码未导入 / codings of the whole source left out")
    codings = []
    for selection in element.findall(tag("PlainTextSelection")):
        codings += _read_selection(selection, guid, text, shift, context)
    return snapshot, codings


def _guid(element: Element, what: str) -> str:
    guid = normal_guid(element.get("guid"))
    if guid is None:
        raise ValidationError(f"{what} 缺少 guid / A {what} has no guid")
    return guid


def _raw_text(element: Element, archive: QdpxArchive, name: str) -> str:
    """The source's text, embedded or from the archive, decoded, without a BOM."""
    content = element.find(tag("PlainTextContent"))
    path = element.get("plainTextPath")
    if content is not None:
        return (content.text or "").removeprefix("\ufeff")
    if not path:
        raise ValidationError(f"{name}: 来源没有文字 / The source has no text")
    if not path.startswith("internal://"):
        raise ValidationError(
            f"{name}: 只能导入包内的来源 / Only sources inside the file can be read: {path}"
        )
    data = archive.source(path)
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ValidationError(f"{name}: 文字不是 UTF-8 / The text is not UTF-8") from error


def normalise_line_endings(text: str, *, crlf_is_one: bool) -> tuple[str, Callable[[int], int]]:
    """``text`` with ``\\n`` line endings, and what an offset into ``text`` becomes."""
    if "\r" not in text:
        return text, _same
    pairs = [found.start() for found in re.finditer("\r\n", text)]
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    if crlf_is_one or not pairs:
        return normalised, _same
    return normalised, lambda offset: offset - bisect_left(pairs, offset)


def keep_carriage_returns(xml: bytes) -> bytes:
    """``xml`` with each ``\\r`` inside a ``<PlainTextContent>`` as ``&#13;`` (in a CDATA
    section, the section is closed around it), so parsing keeps the text's line endings.

    Bytes compare as ASCII: a UTF-8 (or other ASCII-based) file. A UTF-16 one is left as
    it is (its CR LF then count as one).
    """
    if b"\x00" in xml[:4]:
        return xml
    return _CONTENT.sub(_escape_content, xml)


def _escape_content(found: re.Match[bytes]) -> bytes:
    opening, content, closing = found.groups()
    pieces = _CDATA.split(content)  # text, section, text, section…
    for index, piece in enumerate(pieces):
        pieces[index] = piece.replace(b"\r", b"]]>&#13;<![CDATA[" if index % 2 else b"&#13;")
    return opening + b"".join(pieces) + closing


def _same(offset: int) -> int:
    return offset


def _fingerprint(text: str) -> bytes:
    """The near-duplicate sketch an ordinary import would store (so reposts are caught later)."""
    from annotator.importing.fingerprint import sketch  # the import package loads pdfplumber
    from annotator.shadow import to_simplified

    return sketch(to_simplified(text))


def _position(element: Element, name: str, guid: str) -> int:
    try:
        return int(element.get(name) or "")
    except ValueError:
        raise ValidationError(f"选段 {guid} 的 {name} 不是整数 / {name} is not a number") from None


def _read_selection(
    element: Element, document: str, text: str, shift: Callable[[int], int], context: SourceContext
) -> list[CodingRow]:
    guid = _guid(element, "PlainTextSelection")
    start = shift(_position(element, "startPosition", guid))
    end = shift(_position(element, "endPosition", guid))
    if not 0 <= start <= end <= len(text):
        raise ValidationError(
            f"选段 {guid} [{start}, {end}) 超出文字（{len(text)} 字）/ Selection {guid} "
            f"[{start}, {end}) lies outside its text of {len(text)} characters"
        )
    codings = element.findall(tag("Coding"))
    if not codings:
        context.notes.append(f"{guid}: 无编码的选段未导入 / a selection with no code left out")
        return []
    if start == end:
        raise ValidationError(f"选段 {guid} 是空的 / Selection {guid} is empty")
    memo, extra = read_marked(element.findtext(tag("Description")) or "", "memo", _CODING_KEYS)
    rows = []
    for index, coding in enumerate(codings):
        coder = _user(context, coding.get("creatingUser"), element)
        created = _first_time(coding.get("creationDateTime"), element) or context.now
        annotation = Annotation(
            id=AnnotationId(0),
            uuid=_coding_uuid(guid if index == 0 else coding.get("guid"), context),
            document_id=DocumentId(0),
            code_id=CodeId(0),
            coder_id=CoderId(0),
            start=start,
            end=end,
            quote=text[start:end],
            memo=memo,
            created=created,
            updated=stored_time(element.get("modifiedDateTime")) or created,
            origin=_origin(extra.get("origin")),
        )
        code = _code_ref(coding, guid, context)
        reviews = _reviews(extra.get("reviews"), context)
        rows.append(CodingRow(annotation, document, code, coder, reviews))
    return rows


def _origin(value: object) -> str:
    return value if isinstance(value, str) and value in _ORIGINS else "manual"


def _coding_uuid(candidate: str | None, context: SourceContext) -> str:
    """The selection's GUID for its first coding, the coding's own for further ones."""
    uuid = normal_guid(candidate)
    if uuid is None or uuid in context.used:
        uuid = new_uuid()
    context.used.add(uuid)
    return uuid


def _code_ref(coding: Element, selection: str, context: SourceContext) -> str:
    reference = coding.find(tag("CodeRef"))
    target = normal_guid(None if reference is None else reference.get("targetGUID"))
    if target is None or target not in context.codes:
        raise ValidationError(
            f"选段 {selection} 引用了未知编码 / Selection {selection} refers to an unknown "
            f"code {target}"
        )
    return target


def _user(context: SourceContext, guid: str | None, selection: Element) -> str:
    """The coder: the coding's user, else the selection's creator or last modifier."""
    for candidate in (guid, selection.get("creatingUser"), selection.get("modifyingUser")):
        found = normal_guid(candidate)
        if found is not None:
            return known_user(context.users, found)
    return known_user(context.users, UNKNOWN_CODER[0], UNKNOWN_CODER[1])


def known_user(users: dict[str, str], guid: str, name: str | None = None) -> str:
    """``guid``, added to ``users`` (named ``name``, or by its GUID) if not there yet."""
    if guid not in users:
        taken = set(users.values())
        wanted = name or guid
        users[guid] = wanted if wanted not in taken else f"{wanted} ({guid[:8]})"
    return guid


def _first_time(own: str | None, selection: Element) -> str | None:
    for value in (own, selection.get("creationDateTime"), selection.get("modifiedDateTime")):
        found = stored_time(value)
        if found is not None:
            return found
    return None


def _reviews(value: object, context: SourceContext) -> tuple[ReviewRow, ...]:
    """Reviews from our marker line; entries that are not well formed are passed over."""
    if not isinstance(value, list):
        return ()
    rows = []
    for entry in value:
        if not isinstance(entry, dict):
            continue
        reviewer = normal_guid(str(entry.get("reviewer") or ""))
        status = entry.get("status")
        if reviewer is None or status not in {s.value for s in ReviewStatus}:
            continue
        rows.append(
            ReviewRow(
                reviewer=known_user(context.users, reviewer),
                status=ReviewStatus(status),
                comment=str(entry.get("comment") or ""),
                created=stored_time(str(entry.get("created") or "")) or context.now,
            )
        )
    return tuple(rows)
