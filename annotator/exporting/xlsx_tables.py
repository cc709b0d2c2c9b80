"""The table sheets of the workbook: 频数 / Frequencies, 文档×编码 / Document × code
(counts and 0/1) and 交叉表 / Cross-tab. Figures come from :mod:`.tables`."""

from __future__ import annotations

from annotator.excel import CellValue, PatternFill, Workbook
from annotator.exporting import labels
from annotator.exporting.dataset import Dataset
from annotator.exporting.sheet import PERCENT, Sheet, fill
from annotator.exporting.tables import CrossTab, FrequencyRow, cross_tab
from annotator.exporting.xlsx_relations import frequency_chart

_SUBTOTAL = PatternFill("solid", start_color="EDEDED", end_color="EDEDED")
_INDENT = "  "


def add_frequencies(workbook: Workbook, data: Dataset, rows: list[FrequencyRow]) -> None:
    """One row per code in tree order; a code with sub-codes is their bold subtotal."""
    language = data.options.language
    words = labels.WORDS[language]
    headers = labels.FREQUENCIES[language]
    sheet = Sheet(
        workbook,
        labels.SHEETS[language]["frequencies"],
        [*headers, "", *labels.CHART[language]],  # the chart's own columns, L and M
        (8, 16, 26, 5, 8, 8, 8, 9, 9, 40, 3, 8, 8),
        wrap=(9,),
        formats={7: PERCENT, 8: PERCENT},
    )
    charted = _charted(rows)
    for index, row in enumerate(rows):
        name = _INDENT * row.depth + row.code.name
        if row.subtotal:
            name = f"{name} ({words['subtotal']})"
        fills = {0: fill(row.code.color)}
        if row.subtotal:
            fills.update({i: _SUBTOTAL for i in range(1, 9)})
        values: list[CellValue] = [
            row.code.key or "", data.paths[row.code.id], name, row.depth + 1, row.references,
            row.own, row.documents, row.share, row.share_of_parent, row.units,
        ]  # fmt: skip
        if index < len(charted):
            values += [None, charted[index].code.key or charted[index].code.name,
                       charted[index].references]  # fmt: skip
        sheet.append(values, fills=fills, bold=row.subtotal)
    total = len(data.annotations)
    documents = len({a.document_id for a in data.annotations})
    sheet.append(
        [words["total"], "", "", "", total, total, documents, 1.0 if total else None],
        bold=True,
    )
    sheet.finish(filter_rows=len(rows), filter_columns=len(headers))
    if charted:
        frequency_chart(sheet, len(charted), labels.WORDS[language]["counts"])


#: Codes in the frequency chart, at most: more bars cannot be read.
CHART_CODES = 30


def _charted(rows: list[FrequencyRow]) -> list[FrequencyRow]:
    """The codes the chart shows: those without sub-codes that were used, most first
    (Excel draws a bar chart's first category at the bottom, so it is reversed)."""
    used = sorted((r for r in rows if not r.subtotal and r.references), key=lambda r: -r.references)
    return used[:CHART_CODES][::-1]


def add_matrix(workbook: Workbook, data: Dataset, *, binary: bool) -> None:
    """Documents × codes: references (sub-codes included), or 1 where a code occurs."""
    language = data.options.language
    words = labels.WORDS[language]
    headers = [words["document"], words["title"], *(c.key or c.name for c in data.codes)]
    sheet = Sheet(
        workbook,
        labels.SHEETS[language]["binary" if binary else "matrix"],
        headers,
        [7, 30, *([7] * len(data.codes))],
        freeze="C2",
        header_fills={2 + i: fill(code.color) for i, code in enumerate(data.codes)},
    )
    counts = data.counts_by_document
    for document in data.documents:
        found = counts[document.id]
        cells = [min(found[c.id], 1) if binary else found[c.id] for c in data.codes]
        sheet.append([data.numbers[document.id], document.title or "", *cells])
    sheet.finish()


def add_crosstab(workbook: Workbook, data: Dataset) -> CrossTab:
    """Codes × values of the chosen attribute: references, then row percentages."""
    language = data.options.language
    words = labels.WORDS[language]
    table = cross_tab(data, data.options.attribute)
    values = [value or words["none"] for value in table.values]
    attribute = labels.attribute_name(data.options.attribute, language)
    n = len(values)
    headers = [words["code"], words["name"], *values, words["total"], "",
               *(f"{v} %" for v in values)]  # fmt: skip
    sheet = Sheet(
        workbook,
        labels.SHEETS[language]["crosstab"],
        [f"{headers[0]} \\ {attribute}", *headers[1:]],
        [10, 26, *([9] * (n + 1)), 3, *([9] * n)],
        formats={4 + n + i: PERCENT for i in range(n)},  # after the total and a gap,
        freeze="C2",
    )
    for code in data.codes:
        counts = table.counts[code.id]
        shares = [table.row_share(code.id, v) for v in table.values]
        bold = code.parent_id is None
        sheet.append(
            [
                code.key or "",
                code.name,
                *(counts[v] for v in table.values),
                table.total(code.id),
                None,
                *shares,
            ],
            fills={0: fill(code.color)},
            bold=bold,
        )
    column_totals = [table.column_total(v, data.codes) for v in table.values]
    sheet.append([words["total"], "", *column_totals, sum(column_totals)], bold=True)
    sheet.finish(filter_rows=len(data.codes))
    return table
