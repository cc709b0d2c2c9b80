"""Import 1,000 articles made from the corpus: read, decode, clean, metadata, store.

Files are the five corpus articles, each varied (paragraph order rotated, a
numbered line added so no two are identical) and saved in UTF-8, GB18030,
UTF-16 and, for the traditional ones, Big5. The run is what ``annotator
import PROJECT FOLDER`` does: prepare every file (decode, clean, metadata,
region, near-duplicate sketch) and store them in one transaction, with
near-duplicate detection against everything already stored. jieba is not
involved (segmentation happens lazily, per document, when needed).

    python bench/bench_import.py [--count 1000]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from annotator.importing.batch import expand_paths, import_prepared
from annotator.importing.prepare import prepare_files
from annotator.project import Project
from annotator.resources import demo_corpus_paths

ENCODINGS = ("utf-8", "gb18030", "utf-16", "utf-8")


def make_files(folder: Path, count: int) -> None:
    articles = [p.read_text(encoding="utf-8") for p in demo_corpus_paths()]
    for index in range(count):
        lines = articles[index % len(articles)].split("\n")
        body = [i for i, line in enumerate(lines) if "。" in line and "声明" not in line]
        body = [i for i in body if "聲明" not in lines[i]]  # disclaimers are removed
        target = body[len(body) // 2]
        lines[target] += f"(第{index}号调研材料,编号 {index * 7919 % 100003})"
        encoding = ENCODINGS[index % len(ENCODINGS)]
        if index % len(articles) in (1, 2) and index % 3 == 0:
            encoding = "big5"
        data = "\n".join(lines).encode(encoding, errors="ignore")
        (folder / f"{index:04d}.txt").write_bytes(data)


def run(count: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        articles = folder / "articles"
        articles.mkdir()
        make_files(articles, count)
        files = expand_paths([articles])
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        began = time.perf_counter()
        prepared = prepare_files(files)
        prepared_at = time.perf_counter()
        with Project.create(folder / "bench.annot") as project:
            project.coder = "bench"
            results = import_prepared(project, prepared)
            stored_at = time.perf_counter()
            imported = sum(1 for r in results if r.status == "imported")
            flagged = sum(1 for r in results if any("Near duplicate" in f for f in r.flags))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    total = stored_at - began
    print(f"files:                 {len(files):,} ({imported:,} imported)")
    print(f"flagged as reposts:    {flagged:,} (variants of 5 articles, so reposts indeed)")
    print(f"prepare (read+clean):  {prepared_at - began:.2f} s")
    print(f"store (one command):   {stored_at - prepared_at:.2f} s")
    print(f"total:                 {total:.2f} s  = {len(files) / total:,.0f} documents/s")
    print(f"peak memory (RSS):     {peak / 1024:.0f} MiB (before the run: {before / 1024:.0f} MiB)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    run(parser.parse_args().count)
