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


def _attributes(spec: CodeSpec) -> dict[str, str]:
    return {
        "guid": spec.uuid or str(uuid5(NAMESPACE_URL, f"annotator:code:{spec.key}")),
        "name": spec.fields["name"],
        "isCodable": "true",
        "color": spec.fields["color"],
    }


def _description(spec: CodeSpec) -> str:
    extra: dict[str, Any] = {"key": spec.key}
    for name in _EXTRA:
        value = spec.fields.get(name, DEFAULTS[name])
        extra[name] = list(value) if name == "keywords" else value
    line = MARKER + json.dumps(extra, ensure_ascii=False, separators=(",", ":"))
    definition = spec.fields.get("definition", "")
    return f"{definition}\n\n{line}" if definition else line


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
        _read_code(element, None, specs)
    check_tree(specs)
    return Codebook(name="", codes=tuple(specs))


def _read_code(element: Element, parent: str | None, specs: list[CodeSpec]) -> None:
    guid = (element.get("guid") or "").strip("{}").lower() or None
    name = element.get("name") or ""
    description = element.findtext(f"{_NS}Description") or ""
    definition, extra = _split_description(description)
    key = extra.pop("key", None)
    key = key if isinstance(key, str) and key else None
    raw = {"name": name, "definition": definition, "color": _color(element.get("color")), **extra}
    spec = CodeSpec(key, parent, clean_fields(raw, key or guid or name), guid)
    if spec.key is None and spec.uuid is None:
        raise ValidationError(f"编码 {name} 缺少 guid / Code {name} has no guid")
    specs.append(spec)
    for child in element.findall(f"{_NS}Code"):
        _read_code(child, spec.ref, specs)


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
    known = {k: v for k, v in extra.items() if k in (*_EXTRA, "key")}
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
