"""Code points ⇄ UTF-16 code units, the one conversion between the core and Qt.

The core measures offsets in Python code points. Qt's text classes count UTF-16
units, in which every character outside the Basic Multilingual Plane (rare
CJK characters in Extension B such as 𠮷, emoji) takes two. Converting with
an :class:`OffsetMap` built once per document costs O(log n) per offset; a
text with no such characters converts with no work at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

#: Characters outside the Basic Multilingual Plane (found in C, not char by char).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts offsets for one text in both directions."""

    def __init__(self, text: str) -> None:
        #: Code-point indices of the characters that take two UTF-16 units.
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        #: Their UTF-16 indices (each is shifted by the astral characters before it).
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    def to_utf16(self, codepoint: int) -> int:
        """The UTF-16 index of code-point index ``codepoint`` (0 ≤ it ≤ length)."""
        if not 0 <= codepoint <= self.length:
            raise ValueError(f"offset {codepoint} outside 0..{self.length}")
        if not self._astral:  # most texts: the two units agree
            return codepoint
        return codepoint + bisect_left(self._astral, codepoint)

    def to_codepoint(self, utf16: int) -> int:
        """The code-point index at UTF-16 index ``utf16``.

        An index inside a surrogate pair (never a valid caret position in Qt)
        rounds down to the start of its character.
        """
        if not 0 <= utf16 <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {utf16} outside 0..{self.utf16_length}")
        # Every astral character that starts before ``utf16`` adds one unit; for a
        # low surrogate the same count lands on the start of its own character.
        return utf16 - bisect_right(self._astral_utf16, utf16 - 1)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class ViewOffsets:
    """Code points ⇄ positions in the text as the view shows it.

    The view shows each paragraph break as a blank line (``\\n`` → ``\\n\\n``):
    Qt's fast plain-text widget has no paragraph spacing, and paragraphs must
    be told apart. The extra line exists only on screen; every offset the view
    hands out or takes is converted here, with the UTF-16 units of
    :class:`OffsetMap`, so stored offsets never see it. A position on a blank
    line belongs to the start of the next paragraph.
    """

    def __init__(self, text: str, *, spaced: bool = True) -> None:
        self._map = OffsetMap(text)
        self.display = text.replace("\n", "\n\n") if spaced else text
        self._breaks = [m.start() for m in re.finditer("\n", text)] if spaced else []
        #: View positions of the inserted blank lines.
        self._inserted = [self._map.to_utf16(k) + 1 + n for n, k in enumerate(self._breaks)]
        self.length = self._map.length
        self.view_length = self._map.utf16_length + len(self._breaks)

    def to_view(self, codepoint: int) -> int:
        return self._map.to_utf16(codepoint) + bisect_left(self._breaks, codepoint)

    def to_codepoint(self, view: int) -> int:
        view = max(0, min(view, self.view_length))
        return self._map.to_codepoint(view - bisect_left(self._inserted, view))
