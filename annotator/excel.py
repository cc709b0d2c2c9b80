"""What every Excel file we write shares: openpyxl without lxml, and safe cells.

openpyxl runs without lxml: with lxml it writes each Chinese character as a
numeric reference, making files 1.5–1.8× larger and writing slower
(limits.md). A text cell that starts like a formula (``= + - @``) is written
as text: articles contain such lines, and a reviewer's Excel must never run
them. Import openpyxl's classes from here, so the setting comes first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

os.environ.setdefault("OPENPYXL_LXML", "False")

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "Font",
    "PatternFill",
    "Workbook",
    "decode_text",
    "encode_text",
    "load_workbook",
    "safe_row",
    "set_cell",
    "write_only_cell",
]

FORMULA_PREFIXES = ("=", "+", "-", "@")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]")
CellValue = str | int | float | bool | None


#: What XML 1.0 (and so a sheet) cannot hold: control characters and U+FFFE/U+FFFF
#: (openpyxl's own pattern misses the last two, and the file then needs "repair").
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: The most characters an Excel cell holds.
CELL_LIMIT = 32_767


def safe_text(value: str) -> str:
    """Characters a sheet cannot store (\\f, \\v, U+FFFF…) become U+FFFD, one for one;
    text longer than a cell holds is cut and ends in "…" (Excel would cut it silently)."""
    value = _ILLEGAL.sub("\ufffd", value)
    return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"


def text_only(value: object) -> bool:
    """True for text Excel would not keep as text: a formula (``= + - @``) or an error
    code such as ``#N/A`` or ``#REF!`` (openpyxl types those as errors)."""
    return isinstance(value, str) and (value.startswith(FORMULA_PREFIXES) or value in ERROR_CODES)


def encode_text(value: str) -> str:
    """Text as Excel stores what a cell cannot hold: ``\r`` and control characters as
    ``_xHHHH_`` (and a literal ``_x…_`` protected as ``_x005F_x…_``), so
    :func:`decode_text` gives back exactly the same text."""
    return _NEEDS_ESCAPE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


def decode_text(value: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)


def _fill(cell: Cell, value: CellValue) -> Cell:
    """Put ``value`` in ``cell``: text made storable, and never taken for a formula."""
    cell.value = safe_text(value) if isinstance(value, str) else value
    if text_only(value):
        cell.data_type = "s"  # a string, never a formula or an error
    return cell


def write_only_cell(sheet: WriteOnlyWorksheet, value: CellValue, *, bold: bool = False) -> Cell:
    cell = _fill(WriteOnlyCell(sheet), value)
    if bold:
        cell.font = Font(bold=True)
    return cell


def set_cell(sheet: Worksheet, row: int, column: int, value: CellValue) -> Cell:
    """Write a value into a normal-mode sheet, never as a formula."""
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell), "never a merged cell: we merge none"
    return _fill(cell, value)


def safe_row(sheet: WriteOnlyWorksheet, values: Iterable[CellValue]) -> list[CellValue | Cell]:
    """A write-only row at the least cost: plain values (openpyxl's fastest path), text
    made storable, and a cell only for text that would start a formula."""
    row: list[CellValue | Cell] = []
    for value in values:
        if value == "":
            value = None  # an empty cell costs nothing
        elif isinstance(value, str) and text_only(safe_text(value)):
            row.append(_fill(WriteOnlyCell(sheet), value))
            continue
        elif isinstance(value, str):
            value = safe_text(value)
        row.append(value)
    return row
