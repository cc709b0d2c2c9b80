"""Scale (issue 9): a project of 10,000 articles and 100,000 codings by two coders.

The project is built once and kept in ``bench/out/scale/`` (git-ignored), by
``bench_export.build`` with ``bench_agreement``'s corpus project stretched to
10,000 articles: the default codebook, 50,000 random codings each by alice and
bob, 10,000 of them reviewed by rita. Every measurement then runs in a fresh
process, so the peak RSS it reports is its own (``base`` is the RSS after the
imports, before the work):

- ``open``: ``Project.open`` (5 times), with the data the document list needs,
  and the rotating backup the window takes one second after showing;
- ``window``: the main window opened on the project until the document list
  and the first document are shown (5 fresh processes);
- ``document``: choosing a document in the window until text, highlights and
  panels are painted: the most coded one, a typical one and random ones,
  beside Qt alone showing the same text and highlights (bench_workspace.floor);
- ``list``: the document list scrolled top to bottom a page a step, beside a
  bare QTableView with the same cells; then sorting and filtering it;
- ``search``: bench_search's 1-, 2- and 4-character queries;
- ``agreement``: alice × bob over every document, per unit (one process each);
- ``.xlsx``, ``raw`` (its openpyxl floor) and ``.csv``: bench_export's children.

    QT_QPA_PLATFORM=offscreen python bench/bench_scale.py [--rebuild] [--only open,window,...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

import bench_agreement  # bench/ is on the path when run as a script
import bench_export
from bench_search import FOUR, ONE, TWO, p95, timed, words

from annotator.project import Project

DOCUMENTS = 10_000
OUT = Path(__file__).resolve().parent / "out" / "scale"
PROJECT = OUT / "bench.annot"  # the name bench_export's children open
REPEATS = 20
UNITS = ("character", "sentence", "paragraph", "document")
Figures = dict[str, Any]


def rss_mib() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def summary(values: list[float]) -> Figures:
    return {"median": statistics.median(values), "p95": p95(values), "max": max(values),
            "n": len(values)}  # fmt: skip


# -- the steps, each run in its own process -------------------------------------
def step_build() -> Figures:
    bench_agreement.DOCUMENTS = DOCUMENTS  # corpus_project reads it when called
    building = OUT.with_name("scale.partial")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    seconds, _ = timed(lambda: bench_export.build(building / PROJECT.name))
    building.rename(OUT)
    return {"seconds": seconds / 1000, "mib": PROJECT.stat().st_size / 2**20}


def step_open() -> Figures:
    from annotator.storage.backups import backup_folder

    opens, listed = [], []
    for _ in range(5):
        ms, project = timed(lambda: Project.open(PROJECT, backup=False))
        more, _ = timed(lambda p=project: (p.documents(), p.annotation_counts(),
                                           p.reviewed_counts()))  # fmt: skip
        opens.append(ms)
        listed.append(ms + more)
        project.close()
    shutil.rmtree(backup_folder(PROJECT), ignore_errors=True)  # so a real backup is taken
    with Project.open(PROJECT, backup=False) as project:
        backup, _ = timed(project.take_backup)
    shutil.rmtree(backup_folder(PROJECT), ignore_errors=True)
    return {"open": summary(opens), "open_and_list": summary(listed), "backup_ms": backup}


def offscreen_app() -> Any:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    QSettings().setValue("coder", "bench")
    return app


def shown_window(app: Any, path: Path = PROJECT) -> Any:
    from ui.app import build_window

    window = build_window(path)
    window.resize(1200, 800)
    window.show()
    window.repaint()
    app.processEvents()
    return window


def settled(app: Any, window: Any) -> Any:
    """Let the window's deferred work run first: the backup (1 s), the dictionary (1.5 s)."""
    until = time.perf_counter() + 3.5
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.01)
    return window


def settled_window() -> tuple[Any, Any, float]:
    """The app, the window on the project once settled, and the RSS then."""
    app = offscreen_app()
    window = settled(app, shown_window(app))
    return app, window, rss_mib()


def step_window(spawned: str) -> Figures:
    app = offscreen_app()
    base = rss_mib()
    ms, window = timed(lambda: shown_window(app))
    assert window.documents_model.rowCount() == DOCUMENTS
    assert window.current_document
    since_spawn = (time.time() - float(spawned)) * 1000
    window.controller.close()
    return {"window_ms": ms, "from_spawn_ms": since_spawn, "base_mib": base}


