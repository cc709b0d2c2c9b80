"""The list sheets of the workbook: 编码明细 / Segments, 文档 / Documents, 编码本 / Codebook."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter

from annotator.excel import Workbook
from annotator.exporting import labels
from annotator.exporting.dataset import Dataset
from annotator.exporting.rows import row_values, segment_rows
from annotator.exporting.sheet import Sheet, fill
from annotator.exporting.tables import depths
from annotator.models import DOCUMENT_FIELDS, CodeId

#: Told every 1,000 rows how many are written (it may raise CancelledError).
Tick = Callable[[int], None]

_SEGMENT_WIDTHS = (8, 7, 28, 14, 11, 12, 6, 11, 8, 16, 16, 40, 30, 30, 7, 7, 10, 24, 9, 10,
                   24, 19, 19, 12, 12)  # fmt: skip
_CODE_COLUMN = 8
#: Wrapped: the quote, memo and comment. Context is short and not wrapped: 185,000
#: fewer styled cells at 100,000 codings (bench/bench_export.py).
_WRAPPED = (11, 17, 20)
assert len(_SEGMENT_WIDTHS) == len(labels.SEGMENTS["zh"])


def add_segments(workbook: Workbook, data: Dataset, tick: Tick) -> int:
    language = data.options.language
    sheet = Sheet(
        workbook,
        labels.SHEETS[language]["segments"],
        labels.SEGMENTS[language],
        _SEGMENT_WIDTHS,
        wrap=_WRAPPED,
        freeze="C2",
    )
    for number, row in enumerate(segment_rows(data), 1):
        sheet.append(row_values(row, language))
        if number % 1000 == 0:
            tick(number)
    sheet.finish()
    _colour_codes(sheet, data)
    return sheet.rows - 1


def _colour_codes(sheet: Sheet, data: Dataset) -> None:
    """Each code cell in its code's colour, by one conditional format per code used
    (matched on the code path beside it) rather than a style per cell: at 100,000
    codings that is 54 rules instead of 100,000 styled cells."""
    key, path = get_column_letter(_CODE_COLUMN + 1), get_column_letter(_CODE_COLUMN + 2)
    used = {a.code_id for a in data.annotations}
    for code in data.codes:
        if code.id in used:
            text = data.paths[code.id].replace('"', '""')
            rule = FormulaRule(formula=[f'${path}2="{text}"'], fill=fill(code.color))  # type: ignore[no-untyped-call]
            sheet.add_rule(f"{key}2:{key}{sheet.rows}", rule)


def add_documents(workbook: Workbook, data: Dataset) -> None:
    language = data.options.language
    tops = [code for code in data.codes if code.parent_id is None]
    own = sorted({name for d in data.documents for name in d.attributes})
    headers = [*labels.DOCUMENTS[language], *(_code_label(c.key, c.name) for c in tops), *own]
    widths = [7, 30, 10, 10, 14, 20, 11, 8, 12, 9, 6, 6, 20, 20, 19, 7, 7]
    sheet = Sheet(
        workbook,
        labels.SHEETS[language]["documents"],
        headers,
        widths + [10] * (len(tops) + len(own)),
        wrap=(1, 12),
    )
    counts = data.counts_by_document
    total = Counter(a.document_id for a in data.annotations)
    for document in data.documents:
        fields = [getattr(document, name) for name in DOCUMENT_FIELDS]
        sheet.append(
            [
                data.numbers[document.id],
                *fields,
                document.source_path,
                document.imported_at,
                document.text_length,
                total[document.id],
                *(counts[document.id][code.id] for code in tops),
                *(document.attributes.get(name, "") for name in own),
            ],
        )
    sheet.finish()


def add_codebook(
    workbook: Workbook, data: Dataset, references: dict[CodeId, tuple[int, int]]
) -> None:
    """Every code with all its fields; ``references`` gives (references, documents)."""
    language = data.options.language
    sheet = Sheet(
        workbook,
        labels.SHEETS[language]["codebook"],
        labels.CODEBOOK[language],
        (8, 16, 18, 18, 8, 5, 40, 30, 30, 30, 20, 9, 6, 6, 16, 8, 8, 12),
        wrap=(6, 7, 8, 9, 10),
    )
    level = depths(data.codes)
    for code in data.codes:
        parent = data.code_by_id[code.parent_id] if code.parent_id is not None else None
        refs, docs = references.get(code.id, (0, 0))
        sheet.append(
            [
                code.key or "",
                data.paths[code.id],
                code.name,
                code.name_en,
                (parent.key or parent.name) if parent else "",
                level[code.id] + 1,
                code.definition,
                code.include,
                code.exclude,
                code.example,
                "、".join(code.keywords),
                code.color,
                code.shortcut,
                labels.WORDS[language]["yes" if code.archived else "no"],
                json.dumps(dict(code.attributes), ensure_ascii=False) if code.attributes else "",
                refs,
                docs,
                code.uuid,
            ],
            fills={0: fill(code.color), 11: fill(code.color)},
        )
    sheet.finish()


def _code_label(key: str | None, name: str) -> str:
    return f"{key} {name}" if key else name
