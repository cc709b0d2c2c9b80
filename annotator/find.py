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
#: Han characters: the unified ideographs, extension A, the compatibility block, and
#: the supplementary planes (extension B on, e.g. 𠮷).
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@dataclass(frozen=True)
class Normalised:
    text: str
    #: ``origin[i]`` is the original index of ``text[i]``.
    origin: list[int]


def _is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def normalise(text: str) -> Normalised:
    shadow = to_simplified(text)
    kept: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(shadow):
        if char in QUOTES:
            continue
        if char == " " and _pangu_space(shadow, index):
            continue
        kept.append(char)
        origin.append(index)
    return Normalised("".join(kept), origin)


def _pangu_space(text: str, index: int) -> bool:
    """A space between a Chinese character and a Latin letter or digit (either order)."""
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    if not before or not after:
        return False
    return (_is_cjk(before) and after.isascii() and after.isalnum()) or (
        _is_cjk(after) and before.isascii() and before.isalnum()
    )


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
