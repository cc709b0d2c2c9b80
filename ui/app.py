"""Starting the program: ``python main.py [PROJECT]`` or the ``annotator-gui`` script.

With no project named, the last project opened comes back; on first start
(or when it is gone) the demo project (the five corpus articles and the
default codebook) opens from the user's data folder, created then.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.identity import default_coder_name
from annotator.recovery import as_user_error
from ui.controller import ProjectController
from ui.dialogs.coder_dialog import CoderDialog
from ui.file_menu import recent_projects
from ui.i18n import install
from ui.main_window import MainWindow


def build_window(project_path: Path | None, demo_path: Path | None = None) -> MainWindow:
    """The main window on ``project_path``, else the last project, else the demo.

    ``demo_path`` says where the demo lives (the user's data folder if not given).
    Errors are shown, not raised.
    """
    settings = QSettings()
    controller = ProjectController()
    window = MainWindow(controller)
    coder = str(settings.value("coder", "") or "")
    if not coder:  # first start: ask once, remember
        coder = CoderDialog.ask(window, default_coder_name()) or default_coder_name()
        settings.setValue("coder", coder)
    controller.coder = coder
    window.restore_layout(settings)
    try:
        path = project_path or next((Path(p) for p in recent_projects() if Path(p).exists()), None)
        if path is None:
            controller.open_demo(demo_path)
        else:
            controller.open(path)
    except AnnotatorError as error:
        QMessageBox.critical(window, "Annotator", str(error))
    return window


_windows: list[MainWindow] = []  # the window on screen (a top-level widget needs an owner)


def rebuild_in_language(old: MainWindow) -> MainWindow:
    """Replace ``old`` by a window in the newly chosen language, on the same project."""
    install()
    settings = QSettings()
    old.save_layout(settings)
    old.detach()
    window = MainWindow(old.controller)
    window.restore_layout(settings)
    if old.only_mine_action.isChecked():
        window.only_mine_action.trigger()
    if old.current_document is not None:
        window.documents.select_document(old.current_document)
    window.language_changed.connect(lambda _language: rebuild_in_language(window))
    old.keep_project = True
    old.close()
    window.show()
    _windows[:] = [window]
    return window


def _report_user_errors(
    controller: ProjectController,
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> None:
    """A user error that escaped a slot (say, a damaged page met while redrawing) is shown
    as every other one is; anything else is a bug and goes to the default hook."""
    problem = error if isinstance(error, AnnotatorError) else as_user_error(error)
    if problem is not None:
        controller.report(problem)
    else:
        sys.__excepthook__(kind, error, trace)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(args)
    app.setApplicationName("Annotator")
    app.setOrganizationName("Annotator")
    app.setApplicationVersion(__version__)
    install()
    window = build_window(Path(args[1]) if len(args) > 1 else None)
    sys.excepthook = partial(_report_user_errors, window.controller)
    window.language_changed.connect(lambda _language: rebuild_in_language(window))
    _windows[:] = [window]
    window.show()
    return app.exec()
