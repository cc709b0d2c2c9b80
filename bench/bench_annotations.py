"""Add 100,000 annotations one by one through the core API, as a coder would.

Each add is a full user action: one transaction with its history line and
its checks (bounds, quote, archived code, duplicate), committed with
``synchronous=FULL`` in WAL mode. The floor is measured in the same run (the
machine is shared and noisy: limits.md asks for ratios): a bare INSERT plus
COMMIT of a similar row on a plain table in WAL/FULL.

    python bench/bench_annotations.py [--count 100000]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from annotator.models import NewDocument
from annotator.project import Project
from annotator.resources import demo_corpus_paths


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def sqlite_floor(folder: Path, count: int) -> list[float]:
    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, doc INT, code INT, s INT, e INT, q TEXT)")
    timings = []
    for index in range(count):
        began = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO t (doc, code, s, e, q) VALUES (?, ?, ?, ?, ?)",
            (index % 10, index % 20, index, index + 5, "党建引领乡村"),
        )
        conn.execute("COMMIT")
        timings.append(time.perf_counter() - began)
    conn.close()
    return timings


def build_project(path: Path) -> tuple[Project, list[int], list[int]]:
    project = Project.create(path)
    project.coder = "bench"
    texts = [p.read_text(encoding="utf-8") for p in demo_corpus_paths()]
    documents = project.add_documents(
        [
            NewDocument(text=f"{variant}\n{text}\n{text}", raw_text=text)
            for variant in ("甲", "乙")
            for text in texts
        ]
    )
    codes = [project.add_code(key=f"C{index}", name=f"编码{index}") for index in range(20)]
    return project, [d.id for d in documents], [c.id for c in codes]


def run(count: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        floor = sqlite_floor(folder, min(count, 5000))
        project, documents, codes = build_project(folder / "bench.annot")
        timings = []
        began = time.perf_counter()
        for index in range(count):
            start = (index // 200) % 2900
            one = time.perf_counter()
            project.add_annotation(
                documents[index % 10], codes[(index // 10) % 20], start, start + 5 + index % 7
            )
            timings.append(time.perf_counter() - one)
        total = time.perf_counter() - began
        assert len(project.annotations()) == count
        problems = project.verify()
        size = (folder / "bench.annot").stat().st_size
        project.close()

    ms = 1000
    print(f"annotations added:          {count:,} (verify: {problems or 'ok'})")
    print(f"total time:                 {total:.1f} s  ({count / total:,.0f} annotations/s)")
    add = [statistics.median(timings), percentile(timings, 0.95), percentile(timings, 0.99)]
    print("one add, median / p95 / p99: " + " / ".join(f"{v * ms:.3f}" for v in add) + " ms")
    bare = [statistics.median(floor), percentile(floor, 0.95)]
    print("floor (bare INSERT+COMMIT, WAL, FULL), median / p95: "
          + " / ".join(f"{v * ms:.3f}" for v in bare) + " ms")  # fmt: skip
    print(
        f"ratio to floor (median):    {statistics.median(timings) / statistics.median(floor):.1f}x"
    )
    print(f"project file after close:   {size / 1_048_576:.1f} MiB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    run(parser.parse_args().count)
