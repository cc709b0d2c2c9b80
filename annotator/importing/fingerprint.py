"""Near-duplicate detection: the same article reposted by another site.

Each document gets a bottom-k MinHash sketch: the :data:`K` smallest CRC-32
values of its 5-character shingles, computed on the simplified shadow with
whitespace and punctuation removed (so a traditional repost, or one with
different quote marks, still matches). Two sketches estimate the Jaccard
similarity of the two shingle sets. An inverted index from sketch value to
documents finds candidates without comparing every pair.
"""

from __future__ import annotations

import heapq
import re
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass, field

K = 64
SHINGLE = 5
#: Reposts with small edits score well above this; different articles near 0.
THRESHOLD = 0.6
_NOT_TEXT = re.compile(r"[\W_]+")


def sketch(shadow: str) -> bytes:
    """The K smallest shingle hashes of ``shadow``, as bytes to store."""
    packed = _NOT_TEXT.sub("", shadow).encode("utf-32-le")
    width = 4 * SHINGLE
    hashes = {zlib.crc32(packed[i : i + width]) for i in range(0, len(packed) - width + 4, 4)}
    return array("I", sorted(heapq.nsmallest(K, hashes))).tobytes()


def _values(data: bytes) -> list[int]:
    return array("I", data).tolist()


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two documents' shingle sets."""
    a, b = set(_values(first)), set(_values(second))
    union = heapq.nsmallest(K, a | b)
    if not union:
        return 0.0
    return sum(1 for value in union if value in a and value in b) / len(union)


@dataclass
class NearDuplicateIndex:
    """Sketches of known documents, indexed by value: key → sketch."""

    sketches: dict[str, bytes] = field(default_factory=dict)
    _by_value: dict[int, list[str]] = field(default_factory=dict)

    def add(self, key: str, data: bytes) -> None:
        self.sketches[key] = data
        for value in _values(data):
            self._by_value.setdefault(value, []).append(key)

    def best_match(self, data: bytes) -> tuple[str, float] | None:
        """The most similar known document at or above :data:`THRESHOLD`, if any."""
        shared = Counter(key for value in _values(data) for key in self._by_value.get(value, ()))
        best: tuple[str, float] | None = None
        for key, count in shared.most_common(5):
            if count < K * THRESHOLD / 2:
                break
            score = similarity(data, self.sketches[key])
            if score >= THRESHOLD and (best is None or score > best[1]):
                best = (key, score)
        return best
