"""Finding text the way researchers mean it: 乡村 finds 鄉村, 村两委 finds 村“两委”.

Both the text and the query are normalised the same way: traditional
characters to simplified (one for one), quote marks dropped, and spaces
between a Chinese character and a Latin letter or digit dropped (建立 82 人
finds 建立82人). Hits are mapped back to the original text's offsets, so a
hit is always a span of the document itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.shadow import to_simplified

QUOTES = frozenset("“”「」『』‘’\"'")


@dataclass(frozen=True)
class Normalised:
    text: str
    #: ``origin[i]`` is the original index of ``text[i]``.
    origin: list[int]


#: Han characters: the unified ideographs, extension A, the compatibility block and
#: the supplementary planes (extension B on, e.g. 𠮷).
HAN = r"\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: What normalising drops: quote marks, and a space between a Chinese character and
#: an ASCII letter or digit (either order), judged on the simplified text.
_DROPPED = re.compile(
    "[" + re.escape("".join(sorted(QUOTES))) + "]"
    rf"|(?<=[{HAN}]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[{HAN}])"
)


def dropped(shadow: str) -> list[int]:
    """The offsets of the characters normalising drops from a simplified text."""
    return [match.start() for match in _DROPPED.finditer(shadow)]


def squeeze(shadow: str) -> str:
    """A simplified text without what normalising drops."""
    return _DROPPED.sub("", shadow)


def normalise(text: str) -> Normalised:
    shadow = to_simplified(text)
    removed = dropped(shadow)
    if not removed:
        return Normalised(shadow, list(range(len(shadow))))
    gone = set(removed)
    origin = [index for index in range(len(shadow)) if index not in gone]
    return Normalised(squeeze(shadow), origin)


def find_all(text: str, query: str, normalised: Normalised | None = None) -> list[tuple[int, int]]:
    """Every hit of ``query`` in ``text`` as original ``(start, end)``.

    Pass ``normalised`` (from :func:`normalise`) to search one text many times.
    """
    needle = normalise(query).text
    if not needle:
        return []
    haystack = normalised or normalise(text)
    hits = []
    position = haystack.text.find(needle)
    while position >= 0:
        end = position + len(needle)
        hits.append((haystack.origin[position], haystack.origin[end - 1] + 1))
        position = haystack.text.find(needle, position + 1)
    return hits
