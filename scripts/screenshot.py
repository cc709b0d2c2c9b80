"""Take the README's screenshot: the real window on an X server (run under xvfb-run).

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot.py docs/main-window.png

It opens a fresh demo project, shows the article with overlapping codings,
selects one coding in the panel, and grabs the whole screen.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from ui.app import build_window


def main(out: Path) -> int:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().setValue("coder", "张三")
    window = build_window(None, demo_path=folder / "演示项目 demo.annot")
    window.resize(1560, 940)
    window.move(20, 20)
    window.show()

    def stage() -> None:
        model = window.documents_model
        row = next(r for r in range(model.rowCount()) if "强化" in str(model.index(r, 0).data()))
        window.documents_view.selectRow(row)
        annotations = window.annotations_model
        target = next(
            r for r in range(annotations.rowCount())
            if annotations.annotation(r).quote.startswith("以村民小组")
        )  # fmt: skip
        window.annotations_view.selectRow(target)
        window.annotations_view.clicked.emit(annotations.index(target, 0))
        overlap = annotations.annotation(target)
        window.view.select_span(overlap.start, overlap.start)  # a caret: colours stay visible
        window.view.centerCursor()
        QTimer.singleShot(600, grab)

    def grab() -> None:
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(out))
        print(f"saved {out}")
        window.close()
        app.quit()

    QTimer.singleShot(800, stage)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/main-window.png")))
