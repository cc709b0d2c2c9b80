"""What the ``.qdpx`` writer and reader agree on: names, GUIDs, times, variables.

Times: REFI-QDA wants ``xsd:dateTime``; we store ISO 8601 in UTC to the
millisecond (``2024-05-01T08:00:00.000+00:00``), which is one, so our own
times go out and come back unchanged. A time from another program is turned
into ours (a time without a zone is taken as UTC); one we cannot read is left
out on writing and replaced by the import time on reading.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import NAMESPACE_URL, uuid5

from annotator.models import DOCUMENT_FIELDS

NAMESPACE = "urn:QDA-XML:project:1.0"
#: The project file inside the archive, and the folder of the source texts.
PROJECT_FILE = "project.qde"
SOURCES_FOLDER = "sources"
INTERNAL = "internal://"
#: Document fields carried as text variables. The title is the source's name
#: and the memo its description; ``source_path`` (the imported file's name) is
#: not editable metadata but worth keeping.
FIELD_VARIABLES: tuple[str, ...] = (
    *(name for name in DOCUMENT_FIELDS if name not in ("title", "memo")),
    "source_path",
)
#: The marker line of a variable that is a free attribute named like a field.
ATTRIBUTE_KEY = "attribute"


def tag(name: str) -> str:
    """An element name in the project namespace."""
    return f"{{{NAMESPACE}}}{name}"


def variable_guid(kind: str, name: str) -> str:
    """The same variable gets the same GUID in every export (``kind``: field or attribute)."""
    return str(uuid5(NAMESPACE_URL, f"annotator:variable:{kind}:{name}"))


def coding_guid(selection_guid: str) -> str:
    """The ``<Coding>`` inside a selection needs a GUID of its own; it follows the selection's."""
    return str(uuid5(NAMESPACE_URL, f"annotator:coding:{selection_guid}"))


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def xsd_datetime(value: str | None) -> str | None:
    """``value`` as ``xsd:dateTime`` (our stored times already are), or None."""
    parsed = _parse(value)
    return None if parsed is None else parsed.isoformat(timespec="milliseconds")


def stored_time(value: str | None) -> str | None:
    """A file's ``xsd:dateTime`` as we store times (UTC, milliseconds), or None."""
    parsed = _parse(value)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="milliseconds")
