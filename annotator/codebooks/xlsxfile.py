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
    DEFAULTS,
    INFO_FIELDS,
    Codebook,
    CodeSpec,
    check_tree,
    clean_fields,
    split_keywords,
)
from annotator.errors import ValidationError
from annotator.excel import (
    CellValue,
    Font,
    PatternFill,
    Workbook,
    decode_text,
    encode_text,
    load_workbook,
    set_cell,
)
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
    """Long texts keep their spacing and line ends (a round trip gives them back)."""
    return decode_text(value) if isinstance(value, str) else _text(value)


def _boolean(value: object, ref: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).casefold()
    if text in ("", "0", "false", "no", "否", "n"):
        return False
    if text in ("1", "true", "yes", "是", "y"):
        return True
    raise ValidationError(f"编码 {ref} 的“已归档”应为 是/否 / {ref}: archived must be yes or no")


_LONG_TEXTS = ("name", "name_en", "definition", "include", "exclude", "example")


def _spec(
    cells: Mapping[str, object], attributes: Mapping[str, object] | None, row: int
) -> CodeSpec:
    """One row: only the columns the sheet has become fields (None: no attribute columns)."""
    key, uuid = _text(cells.get("key")) or None, _text(cells.get("uuid")) or None
    if key is None and uuid is None:
        raise ValidationError(f"第 {row} 行缺少编码 / Row {row} has no code key")
    ref = key or str(uuid)
    raw: dict[str, Any] = {n: _raw_text(cells[n]) for n in _LONG_TEXTS if n in cells}
    for name in ("shortcut", "color"):
        if name in cells:
            raw[name] = _text(cells[name])
    if not raw.get("color", "x"):
        del raw["color"]  # an empty colour cell: the code keeps (or gets) the default
    if "keywords" in cells:
        raw["keywords"] = split_keywords(_raw_text(cells["keywords"]))
    if "archived" in cells:
        raw["archived"] = _boolean(cells["archived"], ref)
    if attributes is not None:
        raw["attributes"] = {k: _raw_text(v) for k, v in attributes.items()}
    parent = _text(cells.get("parent")) or None
    return CodeSpec(key, parent, clean_fields(raw, ref), uuid, parent_known="parent" in cells)


def tree_order(specs: list[CodeSpec]) -> list[CodeSpec]:
    """Parents before children (depth first), siblings in the order given."""
    refs: set[str] = set()
    for spec in specs:  # a row copied twice: say which key, before the tree is built
        if spec.ref in refs:
            raise ValidationError(f"编码键重复 / Duplicate key {spec.ref}")
        refs.add(spec.ref)
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


#: A codebook sheet larger than this is not a codebook (and would take long to read).
MAX_ROWS = 20_000
ATTRIBUTE_PREFIX = "attr:"


def read_xlsx(path: Path) -> Codebook:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(
            f"无法读取 Excel 编码本 / Cannot read the workbook {path}: {error}"
        ) from error
    try:
        rows = _rows(workbook.worksheets[0])
        sheets = workbook.worksheets
        info = _read_info(_rows(sheets[1])) if len(sheets) > 1 else {}
    finally:
        workbook.close()
    if not rows:
        raise ValidationError("工作表是空的 / The sheet is empty")
    headers = [_raw_text(h).strip() for h in rows[0]]
    columns, attribute_columns = _columns(headers)
    specs = []
    for number, row in enumerate(rows[1:], start=2):
        if all(_text(value) == "" for value in row):
            continue
        cells = {columns[i]: v for i, v in enumerate(row) if i in columns}
        attributes = {name: row[i] for i, name in attribute_columns.items() if i < len(row)}
        specs.append(_spec(cells, attributes if attribute_columns else None, number))
    specs = tree_order(specs)
    check_tree(specs)
    return Codebook(codes=tuple(specs), **{n: info.get(n, "") for n in INFO_FIELDS})


