"""One worksheet of an export: a bold frozen header with filters, widths, wrapping,
and rows written fast and safely.

The workbook is write-only (constant memory). A plain value costs openpyxl
least, so only the cells that need it become styled cells: wrapped columns,
fills, number formats, bold, and any text that would start a formula
(``= + - @``), which is written as text (:mod:`annotator.excel`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from contextlib import suppress
from typing import cast

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart._chart import ChartBase
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from annotator.excel import CellValue, Font, PatternFill, Workbook, safe_text, text_only

_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
PERCENT = "0.0%"
_fills: dict[str, PatternFill] = {}


def fill(color: str) -> PatternFill:
    """A solid fill of a ``#rrggbb`` colour (shared: openpyxl stores each style once)."""
    rgb = color.lstrip("#").upper()
    if rgb not in _fills:
        _fills[rgb] = PatternFill("solid", start_color=rgb, end_color=rgb)
    return _fills[rgb]


class Sheet:
    """A write-only worksheet with a header row; call :meth:`finish` after the rows."""

    def __init__(
        self,
        workbook: Workbook,
        title: str,
        headers: Sequence[str],
        widths: Sequence[float],
        *,
        wrap: Collection[int] = (),
        formats: Mapping[int, str] | None = None,
        freeze: str = "B2",
        header_fills: Mapping[int, PatternFill] | None = None,
    ) -> None:
        self._sheet = workbook.create_sheet(title[:31])
        self._wrap = frozenset(wrap)
        self._formats = dict(formats or {})
        self._styled = self._wrap | set(self._formats)
        self._styles: dict[tuple[int, int, bool], StyleArray | None] = {}
        self.width = len(headers)
        for number, width in enumerate(widths, 1):
            self._sheet.column_dimensions[get_column_letter(number)].width = width
        self._sheet.freeze_panes = freeze
        self.rows = 0
        self.append(headers, fills=header_fills, bold=True, plain=True)

    def append(
        self,
        values: Sequence[CellValue],
        *,
        fills: Mapping[int, PatternFill] | None = None,
        bold: bool = False,
        plain: bool = False,
    ) -> None:
        """A row; ``fills`` colours cells by column index, ``plain`` skips wrap and formats."""
        styled = () if plain else self._styled
        row: list[object] = []
        for index, value in enumerate(values):
            if isinstance(value, str):
                value = safe_text(value) if value else None  # an empty cell costs nothing
            shade = fills.get(index) if fills else None
            looks = index in styled and value is not None
            if bold or looks or shade is not None or _formula_like(value):
                row.append(self._cell(index, value, shade, bold, looks))
            else:
                row.append(value)
        self._sheet.append(row)
        self.rows += 1

    def _cell(
        self, index: int, value: CellValue, shade: PatternFill | None, bold: bool, looks: bool
    ) -> Cell:
        """A styled cell. Each distinct style is built once and its style array copied:
        setting fonts and fills one by one costs openpyxl a lookup each (2.5× slower)."""
        cell = WriteOnlyCell(self._sheet, value)
        if _formula_like(value):
            cell.data_type = "s"  # a string, never a formula or an error
        key = (index if looks else -1, id(shade), bold)
        style = self._styles.get(key)
        if style is None:
            if bold:
                cell.font = _BOLD
            if shade is not None:
                cell.fill = shade
            if looks and index in self._wrap:
                cell.alignment = _WRAP
            if looks and index in self._formats:
                cell.number_format = self._formats[index]
            style = self._styles[key] = cell._style  # type: ignore[attr-defined]
        if style is not None:  # None: the default style
            cell._style = StyleArray(style)  # type: ignore[attr-defined]  # not in the stubs
        return cell

    @property
    def reference(self) -> Worksheet:
        """The sheet as chart references name it (only its title is used)."""
        return cast(Worksheet, self._sheet)  # a write-only sheet serves

    def add_chart(self, chart: ChartBase, anchor: str) -> None:
        self._sheet.add_chart(chart, anchor)

    def add_rule(self, cells: str, rule: Rule) -> None:
        """A conditional format (e.g. a colour scale) over ``cells``."""
        self._sheet.conditional_formatting.add(cells, rule)

    def blank(self) -> None:
        self._sheet.append([])
        self.rows += 1

    def finish(self, filter_rows: int | None = None, filter_columns: int | None = None) -> None:
        """Put the filter on the header and the first ``filter_rows`` rows (all by default),
        over the first ``filter_columns`` columns (all by default)."""
        last = self.rows if filter_rows is None else filter_rows + 1
        width = self.width if filter_columns is None else filter_columns
        ref = f"A1:{get_column_letter(max(width, 1))}{max(last, 1)}"
        self._sheet.auto_filter.ref = ref


_formula_like = text_only


def abandon(workbook: Workbook) -> None:
    """Close a write-only workbook that will never be saved (an error or a cancel) and
    remove openpyxl's temporary file of each sheet, which it would keep until exit."""
    for sheet in workbook.worksheets:
        with suppress(Exception):  # a sheet that failed half-way cannot close cleanly
            if not sheet.closed:
                sheet.close()
        writer = getattr(sheet, "_writer", None)  # openpyxl keeps the file name there
        if writer is not None:
            with suppress(OSError, ValueError):
                writer.cleanup()
