"""The state the cleaning rules pass along: lines, metadata found so far, log, flags."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.models import Flag


@dataclass
class Draft:
    lines: list[str]
    #: Document fields (title, author, published…) found in the text.
    metadata: dict[str, str] = field(default_factory=dict)
    #: Everything else found (editor, tags, channel, interviewee…).
    attributes: dict[str, str] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    #: Index of the first body line when a rule knows it (column restoration).
    body_start: int | None = None
    #: True once paragraphs are final (columns restored): no hard-wrap joining.
    paragraphs_final: bool = False
    #: Metadata problems found before the text is final (become document flags).
    notes: list[str] = field(default_factory=list)
    #: Set when the text was hard-wrapped: says whether a line was cut by the wrap.
    wrap_test: Callable[[str], bool] | None = None

    def drop(self, index: int, reason: str) -> None:
        """Log a line as removed; callers delete it (or blank it) themselves."""
        line = self.lines[index].strip()
        self.log.append(f"removed {reason}: {line[:80]}")
