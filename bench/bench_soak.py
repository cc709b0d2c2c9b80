"""Soak (issue 9): 10,000 random commands through the controller, with undo and redo.

The demo project (the five corpus articles, the default codebook) opened in the
main window on Qt's offscreen platform (``--no-window``: the controller alone).
A seeded random mix of a coder's actions goes through
``ui.controller.ProjectController``: add a coding, move its bounds, write its
memo, review it, recode it, delete codings, undo, redo, and now and then open
another document in the window. Every 500 commands the RSS is sampled, with
the bytes malloc has in use (C: SQLite, Qt) and the number of codings, Python
objects and Qt objects; the slope after the warm-up (3,000 commands: the
codings reach their cap of 400, the undo stack holds its 100 steps) says
whether memory stays flat. ``--trace`` adds tracemalloc snapshots after the
warm-up and at the end, and prints where Python memory grew (file:line).

    QT_QPA_PLATFORM=offscreen python bench/bench_soak.py [--commands 10000] [--seed 1]
        [--no-window] [--trace]
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_scale import offscreen_app, rss_mib, settled, shown_window, summary

from annotator.demo import create_demo_project
from annotator.models import ReviewStatus

SAMPLE, WARM_UP = 500, 3_000
#: Most codings the random mix lets the project hold (adds become deletes above it).
MOST = 400
WEIGHTS = {"add": 25, "bounds": 10, "memo": 10, "review": 10, "recode": 8, "delete": 7,
           "undo": 15, "redo": 10, "open": 5}  # fmt: skip


class Soak:
    def __init__(self, controller: Any, window: Any, seed: int) -> None:
        self.controller, self.window = controller, window
        self.rng = random.Random(seed)
        self.documents = [d.id for d in controller.documents()]
        self.codes = [c.id for c in controller.codes()]
        self.times: dict[str, list[float]] = defaultdict(list)
        self.refused: Counter[str] = Counter()
        controller.error.connect(lambda message: self.refused.update([message[:60]]))

    def document(self) -> int:
        shown = self.window.current_document if self.window is not None else None
        return shown or self.rng.choice(self.documents)

    def span(self, document_id: int) -> tuple[int, int]:
        length = len(self.controller.text(document_id))
        start = self.rng.randrange(length - 40)
        return start, start + self.rng.randint(2, 40)

    def coding(self) -> Any:
        found = self.controller.annotations(self.document())
        return self.rng.choice(found) if found else None

    def choose(self) -> str:
        kind = self.rng.choices(list(WEIGHTS), list(WEIGHTS.values()))[0]
        if kind == "add" and len(self.controller.annotations()) > MOST:
            return "delete"
        if kind == "open" and self.window is None:
            return "add"
        return kind

    def step(self) -> None:
        kind = self.choose()
        action = self.action(kind)
        if action is None:
            return
        began = time.perf_counter()
        self.controller.run(action)
        if self.window is not None:
            self.window.view.viewport().repaint()
        self.times[kind].append((time.perf_counter() - began) * 1000)

    def action(self, kind: str) -> Callable[[], object] | None:
        c, rng = self.controller, self.rng
        if kind == "undo":
            return c.undo if c.can_undo else None
        if kind == "redo":
            return c.redo if c.can_redo else None
        if kind == "open":
            chosen = rng.choice(self.documents)
            return lambda: self.window.documents.select_document(chosen)
        if kind == "add":
            document = self.document()
            return lambda: c.add_annotation(document, rng.choice(self.codes), *self.span(document))
        a = self.coding()
        if a is None:
            return None
        return {
            "bounds": lambda: c.set_annotation_bounds(a.id, *self.span(a.document_id)),
            "memo": lambda: c.set_annotation_memo(a.id, "备忘" * rng.randint(0, 100)),
            "review": lambda: c.review(a.id, rng.choice(list(ReviewStatus)), "意见"),
            "recode": lambda: c.recode_annotations([a.id], rng.choice(self.codes)),
            "delete": lambda: c.delete_annotations([a.id]),
        }[kind]


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks",
                "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]  # fmt: skip


def malloc_in_use_mib() -> float:
    """Bytes malloc has handed out and not had back (C: SQLite, Qt, Python's large objects);
    flat while the RSS grows means memory kept by the allocator, not a leak."""
    mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 2**20


def qt_objects(window: Any) -> int:
    if window is None:
        return 0
    from PySide6.QtCore import QObject

    return len(window.findChildren(QObject))


def sample(soak: Soak, done: int, began: float) -> dict[str, float]:
    gc.collect()
    row = {"commands": done, "seconds": time.perf_counter() - began, "rss_mib": rss_mib(),
           "malloc_mib": malloc_in_use_mib(), "codings": len(soak.controller.annotations()),
           "python_objects": len(gc.get_objects()),
           "qt_objects": qt_objects(soak.window)}  # fmt: skip
    if tracemalloc.is_tracing():
        row["traced_mib"] = tracemalloc.get_traced_memory()[0] / 2**20
    print(" ".join(f"{k}={v:,.1f}" if isinstance(v, float) else f"{k}={v:,}"
                   for k, v in row.items()))  # fmt: skip
    return row


def slope(rows: list[dict[str, float]], key: str) -> float:
    """Least-squares growth of ``key`` per 1,000 commands."""
    xs, ys = [r["commands"] for r in rows], [r[key] for r in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return (
        1000
        * sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
        / sum((x - mx) ** 2 for x in xs)
    )


def growth(before: Any, after: Any) -> None:
    """Where traced Python memory grew between two snapshots (the 12 largest lines)."""
    print("\ntracemalloc, after the warm-up → the end (largest growth first):")
    for stat in after.compare_to(before, "lineno")[:12]:
        frame = stat.traceback[0]
        print(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d} blocks  "
              f"{frame.filename}:{frame.lineno}")  # fmt: skip


def soak(commands: int, seed: int, with_window: bool, trace: bool) -> None:
    app = offscreen_app()
    path = Path(tempfile.mkdtemp()) / "soak.annot"
    create_demo_project(path).close()
    if with_window:
        window = settled(app, shown_window(app, path))
        controller = window.controller
        controller.error.disconnect(window._show_error)  # a refusal would open a modal box
    else:
        from ui.controller import ProjectController

        window, controller = None, ProjectController()
        controller.open(path)
    controller.coder = "alice"
    runner, rows, began, snapshot = Soak(controller, window, seed), [], time.perf_counter(), None
    if trace:
        tracemalloc.start()
    rows.append(sample(runner, 0, began))
    for done in range(1, commands + 1):
        runner.step()
        app.processEvents()
        if done % SAMPLE == 0:
            rows.append(sample(runner, done, began))
        if trace and done == WARM_UP:
            snapshot = tracemalloc.take_snapshot()
    report(runner, rows)
    if snapshot is not None:
        growth(snapshot, tracemalloc.take_snapshot())
    print(f"project check: {controller.project.verify() or 'sound'}")
    controller.close()


def report(runner: Soak, rows: list[dict[str, float]]) -> None:
    warm = min(WARM_UP, rows[-1]["commands"] // 2)
    late = [r for r in rows if r["commands"] >= warm]
    late = late if len(late) > 1 else rows  # a short run: no warm-up to leave out
    first, last = rows[0], rows[-1]
    print(f"\nRSS {first['rss_mib']:.1f} → {late[0]['rss_mib']:.1f} "
          f"(after {late[0]['commands']:,.0f}) → "
          f"{last['rss_mib']:.1f} MiB; slope after the warm-up "
          f"{slope(late, 'rss_mib') * 1024:+.1f} KiB per 1,000 commands "
          f"(malloc in use {slope(late, 'malloc_mib') * 1024:+.1f} KiB, "
          f"Python objects {slope(late, 'python_objects'):+.0f}, "
          f"Qt objects {slope(late, 'qt_objects'):+.0f}, "
          f"codings {slope(late, 'codings'):+.0f})")  # fmt: skip
    grown = last["rss_mib"] - late[0]["rss_mib"]
    commands = last["commands"] - late[0]["commands"]
    print(f"growth after the warm-up: {grown:+.1f} MiB over {commands:,.0f} commands "
          f"({grown * 2**20 / commands:+.0f} bytes per command)")  # fmt: skip
    print(f"{last['seconds']:.0f} s; refused by the core: {dict(runner.refused) or 'none'}")
    print("| command | count | median | p95 | max |\n|---|---|---|---|---|")
    for kind, values in sorted(runner.times.items()):
        s = summary(values)
        print(f"| {kind} | {s['n']:,} | {s['median']:.1f} ms | {s['p95']:.1f} ms | "
              f"{s['max']:.0f} ms |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-window", action="store_true")
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    print(f"soak: {args.commands:,} commands, seed {args.seed}, "
          f"{'controller alone' if args.no_window else 'main window'}"
          f"{', tracemalloc' if args.trace else ''}; {sys.version.split()[0]}")  # fmt: skip
    soak(args.commands, args.seed, not args.no_window, args.trace)


if __name__ == "__main__":
    main()
