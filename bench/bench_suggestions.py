"""Keyword suggestions: how long the suggestion list takes, first and after a change.

The default codebook (54 codes, ~400 keywords) on the five corpus articles and
on a 300,000-character document made of them. The first time a document is
asked, jieba segments it (word boundaries, cached per document by the
window); after a coding or a rejection only the keyword scan runs again.

    python bench/bench_suggestions.py
"""

from __future__ import annotations

import statistics
import time

from annotator.codebooks import MergeCodebook, read_codebook
from annotator.importing import import_paths
from annotator.models import NewDocument
from annotator.project import Project
from annotator.resources import default_codebook_path, demo_corpus_paths
from annotator.segmentation import tokenizer, word_spans
from annotator.suggestions import word_boundaries

CHARS = 300_000


def timed(function: object, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function()  # type: ignore[operator]
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


def main() -> None:
    began = time.perf_counter()
    tokenizer()
    print(f"jieba dictionary load: {(time.perf_counter() - began) * 1000:.0f} ms (once)")
    project = Project.in_memory()
    project.coder = "bench"
    project.execute(MergeCodebook(read_codebook(default_codebook_path())))
    import_paths(project, demo_corpus_paths())
    corpus = "\n".join(project.text(d.id) for d in project.documents())
    big = (corpus * (CHARS // len(corpus) + 1))[:CHARS]
    [document] = project.add_documents([NewDocument(text=big, raw_text=big, title="大文档")])
    for d in project.documents():
        text = project.text(d.id)
        first, boundaries = timed(lambda t=text: word_boundaries(word_spans(t)), 3)
        again, found = timed(lambda i=d.id, b=boundaries: project.suggestions(i, b))
        print(f"{len(text):>7,} chars: segmenting {first:7.1f} ms, "
              f"suggestions {again:6.1f} ms ({len(found):,} found)")  # fmt: skip
    assert document.id == project.documents()[-1].id


if __name__ == "__main__":
    main()
