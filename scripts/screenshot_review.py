"""Screenshots of the review tools on the demo project, with a second coder added.

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_review.py \
        docs/review-queue.png --queue
    ... docs/compare.png --compare
    ... docs/reliability.png --reliability
    ... docs/export-dialog.png --export

The demo's codings of the article 强化党建引领力 are copied to a second coder,
李四, with some left out, some moved and one recoded, so the tools have
disagreements to show.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from screenshot import demo_window, grab  # scripts/ is on the path when run as a script

from annotator.models import ReviewStatus
from annotator.project import Project
from ui.main_window import MainWindow


def second_coder(project: Project) -> int:
    """李四's codings of the article, made from the demo coder's; returns its id."""
    article = next(d for d in project.documents() if "强化" in (d.title or ""))
    codes = project.codes()
    for index, a in enumerate(project.annotations(article.id)):
        if index % 4 == 1:
            continue  # 李四 missed it
        start = a.start + 2 if index % 4 == 2 else a.start
        code = (
            codes[(codes.index(project.code(a.code_id)) + 1) % len(codes)] if index == 3 else None
        )
        project.add_annotation(
            article.id, (code or project.code(a.code_id)).id, start, a.end, coder="李四"
        )
    return article.id


def stage(window: MainWindow, mode: str, out: Path) -> None:
    controller = window.controller
    article = second_coder(controller.project)
    window.documents.select_document(article)
    if mode == "--queue":
        window.teamwork.queue_action.trigger()
        review = window.teamwork.review
        review.document_filter.setCurrentIndex(review.document_filter.findData("shown"))
        for row, status in enumerate((ReviewStatus.ACCEPTED, ReviewStatus.ACCEPTED,
                                      ReviewStatus.REJECTED)):  # fmt: skip
            controller.review(review.model.items[row].annotation.id, status)
        review.table.selectRow(2)
        rejected = review.model.items[2].annotation
        window.view.select_span(rejected.start, rejected.start)  # a caret: the strike shows

        def taller() -> None:
            window.resizeDocks([window.teamwork.dock], [400], Qt.Orientation.Vertical)
            QTimer.singleShot(600, lambda: finish(window, out, None))

        QTimer.singleShot(300, taller)
    elif mode == "--compare":
        from ui.dialogs.compare_dialog import CompareDialog

        dialog = CompareDialog(controller, window, article)
        dialog.resize(1500, 900)
        dialog.move(40, 40)
        dialog.show()
        dialog.table.selectRow(0)
        dialog.adopt_from(1)  # the first coder's version into the consensus layer
        dialog.table.selectRow(1)  # then a place where the bounds differ
        QTimer.singleShot(600, lambda: finish(window, out, dialog))
    elif mode == "--export":
        from ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(controller, window, [article])
        dialog.resize(720, 760)
        dialog.move(400, 80)
        dialog.show()
        QTimer.singleShot(600, lambda: finish(window, out, dialog))
    else:
        from ui.dialogs.reliability_dialog import ReliabilityDialog

        dialog = ReliabilityDialog(controller, window)
        dialog.resize(1200, 760)
        dialog.move(200, 100)
        dialog.show()
        QTimer.singleShot(600, lambda: finish(window, out, dialog))


def finish(window: MainWindow, out: Path, dialog: object) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    grab(app, out, dialog.close if dialog is not None else window.close)  # type: ignore[attr-defined]


def main() -> int:
    out = Path(sys.argv[1])
    mode = next((a for a in sys.argv[2:] if a.startswith("--")), "--queue")
    app, window = demo_window("zh_CN")
    QTimer.singleShot(800, lambda: stage(window, mode, out))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
