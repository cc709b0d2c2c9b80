"""The File menu: new, open, recent projects, save a copy, import, export, codebook, coder,
and REFI-QDA (.qdpx) projects.

Kept apart from the main window so that window stays wiring. Recent projects
live in the user's settings (``recent``, newest first, eight at most); the
window opens the first of them at start when it still exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox

from annotator.models import DocumentId
from annotator.project import SUFFIX
from ui.dialogs.coder_dialog import CoderDialog
from ui.models.document_table_model import ID_ROLE
from ui.recovery import Recovery

if TYPE_CHECKING:
    from ui.main_window import MainWindow

RECENT_MAX = 8


def recent_projects() -> list[str]:
    value = QSettings().value("recent", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [item for item in items if isinstance(item, str)]


def remember(path: Path) -> None:
    """Put ``path`` first in the recent projects."""
    entry = str(path.resolve())
    QSettings().setValue(
        "recent", [entry, *(p for p in recent_projects() if p != entry)][:RECENT_MAX]
    )


class FileMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        menu = window.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._add(
            menu, self.tr("&New project…"), QKeySequence.StandardKey.New, self.new
        )
        self._add(menu, self.tr("&Open…"), QKeySequence.StandardKey.Open, self.open)
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._add(menu, self.tr("Save a &copy…"), "", self.save_copy)
        self.recovery = Recovery(window)
        self._add(menu, self.tr("Restore from &backup…"), "", self.recovery.choose)
        menu.addSeparator()
        self._add(menu, self.tr("&Import…"), "Ctrl+I", self.import_files)
        self._add(menu, self.tr("&Export…"), "Ctrl+E", self.export)
        self._add(menu, self.tr("Import REFI-QDA project (.qdpx)…"), "", self.import_qdpx)
        editor = window.codebook_editor
        self._add(menu, self.tr("Import codebook…"), "", editor.import_codebook)
        self._add(menu, self.tr("Export codebook…"), "", editor.export_codebook)
        menu.addSeparator()
        self._add(menu, self.tr("Change coder…"), "", self.change_coder)
        menu.addSeparator()
        self._add(menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, window.close)
        self.controller.project_replaced.connect(self._remember_open_project)

    def _projects(self) -> str:
        return self.tr("Annotator projects (*{0})").format(SUFFIX)

    def _add(self, menu: QMenu, text: str, keys: object, slot: object) -> QAction:
        action = menu.addAction(text)
        action.setShortcut(QKeySequence(keys))  # type: ignore[call-overload]
        action.triggered.connect(slot)
        return action

    def _remember_open_project(self) -> None:
        if self.controller.has_project and self.controller.project.path is not None:
            remember(self.controller.project.path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in recent_projects():
            self.recent_menu.addAction(entry).triggered.connect(
                lambda _=False, path=entry: self.controller.run(
                    lambda: self.controller.open(Path(path))
                )
            )

    def new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New project"), "", self._projects()
        )
        if not path:
            return
        answer = QMessageBox.question(
            self.window, self.tr("New project"),
            self.tr("Start with the default codebook (measures and mechanisms)?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Cancel:
            return
        target = Path(path).with_suffix(SUFFIX)
        default = answer == QMessageBox.StandardButton.Yes
        self.controller.run(lambda: self.controller.new_project(target, default_codebook=default))

    def open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open project"), "", self._projects()
        )
        if path:
            self.controller.run(lambda: self.controller.open(Path(path)))

    def save_copy(self) -> None:
        if not self.controller.has_project:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save a copy"), "", self._projects()
        )
        if path:
            target = Path(path)
            if target.suffix != SUFFIX:
                target = target.with_name(target.name + SUFFIX)
                if (
                    target.exists()
                    and QMessageBox.question(
                        self.window,
                        self.tr("Save a copy"),
                        self.tr("{0} exists already. Replace it?").format(target),
                    )
                    != QMessageBox.StandardButton.Yes
                ):
                    return
            if self.controller.run(lambda: self.controller.save_copy(target)) is not None:
                self.window.statusBar().showMessage(
                    self.tr("Saved a copy: {0}").format(target), 6000
                )

    def import_files(self) -> None:
        if not self.controller.has_project:
            return
        from annotator.importing import ImportStatus
        from ui.dialogs.import_dialog import ImportDialog  # loads the import pipeline

        results = self.controller.run(lambda: ImportDialog.ask(self.controller, self.window))
        if results:
            imported = sum(1 for r in results if r.status is ImportStatus.IMPORTED)
            QMessageBox.information(
                self.window, self.tr("Import"),
                self.tr("{0} of {1} files imported.").format(imported, len(results))
                + "\n\n" + "\n".join(result.line() for result in results),
            )  # fmt: skip

    def export(self) -> None:
        """The export dialog; afterwards, what was written (and an offer to open it)."""
        if not self.controller.has_project:
            return
        from ui.dialogs.export_dialog import ExportDialog  # loads the exporters

        dialog = ExportDialog(self.controller, self.window, self._selected_documents())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.written is not None:
            path, count = dialog.written
            message = self.tr("Exported {0} codings to {1}").format(count, path)
            self.window.statusBar().showMessage(message, 10000)
            if path.is_dir() or path.suffix.lower() in (".xlsx", ".html"):
                self._offer_to_open(path, message)
        dialog.deleteLater()

    def _selected_documents(self) -> list[DocumentId]:
        rows = self.window.documents_view.selectionModel().selectedRows()
        return [DocumentId(int(index.data(ID_ROLE))) for index in rows]

    def _offer_to_open(self, path: Path, message: str) -> None:
        answer = QMessageBox.question(
            self.window, self.tr("Export"), message + "\n\n" + self.tr("Open it now?")
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def import_qdpx(self) -> None:
        """Make a new project from a REFI-QDA project (.qdpx) and open it."""
        source, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import REFI-QDA project"), "",
            self.tr("REFI-QDA projects (*.qdpx)"),
        )  # fmt: skip
        if not source:
            return
        target = self._new_project_path(Path(source).with_suffix(SUFFIX))
        if target is None:
            return
        c = self.controller
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            notes = c.run(lambda: c.import_qdpx(Path(source), target))
        finally:
            QApplication.restoreOverrideCursor()
        if notes is None:
            return
        message = self.tr("Imported {0} as the new project {1}").format(Path(source).name, target)
        self.window.statusBar().showMessage(message, 10000)
        if notes:
            QMessageBox.information(
                self.window, self.tr("Import REFI-QDA project"),
                message + "\n\n" + self.tr("Left out:") + "\n" + "\n".join(notes[:30]),
            )  # fmt: skip

    def _new_project_path(self, suggested: Path) -> Path | None:
        """Where a new project goes: asked again while the chosen file exists."""
        while True:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save the new project as"), str(suggested),
                self._projects(), options=QFileDialog.Option.DontConfirmOverwrite,
            )  # fmt: skip
            if not chosen:
                return None
            target = Path(chosen)
            if target.suffix != SUFFIX:
                target = target.with_name(target.name + SUFFIX)
            if not target.exists():
                return target
            QMessageBox.warning(
                self.window, self.tr("Import REFI-QDA project"),
                self.tr("{0} exists already: a new project needs a new file.").format(target),
            )  # fmt: skip
            suggested = target

    def change_coder(self) -> None:
        name = CoderDialog.ask(self.window, self.controller.coder)
        if name:
            self.controller.coder = name
            QSettings().setValue("coder", name)
            self.window.on_coder_changed()
