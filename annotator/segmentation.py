"""Chinese word boundaries: jieba with the domain dictionary, loaded only when needed.

jieba's dictionary takes about 0.5–0.7 s to load, so it is never loaded at
start-up or during import: the first call that needs words loads it (or
:func:`preload_in_background` does, while the window comes up). Segmentation
runs on the simplified shadow, with HMM off (new-word guessing merges words
differently from run to run, domain.md §2), and the 148 domain terms of
``resources/dict/domain_terms.txt`` kept whole (乡村振兴, 村级集体经济…).
Offsets are code points in the original text (the shadow has the same length).
"""

from __future__ import annotations

import logging
import threading
from functools import cache

import jieba

from annotator.resources import resource_path
from annotator.shadow import to_simplified

_lock = threading.Lock()


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    # A file object we close: given a path, jieba leaves the file open.
    with resource_path("dict", "domain_terms.txt").open("rb") as terms:
        tokenizer.load_userdict(terms)
    return tokenizer


def tokenizer() -> jieba.Tokenizer:
    with _lock:  # one load even when the background thread and a caller race
        return _tokenizer()


def preload_in_background() -> threading.Thread:
    """Load the dictionary in a daemon thread so the first snap does not wait."""
    thread = threading.Thread(target=tokenizer, name="jieba-preload", daemon=True)
    thread.start()
    return thread


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every token of ``text``, in order, covering it all."""
    tokens = tokenizer().tokenize(to_simplified(text), HMM=False)
    return [(start, end) for _, start, end in tokens]


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words, segmenting only the paragraph(s) around it."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span [{start}, {end}) outside the text")
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", end)
    high = len(text) if high < 0 else high
    new_start, new_end = start, end
    for word_start, word_end in word_spans(text[low:high]):
        word_start, word_end = word_start + low, word_end + low
        if word_start <= start < word_end:
            new_start = word_start
        if word_start < end <= word_end:
            new_end = word_end
    return new_start, new_end


_custom: dict[tuple[str, ...], jieba.Tokenizer] = {}


def tokenizer_with(extra: tuple[str, ...]) -> jieba.Tokenizer:
    """The tokenizer with a project's own ``extra`` terms too (the plain one if none).

    A second tokenizer, so one project's words never change another's; the last
    one made is kept (a new word list costs a second dictionary load, ~0.6 s).
    """
    if not extra:
        return tokenizer()
    with _lock:
        if extra not in _custom:
            custom = jieba.Tokenizer()
            custom.initialize()
            with resource_path("dict", "domain_terms.txt").open("rb") as terms:
                custom.load_userdict(terms)
            for word in extra:
                custom.add_word(word)
            _custom.clear()
            _custom[extra] = custom
        return _custom[extra]
