"""Exporting 100,000 codings to Excel, beside openpyxl writing the same cells bare.

1,000 documents made from the corpus articles, the default codebook, and
100,000 random codings by two coders (50,000 each), 10,000 of them reviewed.
Three runs, each in a fresh process so that its peak memory is its own:

- ``.xlsx``: ``annotator export`` of the whole workbook (every sheet, the
  agreement sheets too); then, each in its own process too, CSV, JSON,
  REFI-QDA and the HTML report;
- ``raw``: openpyxl's write-only mode appending the very same cell values
  (read back from our workbook beforehand), with no styles and no logic: the
  floor.

    python bench/bench_export.py
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_agreement import corpus_project  # bench/ is on the path when run as a script

from annotator.commands.base import new_uuid
from annotator.models import Annotation, AnnotationId, Review, ReviewId, ReviewStatus
from annotator.project import Project
from annotator.teamwork.rows import InsertAnnotations, InsertReviews

CODINGS, REVIEWED = 100_000, 10_000
STAMP = "2026-11-22T00:00:00.000+00:00"


def build(path: Path) -> None:
    project = corpus_project(path)
    coders = [project.add_coder(name) for name in ("alice", "bob")]
    rng, codes, documents = random.Random(7), project.codes(), project.documents()
    texts = {d.id: project.text(d.id) for d in documents}
    spans: dict[tuple[int, ...], Annotation] = {}
    while len(spans) < CODINGS:
        document, code, coder = rng.choice(documents), rng.choice(codes), coders[len(spans) % 2]
        start = rng.randrange(document.text_length - 30)
        end = start + rng.randint(4, 30)
        spans[document.id, code.id, coder.id, start, end] = Annotation(
            AnnotationId(0), new_uuid(), document.id, code.id, coder.id, start, end,
            texts[document.id][start:end], "备忘" if start % 7 == 0 else "", STAMP, STAMP,
        )  # fmt: skip
    project.execute(InsertAnnotations(list(spans.values())))
    reviewer = project.add_coder("rita")
    chosen = rng.sample(project.annotations(), REVIEWED)
    reviews = [
        Review(ReviewId(0), a.id, reviewer.id, rng.choice(list(ReviewStatus)), "意见", STAMP)
        for a in chosen
    ]
    project.execute(InsertReviews(reviews, {a.id: a.document_id for a in chosen}))
    project.close()


def ours(folder: Path, suffix: str) -> dict[str, float]:
    from annotator.exporting import ExportOptions, export

    with Project.open(folder / "bench.annot", backup=False) as project:
        began = time.perf_counter()
        export(project, folder / f"ours{suffix}", ExportOptions(layer="all"))
        return {suffix: time.perf_counter() - began}


def raw(folder: Path) -> dict[str, float]:
    from annotator.excel import Workbook, load_workbook

    source = load_workbook(folder / "ours.xlsx", read_only=True)
    sheets = {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in source}
    began = time.perf_counter()
    workbook = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(folder / "raw.xlsx")
    cells = sum(len(r) for rows in sheets.values() for r in rows)
    return {".xlsx": time.perf_counter() - began, "cells": cells}


def child(step: str, folder: Path) -> None:
    """Run one step and print its figures and this process's peak memory as JSON."""
    if step == "build":
        figures: dict[str, float] = {}
        build(folder / "bench.annot")
    else:
        figures = raw(folder) if step == "raw" else ours(folder, step)
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def run(step: str, folder: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, step, str(folder)], check=True, capture_output=True, text=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        began = time.perf_counter()
        run("build", folder)
        print(f"built in {time.perf_counter() - began:.1f} s: {CODINGS:,} codings")
        mine = run(".xlsx", folder)
        floor = run("raw", folder)
        size = (folder / "ours.xlsx").stat().st_size / 2**20
        print(f"ours: xlsx {mine['.xlsx']:.2f} s ({size:.1f} MiB), peak {mine['peak_mib']:.0f} MiB")
        print(f"raw openpyxl write-only, same {floor['cells']:,.0f} cells: "
              f"{floor['.xlsx']:.2f} s, peak {floor['peak_mib']:.0f} MiB")  # fmt: skip
        for suffix in (".csv", ".json", ".qdpx", ".html"):
            other = run(suffix, folder)
            print(f"{suffix[1:]:>5}: {other[suffix]:.2f} s, peak {other['peak_mib']:.0f} MiB")
        print(f"ratio: {mine['.xlsx'] / floor['.xlsx']:.2f}×")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        child(sys.argv[1], Path(sys.argv[2]))
    else:
        main()
