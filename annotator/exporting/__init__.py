"""Exports: the coded dataset as Excel, CSV, JSON, REFI-QDA (.qdpx) or an HTML report.

:func:`export` picks the writer by the file's suffix; every writer takes the
same :class:`ExportOptions` (coders or consensus, review states, documents).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from annotator.errors import ValidationError
from annotator.exporting.dataset import ExportOptions, Progress, collect
from annotator.exporting.xlsx import write_xlsx
from annotator.project import Project

#: The suffixes :func:`export` writes, in the order dialogs offer them.
FORMATS = (".xlsx", ".csv", ".json", ".qdpx", ".html")

__all__ = ["FORMATS", "ExportOptions", "Progress", "export"]


def export(
    project: Project,
    path: Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    *,
    per_document: bool = False,
) -> int:
    """Write ``path`` in the format its suffix names; return the number of codings written.

    A ``.qdpx`` holds every coder's codings unless coders or a layer are chosen:
    the consensus layer alone would drop the coders' work from the exchange.
    ``per_document`` (HTML only): one report per document in the folder ``path``
    names (its suffix dropped), with an index page, instead of one file.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            f"不支持的导出格式 / Cannot export to {suffix or path.name}: {' '.join(FORMATS)}"
        )
    options = options or ExportOptions()
    if suffix == ".qdpx" and options.coder_ids is None and options.layer == "auto":
        options = replace(options, layer="all")  # an exchange carries every coder's work
    data = collect(project, options)
    if suffix == ".xlsx":
        return write_xlsx(data, path, progress)
    if suffix == ".csv":
        from annotator.exporting.flat import write_csv

        return write_csv(data, path, progress)
    if suffix == ".json":
        from annotator.exporting.flat import write_json

        return write_json(data, path, progress)
    if suffix == ".qdpx":
        from annotator.exchange import export_qdpx

        return export_qdpx(
            project, path, documents=data.documents, annotations=data.annotations,
            progress=progress,
        ).codings  # fmt: skip
    from annotator.exporting.html_report import write_html

    return write_html(data, path, per_document=per_document, progress=progress)
