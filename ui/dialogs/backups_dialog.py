"""File → Restore from backup…: the project's backups with their dates and contents.

Each backup was checked (``quick_check``) and counted by the core; a damaged
one is listed but cannot be chosen. Restoring asks once more, and says that
the current state is kept as the newest backup, so nothing is lost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.recovery import BackupSummary


def taken_text(summary: BackupSummary) -> str:
    """When the backup was taken, in the user's local time."""
    return summary.backup.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class BackupsDialog(QDialog):
    def __init__(self, backups: list[BackupSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(720, 320)
        self.backups = backups
        #: The backup chosen (and confirmed) when the dialog is accepted.
        self.chosen: BackupSummary | None = None
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Annotator keeps the last five states of the project, taken when it is"
                " opened. Restoring one replaces the project; its current state is kept as"
                " the newest backup."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = self._table()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemDoubleClicked.connect(lambda _item: self._confirm())
        good = [row for row, summary in enumerate(backups) if summary.good]
        if good:
            self.table.selectRow(good[0])
        self._update_button()

    def _table(self) -> QTableWidget:
        headers = [self.tr("Taken"), self.tr("Documents"), self.tr("Codings"),
                   self.tr("Last change (UTC)"), self.tr("State")]  # fmt: skip
        table = QTableWidget(len(self.backups), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, summary in enumerate(self.backups):
            state = (
                self.tr("good") if summary.good else self.tr("damaged: {0}").format(summary.problem)
            )
            values = [taken_text(summary), str(summary.documents), str(summary.annotations),
                      summary.last_action[:19].replace("T", " "), state]  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not summary.good:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                    item.setForeground(Qt.GlobalColor.darkRed)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def selected(self) -> BackupSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_button(self) -> None:
        summary = self.selected()
        self.restore_button.setEnabled(summary is not None and summary.good)

    def _confirm(self) -> None:
        summary = self.selected()
        if summary is None or not summary.good:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore from backup"),
            self.tr("Replace the project with the backup taken {0} ({1} documents, {2}"
                    " codings)?\n\nThe project as it is now is kept as the newest backup.")
            .format(taken_text(summary), summary.documents, summary.annotations),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = summary
            self.accept()

    @classmethod
    def ask(cls, backups: list[BackupSummary], parent: QWidget | None) -> Path | None:
        """The backup the user chose and confirmed, or None."""
        dialog = cls(backups, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen.backup.path if accepted and dialog.chosen else None
        dialog.deleteLater()
        return chosen
