"""REFI-QDA codebooks (``.qdc``), the exchange format of NVivo, MAXQDA, ATLAS.ti, QualCoder.

A ``.qdc`` code has a name, a colour, a description and a guid, and nests its
sub-codes. Our other fields (key, English name, rules, example, keywords,
shortcut, archived, attributes) ride in the description after the
definition, as one line ``[Annotator] {json}``: other programs show it as
text, and reading it back loses nothing. A code from another program (no such
line) is matched by its guid. The format has no place for the codebook's own
name and help texts; JSON and Excel carry those.

Files are parsed with defusedxml and DTDs refused (no entity expansion, no
external references).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from uuid import NAMESPACE_URL, uuid5
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from annotator import __version__
from annotator.codebooks.model import DEFAULTS, Codebook, CodeSpec, check_tree, clean_fields
from annotator.errors import ValidationError
from annotator.files import write_text_atomically

NAMESPACE = "urn:QDA-XML:codebook:1.0"
_NS = f"{{{NAMESPACE}}}"
MARKER = "[Annotator] "
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Deeper nesting is not a codebook (and would exhaust the parser's recursion).
MAX_DEPTH = 50
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
#: Fields kept in the marker line (the definition is the description's text).
_EXTRA = tuple(name for name in DEFAULTS if name not in ("definition", "color"))


# -- writing -------------------------------------------------------------------
def codebook_to_qdc(codebook: Codebook) -> str:
    if not codebook.codes:
        raise ValidationError("编码本是空的，无法写成 .qdc / An empty codebook cannot be a .qdc")
    ET.register_namespace("", NAMESPACE)
    root = Element(f"{_NS}CodeBook", {"origin": f"Annotator {__version__}"})
    codes = ET.SubElement(root, f"{_NS}Codes")
    parents: dict[str | None, Element] = {None: codes}
    for spec in codebook.codes:
        element = ET.SubElement(parents[spec.parent], f"{_NS}Code", _attributes(spec))
        ET.SubElement(element, f"{_NS}Description").text = _description(spec)
        parents[spec.ref] = element
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")


def _guid(spec: CodeSpec) -> str:
    """The code's uuid if the standard accepts it as a GUID, else one made from it."""
    if spec.uuid is not None and _GUID.match(spec.uuid):
        return spec.uuid
    return str(uuid5(NAMESPACE_URL, f"annotator:code:{spec.uuid or spec.key}"))


def _attributes(spec: CodeSpec) -> dict[str, str]:
    return {
        "guid": _guid(spec),
        "name": _xml_safe(spec.fields["name"]),
        "isCodable": "true",
        "color": spec.fields.get("color", DEFAULTS["color"]),
    }


def _description(spec: CodeSpec) -> str:
    extra: dict[str, Any] = {"key": spec.key}
    if spec.uuid is not None and _guid(spec) != spec.uuid:
        extra["uuid"] = spec.uuid  # not a GUID: kept exactly here
    for name in _EXTRA:
        value = spec.fields.get(name, DEFAULTS[name])
        extra[name] = list(value) if name == "keywords" else value
    definition = spec.fields.get("definition", "")
    for name, text in (("name", spec.fields["name"]), ("definition", definition)):
        if not _survives(text):  # XML would change it: the line carries it exactly
            extra[name] = text
    line = MARKER + json.dumps(extra, ensure_ascii=False, separators=(",", ":"))
    shown = _xml_safe(definition)
    return f"{shown}\n\n{line}" if shown else line


def _survives(text: str) -> bool:
    """True if an XML parser gives ``text`` back unchanged (no CR, no control chars)."""
    return _xml_safe(text) == text and "\r" not in text


def _xml_safe(text: str) -> str:
    """What XML 1.0 can hold: control characters become spaces, CR LF a line feed."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def write_qdc(codebook: Codebook, path: Path) -> None:
    write_text_atomically(path, codebook_to_qdc(codebook) + "\n")


# -- reading -------------------------------------------------------------------
def parse_qdc(data: bytes, name: str = "codebook") -> Codebook:
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ValidationError(f"{name}: 含 DTD 或实体，已拒绝 / declares a DTD or entities") from (
            error
        )
    except (ParseError, LookupError, ValueError) as error:
        raise ValidationError(f"{name}: 不是有效的 XML / not well-formed XML ({error})") from error
    if root.tag != f"{_NS}CodeBook":
        raise ValidationError(f"{name}: 不是 REFI-QDA 编码本 / is not a REFI-QDA codebook")
    codes = root.find(f"{_NS}Codes")
    specs: list[CodeSpec] = []
    for element in [] if codes is None else codes.findall(f"{_NS}Code"):
        _read_code(element, None, specs, 1)
    check_tree(specs)
    return Codebook(name="", codes=tuple(specs))


def _read_code(element: Element, parent: str | None, specs: list[CodeSpec], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValidationError(
            f"编码嵌套超过 {MAX_DEPTH} 层 / Codes nested deeper than {MAX_DEPTH} levels"
        )
    guid = (element.get("guid") or "").strip("{}").lower() or None
    name = element.get("name") or ""
    description = element.findtext(f"{_NS}Description")
    definition, extra = _split_description(description or "")
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
    specs.append(spec)
    for child in element.findall(f"{_NS}Code"):
        _read_code(child, spec.ref, specs, depth + 1)


def _split_description(description: str) -> tuple[str, dict[str, Any]]:
    head, separator, line = description.rpartition(MARKER)
    if not separator or "\n" in line.strip() or not (head == "" or head.endswith("\n\n")):
        return description, {}
    try:
        extra = json.loads(line)
    except json.JSONDecodeError:
        return description, {}
    if not isinstance(extra, dict):
        return description, {}
    known = {k: v for k, v in extra.items() if k in (*_EXTRA, "key", "uuid", "name", "definition")}
    if "definition" in known:  # the exact text, which XML could not carry
        head = str(known.pop("definition"))
        return head, known
    return head.removesuffix("\n\n"), known


def _color(value: str | None) -> str:
    if not value:
        return str(DEFAULTS["color"])
    if len(value) == 4:  # #rgb
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


def read_qdc(path: Path) -> Codebook:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(f"无法读取编码本 / Cannot read {path}: {error.strerror}") from error
    return parse_qdc(data, Path(path).name)
