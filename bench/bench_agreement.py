"""Agreement over a whole project: two and three coders, every code, each kind of unit.

1,000 documents made from the corpus articles (about 2,000,000 characters),
the default codebook (54 codes), and 10,000 codings by each of three coders
at random places. Issue 9 will rerun it on 10,000 articles.

    python bench/bench_agreement.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from annotator.agreement.compute import agreement, group_agreement
from annotator.codebooks import MergeCodebook, read_codebook
from annotator.models import NewDocument
from annotator.project import Project
from annotator.resources import default_codebook_path, demo_corpus_paths

DOCUMENTS, CODINGS = 1_000, 10_000


def corpus_project(path: Path) -> Project:
    """A project of DOCUMENTS articles made from the corpus, with the default codebook."""
    project = Project.create(path)
    project.coder = "bench"
    project.execute(MergeCodebook(read_codebook(default_codebook_path())))
    articles = [p.read_text(encoding="utf-8") for p in demo_corpus_paths()]
    project.add_documents([
        NewDocument(text=f"第{i}篇\n{articles[i % 5]}", raw_text="", title=f"{i}")
        for i in range(DOCUMENTS)
    ])  # fmt: skip
    return project


def build(path: Path) -> Project:
    project = corpus_project(path)
    rng, codes, documents = random.Random(1), project.codes(), project.documents()
    for coder in ("alice", "bob", "carol"):
        for _ in range(CODINGS):
            document = rng.choice(documents)
            start = rng.randrange(document.text_length - 30)
            try:
                project.add_annotation(document.id, rng.choice(codes).id, start,
                                       start + rng.randint(4, 30), coder=coder)  # fmt: skip
            except Exception:  # a rare duplicate span: skip it
                continue
    return project


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        project = build(Path(folder) / "bench.annot")
        print(f"built in {time.perf_counter() - began:.1f} s: {DOCUMENTS} documents, "
              f"{len(project.annotations())} codings")  # fmt: skip
        for unit in ("character", "sentence", "paragraph", "document"):
            began = time.perf_counter()
            agreement(project, "alice", "bob", unit)
            two = time.perf_counter() - began
            began = time.perf_counter()
            group_agreement(project, ["alice", "bob", "carol"], unit)
            three = time.perf_counter() - began
            print(
                f"{unit:>9}: two coders {two * 1000:6.0f} ms, three coders {three * 1000:6.0f} ms"
            )
        project.close()


if __name__ == "__main__":
    main()
