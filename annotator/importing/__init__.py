"""Turning files into documents.

Each reader (:mod:`.plaintext`, :mod:`.html`, :mod:`.docx`, :mod:`.pdf`) turns
one file into a :class:`~annotator.models.NewDocument` or raises
:class:`~annotator.errors.ImportFailedError`; :mod:`.cleaning` removes spam,
navigation and pinyin, :mod:`.bylines` and :mod:`.regions` find metadata, and
:mod:`.prepare` and :mod:`.batch` run the two steps (read and clean for review,
then add to a project) over many files.
"""

from annotator.importing.batch import ImportResult, ImportStatus, import_paths

__all__ = ["ImportResult", "ImportStatus", "import_paths"]
