"""Word frequency: jieba with the domain dictionary and the project's own words.

Peers count a whole run of Chinese characters as one "word" (domain.md §2);
we segment with jieba as the coding view does (HMM off, so counts are the
same run after run; the 148 domain terms kept whole), on the simplified
shadow so 鄉村振興 and 乡村振兴 are one word. A project adds its own terms
(kept whole) and stop words (left out), both edited in the tool and stored in
the project (an undoable setting). Counts are per corpus, per document or
per value of a document attribute (region, level, year…); a word counts if
it has at least ``min_length`` characters and at least one Chinese
character or letter (numbers and punctuation are not words here).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from annotator.attributes import attribute_value, check_attribute
from annotator.changes import Changes
from annotator.commands.base import Command, Stores
from annotator.errors import ValidationError
from annotator.find import HAN
from annotator.models import DocumentId
from annotator.project import Project
from annotator.resources import resource_path
from annotator.shadow import to_simplified

DICTIONARY_SETTING, STOPWORDS_SETTING = "words.dictionary", "words.stopwords"
_WORDY = re.compile(f"[{HAN}A-Za-z]")
#: What jieba keeps inside one word (its ``re_han_default``): a term with anything
#: else is split wherever it occurs, so the dictionary cannot hold it.
_JIEBA_WORD = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")
#: Group names: the whole corpus, each document, or a document attribute's values.
CORPUS, DOCUMENT = "corpus", "document"


@dataclass(frozen=True, slots=True)
class WordCount:
    word: str
    count: int
    #: Documents of the group the word occurs in.
    documents: int


@dataclass(frozen=True, slots=True)
class WordLists:
    """The project's own dictionary terms and stop words."""

    dictionary: tuple[str, ...] = ()
    stopwords: tuple[str, ...] = ()


@cache
def default_stopwords() -> frozenset[str]:
    lines = resource_path("dict", "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def word_lists(project: Project) -> WordLists:
    settings = project.stores.settings
    return WordLists(
        tuple(json.loads(settings.get(DICTIONARY_SETTING, "[]"))),
        tuple(json.loads(settings.get(STOPWORDS_SETTING, "[]"))),
    )


class SetWordLists(Command):
    """Replace the project's dictionary terms and stop words (one undo step)."""

    action = "set_word_lists"

    def __init__(self, lists: WordLists) -> None:
        self.after = _cleaned(lists)
        self.before: WordLists | None = None

    @property
    def text(self) -> str:
        return "编辑词表 / Edit word lists"

    def apply(self, stores: Stores) -> Changes:
        if self.before is None:
            self.before = WordLists(
                tuple(json.loads(stores.settings.get(DICTIONARY_SETTING, "[]"))),
                tuple(json.loads(stores.settings.get(STOPWORDS_SETTING, "[]"))),
            )
        _store(stores, self.after)
        return Changes()

    def revert(self, stores: Stores) -> Changes:
        assert self.before is not None
        _store(stores, self.before)
        return Changes()

    def payload(self) -> Mapping[str, object]:
        return {"dictionary": len(self.after.dictionary), "stopwords": len(self.after.stopwords)}


def _cleaned(lists: WordLists) -> WordLists:
    """Words trimmed, de-duplicated and simplified (text is counted in simplified
    script, so 鄉村振興 in a list means 乡村振兴)."""

    def clean(words: Iterable[str]) -> tuple[str, ...]:
        found = dict.fromkeys(to_simplified(w.strip()) for w in words if w.strip())
        for word in found:
            if any(c.isspace() for c in word):
                raise ValidationError(f"词中不能有空格 / A word cannot hold a space: {word!r}")
        return tuple(found)

    dictionary = clean(lists.dictionary)
    for word in dictionary:
        if not _JIEBA_WORD.match(word):
            raise ValidationError(
                f"分词词典只能收汉字、字母、数字和 +#&._%- / The segmenter keeps only Chinese"
                f" characters, letters, digits and +#&._%- inside a word: {word!r}"
            )
    return WordLists(dictionary, clean(lists.stopwords))


def _store(stores: Stores, lists: WordLists) -> None:
    stores.settings.set(DICTIONARY_SETTING, json.dumps(lists.dictionary, ensure_ascii=False))
    stores.settings.set(STOPWORDS_SETTING, json.dumps(lists.stopwords, ensure_ascii=False))


def words(text: str, extra: tuple[str, ...] = ()) -> Iterator[str]:
    """The words of ``text`` (simplified), the project's ``extra`` terms kept whole."""
    from annotator.segmentation import tokenizer_with

    shadow = to_simplified(text)
    for word, _start, _end in tokenizer_with(extra).tokenize(shadow, HMM=False):
        yield word


def word_frequencies(
    project: Project,
    *,
    by: str = CORPUS,
    min_length: int = 2,
    document_ids: Collection[DocumentId] | None = None,
    top: int | None = None,
) -> dict[str, list[WordCount]]:
    """Word counts per group (the corpus, each document's number, or each attribute
    value), most frequent first."""

    if min_length < 1:
        raise ValidationError("最短词长至少为 1 / The minimum length is at least 1")
    if top is not None and top < 0:
        raise ValidationError(f"显示词数不能为负 / The number of words cannot be negative: {top}")
    if by not in (CORPUS, DOCUMENT):
        check_attribute(by, project.documents)
    lists = word_lists(project)
    stop = default_stopwords() | set(lists.stopwords)
    counts: dict[str, Counter[str]] = {}
    spread: dict[str, Counter[str]] = {}
    for number, document in enumerate(project.documents(), 1):
        if document_ids is not None and document.id not in document_ids:
            continue
        group = CORPUS if by == CORPUS else str(number) if by == DOCUMENT else (
            attribute_value(document, by)
        )  # fmt: skip
        found = Counter(
            w for w in words(project.text(document.id), lists.dictionary)
            if len(w) >= min_length and w not in stop and _WORDY.search(w)
        )  # fmt: skip
        counts.setdefault(group, Counter()).update(found)
        spread.setdefault(group, Counter()).update(found.keys())
    return {
        group: [WordCount(w, n, spread[group][w]) for w, n in _ranked(found, top)]
        for group, found in counts.items()
    }


def _ranked(found: Counter[str], top: int | None) -> list[tuple[str, int]]:
    """Most frequent first; ties in a fixed order (the word), so runs agree."""
    return sorted(found.items(), key=lambda item: (-item[1], item[0]))[:top]
