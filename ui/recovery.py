"""Backups in the window: File → Restore from backup…, and the offer made when a
project turns out damaged (on opening, at its rotating backup, or on a read).

Kept apart from the File menu so that stays a list of actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from annotator import recovery
from ui.dialogs.backups_dialog import BackupsDialog, taken_text

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def read_only_banner(parent: QWidget) -> QLabel:
    """The bar over the text of a read-only project (hidden until one is open)."""
    banner = QLabel(
        QCoreApplication.translate(
            "MainWindow",
            "This project file is read-only: you can read, search and export, but not"
            " change it. To work on it, save a copy (File → Save a copy…).",
        ),
        parent,
    )
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff3c4; color: #5a4500; padding: 6px;")
    banner.hide()
    return banner


class Recovery(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        # Queued: the offer comes once the action that met the damage has unwound.
        self.controller.damaged.connect(self.offer, Qt.ConnectionType.QueuedConnection)

    def choose(self) -> None:
        """List the open project's backups; restore the one the user confirms."""
        c = self.controller
        if not c.has_project or c.project.path is None:
            return
        found = c.run(c.backups)
        if found is None:
            return
        if not found:
            QMessageBox.information(
                self.window, self.tr("Restore from backup"),
                self.tr("This project has no backups yet. One is taken each time it is"
                        " opened after a change."),
            )  # fmt: skip
            return
        chosen = BackupsDialog.ask(found, self.window)
        if chosen is not None:
            self._restore(chosen, c.project.path)

    def offer(self, path: Path, message: str, newest: recovery.BackupSummary) -> None:
        """A damaged project: offer its newest good backup."""
        answer = QMessageBox.question(
            self.window, self.tr("Damaged project"),
            message + "\n\n"
            + self.tr("The newest good backup was taken {0} ({1} documents, {2} codings)."
                      " Restore it? The damaged file is kept beside the backups.")
            .format(taken_text(newest), newest.documents, newest.annotations),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._restore(newest.backup.path, path)

    def _restore(self, backup: Path, project_path: Path) -> None:
        c = self.controller
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = c.run(lambda: c.restore_backup(backup, project_path))
        finally:
            QApplication.restoreOverrideCursor()
        if done is not None:
            self.window.statusBar().showMessage(
                self.tr("Restored the backup taken {0}").format(taken_text(done.backup)), 10000
            )
