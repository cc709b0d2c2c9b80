"""Turning files into documents.

Issue 2 brings plain UTF-8 text; the full pipeline (encodings, HTML, DOCX, PDF,
cleaning, metadata) grows here as :mod:`annotator.importing` submodules, each
returning a :class:`~annotator.models.NewDocument` or raising
:class:`~annotator.errors.ImportFailedError` for one file.
"""

from annotator.importing.batch import ImportResult, ImportStatus, import_paths

__all__ = ["ImportResult", "ImportStatus", "import_paths"]
