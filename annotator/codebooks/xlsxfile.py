"""Codebooks as Excel workbooks: one row per code, every field a column.

This is the sheet researchers already keep. Reading is forgiving about the
header: the canonical names (``key``, ``parent``, ``name``…), the Chinese and
English labels we write, and a few common variants are all understood; any
other column becomes a code attribute (e.g. ``RZ``, ``HR``). Rows may come in
any order: parents are put before their children. A second sheet holds the
codebook's name and help texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from annotator.codebooks.model import (
    INFO_FIELDS,
    Codebook,
    CodeSpec,
    check_tree,
    clean_fields,
)
from annotator.errors import ValidationError
from annotator.excel import CellValue, Font, PatternFill, Workbook, load_workbook, set_cell
from annotator.files import atomic_output

COLUMNS = ("key", "parent", "name", "name_en", "definition", "include", "exclude", "example",
           "keywords", "color", "shortcut", "archived", "uuid")  # fmt: skip
LABELS = {
    "zh": ("编码", "上级编码", "名称", "英文名称", "定义", "纳入规则", "排除规则", "示例",
           "关键词", "颜色", "快捷键", "已归档", "UUID"),
    "en": ("Key", "Parent", "Name", "English name", "Definition", "Include", "Exclude",
           "Example", "Keywords", "Colour", "Shortcut", "Archived", "UUID"),
}  # fmt: skip
_VARIANTS = {
    "code": "key", "code_id": "key", "id": "key", "编号": "key", "代码": "key",
    "parent_id": "parent", "上级": "parent", "父编码": "parent",
    "name_zh": "name", "中文名": "name", "中文名称": "name",
    "english": "name_en", "英文名": "name_en",
    "include_rule": "include", "纳入": "include", "exclude_rule": "exclude", "排除": "exclude",
    "example_text": "example", "例句": "example", "color": "color", "归档": "archived",
}  # fmt: skip
_WIDTHS = (8, 8, 22, 28, 50, 30, 30, 30, 40, 10, 8, 8, 38)
SHEETS = {"zh": ("编码本", "说明"), "en": ("Codebook", "About")}
_KEYWORD_SEPARATORS = "、,，;；\n"


def _column_names() -> dict[str, str]:
    names = {name: name for name in COLUMNS}
    for labels in LABELS.values():
        names.update(zip((label.casefold() for label in labels), COLUMNS, strict=True))
    names.update(_VARIANTS)
    return names


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _raw_text(value: object) -> str:
    """Long texts keep their spacing (a round trip gives them back unchanged)."""
    return _text(value) if not isinstance(value, str) else value


def _split_keywords(value: str) -> tuple[str, ...]:
    for separator in _KEYWORD_SEPARATORS[1:]:
        value = value.replace(separator, _KEYWORD_SEPARATORS[0])
    return tuple(k.strip() for k in value.split(_KEYWORD_SEPARATORS[0]) if k.strip())


def _boolean(value: object, ref: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).casefold()
    if text in ("", "0", "false", "no", "否", "n"):
        return False
    if text in ("1", "true", "yes", "是", "y"):
        return True
    raise ValidationError(f"编码 {ref} 的“已归档”应为 是/否 / {ref}: archived must be yes or no")


def _spec(cells: Mapping[str, object], attributes: Mapping[str, object], row: int) -> CodeSpec:
    key, uuid = _text(cells.get("key")) or None, _text(cells.get("uuid")) or None
    if key is None and uuid is None:
        raise ValidationError(f"第 {row} 行缺少编码 / Row {row} has no code key")
    ref = key or str(uuid)
    raw: dict[str, Any] = {
        name: _raw_text(cells.get(name))
        for name in ("name_en", "definition", "include", "exclude", "example")
    }
    raw["name"], raw["shortcut"] = _text(cells.get("name")), _text(cells.get("shortcut"))
    raw["color"] = _text(cells.get("color")) or "#ffd966"
    raw["keywords"] = _split_keywords(_text(cells.get("keywords")))
    raw["archived"] = _boolean(cells.get("archived"), ref)
    raw["attributes"] = {k: _text(v) for k, v in attributes.items() if _text(v)}
    return CodeSpec(key, _text(cells.get("parent")) or None, clean_fields(raw, ref), uuid)


def tree_order(specs: list[CodeSpec]) -> list[CodeSpec]:
    """Parents before children (depth first), siblings in the order given."""
    refs = {spec.ref for spec in specs}
    children: dict[str | None, list[CodeSpec]] = {}
    for spec in specs:
        if spec.parent is not None and spec.parent not in refs:
            raise ValidationError(
                f"编码 {spec.ref} 的上级 {spec.parent} 不存在 / "
                f"The parent {spec.parent} of {spec.ref} is not in the codebook"
            )
        children.setdefault(spec.parent, []).append(spec)
    ordered: list[CodeSpec] = []
    pending = [*reversed(children.get(None, []))]
    while pending:
        spec = pending.pop()
        ordered.append(spec)
        pending.extend(reversed(children.get(spec.ref, [])))
    if len(ordered) != len(specs):
        loop = next(spec.ref for spec in specs if spec not in ordered)
        raise ValidationError(f"编码的上级关系成环 / The parents of {loop} form a loop")
    return ordered


def read_xlsx(path: Path) -> Codebook:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(
            f"无法读取 Excel 编码本 / Cannot read the workbook {path}: {error}"
        ) from error
    try:
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        sheets = workbook.worksheets
        info = _read_info(sheets[1].iter_rows(values_only=True)) if len(sheets) > 1 else {}
    finally:
        workbook.close()
    if not rows:
        raise ValidationError("工作表是空的 / The sheet is empty")
    known = _column_names()
    headers = [_text(h) for h in rows[0]]
    columns = {i: known[h.casefold()] for i, h in enumerate(headers) if h.casefold() in known}
    if "key" not in columns.values() and "uuid" not in columns.values():
        raise ValidationError("工作表缺少“编码”列 / The sheet has no key column")
    if "name" not in columns.values():
        raise ValidationError("工作表缺少“名称”列 / The sheet has no name column")
    specs = []
    for number, row in enumerate(rows[1:], start=2):
        if all(_text(value) == "" for value in row):
            continue
        cells = {columns[i]: v for i, v in enumerate(row) if i in columns}
        attributes = {headers[i]: v for i, v in enumerate(row) if i not in columns and headers[i]}
        specs.append(_spec(cells, attributes, number))
    specs = tree_order(specs)
    check_tree(specs)
    return Codebook(codes=tuple(specs), **{n: info.get(n, "") for n in INFO_FIELDS})


def _read_info(rows: Iterable[tuple[object, ...]]) -> dict[str, str]:
    info = {}
    for row in rows:
        if len(row) >= 2 and _text(row[0]) in INFO_FIELDS:
            info[_text(row[0])] = "" if row[1] is None else str(row[1])
    return info


def write_xlsx(codebook: Codebook, path: Path, language: str = "zh") -> None:
    attribute_names = list(dict.fromkeys(a for s in codebook.codes for a in s.fields["attributes"]))
    with atomic_output(path) as temporary:
        workbook = Workbook()
        sheet = workbook.create_sheet(SHEETS[language][0])
        workbook.remove(workbook.worksheets[0])
        for column, header in enumerate([*LABELS[language], *attribute_names], start=1):
            set_cell(sheet, 1, column, header).font = _BOLD
        for row, spec in enumerate(codebook.codes, start=2):
            values: list[CellValue] = _row(spec, attribute_names)
            for column, value in enumerate(values, start=1):
                set_cell(sheet, row, column, value)
            sheet.cell(row=row, column=COLUMNS.index("color") + 1).fill = _fill(
                spec.fields["color"]
            )
        sheet.freeze_panes = "C2"
        sheet.auto_filter.ref = sheet.dimensions
        for letter, width in zip("ABCDEFGHIJKLM", _WIDTHS, strict=True):
            sheet.column_dimensions[letter].width = width
        about = workbook.create_sheet(SHEETS[language][1])
        for row, name in enumerate(INFO_FIELDS, start=1):
            set_cell(about, row, 1, name)
            set_cell(about, row, 2, codebook.info[name])
        about.column_dimensions["B"].width = 100
        workbook.save(temporary)


def _row(spec: CodeSpec, attribute_names: list[str]) -> list[CellValue]:
    fields = spec.fields
    return [
        spec.key, spec.parent, fields["name"], fields["name_en"], fields["definition"],
        fields["include"], fields["exclude"], fields["example"], "、".join(fields["keywords"]),
        fields["color"], fields["shortcut"], fields["archived"], spec.uuid,
        *(fields["attributes"].get(name, "") for name in attribute_names),
    ]  # fmt: skip


def _fill(color: str) -> PatternFill:
    return PatternFill("solid", fgColor=color.lstrip("#").upper())


_BOLD = Font(bold=True)
