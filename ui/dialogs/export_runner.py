"""Running the export dialog's choices: the checks before writing, the question
before replacing a file, and the export itself under a progress bar that can
cancel. A mixin of :class:`ui.dialogs.export_dialog.ExportDialog` (apart only
to keep each file short).

The export runs in the GUI thread (the project's SQLite connection lives there):
the progress callback lets the bar repaint and, once Cancel is pressed, raises
:class:`~annotator.errors.CancelledError`; the writers then leave nothing on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
)

from annotator.errors import CancelledError

#: The runner's texts belong to the dialog's translation context (``self.tr`` here
#: would be read by lupdate under no class, and looked up at run time under the dialog).
_CONTEXT = QCoreApplication

if TYPE_CHECKING:
    from annotator.exporting.dataset import ExportOptions
    from ui.controller import ProjectController


class ExportRunner(QDialog):
    if TYPE_CHECKING:  # the dialog's
        controller: ProjectController
        buttons: QDialogButtonBox
        status: QLabel
        written: tuple[Path, int] | None
        progress: QProgressDialog | None
        cancelled: bool

        def problem(self) -> str | None: ...
        def target(self) -> Path: ...
        def path(self) -> Path: ...
        def per_document(self) -> bool: ...
        def options(self) -> ExportOptions: ...

    def accept(self) -> None:
        """Export; the dialog closes once the file is written."""
        if self.progress is not None:
            return  # already exporting (the progress bar lets events through)
        problem = self.problem()
        if problem is not None:
            QMessageBox.warning(self, _CONTEXT.translate("ExportDialog", "Export"), problem)
            return
        target = self.target()
        if target.exists() and not self._may_replace(target):
            return
        count = self.export_to(self.path())
        if count is not None:
            self.written = (target, count)
            super().accept()

    def _may_replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            _CONTEXT.translate("ExportDialog", "Export"),
            _CONTEXT.translate("ExportDialog", "{0} exists already. Replace it?").format(target),
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_to(self, path: Path) -> int | None:
        """Write the export under a progress bar; None when it failed or was cancelled."""
        per_document = self.per_document()
        self.status.clear()
        self.cancelled = False
        self.progress = self._progress_dialog()
        self.buttons.setEnabled(False)
        try:
            count = self.controller.run(lambda: self._export(path, self.options(), per_document))
        finally:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
            self.buttons.setEnabled(True)
        if self.cancelled:
            self.status.setText(
                _CONTEXT.translate("ExportDialog", "Export cancelled: nothing was written.")
            )
        return count

    def _export(self, path: Path, options: ExportOptions, per_document: bool) -> int | None:
        try:
            return self.controller.export(path, options, self._report, per_document)
        except CancelledError:
            self.cancelled = True
            return None

    def _progress_dialog(self) -> QProgressDialog:
        bar = QProgressDialog(
            _CONTEXT.translate("ExportDialog", "Exporting…"),
            _CONTEXT.translate("ExportDialog", "Cancel"),
            0,
            0,
            self,
        )
        bar.setWindowTitle(_CONTEXT.translate("ExportDialog", "Export"))
        bar.setWindowModality(Qt.WindowModality.ApplicationModal)
        bar.setAutoReset(False)
        bar.setAutoClose(False)
        bar.setMinimumDuration(300)
        return bar

    def _report(self, done: int, total: int) -> None:
        """The export's progress callback: move the bar; stop when Cancel was pressed."""
        bar = self.progress
        if bar is None:
            return
        bar.setMaximum(max(total, 1))
        bar.setValue(min(done, max(total, 1)))
        QApplication.processEvents()
        if bar.wasCanceled():
            raise CancelledError("导出已取消 / Export cancelled")