def chosen_documents(window: Any) -> tuple[int, int, list[int]]:
    """The most coded document, a typical one (the median count) and 60 others."""
    counts = window.controller.annotation_counts()
    ranked = sorted(counts, key=lambda i: (counts[i], i))
    heavy, typical = ranked[-1], ranked[len(ranked) // 2]
    others = [i for i in random.Random(3).sample(ranked, 60) if i not in (heavy, typical)]
    return heavy, typical, others


def open_document(app: Any, window: Any, document_id: int) -> float:
    began = time.perf_counter()
    window.documents.select_document(document_id)
    window.repaint()  # the text with its highlights, the codings, the code counts
    elapsed = (time.perf_counter() - began) * 1000
    assert window.current_document == document_id
    app.processEvents()
    return elapsed


def step_document() -> Figures:
    from bench_workspace import floor

    app, window, base = settled_window()
    heavy, typical, others = chosen_documents(window)
    times: dict[str, list[float]] = {"heavy": [], "typical": [], "random": []}
    for index in range(REPEATS):
        times["heavy"].append(open_document(app, window, heavy))
        times["typical"].append(open_document(app, window, typical))
        times["random"].append(open_document(app, window, others[index]))
    text = window.controller.text(heavy)
    spans = [(a.start, a.end) for a in window.controller.annotations(heavy)]
    qt = [floor(text, spans, app)[0] * 1000 for _ in range(REPEATS)]
    codings = window.controller.annotation_counts([heavy, typical])
    window.controller.close()
    figures: Figures = {label: summary(values) for label, values in times.items()}
    return figures | {"qt_alone_heavy": summary(qt), "base_mib": base, "characters": len(text),
                      "codings": [codings[heavy], codings[typical]]}  # fmt: skip


def scroll_through(app: Any, view: Any) -> list[float]:
    """Page down from top to bottom, painting each step; the milliseconds of each."""
    bar, steps = view.verticalScrollBar(), []
    bar.setValue(0)
    view.viewport().repaint()
    while bar.value() < bar.maximum():
        began = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        app.processEvents()
        steps.append((time.perf_counter() - began) * 1000)
    return steps


def bare_table(view: Any) -> Any:
    """A QTableView over a QStandardItemModel holding the same cells as ``view``."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    source, bare = view.model(), QTableView()
    model = QStandardItemModel(source.rowCount(), source.columnCount(), bare)
    for row in range(source.rowCount()):
        for column in range(source.columnCount()):
            model.setItem(row, column, QStandardItem(str(source.index(row, column).data())))
    bare.setModel(model)
    bare.verticalHeader().hide()
    bare.resize(view.size())
    bare.show()
    return bare


def step_list() -> Figures:
    from PySide6.QtCore import Qt

    app, window, base = settled_window()
    view, panel = window.documents_view, window.documents
    ours = scroll_through(app, view)
    floor = scroll_through(app, bare_table(view))
    sort, _ = timed(lambda: (view.sortByColumn(4, Qt.SortOrder.DescendingOrder), view.repaint()))
    typed = {text: timed(lambda t=text: (panel.filter_edit.setText(t), view.repaint()))[0]
             for text in ("1", "12", "123", "")}  # fmt: skip
    window.controller.close()
    return {"scroll": summary(ours), "scroll_total_ms": sum(ours), "qt_alone": summary(floor),
            "sort_ms": sort, "filter_ms": typed, "base_mib": base,
            "viewport": [view.viewport().width(), view.viewport().height()]}  # fmt: skip


def step_search() -> Figures:
    from annotator.search import search

    with Project.open(PROJECT, backup=False) as project:
        base = rss_mib()
        cold, _ = timed(lambda: search(project, "乡村振兴", limit=1000))
        first_one, _ = timed(lambda: search(project, "党", limit=1000))
        lengths = {"1": words(ONE, 1), "2": words(TWO, 2), "4": words(FOUR, 4)}
        figures: Figures = {
            length: summary([timed(partial(search, project, q, limit=1000))[0] for q in queries])
            for length, queries in lengths.items()
        }
    return figures | {"first_query_ms": cold, "first_one_char_ms": first_one, "base_mib": base}


def step_agreement(unit: str) -> Figures:
    from annotator.agreement.compute import agreement
    from annotator.agreement.report import reliability_report

    with Project.open(PROJECT, backup=False) as project:
        base = rss_mib()
        times = [timed(lambda: agreement(project, "alice", "bob", unit))[0] for _ in range(3)]
        report, _ = timed(lambda: reliability_report(project, ["alice", "bob"], unit))
    return {"first_ms": times[0], "median_ms": statistics.median(times), "base_mib": base,
            "report_ms": report}  # fmt: skip


STEPS = {"build": step_build, "open": step_open, "window": step_window,
         "document": step_document, "list": step_list, "search": step_search,
         "agreement": step_agreement}  # fmt: skip


def child(step: str, args: list[str]) -> None:
    figures = STEPS[step](*args)
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def run(step: str, *args: str) -> Figures:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, __file__, step, *args], env=env, check=True,
                          capture_output=True, text=True)  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- the parent: build once, run each step, report ------------------------------
def measure(only: set[str]) -> Figures:
    results: Figures = {}
    if "open" in only:
        results["open"] = run("open")
    if "window" in only:
        from bench_workspace import startup

        results["window"] = [run("window", str(time.time())) for _ in range(5)]
        results["window_demo_ms"] = startup() * 1000
    for step in ("document", "list", "search"):
        if step in only:
            results[step] = run(step)
    if "agreement" in only:
        results["agreement"] = {unit: run("agreement", unit) for unit in UNITS}
    for step in (".xlsx", "raw", ".csv"):
        if step.strip(".") in only or (step == "raw" and "xlsx" in only):
            results[step] = bench_export.run(step, OUT)
    return results


def line(name: str, figure: str, peak: Figures | list[Figures], note: str = "") -> None:
    runs = peak if isinstance(peak, list) else [peak]
    memory = " / ".join(f"{r['peak_mib']:.0f}" for r in runs[:1])
    base = runs[0].get("base_mib")
    memory += f" (base {base:.0f})" if base else ""
    print(f"| {name} | {figure} | {memory} MiB | {note} |")


def mark(met: bool) -> str:
    return "✔" if met else "✘"


def ms(figures: Figures) -> str:
    return f"median {figures['median']:.1f} / p95 {figures['p95']:.1f} ms"


def report(r: Figures) -> None:
    print("| operation | figure | peak RSS | floor, ratio, aim |\n|---|---|---|---|")
    report_window(r)
    report_core(r)


def report_window(r: Figures) -> None:
    if "open" in r:
        o = r["open"]
        line("Project.open", ms(o["open"]), o, f"with the list's data: {ms(o['open_and_list'])}")
        line("rotating backup (GUI, 1 s after show)", f"{o['backup_ms']:.0f} ms", o)
    if "window" in r:
        w = r["window"]
        spawn = statistics.median(x["from_spawn_ms"] for x in w)
        each = ", ".join(f"{x['window_ms']:.0f}" for x in w)
        line("window on the project, list + first document shown",
             f"median {statistics.median(x['window_ms'] for x in w):.0f} ms ({each})", w,
             f"from a fresh process: median {spawn:.0f} ms; aim < 1 s {mark(spawn < 1000)}"
             f" (demo project: {r['window_demo_ms']:.0f} ms)")  # fmt: skip
    if "document" in r:
        d = r["document"]
        qt = d["qt_alone_heavy"]["median"]
        for label in ("heavy", "typical", "random"):
            line(f"open a document ({label})", ms(d[label]), d,
                 f"Qt alone (heavy): {qt:.1f} ms, ×{d[label]['median'] / qt:.1f}; aim < 200 ms "
                 f"{mark(d[label]['p95'] < 200)}")  # fmt: skip
    if "list" in r:
        s = r["list"]
        ratio = s["scroll"]["p95"] / s["qt_alone"]["p95"]
        line(f"scroll the list, {s['scroll']['n']} pages", ms(s["scroll"]), s,
             f"bare QTableView: {ms(s['qt_alone'])}, ×{ratio:.1f} at p95; sort by codings "
             f"{s['sort_ms']:.0f} ms; filter typed "
             + ", ".join(f"'{t}' {v:.0f} ms" for t, v in s["filter_ms"].items()))  # fmt: skip


def report_core(r: Figures) -> None:
    if "search" in r:
        q = r["search"]
        for length in ("1", "2", "4"):
            line(f"search, {length} characters", ms(q[length]), q,
                 f"aim p95 < 100 ms {mark(q[length]['p95'] < 100)}")  # fmt: skip
        line("first query after opening", f"{q['first_query_ms']:.0f} ms", q)
    for unit, a in r.get("agreement", {}).items():
        line(f"agreement alice × bob, {unit}", f"first {a['first_ms']:.0f} / median "
             f"{a['median_ms']:.0f} ms", a, f"the window's reliability report (α, κ, R): "
             f"{a['report_ms']:.0f} ms, in the GUI thread")  # fmt: skip
    if ".xlsx" in r and "raw" in r:
        x, raw = r[".xlsx"], r["raw"]
        ratio = x[".xlsx"] / raw[".xlsx"]
        line("export .xlsx (every sheet)", f"{x['.xlsx']:.1f} s", x,
             f"openpyxl write-only, same {raw['cells']:,.0f} cells: {raw['.xlsx']:.1f} s, peak "
             f"{raw['peak_mib']:.0f} MiB; ×{ratio:.2f} (aim ≤ 1.5 {mark(ratio <= 1.5)});"
             f" peak < 500 MB {mark(x['peak_mib'] * 1.048576 < 500)}")  # fmt: skip
    if ".csv" in r:
        line("export .csv", f"{r['.csv']['.csv']:.1f} s", r[".csv"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--only", default="open,window,document,list,search,agreement,xlsx,csv")
    args = parser.parse_args()
    if args.rebuild:
        shutil.rmtree(OUT, ignore_errors=True)
    if not PROJECT.exists():
        built = run("build")
        print(f"built in {built['seconds']:.0f} s: {built['mib']:.0f} MiB, "
              f"peak {built['peak_mib']:.0f} MiB")  # fmt: skip
    print(f"{PROJECT}: {PROJECT.stat().st_size / 2**20:.0f} MiB")
    results = measure(set(args.only.split(",")))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"results-{stamp}.json").write_text(json.dumps(results, indent=1))
    report(results)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] in STEPS:
        child(sys.argv[1], sys.argv[2:])
    else:
        main()
