"""Corpus search over 10,000 articles: building the index, and 1-, 2- and 4-character queries.

10,000 documents made from the five corpus articles (each with a numbered first
line and a numbered clause, so no two are alike; about 20,000,000 characters),
added with ``Project.add_documents`` in batches of 500. The index is filled on
insert, so the time of those batches is the build time; the same batches into a
second project with the index's insert switched off give the floor. Then each
query runs through ``annotator.search.search(project, q, limit=1000)``, which
counts every hit and builds the first 1,000 KWIC lines.

    python bench/bench_search.py [--count 10000]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from annotator.models import NewDocument
from annotator.project import Project
from annotator.resources import demo_corpus_paths
from annotator.search import search

BATCH = 500
T = TypeVar("T")

#: Words of the corpus (鄉村, 黨委… in traditional script), repeated so each
#: length has at least 20 queries.
ONE = "党村黨农镇民乡县组书干部建兴委群產治钱企党村农黨"
TWO = "党建农村鄉村集体干部支部书记振兴组织基层两委班子产业联盟共富黨委發展人才治理合作党建农村"
FOUR = (
    "乡村振兴集体经济党建联盟基层组织党建引领村级集体鄉村振興两委班子专班机制头雁队伍共同富裕"
    "片区党建组织建设产业发展村党组织乡村治理农村基层支部书记人才队伍经济收入乡村振兴集体经济"
)


def words(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in demo_corpus_paths()]


def new_documents(count: int) -> list[NewDocument]:
    texts = articles()
    documents = []
    for i in range(count):
        lines = texts[i % len(texts)].split("\n")
        middle = len(lines) // 2
        lines[middle] += f"(第{i}号调研材料,编号 {i * 7919 % 100003})"
        text = f"第{i}篇\n" + "\n".join(lines)
        documents.append(NewDocument(text=text, raw_text="", title=f"{i}"))
    return documents


def fill(project: Project, documents: list[NewDocument]) -> list[float]:
    """Add the documents in batches; the seconds each batch took."""
    times = []
    for first in range(0, len(documents), BATCH):
        began = time.perf_counter()
        project.add_documents(documents[first : first + BATCH])
        times.append(time.perf_counter() - began)
    return times


def without_index(project: Project) -> bool:
    """Switch off the search index's insert, if the store is where we expect it."""
    for owner in (project.stores, project.stores.documents):
        index = getattr(owner, "search", None)
        if index is not None and hasattr(index, "add"):
            index.add = lambda *_args, **_kwargs: None
            return True
    return False


def rebuild(project: Project) -> float | None:
    """Seconds for a full rebuild of the index, if the store offers one."""
    stores, db = project.stores, project.stores.documents._db
    began = time.perf_counter()
    own = getattr(stores, "search", None)  # the brief's project.stores.search.rebuild()
    beside = getattr(stores.documents, "search", None)
    if own is not None and hasattr(own, "rebuild"):
        with db.atomic():
            own.rebuild()
    elif beside is not None and hasattr(beside, "rebuild"):
        ids = [d.id for d in project.documents()]
        with db.atomic():
            beside.rebuild((i, project.text(i)) for i in ids)
    else:
        return None
    return time.perf_counter() - began


def timed(call: Callable[[], T]) -> tuple[float, T]:
    began = time.perf_counter()
    result = call()
    return (time.perf_counter() - began) * 1000, result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(count: int) -> None:
    documents = new_documents(count)
    characters = sum(len(d.text) for d in documents)
    print(f"{count:,} documents, {characters:,} characters, batches of {BATCH}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with Project.create(folder / "floor.annot") as floor:
            floor.coder = "bench"
            if without_index(floor):
                bare = fill(floor, documents)
                print(f"insert without the index: {sum(bare):6.1f} s "
                      f"(batch median {statistics.median(bare) * 1000:.0f} ms)")  # fmt: skip
            else:
                bare = []
                print("insert without the index: the index's insert was not found; not measured")
        path = folder / "bench.annot"
        with Project.create(path) as project:
            project.coder = "bench"
            built = fill(project, documents)
            print(f"insert with the index:    {sum(built):6.1f} s "
                  f"(batch median {statistics.median(built) * 1000:.0f} ms, "
                  f"first {built[0] * 1000:.0f} ms, last {built[-1] * 1000:.0f} ms)")  # fmt: skip
            if bare:
                print(f"index cost: {sum(built) - sum(bare):.1f} s "
                      f"({sum(built) / sum(bare):.2f}× the bare insert)")  # fmt: skip
            seconds = rebuild(project)
            print("full rebuild: " + ("not offered" if seconds is None else f"{seconds:.1f} s"))
        floor_size = (folder / "floor.annot").stat().st_size / 2**20
        print(
            f"file: {path.stat().st_size / 2**20:.0f} MiB (without the index: {floor_size:.0f} MiB)"
        )

        with Project.open(path, backup=False) as project:
            cold, first = timed(lambda: search(project, "乡村振兴", limit=1000))
            print(f"first query after opening: {cold:.0f} ms ({first.total:,} hits)")
            cold, first = timed(lambda: search(project, "党", limit=1000))
            print(f"first one-character query: {cold:.0f} ms ({first.total:,} hits)")
            print()
            print("| length | queries | median | p95 | max | hits per query (median) | index |")
            print("|---|---|---|---|---|---|---|")
            for label, queries in (
                ("1", words(ONE, 1)),
                ("2", words(TWO, 2)),
                ("4", words(FOUR, 4)),
            ):
                times, totals, indexed = [], [], set()
                for query in queries:
                    elapsed, result = timed(partial(search, project, query, limit=1000))
                    times.append(elapsed)
                    totals.append(result.total)
                    indexed.add(result.used_index)
                    if not result.total:
                        print(f"  (no hits for {query})")
                aim = "✔" if p95(times) < 100 else "✘"
                print(f"| {label} | {len(queries)} | {statistics.median(times):.1f} ms "
                      f"| {p95(times):.1f} ms {aim} | {max(times):.1f} ms "
                      f"| {statistics.median(totals):,.0f} | {sorted(indexed)} |")  # fmt: skip
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\npeak RSS {peak:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    run(parser.parse_args().count)


if __name__ == "__main__":
    main()
