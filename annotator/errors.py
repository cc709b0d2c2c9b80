"""Errors the core raises on purpose.

Every error a user can cause derives from :class:`AnnotatorError`, carries a
message fit to show as it is (Chinese and English), and leaves the project as
it was. Anything else that escapes the core is a bug.
"""


class AnnotatorError(Exception):
    """Base class: an expected failure with a message for the user."""


class ProjectError(AnnotatorError):
    """A project file cannot be created or opened."""


class NotAProjectError(ProjectError):
    """The file is not an Annotator project (or not a SQLite file at all)."""


class SchemaTooNewError(ProjectError):
    """The file was written by a newer Annotator than this one."""


class ProjectLockedError(ProjectError):
    """Another program has the project open."""


class ReadOnlyProjectError(ProjectError):
    """The project was opened read-only (its file or folder cannot be written)."""


class DamagedProjectError(ProjectError):
    """A project file is damaged (SQLite reports a malformed database)."""

    #: The damaged file, when known (a merge may meet a colleague's file, not ours).
    path: object = None


class SaveFailedError(ProjectError):
    """An action could not be written (disk full, I/O error); the project is unchanged."""


class NoProjectError(ProjectError):
    """An action needs an open project and none is open."""


class ProjectExistsError(ProjectError):
    """``create`` was asked to overwrite an existing file."""


class NotFoundError(AnnotatorError):
    """A document, code, coder or annotation that the caller named does not exist."""


class ValidationError(AnnotatorError):
    """Input that breaks a rule: offsets out of range, a duplicate key, a bad colour…"""


class NothingToUndoError(AnnotatorError):
    """Undo or redo was asked for with an empty stack."""


class WriteFailedError(AnnotatorError):
    """An output file (export, codebook) could not be written; nothing half-written is left."""


class ImportFailedError(AnnotatorError):
    """A file could not be imported; nothing of it was stored."""


class CancelledError(AnnotatorError):
    """The user stopped a long task; nothing was written."""
