"""What REFI-QDA's two XML files share: a safe parser, text XML can hold, GUIDs,
our marker line, and the tree of codes.

A codebook (``.qdc``, namespace ``urn:QDA-XML:codebook:1.0``) and a project
(``project.qde`` inside a ``.qdpx``, ``urn:QDA-XML:project:1.0``) nest the same
``<CodeBook><Codes><Code>`` elements; only the namespace differs, so one writer
and one reader serve both (:mod:`.qdc` and :mod:`annotator.exchange`).

The standard has no place for most of our fields. They ride in a
``<Description>`` after the text people read, as one last line
``[Annotator] {json}``: other programs show it as text, and reading it back
loses nothing. The same line carries a text exactly when XML would change it
(a carriage return, a control character), or when the text itself ends in
something that looks like the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from typing import Any
from uuid import NAMESPACE_URL, uuid5
from xml.etree.ElementTree import Element, ParseError, SubElement

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from annotator.codebooks.model import DEFAULTS, Codebook, CodeSpec, check_tree, clean_fields
from annotator.errors import ValidationError

MARKER = "[Annotator] "
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
#: Deeper nesting is not a codebook: reading refuses it, and writing too, so that
#: nothing we write is refused on reading. (Both walk the tree without recursion.)
MAX_DEPTH = 200
#: Code fields kept in the marker line (the definition is the description's text).
_EXTRA = tuple(name for name in DEFAULTS if name not in ("definition", "color"))
_CODE_KEYS = (*_EXTRA, "key", "uuid", "name")


# -- text and identifiers ------------------------------------------------------
def xml_safe(text: str) -> str:
    """What XML 1.0 can hold: control characters become spaces, CR LF a line feed."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def refi_guid(uuid: str, kind: str) -> str:
    """``uuid`` if the standard accepts it as a GUID, else a stable one made from it."""
    return uuid if _GUID.match(uuid) else str(uuid5(NAMESPACE_URL, f"annotator:{kind}:{uuid}"))


def normal_guid(value: str | None) -> str | None:
    """A GUID as we store it: no braces, lower case (other programs write ``{ABC-…}``)."""
    value = (value or "").strip().strip("{}").lower()
    return value or None


def code_guid(spec: CodeSpec) -> str:
    """The GUID a file gives ``spec`` (a code with no uuid gets one made from its key)."""
    if spec.uuid is not None:
        return refi_guid(spec.uuid, "code")
    return str(uuid5(NAMESPACE_URL, f"annotator:code:{spec.key}"))


# -- the marker line -----------------------------------------------------------
def marked_text(text: str, extra: Mapping[str, Any], text_key: str) -> str:
    """``text`` as people read it, then the marker line with ``extra`` if there is any.

    When XML (or :func:`read_marked`) would not give ``text`` back unchanged, the
    line carries it exactly under ``text_key``.
    """
    fields = dict(extra)
    shown = xml_safe(text)
    if shown != text or split_marker(text)[0] != text:
        fields[text_key] = text
    if not fields:
        return shown
    line = MARKER + json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    # JSON escapes control characters but not U+FFFE/U+FFFF, which XML cannot hold.
    line = _CONTROL.sub(lambda found: f"\\u{ord(found[0]):04x}", line)
    return f"{shown}\n\n{line}" if shown else line


def split_marker(description: str) -> tuple[str, dict[str, Any]]:
    """The text before our marker line and the line's fields (none if it has no line).

    The line is the last one (JSON escapes line breaks), after a blank line or
    alone; the marker may occur inside it, in a text it carries exactly.
    """
    head, newline, line = description.rstrip().rpartition("\n")
    if not line.startswith(MARKER) or (newline and not head.endswith("\n")):
        return description, {}
    try:
        extra = json.loads(line.removeprefix(MARKER))
    except json.JSONDecodeError:
        return description, {}
    if not isinstance(extra, dict):
        return description, {}
    return head.removesuffix("\n"), extra


def read_marked(
    description: str, text_key: str, known: Collection[str]
) -> tuple[str, dict[str, Any]]:
    """The text and the ``known`` fields of a description :func:`marked_text` wrote."""
    head, extra = split_marker(description)
    fields = {k: v for k, v in extra.items() if k in known}
    exact = extra.get(text_key)
    return (exact if isinstance(exact, str) else head), fields