def _rows(sheet: Any) -> list[tuple[object, ...]]:
    """The sheet's rows, as wide as its first row. The stated dimensions are not trusted:
    a tiny file may claim a million rows by 16,384 columns."""
    sheet.reset_dimensions()
    rows: list[tuple[object, ...]] = []
    width = 0
    for row in sheet.iter_rows(values_only=True):
        if not rows:
            width = len(row)
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                f"工作表超过 {MAX_ROWS} 行，不像编码本 / More than {MAX_ROWS} rows: not a codebook"
            )
        rows.append(tuple(row[:width]))
    return rows


def _columns(headers: list[str]) -> tuple[dict[int, str], dict[int, str]]:
    """Which column holds which field, and which hold attributes (by attribute name)."""
    known = _column_names()
    columns: dict[int, str] = {}
    attributes: dict[int, str] = {}
    for index, header in enumerate(headers):
        if header.casefold().startswith(ATTRIBUTE_PREFIX):
            attributes[index] = header[len(ATTRIBUTE_PREFIX) :]
        elif header.casefold() in known and known[header.casefold()] not in columns.values():
            columns[index] = known[header.casefold()]
        elif header:
            attributes[index] = header
    if "key" not in columns.values() and "uuid" not in columns.values():
        raise ValidationError("工作表缺少“编码”列 / The sheet has no key column")
    if "name" not in columns.values():
        raise ValidationError("工作表缺少“名称”列 / The sheet has no name column")
    return columns, attributes


def _read_info(rows: Iterable[tuple[object, ...]]) -> dict[str, str]:
    info = {}
    for row in rows:
        if len(row) >= 2 and _text(row[0]) in INFO_FIELDS:
            info[_text(row[0])] = _raw_text(row[1])
    return info


def write_xlsx(codebook: Codebook, path: Path, language: str = "zh") -> None:
    attribute_names = list(
        dict.fromkeys(a for spec in codebook.codes for a in spec.fields.get("attributes", {}))
    )
    known = _column_names()
    attribute_headers = [
        f"{ATTRIBUTE_PREFIX}{name}" if name.casefold() in known
        or name.casefold().startswith(ATTRIBUTE_PREFIX) else name
        for name in attribute_names
    ]  # fmt: skip
    with atomic_output(path) as temporary:
        workbook = Workbook()
        sheet = workbook.create_sheet(SHEETS[language][0])
        workbook.remove(workbook.worksheets[0])
        for column, header in enumerate([*LABELS[language], *attribute_headers], start=1):
            set_cell(sheet, 1, column, header).font = _BOLD
        for row, spec in enumerate(codebook.codes, start=2):
            values: list[CellValue] = _row(spec, attribute_names)
            for column, value in enumerate(values, start=1):
                set_cell(sheet, row, column, value)
            sheet.cell(row=row, column=COLUMNS.index("color") + 1).fill = _fill(
                spec.fields.get("color", DEFAULTS["color"])
            )
        sheet.freeze_panes = "C2"
        sheet.auto_filter.ref = sheet.dimensions
        for letter, width in zip("ABCDEFGHIJKLM", _WIDTHS, strict=True):
            sheet.column_dimensions[letter].width = width
        about = workbook.create_sheet(SHEETS[language][1])
        for row, name in enumerate(INFO_FIELDS, start=1):
            set_cell(about, row, 1, name)
            set_cell(about, row, 2, encode_text(codebook.info[name]))
        about.column_dimensions["B"].width = 100
        workbook.save(temporary)


def _row(spec: CodeSpec, attribute_names: list[str]) -> list[CellValue]:
    """The cells of one code; texts encoded so that reading gives them back exactly."""
    fields = {**DEFAULTS, **spec.fields}
    texts = [fields[n] for n in _LONG_TEXTS]
    attributes = [fields["attributes"].get(name, "") for name in attribute_names]
    return [
        spec.key, spec.parent, *map(encode_text, texts),
        encode_text("\n".join(fields["keywords"])), fields["color"], fields["shortcut"],
        fields["archived"], spec.uuid, *map(encode_text, attributes),
    ]  # fmt: skip


def _fill(color: str) -> PatternFill:
    return PatternFill("solid", fgColor=color.lstrip("#").upper())


_BOLD = Font(bold=True)
