"""The coding workspace on a large document: open it, add a coding, scroll.

A 300,000-character document (the corpus articles repeated) with 10,000
annotations over 20 codes, in the real main window on Qt's offscreen
platform (1200×800). Measured in the same run, as floors (limits.md):
Qt alone putting the text in a plain-text widget with the same highlights
merged inside one edit block, and one more highlight merged and painted.

    QT_QPA_PLATFORM=offscreen python bench/bench_workspace.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.models import NewDocument
from annotator.project import Project
from annotator.resources import demo_corpus_paths
from ui.app import build_window

CHARS = 300_000
ANNOTATIONS = 10_000


def build(path: Path) -> None:
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in demo_corpus_paths())
    text = (corpus * (CHARS // len(corpus) + 1))[:CHARS].replace("\r", "")
    with Project.create(path) as project:
        project.coder = "bench"
        [document] = project.add_documents([NewDocument(text=text, raw_text=text, title="大文档")])
        codes = [project.add_code(key=f"C{i}", name=f"编码{i}", color=f"#{(0x90 + i * 3):02x}c0e0")
                 for i in range(20)]  # fmt: skip
        step = CHARS // ANNOTATIONS
        for index in range(ANNOTATIONS):
            start = index * step
            project.add_annotation(document.id, codes[index % 20].id, start, start + 12)


def floor(text: str, spans: list[tuple[int, int]], app: QApplication) -> tuple[float, float]:
    view = QPlainTextEdit()
    view.resize(1200, 800)
    view.show()
    began = time.perf_counter()
    view.setPlainText(text)
    cursor = QTextCursor(view.document())
    cursor.beginEditBlock()
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#cce0ff"))
    for start, end in spans:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()
    view.repaint()
    app.processEvents()
    shown = time.perf_counter() - began
    began = time.perf_counter()
    cursor.setPosition(150_001)
    cursor.setPosition(150_005, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)
    view.repaint()
    one = time.perf_counter() - began
    view.close()
    return shown, one


def main() -> None:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().setValue("coder", "bench")
    path = folder / "big.annot"
    build(path)

    began = time.perf_counter()
    window = build_window(path)
    window.resize(1200, 800)
    done: list[float] = []
    window.view.painted_all.connect(lambda: done.append(time.perf_counter()))
    window.show()
    window.view.repaint()
    opened = time.perf_counter() - began  # shown, its first screens highlighted and painted
    while not done:
        app.processEvents()
    all_painted = done[0] - began  # every highlight of the document painted

    adds = []
    code_id = window.controller.codes()[0].id
    for index in range(20):
        start = 150_003 + index * 40
        window.view.select_span(start, start + 5)
        began = time.perf_counter()
        window.apply_code(code_id)
        window.view.repaint()
        adds.append(time.perf_counter() - began)

    scrolls = []
    bar = window.view.verticalScrollBar()
    for fraction in (0.5, 0.25, 0.75, 0.1, 0.9):
        began = time.perf_counter()
        bar.setValue(int(bar.maximum() * fraction))
        window.view.viewport().repaint()
        scrolls.append(time.perf_counter() - began)

    text = window.controller.text(window.current_document or 0)
    spans = [(a.start, a.end) for a in window.controller.annotations(window.current_document)]
    qt_shown, qt_one = floor(text, spans, app)
    ms = 1000
    print(f"document: {len(text):,} characters, {len(spans):,} annotations")
    print(f"open project and show the document: {opened * ms:.0f} ms "
          f"(every highlight painted: {all_painted * ms:.0f} ms)")  # fmt: skip
    print(f"  Qt alone, text + highlights: {qt_shown * ms:.0f} ms (ratio {opened / qt_shown:.1f}x)")
    print(f"add one annotation until painted: median {statistics.median(adds) * ms:.1f} ms, "
          f"max {max(adds) * ms:.1f} ms")  # fmt: skip
    print(f"  Qt alone, one merge + repaint: {qt_one * ms:.1f} ms")
    print(f"scroll and repaint: median {statistics.median(scrolls) * ms:.1f} ms, "
          f"max {max(scrolls) * ms:.1f} ms")  # fmt: skip
    window.controller.close()


def startup() -> float:
    """Seconds from launching a fresh Python to the main window shown on the demo project."""
    import subprocess

    script = (
        "import sys, tempfile\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[1])\n"
        "QSettings().setValue('coder', 'bench')\n"
        "from ui.app import build_window\n"
        "window = build_window(None, demo_path=Path(sys.argv[1]) / 'demo.annot')\n"
        "window.show(); app.processEvents()\n"
    )
    folder = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-c", script, folder], check=True)  # creates the demo
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", script, folder], check=True)
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
    print(f"start to window shown (fresh process, demo project): {startup() * 1000:.0f} ms")
