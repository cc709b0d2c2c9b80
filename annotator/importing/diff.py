"""Which lines of the raw text did not make it into the cleaned text (for review).

A raw line counts as kept when every piece of it (pieces are separated by runs
of spaces, as columns are) is found in the cleaned text once NBSP and pinyin
annotations are normalised the way cleaning does. Judging by content, not by
log entries, marks exactly what the reader will not find: a removed label
``作者`` does not strike the paragraph ``作者在调研中发现…``, and a short piece
must be a whole line of the cleaned text (the label ``作者`` is not kept just
because the paragraph contains the word).
"""

from __future__ import annotations

import re

from annotator.importing.cleaning import PINYIN

_PIECES = re.compile(r"\s{3,}")


#: A piece shorter than this must be a whole line of the cleaned text to count as kept.
SHORT = 6


def removed_lines(raw: str, cleaned: str) -> list[int]:
    """Indices of the raw text's non-blank lines whose text is not in ``cleaned``."""
    whole = set(cleaned.split("\n"))

    def kept(piece: str) -> bool:
        return piece in whole or (len(piece) >= SHORT and piece in cleaned)

    removed = []
    for index, line in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        normal = PINYIN.sub(r"\1", line.replace("\xa0", " ").replace("\t", " ")).strip()
        pieces = [piece for piece in _PIECES.split(normal) if piece]
        if pieces and not all(kept(piece) for piece in pieces):
            removed.append(index)
    return removed