def parse_xml(data: bytes, name: str) -> Element:
    """Parse with defusedxml, refusing DTDs (no entity expansion, no external references)."""
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ValidationError(f"{name}: 含 DTD 或实体，已拒绝 / declares a DTD or entities") from (
            error
        )
    except (ParseError, LookupError, ValueError) as error:
        raise ValidationError(f"{name}: 不是有效的 XML / not well-formed XML ({error})") from error
    return root


# -- the code tree -------------------------------------------------------------
def write_codes(book: Element, codebook: Codebook, namespace: str) -> None:
    """Add ``<Codes>`` with the nested codes of ``codebook`` to the ``<CodeBook>`` ``book``."""
    ns = f"{{{namespace}}}"
    parents: dict[str | None, Element] = {None: SubElement(book, f"{ns}Codes")}
    depths: dict[str | None, int] = {None: 0}
    for spec in codebook.codes:
        depths[spec.ref] = depths[spec.parent] + 1
        if depths[spec.ref] > MAX_DEPTH:
            raise ValidationError(
                f"编码 {spec.ref} 嵌套超过 {MAX_DEPTH} 层，无法导出 / Code {spec.ref} is nested "
                f"deeper than {MAX_DEPTH} levels, more than a REFI-QDA file may hold"
            )
        element = SubElement(parents[spec.parent], f"{ns}Code", _attributes(spec))
        SubElement(element, f"{ns}Description").text = _description(spec)
        parents[spec.ref] = element


def _attributes(spec: CodeSpec) -> dict[str, str]:
    return {
        "guid": code_guid(spec),
        "name": xml_safe(spec.fields["name"]),
        "isCodable": "true",
        "color": spec.fields.get("color", DEFAULTS["color"]),
    }


def _description(spec: CodeSpec) -> str:
    extra: dict[str, Any] = {"key": spec.key}
    if spec.uuid is not None and code_guid(spec) != spec.uuid:
        extra["uuid"] = spec.uuid  # not a GUID: kept exactly here
    for name in _EXTRA:
        value = spec.fields.get(name, DEFAULTS[name])
        extra[name] = list(value) if name == "keywords" else value
    if xml_safe(spec.fields["name"]) != spec.fields["name"]:
        extra["name"] = spec.fields["name"]
    return marked_text(spec.fields.get("definition", ""), extra, "definition")


def read_codes(book: Element, namespace: str) -> list[CodeSpec]:
    """The codes below a ``<CodeBook>`` element, parents before children, checked.

    The tree is walked with a stack of its own: a deep file meets :data:`MAX_DEPTH`,
    never Python's recursion limit.
    """
    ns = f"{{{namespace}}}"
    codes = book.find(f"{ns}Codes")
    specs: list[CodeSpec] = []
    top = [] if codes is None else codes.findall(f"{ns}Code")
    stack: list[tuple[Element, str | None, int]] = [(e, None, 1) for e in reversed(top)]
    while stack:
        element, parent, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValidationError(
                f"编码嵌套超过 {MAX_DEPTH} 层 / Codes nested deeper than {MAX_DEPTH} levels"
            )
        spec = _read_code(element, ns, parent)
        specs.append(spec)
        children = element.findall(f"{ns}Code")
        stack.extend((child, spec.ref, depth + 1) for child in reversed(children))
    check_tree(specs)
    return specs


def _read_code(element: Element, ns: str, parent: str | None) -> CodeSpec:
    guid = normal_guid(element.get("guid"))
    name = element.get("name") or ""
    description = element.findtext(f"{ns}Description")
    definition, extra = read_marked(description or "", "definition", _CODE_KEYS)
    key = extra.pop("key", None)
    key = key if isinstance(key, str) and key else None
    exact_uuid = extra.pop("uuid", None)
    if isinstance(exact_uuid, str) and exact_uuid:
        guid = exact_uuid
    raw: dict[str, Any] = {"name": name, **extra}
    if description is not None:  # no Description: the definition is left as it is
        raw["definition"] = definition
    if element.get("color"):
        raw["color"] = _color(element.get("color"))
    spec = CodeSpec(key, parent, clean_fields(raw, key or guid or name), guid)
    if spec.key is None and spec.uuid is None:
        raise ValidationError(f"编码 {name} 缺少 guid / Code {name} has no guid")
    return spec


def _color(value: str | None) -> str:
    if not value:
        return str(DEFAULTS["color"])
    if len(value) == 4:  # #rgb
        value = "#" + "".join(c * 2 for c in value[1:])
    return value
