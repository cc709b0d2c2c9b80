"""Hand-out and merge at the size of a large study, and the review queue and
compare over the merged project.

1,000 documents made from the corpus articles, the default codebook; two
copies handed out, 20,000 codings written into each (through the core, as a
coder would, but in one step per copy), then both merged, then one merged
again (which must add nothing).

    python bench/bench_merge.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench_agreement import corpus_project  # bench/ is on the path when run as a script

from annotator.agreement.disagreements import compare
from annotator.commands.base import new_uuid
from annotator.models import Annotation, AnnotationId
from annotator.project import Project
from annotator.teamwork.handout import hand_out
from annotator.teamwork.merge import merge_copies
from annotator.teamwork.review import review_queue
from annotator.teamwork.rows import InsertAnnotations

CODINGS = 20_000


def code_copy(path: Path, seed: int) -> None:
    """Random codings in the copy, in one step (the merge is what is measured)."""
    with Project.open(path, backup=False) as copy:
        coder = copy.coders()[0]
        rng, codes, documents = random.Random(seed), copy.codes(), copy.documents()
        texts = {d.id: copy.text(d.id) for d in documents}
        spans = {}
        for _ in range(CODINGS):
            document, code = rng.choice(documents), rng.choice(codes)
            start = rng.randrange(document.text_length - 30)
            end = start + rng.randint(4, 30)
            spans[document.id, code.id, start, end] = Annotation(
                AnnotationId(0), new_uuid(), document.id, code.id, coder.id, start, end,
                texts[document.id][start:end], "", "2026-11-22T00:00:00.000+00:00",
                "2026-11-22T00:00:00.000+00:00",
            )  # fmt: skip
        copy.execute(InsertAnnotations(list(spans.values())))


def timed(label: str, action):  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    result = action()
    print(f"{label:>34}: {(time.perf_counter() - began) * 1000:8.0f} ms")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        project = corpus_project(root / "main.annot")
        copies = [root / "a.annot", root / "b.annot"]
        timed("hand out a copy (1,000 documents)", lambda: hand_out(project, copies[0], "alice"))
        hand_out(project, copies[1], "bob")
        for seed, path in enumerate(copies):
            code_copy(path, seed)
        reports = timed("merge two copies (40,000 codings)", lambda: merge_copies(project, copies))
        print(" " * 36 + f"added {sum(r.annotations_added for r in reports)} codings")
        again = timed("merge one copy again", lambda: merge_copies(project, copies[:1]))
        assert again[0].changed_nothing, "a second merge must add nothing"
        timed("undo the merge", project.undo)
        project.redo()
        timed("review queue, every coding", lambda: review_queue(project))
        ids = [c.id for c in project.coders() if c.name in ("alice", "bob")]
        timed("compare two coders, every document", lambda: compare(project, ids))
        first = project.documents()[0].id
        timed("compare two coders, one document", lambda: compare(project, ids, [first]))
        project.close()


if __name__ == "__main__":
    main()
