"""Take the README's screenshots: real windows on an X server (run under xvfb-run).

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot.py docs/main-window.png
    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot.py \
        docs/import-dialog.png --import-dialog

    ... docs/suggestions.png --suggestions
    ... docs/code-editor.png --code-editor
    ... docs/search.png --search
    ... docs/restore-backup.png --backups
    ... docs/stats.png --stats                  # or --stats codes|cooccurrence|words|crosstab

The first opens a fresh demo project, shows the article with overlapping
codings and selects one coding in the panel; the second opens the import
dialog on the demo articles and shows the one with spam and navigation lines;
the third shows the keyword suggestions of an article (dotted lines), the
fourth the code editor, the fifth the corpus search dock with the hits of 党建
and one of them selected in its article, the sixth the statistics window on
one tab: co-occurrence (codes meeting in the same document, the default), the
code-frequency chart (codes), the corpus's word counts (words) or the codes ×
region levels (crosstab).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from ui.app import build_window
from ui.i18n import install
from ui.main_window import MainWindow


def import_dialog(app: QApplication, out: Path) -> int:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    QSettings().setValue("language", "zh_CN")
    install()
    from annotator.project import Project
    from annotator.resources import demo_corpus_paths
    from ui.controller import ProjectController
    from ui.dialogs.import_dialog import ImportDialog

    controller = ProjectController(Project.in_memory())
    dialog = ImportDialog(controller)
    dialog.resize(1560, 940)
    dialog.move(20, 20)
    dialog.show()

    def ready() -> None:
        dialog.files.setCurrentRow(2)  # 002: SEO spam, navigation, breadcrumb, byline
        QTimer.singleShot(600, lambda: grab(app, out, dialog.close))

    def stage() -> None:
        dialog.preparation_finished.connect(ready)
        dialog.add_paths(demo_corpus_paths())

    QTimer.singleShot(800, stage)
    return app.exec()


def grab(app: QApplication, out: Path, then: object) -> None:
    app.primaryScreen().grabWindow(0).save(str(out))
    print(f"saved {out}")
    then()  # type: ignore[operator]
    app.quit()


def demo_window(language: str) -> tuple[QApplication, MainWindow]:
    """The main window on a fresh demo project, coder 张三, settings in a temporary folder."""
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().setValue("coder", "张三")
    QSettings().setValue("language", language)
    install()
    window = build_window(None, demo_path=folder / "演示项目 demo.annot")
    window.resize(1560, 940)
    window.move(20, 20)
    window.show()
    return app, window


def main(out: Path) -> int:
    app, window = demo_window("zh_CN" if "--english" not in sys.argv else "en")

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


def codebook(out: Path, *, editor: bool) -> int:
    """The keyword suggestions of article 003, or the code editor open on M4.1."""
    app, window = demo_window("zh_CN")

    def stage() -> None:
        documents = window.controller.documents()
        article = next(d for d in documents if (d.source_path or "").startswith("003_"))
        window.documents.select_document(article.id)
        code = window.controller.project.code_by_key("M4.1")
        if editor:
            from ui.dialogs.code_dialog import CodeDialog

            dialog = CodeDialog(code, lambda _fields: None, window)
            dialog.move(700, 80)
            dialog.show()
            QTimer.singleShot(600, lambda: grab(app, out, dialog.close))
            return
        window.suggestions_action.trigger()
        window.resizeDocks([window.suggestions_dock], [330], Qt.Orientation.Vertical)
        QTimer.singleShot(400, lambda: pick(code.id))

    def pick(code_id: int) -> None:
        panel = window.suggestions
        row = next(i for i, s in enumerate(panel.suggestions) if s.code_id == code_id)
        panel.list.setCurrentRow(row)
        window.view.centerCursor()
        QTimer.singleShot(400, lambda: grab(app, out, window.close))

    QTimer.singleShot(800, stage)
    return app.exec()


def search(out: Path) -> int:
    """The search dock on 党建, one hit chosen: its article shows it selected."""
    app, window = demo_window("zh_CN")

    def stage() -> None:
        window.search_action.trigger()
        window.resizeDocks([window.search_dock], [360], Qt.Orientation.Vertical)
        panel = window.search_panel
        panel.query.setText("党建")
        panel.run_search()
        row = next(r for r, line in enumerate(panel.model.lines) if line.unit == "4-3-1-3")
        panel.table.selectRow(row)
        panel.table.scrollTo(panel.model.index(row, 0))
        panel.table.setFocus()
        window.view.centerCursor()
        QTimer.singleShot(600, lambda: grab(app, out, window.close))

    QTimer.singleShot(800, stage)
    return app.exec()


def backups(out: Path) -> int:
    """File → Restore from backup…: three backups of the demo, the oldest damaged."""
    from annotator.recovery import backups as list_backups
    from ui.dialogs.backups_dialog import BackupsDialog

    app, window = demo_window("zh_CN")

    def stage() -> None:
        project = window.controller.project
        document = project.documents()[0]
        for index, code in enumerate(project.codes()[:3]):
            project.add_annotation(document.id, code.id, 10 * index, 10 * index + 6)
            project.take_backup()
        found = list_backups(project.path)
        path = found[-1].backup.path
        path.write_bytes(bytes(100) + path.read_bytes()[100:])  # the oldest: damaged
        dialog = BackupsDialog(list_backups(project.path), window)
        dialog.resize(860, 300)
        dialog.show()
        QTimer.singleShot(600, lambda: grab(app, out, window.close))

    QTimer.singleShot(800, stage)
    return app.exec()


STATS_TABS = ("codes", "cooccurrence", "words", "crosstab")


def stats_tab() -> str:
    """The tab named after --stats (co-occurrence when none is)."""
    after = sys.argv[sys.argv.index("--stats") + 1 :]
    chosen = after[0] if after and not after[0].startswith("--") else "cooccurrence"
    if chosen not in STATS_TABS:
        sys.exit(f"--stats takes one of {', '.join(STATS_TABS)}, not {chosen}")
    return chosen


def stats(out: Path, tab_name: str) -> int:
    """A tab of the statistics window: codes that meet in a document, the code
    frequency chart, the corpus's most frequent words or codes × region level."""
    app, window = demo_window("zh_CN")

    def stage() -> None:
        from ui.dialogs.stats_dialog import StatsDialog

        window.stats_action.trigger()
        dialog = window.findChild(StatsDialog)
        dialog.move(120, 60)
        dialog.resize(1200, 820)
        tab = {"codes": dialog.codes, "cooccurrence": dialog.co_occurrence,
               "words": dialog.words, "crosstab": dialog.crosstab}[tab_name]  # fmt: skip
        if tab is dialog.co_occurrence:
            tab.unit.setCurrentIndex(tab.unit.findData("document"))
        if tab is dialog.words:
            tab.count()  # jieba loads first: a few seconds
        dialog.tabs.setCurrentWidget(tab)
        QTimer.singleShot(600, lambda: grab(app, out, window.close))

    QTimer.singleShot(800, stage)
    return app.exec()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/main-window.png")
    if "--import-dialog" in sys.argv:
        sys.exit(import_dialog(QApplication(sys.argv[:1]), target))
    if "--suggestions" in sys.argv or "--code-editor" in sys.argv:
        sys.exit(codebook(target, editor="--code-editor" in sys.argv))
    if "--backups" in sys.argv:
        sys.exit(backups(target))
    if "--search" in sys.argv:
        sys.exit(search(target))
    if "--stats" in sys.argv:
        sys.exit(stats(target, stats_tab()))
    sys.exit(main(target))
