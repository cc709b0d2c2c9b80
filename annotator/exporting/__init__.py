"""Exports: the coded dataset as Excel, CSV, JSON, REFI-QDA (.qdpx) or an HTML report.

:func:`export` picks the writer by the file's suffix; every writer takes the
same :class:`ExportOptions` (coders or consensus, review states, documents).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from annotator.errors import ValidationError
from annotator.exporting.dataset import Dataset, ExportOptions, Progress, collect
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
    return _write(suffix, collect(project, options), path, progress, per_document)


def _write(
    suffix: str, data: Dataset, path: Path, progress: Progress | None, per_document: bool
) -> int:
    """The writer of each format (imported when used: the HTML and REFI-QDA writers
    are not needed by most exports)."""
    if suffix == ".xlsx":
        return write_xlsx(data, path, progress)
    if suffix in (".csv", ".json"):
        from annotator.exporting.flat import write_csv, write_json

        return (write_csv if suffix == ".csv" else write_json)(data, path, progress)
    if suffix == ".qdpx":
        from annotator.exchange import export_qdpx

        return export_qdpx(
            data.project, path, documents=data.documents, annotations=data.annotations,
            progress=progress,
        ).codings  # fmt: skip
    from annotator.exporting.html_report import write_html

    return write_html(data, path, per_document=per_document, progress=progress)
