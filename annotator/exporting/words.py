"""The 词频 / Word frequency sheet: one row per group and word, ranked."""

from __future__ import annotations

from pathlib import Path

from openpyxl.chart import BarChart, Reference

from annotator.excel import Workbook
from annotator.exporting.sheet import Sheet, abandon
from annotator.files import atomic_output
from annotator.wordfreq import WordCount

_HEADERS = {
    "zh": ("分组", "排名", "词", "频次", "文档数"),
    "en": ("Group", "Rank", "Word", "Count", "Documents"),
}
_SHEET = {"zh": "词频", "en": "Word frequency"}


def add_word_sheet(
    workbook: Workbook, found: dict[str, list[WordCount]], language: str = "zh"
) -> None:
    sheet = Sheet(workbook, _SHEET[language], _HEADERS[language], (14, 6, 16, 8, 8))
    for group, counts in found.items():
        for rank, count in enumerate(counts, 1):
            sheet.append([group, rank, count.word, count.count, count.documents])
    sheet.finish()
    first = next(iter(found.values()), [])
    if first:  # the first group's most frequent words as columns
        _chart(sheet, min(len(first), CHART_WORDS), next(iter(found)), language)


#: Words in the chart, at most.
CHART_WORDS = 20


def _chart(sheet: Sheet, rows: int, group: str, language: str) -> None:
    chart = BarChart()
    chart.type, chart.legend, chart.width, chart.height = "col", None, 24, 9
    chart.title = f"{_SHEET[language]}: {group}"
    chart.add_data(Reference(sheet.reference, min_col=4, min_row=1, max_row=rows + 1),
                   titles_from_data=True)  # fmt: skip
    chart.set_categories(Reference(sheet.reference, min_col=3, min_row=2, max_row=rows + 1))
    sheet.add_chart(chart, "G2")


def export_word_frequencies(
    found: dict[str, list[WordCount]], path: Path, language: str = "zh"
) -> None:
    with atomic_output(path) as temporary:
        workbook = Workbook(write_only=True)
        try:
            add_word_sheet(workbook, found, language)
            workbook.save(temporary)
        except BaseException:
            abandon(workbook)
            raise
