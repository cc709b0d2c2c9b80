"""The 信度 / Agreement and 分歧 / Disagreements sheets.

The first is the reliability report (one row per code, the overall row last,
flagged rows filled red); undefined figures are empty cells, never NaN. The
second lists every cluster the coders disagree on, for adjudication.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from annotator.agreement.disagreements import Cluster, Kind
from annotator.agreement.report import ReliabilityReport, ReliabilityRow
from annotator.excel import CellValue, PatternFill, Workbook, safe_row, write_only_cell
from annotator.files import atomic_output
from annotator.models import DocumentId
from annotator.project import Project

SHEETS = {"zh": ("信度", "分歧"), "en": ("Agreement", "Disagreements")}
_FLAG = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
_TWO = {
    "zh": ("编码", "名称", "N", "双方", "仅{0}", "仅{1}", "均无", "百分比一致", "Cohen κ",
           "Holsti CR", "Krippendorff α", "低于阈值"),
    "en": ("Code", "Name", "N", "Both", "{0} only", "{1} only", "Neither", "Percent agreement",
           "Cohen's κ", "Holsti's CR", "Krippendorff's α", "Below threshold"),
}  # fmt: skip
_MANY = {
    "zh": ("编码", "名称", "N", "Krippendorff α", "平均 Holsti K̄", "R", "低于阈值"),
    "en": ("Code", "Name", "N", "Krippendorff's α", "Mean Holsti K̄", "R", "Below threshold"),
}
_KINDS = {
    "zh": {Kind.BOUNDS: "范围不同", Kind.MISSING: "有人未编", Kind.AGREE: "一致"},
    "en": {Kind.BOUNDS: "bounds differ", Kind.MISSING: "not coded by all", Kind.AGREE: "agree"},
}
_DISAGREEMENT = {
    "zh": ("文档ID", "文档标题", "编码", "名称", "分歧", "起始", "结束", "文字"),
    "en": ("Document ID", "Document title", "Code", "Name", "Disagreement", "Start", "End",
           "Text"),
}  # fmt: skip
_CONSENSUS = {"zh": "共识", "en": "Consensus"}
_YES = {"zh": ("是", "否"), "en": ("yes", "no")}


def _header(sheet: WriteOnlyWorksheet, titles: Sequence[str]) -> None:
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{_column(len(titles))}1"  # type: ignore[attr-defined]  # not in the stubs
    sheet.append([write_only_cell(sheet, title, bold=True) for title in titles])


def _column(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(number))


def _values(row: ReliabilityRow, many: bool, yes_no: tuple[str, str]) -> list[CellValue]:
    flag = yes_no[0] if row.below_threshold else ""
    if many:
        return [row.key, row.name, row.n, row.alpha, row.mean_holsti, row.reliability, flag]
    t = row.table
    return [
        row.key, row.name, row.n, t.both, t.first_only, t.second_only, t.neither,
        row.percent, row.kappa, row.holsti, row.alpha, flag,
    ]  # fmt: skip


def add_agreement_sheet(workbook: Workbook, report: ReliabilityReport, language: str) -> None:
    many = len(report.coders) > 2
    sheet = workbook.create_sheet(SHEETS[language][0])
    titles = _MANY[language] if many else _TWO[language]
    _header(sheet, [t.format(*report.coders[:2]) for t in titles])
    for row in report.rows:
        cells = [write_only_cell(sheet, v) for v in _values(row, many, _YES[language])]
        if row.below_threshold:
            for cell in cells:
                cell.fill = _FLAG
        sheet.append(cells)
    if many:  # every pair's κ and Holsti, per code, below the table
        sheet.append([])
        pairs = [f"{a}–{b}" for a, b in report.pair_names]
        sheet.append([write_only_cell(sheet, v, bold=True) for v in ["", "κ / CR", *pairs]])
        for row in report.rows:
            figures = [f"{_fmt(t.kappa().kappa)} / {_fmt(t.holsti())}" for t in row.pairs]
            sheet.append([write_only_cell(sheet, v) for v in [row.key, row.name, *figures]])


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def add_disagreement_sheet(
    workbook: Workbook,
    project: Project,
    found: Sequence[Cluster],
    language: str,
) -> None:
    sheet = workbook.create_sheet(SHEETS[language][1])
    coders = {c.id: c.name for c in project.coders()}
    compared = list(found[0].members) if found else []
    _header(sheet, [*_DISAGREEMENT[language], *(coders[c] for c in compared), _CONSENSUS[language]])
    codes = {code.id: code for code in project.codes()}
    titles = {d.id: d.title or "" for d in project.documents()}
    yes, no = _YES[language]
    texts: dict[DocumentId, str] = {}
    for cluster in found:
        if cluster.document_id not in texts:
            texts[cluster.document_id] = project.text(cluster.document_id)
        code, text = codes[cluster.code_id], texts[cluster.document_id]
        spans = ["; ".join(f"[{a.start}, {a.end})" for a in cluster.members[c]) for c in compared]
        values: list[CellValue] = [
            cluster.document_id, titles[cluster.document_id], code.key or "", code.name,
            _KINDS[language][cluster.kind], cluster.start, cluster.end,
            text[cluster.start : cluster.end], *spans, yes if cluster.consensus else no,
        ]  # fmt: skip
        sheet.append(safe_row(sheet, values))


def export_reliability(
    project: Project,
    report: ReliabilityReport,
    found: Sequence[Cluster],
    path: Path,
    language: str = "zh",
) -> None:
    """A workbook with the two sheets (written to a temporary file, then renamed)."""
    with atomic_output(path) as temporary:
        workbook = Workbook(write_only=True)
        add_agreement_sheet(workbook, report, language)
        add_disagreement_sheet(workbook, project, found, language)
        workbook.save(temporary)
