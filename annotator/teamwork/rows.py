"""Commands that insert rows exactly as another project file holds them.

A hand-out copy and a merge move documents, coders, annotations and reviews
between project files with their uuids and times, so that the same row is
recognised the next time (a merge done twice adds nothing). Each command
records the ids it was given on its first run and reuses them on redo.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from annotator.changes import Changes
from annotator.commands.base import Command, Stores
from annotator.models import Annotation, AnnotationId, Coder, CoderId, DocumentId, Review, ReviewId
from annotator.storage.documents import DocumentSnapshot


class InsertDocuments(Command):
    """Documents with their uuid, metadata, texts and import log."""

    action = "insert_documents"

    def __init__(self, snapshots: Sequence[DocumentSnapshot]) -> None:
        self.snapshots = list(snapshots)

    @property
    def text(self) -> str:
        return f"加入 {len(self.snapshots)} 个文档 / Add {len(self.snapshots)} documents"

    def apply(self, stores: Stores) -> Changes:
        stored = []
        for snapshot in self.snapshots:
            new_id = stores.documents.insert(snapshot)
            document = dataclasses.replace(snapshot.document, id=new_id)
            stored.append(dataclasses.replace(snapshot, document=document))
        self.snapshots = stored
        return Changes.of(documents=[s.document.id for s in stored])

    def revert(self, stores: Stores) -> Changes:
        for snapshot in reversed(self.snapshots):
            stores.documents.delete(snapshot.document.id)
        return Changes.of(documents=[s.document.id for s in self.snapshots])

    @property
    def ids(self) -> list[DocumentId]:
        return [snapshot.document.id for snapshot in self.snapshots]


class InsertCoder(Command):
    """A coder with its uuid (a coder is the same person in every copy)."""

    action = "insert_coder"

    def __init__(self, coder: Coder, created: str) -> None:
        self.coder, self.created = coder, created

    @property
    def text(self) -> str:
        return f"添加编码员 / Add coder {self.coder.name}"

    def apply(self, stores: Stores) -> Changes:
        self.coder = dataclasses.replace(
            self.coder, id=stores.coders.insert(self.coder, self.created)
        )
        return Changes.of(coders=[self.coder.id])

    def revert(self, stores: Stores) -> Changes:
        stores.coders.delete(self.coder.id)
        return Changes.of(coders=[self.coder.id])

    def payload(self) -> Mapping[str, object]:
        return {"uuid": self.coder.uuid, "name": self.coder.name}


class InsertAnnotations(Command):
    """Annotations with their uuid, times and origin (ids are the target's)."""

    action = "insert_annotations"

    def __init__(self, annotations: Sequence[Annotation]) -> None:
        self.annotations = list(annotations)

    @property
    def text(self) -> str:
        return f"加入 {len(self.annotations)} 个标注 / Add {len(self.annotations)} annotations"

    def apply(self, stores: Stores) -> Changes:
        self.annotations = [
            dataclasses.replace(a, id=stores.annotations.insert(a)) for a in self.annotations
        ]
        return self._changes()

    def revert(self, stores: Stores) -> Changes:
        for annotation in reversed(self.annotations):
            stores.annotations.delete(annotation.id)
        return self._changes()

    def _changes(self) -> Changes:
        return Changes.of(
            annotations=[a.id for a in self.annotations],
            annotated_documents={a.document_id for a in self.annotations},
        )

    @property
    def ids(self) -> list[AnnotationId]:
        return [annotation.id for annotation in self.annotations]


class InsertReviews(Command):
    """Reviews as another file recorded them (reviewer and time kept)."""

    action = "insert_reviews"

    def __init__(self, reviews: Sequence[Review], documents: Mapping[AnnotationId, DocumentId]):
        self.reviews = list(reviews)
        self._documents = dict(documents)

    @property
    def text(self) -> str:
        return f"加入 {len(self.reviews)} 条审阅 / Add {len(self.reviews)} reviews"

    def apply(self, stores: Stores) -> Changes:
        self.reviews = [dataclasses.replace(r, id=stores.reviews.insert(r)) for r in self.reviews]
        return self._changes()

    def revert(self, stores: Stores) -> Changes:
        for review in reversed(self.reviews):
            stores.reviews.delete(review.id)
        return self._changes()

    def _changes(self) -> Changes:
        annotations = [r.annotation_id for r in self.reviews]
        return Changes.of(
            annotations=annotations,
            annotated_documents={self._documents[a] for a in annotations},
        )


def coder_row(coder: Coder) -> Coder:
    """A coder ready to insert elsewhere (the target gives the id)."""
    return Coder(CoderId(0), coder.uuid, coder.name)


def review_row(review: Review, annotation_id: AnnotationId, reviewer_id: CoderId) -> Review:
    return dataclasses.replace(
        review, id=ReviewId(0), annotation_id=annotation_id, reviewer_id=reviewer_id
    )
