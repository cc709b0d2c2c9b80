"""The Excel workbook: the coded dataset as papers and analysis need it.

Sheets (names in the chosen language): 编码明细 / Segments, 文档 / Documents,
编码本 / Codebook, 频数 / Frequencies, 文档×编码 (counts and 0/1), 交叉表 /
Cross-tab, and, when two or more coders coded the chosen documents, 信度 /
Agreement and 分歧 / Disagreements. Agreement is measured on the coders' own
codings (sentence units), whatever layer or review states the other sheets
show: reliability describes the coding, not the adjudicated result.

openpyxl runs in write-only mode (constant memory), without lxml, and every
cell is safe (:mod:`annotator.excel`, :mod:`.sheet`). The file is written
to a temporary name and renamed, so a failure or a cancel leaves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.agreement.disagreements import compare, disagreements
from annotator.agreement.report import reliability_report
from annotator.excel import Workbook
from annotator.exporting.dataset import Dataset, ExportOptions, Progress, collect
from annotator.exporting.reliability import add_agreement_sheet, add_disagreement_sheet
from annotator.exporting.sheet import abandon
from annotator.exporting.tables import frequencies
from annotator.exporting.xlsx_relations import add_cooccurrence, add_pairs
from annotator.exporting.xlsx_sheets import add_codebook, add_documents, add_segments
from annotator.exporting.xlsx_tables import add_crosstab, add_frequencies, add_matrix
from annotator.files import atomic_output
from annotator.models import CoderId
from annotator.project import Project

AGREEMENT_UNIT = "sentence"
#: Sheets after the segments, each a step of the bar (the agreement part: three).
_SUMMARY_STEPS = 11


def export_xlsx(
    project: Project,
    path: Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the workbook; return the number of segment rows."""
    return write_xlsx(collect(project, options), path, progress)


def write_xlsx(data: Dataset, path: Path, progress: Progress | None = None) -> int:
    report = progress or _silent
    total = len(data.annotations) + _SUMMARY_STEPS
    with atomic_output(path) as temporary:
        workbook = Workbook(write_only=True)
        try:
            rows = _write_sheets(workbook, data, report)
            workbook.save(temporary)
        except BaseException:
            abandon(workbook)
            raise
        report(total, total)
    return rows


def _write_sheets(workbook: Workbook, data: Dataset, report: Progress) -> int:
    total = len(data.annotations) + _SUMMARY_STEPS
    rows = add_segments(workbook, data, lambda done: report(done, total))
    done = len(data.annotations)
    add_documents(workbook, data)
    counted = frequencies(data)
    add_codebook(workbook, data, {r.code.id: (r.references, r.documents) for r in counted})
    report(done := done + 1, total)
    add_frequencies(workbook, data, counted)
    report(done := done + 1, total)
    for binary in (False, True):
        add_matrix(workbook, data, binary=binary)
        report(done := done + 1, total)
    add_crosstab(workbook, data)
    report(done := done + 1, total)
    add_cooccurrence(workbook, data)
    add_pairs(workbook, data)
    report(done := done + 2, total)
    _add_agreement(workbook, data, lambda step: report(done + step, total))
    return rows


def _silent(done: int, total: int) -> None:
    del done, total


def agreement_coders(data: Dataset) -> list[CoderId]:
    """The coders whose codings are compared: the chosen ones (or all), without the
    consensus layer, that coded at least one of the chosen documents."""
    from annotator.teamwork.consensus import consensus_id

    layer = consensus_id(data.project.stores)
    chosen = data.options.coder_ids
    coded = {a.coder_id for a in data.everything}
    return [c for c in data.coders if c in coded and c != layer and (chosen is None or c in chosen)]


def _add_agreement(workbook: Workbook, data: Dataset, step: Callable[[int], None]) -> None:
    coders = agreement_coders(data)
    if len(coders) < 2:
        return
    documents = [d.id for d in data.documents]
    names = [data.coders[c] for c in coders]
    report = reliability_report(data.project, names, AGREEMENT_UNIT, documents)
    language = data.options.language
    add_agreement_sheet(workbook, report, language)
    step(1)
    found = disagreements(compare(data.project, coders, documents, data.everything))
    step(2)
    add_disagreement_sheet(workbook, data.project, found, language)
    step(3)
