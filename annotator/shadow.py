"""The search shadow: a simplified-script copy of a text, exactly as long.

Search, segmentation and keyword matching run on the shadow so that 乡村 finds
鄉村; annotations keep pointing into the original text, and because every
character maps to exactly one character, an offset in the shadow is the same
offset in the original (no offset map needed). The table is OpenCC's
character table (``TSCharacters.txt``, first candidate of each entry), applied
with ``str.translate``: phrase-level conversion would be more idiomatic but
can change lengths, and for matching the character level is what counts.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import opencc  # the data files of OpenCC's reimplementation


def _table(name: str) -> dict[int, str]:
    path = files(opencc).joinpath("dictionary", name)
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table


@cache
def _t2s() -> dict[int, str]:
    return _table("TSCharacters.txt")


@cache
def _s2t() -> dict[int, str]:
    return _table("STCharacters.txt")


def to_simplified(text: str) -> str:
    """The shadow: traditional characters replaced one for one by simplified ones."""
    return text.translate(_t2s())


@cache
def _deleters() -> tuple[dict[int, None], dict[int, None]]:
    return dict.fromkeys(_t2s()), dict.fromkeys(_s2t())


def script_of(text: str) -> str:
    """``"traditional"`` or ``"simplified"``: which script most convertible characters are in."""
    only_traditional, only_simplified = _deleters()
    traditional = len(text) - len(text.translate(only_traditional))  # counted in C
    simplified = len(text) - len(text.translate(only_simplified))
    return "traditional" if traditional > simplified else "simplified"
