"""What an export holds: the chosen documents, codings and their reviews, read once.

Every writer (Excel, CSV, JSON, REFI-QDA, HTML) takes a :class:`Dataset`, so
the options mean the same everywhere: which coders (or the consensus layer),
which review states, which documents. Documents keep their number in the
project (1 = the first imported) whatever is chosen, so unit numbers
(``文档-小节-段落-句``) are the same in every export.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import cached_property

from annotator.errors import ValidationError
from annotator.exporting.rows import code_paths, exported_coder
from annotator.models import Annotation, AnnotationId, Code, CodeId, CoderId, Document, DocumentId
from annotator.project import Project
from annotator.teamwork.review import STATES, ReviewSummary, summaries
from annotator.units import unit_index

#: ``progress(done, total)`` during a long export; raising
#: :class:`~annotator.errors.CancelledError` from it cancels, and nothing is written.
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Which codings an export holds.

    ``coder_ids`` names the coders; without it, ``layer`` decides (``"auto"``: the
    consensus layer once it has codings, else everyone; ``"consensus"``; ``"all"``).
    ``statuses`` are review states (pending, accepted, rejected); None = all.
    """

    coder_ids: frozenset[CoderId] | None = None
    layer: str = "auto"
    statuses: frozenset[str] | None = None
    document_ids: frozenset[DocumentId] | None = None
    language: str = "zh"
    #: The document attribute of the cross-tab sheet (see :data:`ATTRIBUTES`).
    attribute: str = "region_level"
    #: Characters of context before and after each quote.
    context: int = 30

    def __post_init__(self) -> None:
        unknown = set(self.statuses or ()) - set(STATES)
        if unknown:
            raise ValidationError(
                f"未知的审阅状态 / Unknown review state: {', '.join(sorted(unknown))}"
                f" ({' / '.join(STATES)})"
            )
        if self.language not in ("zh", "en"):
            raise ValidationError(f"未知的语言 / Unknown language: {self.language}")


@dataclass
class Dataset:
    project: Project
    options: ExportOptions
    #: The chosen documents, in project order.
    documents: list[Document]
    #: Each document's number in the whole project (1-based), chosen or not.
    numbers: dict[DocumentId, int]
    #: Every code, in tree order.
    codes: list[Code]
    coders: dict[CoderId, str]
    annotations: list[Annotation]
    reviews: dict[AnnotationId, ReviewSummary]
    #: Every coding of the chosen documents, by any coder in any state (for agreement).
    everything: list[Annotation]

    @cached_property
    def code_by_id(self) -> dict[CodeId, Code]:
        return {code.id: code for code in self.codes}

    @cached_property
    def paths(self) -> dict[CodeId, str]:
        return code_paths(self.codes)

    @cached_property
    def document_by_id(self) -> dict[DocumentId, Document]:
        return {document.id: document for document in self.documents}

    @cached_property
    def counts_by_document(self) -> dict[DocumentId, Counter[CodeId]]:
        """Per chosen document: references of each code, a coding counting for its code
        and every code above it (read by four sheets, counted once)."""
        above: dict[CodeId, list[CodeId]] = {}
        for code in self.codes:  # tree order: a parent's chain is known first
            parent = [] if code.parent_id is None else above[code.parent_id]
            above[code.id] = [code.id, *parent]
        counts: dict[DocumentId, Counter[CodeId]] = {d.id: Counter() for d in self.documents}
        for a in self.annotations:
            counts[a.document_id].update(above[a.code_id])
        return counts

    def text(self, document_id: DocumentId) -> str:
        return self.project.text(document_id)  # the store keeps texts once read

    def unit(self, annotation: Annotation) -> str:
        """The coding's unit number, e.g. ``5-1-1-3`` (worked out once per coding: several
        sheets ask, and 10,000 documents outrun the shared cache of unit indexes)."""
        label = self._units.get(annotation.id)
        if label is None:
            index = unit_index(self.text(annotation.document_id))
            number = self.numbers[annotation.document_id]
            label = self._units[annotation.id] = index.label(
                number, annotation.start, annotation.end
            )
        return label

    @cached_property
    def _units(self) -> dict[AnnotationId, str]:
        return {}

    def review(self, annotation_id: AnnotationId) -> ReviewSummary:
        return self.reviews.get(annotation_id, ReviewSummary())

    def top_code(self, code_id: CodeId) -> Code:
        code = self.code_by_id[code_id]
        while code.parent_id is not None:
            code = self.code_by_id[code.parent_id]
        return code

    def by_document(self) -> Iterator[tuple[Document, list[Annotation]]]:
        """Each chosen document with its chosen codings (in text order)."""
        grouped: dict[DocumentId, list[Annotation]] = {d.id: [] for d in self.documents}
        for annotation in self.annotations:
            grouped[annotation.document_id].append(annotation)
        for document in self.documents:
            yield document, grouped[document.id]


def collect(project: Project, options: ExportOptions | None = None) -> Dataset:
    """Read what ``options`` choose, once, for every writer."""
    options = options or ExportOptions()
    all_documents = project.documents()
    numbers = {document.id: number for number, document in enumerate(all_documents, 1)}
    chosen_ids = _chosen(options.document_ids, numbers)
    coders = _coders(project, options)
    reviews = summaries(project.stores.reviews.all())
    statuses = options.statuses
    everything = [a for a in project.annotations() if a.document_id in chosen_ids]
    annotations = [
        a
        for a in everything
        if (coders is None or a.coder_id in coders)
        and (statuses is None or reviews.get(a.id, ReviewSummary()).state in statuses)
    ]
    return Dataset(
        project=project,
        options=options,
        documents=[d for d in all_documents if d.id in chosen_ids],
        numbers=numbers,
        codes=project.codes(),
        coders={coder.id: coder.name for coder in project.coders()},
        annotations=annotations,
        reviews={a.id: reviews[a.id] for a in annotations if a.id in reviews},
        everything=everything,
    )


def _chosen(
    document_ids: Collection[DocumentId] | None, numbers: dict[DocumentId, int]
) -> set[DocumentId]:
    if document_ids is None:
        return set(numbers)
    unknown = set(document_ids) - set(numbers)
    if unknown:
        raise ValidationError(
            f"没有这些文档 / No such documents: {', '.join(map(str, sorted(unknown)))}"
        )
    return set(document_ids)


def _coders(project: Project, options: ExportOptions) -> frozenset[CoderId] | None:
    if options.coder_ids is None:
        found = exported_coder(project, options.layer)
        return None if found is None else frozenset({found})
    known = {coder.id for coder in project.coders()}
    unknown = set(options.coder_ids) - known
    if unknown:
        raise ValidationError(
            f"没有这些编码员 / No such coders: {', '.join(map(str, sorted(unknown)))}"
        )
    return options.coder_ids
