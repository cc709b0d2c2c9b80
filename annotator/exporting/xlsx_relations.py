"""Sheets of codes that go together: 共现 / Co-occurrence (a code × code matrix of
sentences shared, shaded as a heat map) and 举措×机制 / Measures × mechanisms
(written when the codebook has top-level codes M and J), plus the bar chart of
the frequencies sheet. Figures come from :mod:`annotator.codestats`."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter

from annotator.codestats import count_co_occurrence, count_pairs, families
from annotator.excel import Workbook
from annotator.exporting.dataset import Dataset
from annotator.exporting.sheet import Sheet, fill

SHEETS = {
    "zh": ("共现", "举措×机制"),
    "en": ("Co-occurrence", "Measures × mechanisms"),
}
_PAIRS = {
    "zh": ("举措", "举措名称", "机制", "机制名称", "共现句数", "单元编号"),
    "en": ("Measure", "Measure name", "Mechanism", "Mechanism name", "Sentences", "Units"),
}
_CORNER = {"zh": "同句共现", "en": "Same sentence"}
_HEAT = ColorScaleRule(  # type: ignore[no-untyped-call]  # not typed in the stubs
    start_type="num", start_value=0, start_color="FFFFFF", end_type="max", end_color="F8696B"
)


def add_cooccurrence(workbook: Workbook, data: Dataset) -> None:
    """Codes used × codes used: sentences holding codings of both; the diagonal empty."""
    language = data.options.language
    counts = count_co_occurrence(data.annotations, data.text, "sentence")
    used = {a.code_id for a in data.annotations}
    codes = [code for code in data.codes if code.id in used]
    headers = [_CORNER[language], *(code.key or code.name for code in codes)]
    sheet = Sheet(
        workbook, SHEETS[language][0], headers, [14, *([7] * len(codes))],
        header_fills={i + 1: fill(code.color) for i, code in enumerate(codes)},
    )  # fmt: skip
    for row_code in codes:
        cells = [
            None if other.id == row_code.id
            else counts[min(row_code.id, other.id), max(row_code.id, other.id)]
            for other in codes
        ]  # fmt: skip
        sheet.append([row_code.key or row_code.name, *cells], fills={0: fill(row_code.color)})
    sheet.finish()
    if codes:
        corner = f"B2:{get_column_letter(len(codes) + 1)}{len(codes) + 1}"
        sheet.add_rule(corner, _HEAT)


def add_pairs(workbook: Workbook, data: Dataset, first: str = "M", second: str = "J") -> bool:
    """The pair table, if the codebook has both top-level codes; True if written."""
    tops = {code.key for code in data.codes if code.parent_id is None}
    if first not in tops or second not in tops:
        return False
    language = data.options.language
    family = families(data.codes, first, second)
    rows = count_pairs(data.annotations, data.text, data.numbers, family, first, second)
    sheet = Sheet(workbook, SHEETS[language][1], _PAIRS[language], (8, 20, 8, 20, 9, 40), wrap=(5,))
    for row in rows:
        a, b = data.code_by_id[row.first], data.code_by_id[row.second]
        sheet.append(
            [a.key or "", a.name, b.key or "", b.name, row.sentences, ", ".join(row.units)],
            fills={0: fill(a.color), 2: fill(b.color)},
        )
    sheet.finish()
    return True


def frequency_chart(sheet: Sheet, rows: int, title: str) -> None:
    """A bar chart of the frequencies sheet's chart columns (L: code, M: references)."""
    chart = BarChart()
    chart.type, chart.title, chart.legend = "bar", title, None
    chart.height, chart.width = max(7.5, rows * 0.45), 16
    values = Reference(sheet.reference, min_col=13, min_row=1, max_row=rows + 1)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(Reference(sheet.reference, min_col=12, min_row=2, max_row=rows + 1))
    chart.y_axis.majorGridlines = None
    sheet.add_chart(chart, "O2")
