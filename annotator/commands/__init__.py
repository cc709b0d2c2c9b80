"""Every mutation of a project, as an undoable command."""

from annotator.commands.annotations import (
    AddAnnotation,
    DeleteAnnotations,
    EditAnnotation,
    ReviewAnnotation,
)
from annotator.commands.base import Command, Stores
from annotator.commands.coders import AddCoder, RenameCoder
from annotator.commands.codes import AddCode, DeleteCode, MoveCode, SetShortcut, UpdateCode
from annotator.commands.documents import AddDocuments, DeleteDocument, UpdateDocument
from annotator.commands.hits import CodeHits
from annotator.commands.recode import FoldAnnotation, MergeCodes, RecodeAnnotations, SplitCode
from annotator.commands.suggestions import AcceptSuggestions, RejectSuggestions

__all__ = [
    "AcceptSuggestions",
    "AddAnnotation",
    "AddCode",
    "AddCoder",
    "AddDocuments",
    "CodeHits",
    "Command",
    "DeleteAnnotations",
    "DeleteCode",
    "DeleteDocument",
    "EditAnnotation",
    "FoldAnnotation",
    "MergeCodes",
    "MoveCode",
    "RecodeAnnotations",
    "RejectSuggestions",
    "RenameCoder",
    "ReviewAnnotation",
    "SetShortcut",
    "SplitCode",
    "Stores",
    "UpdateCode",
    "UpdateDocument",
]
