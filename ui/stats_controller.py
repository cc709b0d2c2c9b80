"""The controller's part for statistics: code frequencies, co-occurrence, the
measure × mechanism pairs, codes × a document attribute and word frequency
(with the project's word lists). A mixin of
:class:`ui.controller.ProjectController` (one controller; the file is apart
only to keep each file short). The core modules load on first use."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.project import Project

if TYPE_CHECKING:
    from annotator.codestats import Pair, PairRow
    from annotator.exporting.tables import CrossTab, FrequencyRow
    from annotator.models import Code
    from annotator.wordfreq import WordCount, WordLists


class StatsMixin:
    if TYPE_CHECKING:  # the controller's

        @property
        def project(self) -> Project: ...

    def code_frequencies(self) -> list[FrequencyRow]:
        """One row per code in tree order: references (sub-codes included) and documents."""
        from annotator.exporting.dataset import collect
        from annotator.exporting.tables import frequencies

        return frequencies(collect(self.project))

    def co_occurrence(self, unit: str) -> Counter[Pair]:
        """How often each pair of codes meets in ``unit`` (overlap, sentence, document)."""
        from annotator.codestats import co_occurrence

        return co_occurrence(self.project, unit)

    def mechanism_pairs(self, first: str = "M", second: str = "J") -> list[PairRow]:
        """Codes under ``first`` × codes under ``second`` by sentence (ValidationError
        when the codebook lacks either top-level code)."""
        from annotator.codestats import measure_mechanism_pairs

        return measure_mechanism_pairs(self.project, first, second)

    def cross_tab_attributes(self) -> list[str]:
        """The document attributes a cross-tab can use: ours, then the documents' own."""
        from annotator.attributes import attribute_names

        return attribute_names(self.project.documents())

    def cross_tab(self, attribute: str) -> tuple[list[Code], CrossTab]:
        """Every code in tree order, and its references (sub-codes included) per
        value of ``attribute`` ("" for a document without one)."""
        from annotator.exporting.dataset import ExportOptions, collect
        from annotator.exporting.tables import cross_tab

        data = collect(self.project, ExportOptions(attribute=attribute))
        return data.codes, cross_tab(data, attribute)

    def word_groupings(self) -> list[str]:
        """What word counts can be grouped by: corpus, document, then the attributes."""
        from annotator.attributes import attribute_names
        from annotator.wordfreq import CORPUS, DOCUMENT

        return [CORPUS, DOCUMENT, *attribute_names(self.project.documents())]

    def word_frequencies(
        self, by: str, min_length: int, top: int | None
    ) -> dict[str, list[WordCount]]:
        from annotator.wordfreq import word_frequencies

        return word_frequencies(self.project, by=by, min_length=min_length, top=top)

    def word_lists(self) -> WordLists:
        from annotator.wordfreq import word_lists

        return word_lists(self.project)

    def set_word_lists(self, dictionary: list[str], stopwords: list[str]) -> None:
        """Replace the project's dictionary terms and stop words (one undo step)."""

        self.project.set_word_lists(dictionary, stopwords)

    @staticmethod
    def export_word_frequencies(
        found: dict[str, list[WordCount]], path: Path, language: str
    ) -> Path:
        from annotator.exporting.words import export_word_frequencies

        export_word_frequencies(found, path, language)
        return path
