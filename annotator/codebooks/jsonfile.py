"""The JSON codebook format (``resources/codebooks/README.md``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.codebooks.model import (
    DEFAULTS,
    INFO_FIELDS,
    Codebook,
    CodeSpec,
    check_tree,
    clean_fields,
)
from annotator.errors import ValidationError
from annotator.files import write_text_atomically

FORMAT = "annotator-codebook"
VERSION = 1


def _spec(raw: object, index: int) -> CodeSpec:
    if not isinstance(raw, dict):
        raise ValidationError(f"第 {index + 1} 个编码不是对象 / Code #{index + 1} is not an object")
    key, uuid = raw.get("key"), raw.get("uuid")
    uuid = uuid if isinstance(uuid, str) and uuid else None
    if not (isinstance(key, str) and key.strip()) and uuid is None:
        raise ValidationError(f"第 {index + 1} 个编码缺少 key / Code #{index + 1} has no key")
    key = key.strip() if isinstance(key, str) and key.strip() else None
    parent = raw.get("parent")
    fields = clean_fields(raw, key or str(uuid))
    parent_ref = None if parent in (None, "") else str(parent)
    return CodeSpec(key, parent_ref, fields, uuid, parent_known="parent" in raw)


def parse_codebook(data: object) -> Codebook:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(
            f"不是 Annotator 编码本 / Not an Annotator codebook (expected format {FORMAT!r})"
        )
    if data.get("version") != VERSION:
        raise ValidationError(
            f"不支持的编码本版本 / Unsupported codebook version {data.get('version')}"
        )
    raw_codes = data.get("codes")
    if not isinstance(raw_codes, list):
        raise ValidationError("编码本缺少 codes 列表 / The codebook has no list of codes")
    specs = [_spec(raw, index) for index, raw in enumerate(raw_codes)]
    check_tree(specs)
    info = {name: str(data.get(name, "") or "") for name in INFO_FIELDS}
    return Codebook(codes=tuple(specs), **info)


def read_json(path: Path) -> Codebook:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(
            f"无法读取编码本 / Cannot read the codebook {path}: {error}"
        ) from error
    return parse_codebook(data)


def codebook_to_json(codebook: Codebook) -> dict[str, Any]:
    codes = []
    for spec in codebook.codes:
        entry: dict[str, Any] = {"key": spec.key, "parent": spec.parent, "uuid": spec.uuid}
        entry["name"] = spec.fields["name"]
        for name in DEFAULTS:
            value = spec.fields.get(name, DEFAULTS[name])
            entry[name] = list(value) if name == "keywords" else value
        entry["attributes"] = dict(spec.fields.get("attributes", {}))
        codes.append(entry)
    return {"format": FORMAT, "version": VERSION, **codebook.info, "codes": codes}


def write_json(codebook: Codebook, path: Path) -> None:
    text = json.dumps(codebook_to_json(codebook), ensure_ascii=False, indent=2)
    write_text_atomically(path, text + "\n")
