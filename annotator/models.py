"""Typed records of the core.

Rows never leave the storage layer as dicts or tuples: every store returns
these frozen dataclasses, and ids are ``NewType``\\s so that a code id cannot be
passed where an annotation id belongs (the type checker says so).

Offsets (``start``, ``end``) are Python code-point indices into the document's
cleaned text, end-exclusive. They are never UTF-16 units; the text view is the
one place that converts (see :mod:`annotator.offsets`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType

DocumentId = NewType("DocumentId", int)
CodeId = NewType("CodeId", int)
CoderId = NewType("CoderId", int)
AnnotationId = NewType("AnnotationId", int)
ReviewId = NewType("ReviewId", int)

#: Document metadata a user may edit after import (issue 3 fills them in).
DOCUMENT_FIELDS: tuple[str, ...] = (
    "title",
    "author",
    "author_role",
    "source",
    "url",
    "published",
    "date_precision",
    "region",
    "region_code",
    "region_level",
    "script",
    "memo",
)

#: Code fields a user may edit (key and name included: that is "rename").
CODE_FIELDS: tuple[str, ...] = (
    "key",
    "name",
    "name_en",
    "definition",
    "include",
    "exclude",
    "example",
    "keywords",
    "color",
    "shortcut",
    "archived",
    "attributes",
)


@dataclass(frozen=True, slots=True)
class Flag:
    """A place in a document the user must look at; the import never repairs it.

    ``start``/``end`` are code points in the cleaned text; ``(0, 0)`` concerns
    the whole document (conflicting bylines, a near-duplicate).
    """

    kind: str  # "corruption" | "metadata" | "duplicate"
    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Document:
    """A document's metadata; its texts are fetched on demand (they can be large)."""

    id: DocumentId
    uuid: str
    title: str | None
    text_length: int
    text_sha256: str
    author: str | None = None
    author_role: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    date_precision: str | None = None
    region: str | None = None
    region_code: str | None = None
    region_level: str | None = None
    script: str | None = None
    memo: str = ""
    source_path: str | None = None
    imported_at: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)
    flags: tuple[Flag, ...] = ()
    #: The uuid of an earlier document this one nearly repeats (a repost), if any.
    near_duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class NewDocument:
    """What an importer hands to the core: texts plus whatever metadata it found."""

    text: str
    raw_text: str
    title: str | None = None
    source_path: str | None = None
    metadata: Mapping[str, str | None] = field(default_factory=dict)
    attributes: Mapping[str, str] = field(default_factory=dict)
    import_log: tuple[str, ...] = ()
    flags: tuple[Flag, ...] = ()
    #: A bottom-k MinHash sketch of the text, for near-duplicate detection.
    fingerprint: bytes | None = None
    near_duplicate_of: str | None = None
    #: A uuid chosen before storing (exchange formats and merges keep theirs).
    uuid: str | None = None


@dataclass(frozen=True, slots=True)
class Code:
    """One code of the codebook; ``parent_id`` is None for a top-level code."""

    id: CodeId
    uuid: str
    parent_id: CodeId | None
    key: str | None
    name: str
    name_en: str = ""
    definition: str = ""
    include: str = ""
    exclude: str = ""
    example: str = ""
    keywords: tuple[str, ...] = ()
    color: str = "#ffd966"
    shortcut: str = ""
    position: int = 0
    archived: bool = False
    attributes: Mapping[str, str] = field(default_factory=dict)


#: The consensus layer is a coder of its own, the same in every project: the
#: reviewer's final version of the codings, which exports use by default.
CONSENSUS_UUID = "6c0f5e7e-3c55-5a2b-9e53-c0de5e115e05"
CONSENSUS_NAME = "共识 Consensus"


@dataclass(frozen=True, slots=True)
class Coder:
    id: CoderId
    uuid: str
    name: str


@dataclass(frozen=True, slots=True)
class Annotation:
    """A coded span. ``quote`` is ``text[start:end]``, kept to detect any drift."""

    id: AnnotationId
    uuid: str
    document_id: DocumentId
    code_id: CodeId
    coder_id: CoderId
    start: int
    end: int
    quote: str
    memo: str
    created: str
    updated: str
    #: "manual", or "suggestion" when accepted from a keyword suggestion.
    origin: str = "manual"


class ReviewStatus(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    COMMENTED = "commented"


@dataclass(frozen=True, slots=True)
class Review:
    id: ReviewId
    annotation_id: AnnotationId
    reviewer_id: CoderId
    status: ReviewStatus
    comment: str
    created: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One row of the append-only log: what was done, by whom, when."""

    id: int
    time: str
    actor: str
    action: str
    summary: str
    payload: str
