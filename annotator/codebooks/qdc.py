"""REFI-QDA codebooks (``.qdc``), the exchange format of NVivo, MAXQDA, ATLAS.ti, QualCoder.

A ``.qdc`` code has a name, a colour, a description and a guid, and nests its
sub-codes. Our other fields (key, English name, rules, example, keywords,
shortcut, archived, attributes) ride in the description after the
definition, as one line ``[Annotator] {json}``: other programs show it as
text, and reading it back loses nothing. A code from another program (no such
line) is matched by its guid. The format has no place for the codebook's own
name and help texts; JSON and Excel carry those.

The code tree is written and read by :mod:`.refi`, which a project exchange
file (``.qdpx``, :mod:`annotator.exchange`) shares. Files are parsed with
defusedxml and DTDs refused (no entity expansion, no external references).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.etree.ElementTree import Element

from annotator import __version__
from annotator.codebooks.model import Codebook
from annotator.codebooks.refi import parse_xml, read_codes, write_codes
from annotator.errors import ValidationError
from annotator.files import write_text_atomically

NAMESPACE = "urn:QDA-XML:codebook:1.0"
_NS = f"{{{NAMESPACE}}}"


def codebook_to_qdc(codebook: Codebook) -> str:
    if not codebook.codes:
        raise ValidationError("编码本是空的，无法写成 .qdc / An empty codebook cannot be a .qdc")
    ET.register_namespace("", NAMESPACE)
    root = Element(f"{_NS}CodeBook", {"origin": f"Annotator {__version__}"})
    write_codes(root, codebook, NAMESPACE)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")


def write_qdc(codebook: Codebook, path: Path) -> None:
    write_text_atomically(path, codebook_to_qdc(codebook) + "\n")


def parse_qdc(data: bytes, name: str = "codebook") -> Codebook:
    root = parse_xml(data, name)
    if root.tag != f"{_NS}CodeBook":
        raise ValidationError(f"{name}: 不是 REFI-QDA 编码本 / is not a REFI-QDA codebook")
    return Codebook(name="", codes=tuple(read_codes(root, NAMESPACE)))


def read_qdc(path: Path) -> Codebook:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(f"无法读取编码本 / Cannot read {path}: {error.strerror}") from error
    return parse_qdc(data, Path(path).name)
