"""A progress bar for long work done in the GUI thread (where the project lives).

The core reports ``step(done, total)``; the bar moves about a hundred times in
all (each move lets the window repaint and take the Cancel click), shows itself
only when the work lasts (400 ms), and turns a Cancel into
:class:`~annotator.errors.CancelledError` at the next step, which the core lets
through with nothing changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.errors import CancelledError

SHOW_AFTER_MS = 400


class ProgressBar:
    def __init__(self, parent: QWidget, label: str) -> None:
        cancel = QCoreApplication.translate("ProgressBar", "Cancel")
        self.dialog = QProgressDialog(label, cancel, 0, 100, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._shown = -1

    def step(self, done: int, total: int) -> None:
        """Move the bar (a modal bar lets events through); stop if Cancel was pressed."""
        if self.dialog.wasCanceled():
            raise CancelledError(
                QCoreApplication.translate("ProgressBar", "Stopped: nothing was changed.")
            )
        percent = 100 * done // total if total else 100
        if percent != self._shown:
            self._shown = percent
            self.dialog.setValue(percent)

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
