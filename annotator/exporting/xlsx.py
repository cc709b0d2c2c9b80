"""The Excel workbook. Issue 2 writes its first sheet, the coded segments.

openpyxl runs in write-only mode (constant memory); cells are written safely
(no formulas, no lxml bloat) by :mod:`annotator.excel`.
"""

from __future__ import annotations

from dataclasses import astuple, fields
from pathlib import Path

from annotator.excel import Workbook
from annotator.excel import write_only_cell as _cell
from annotator.exporting.rows import SegmentRow, exported_coder, segment_rows
from annotator.files import atomic_output
from annotator.project import Project

SEGMENT_HEADERS = {
    "zh": ("标注ID", "标注UUID", "文档ID", "文档标题", "编码", "编码路径", "编码名称", "引文",
           "起始", "结束", "编码员", "备忘", "创建时间", "修改时间"),
    "en": ("Annotation ID", "Annotation UUID", "Document ID", "Document title", "Code",
           "Code path", "Code name", "Quote", "Start", "End", "Coder", "Memo", "Created",
           "Updated"),
}  # fmt: skip
SHEET_NAMES = {"zh": "编码明细", "en": "Segments"}
assert all(len(h) == len(fields(SegmentRow)) for h in SEGMENT_HEADERS.values())


def write_segments_workbook(rows: list[SegmentRow], path: Path, language: str = "zh") -> None:
    with atomic_output(path) as temporary:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(SHEET_NAMES[language])
        sheet.freeze_panes = "A2"
        sheet.append([_cell(sheet, header, bold=True) for header in SEGMENT_HEADERS[language]])
        for row in rows:
            sheet.append([_cell(sheet, value) for value in astuple(row)])
        workbook.save(temporary)


def export_xlsx(project: Project, path: Path, language: str = "zh", layer: str = "auto") -> int:
    """Write the workbook; return the number of segment rows.

    ``layer``: whose codings (see :func:`~annotator.exporting.rows.exported_coder`).
    """
    rows = segment_rows(project, exported_coder(project, layer))
    write_segments_workbook(rows, path, language)
    return len(rows)
