"""File → Import: choose files or a folder, review each cleaned file, import the accepted.

Preparing (reading, cleaning, finding metadata) touches no project and runs
file by file under a progress dialog that can be cancelled. Nothing is stored
until Import: then every accepted file goes in as one action (one undo).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.commands.documents import with_derived_fields
from annotator.importing import ImportResult
from annotator.importing.batch import expand_paths
from annotator.importing.prepare import PreparedFile
from ui.controller import ProjectController
from ui.widgets.import_preview import ImportPreview


def apply_edits(item: PreparedFile, edits: dict[str, str]) -> PreparedFile:
    """The prepared file with the user's metadata edits (an empty field clears it).

    Derived fields follow as in the core (:func:`with_derived_fields`).
    """
    if item.document is None or not edits:
        return item
    metadata = dict(item.document.metadata)
    changed = {
        k: v or None for k, v in edits.items() if k != "title" and (v or None) != metadata.get(k)
    }
    metadata.update(with_derived_fields(metadata, changed))
    title = edits.get("title", item.document.title or "") or None
    document = dataclasses.replace(item.document, title=title, metadata=metadata)
    return dataclasses.replace(item, document=document)


class ImportDialog(QDialog):
    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.prepared: list[PreparedFile] = []
        self.edits: dict[int, dict[str, str]] = {}
        self.setWindowTitle(self.tr("Import documents"))
        self.resize(1300, 820)
        self.files = QListWidget()
        self.preview = ImportPreview()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._layout()
        self.files.currentRowChanged.connect(self._show_row)
        self.files.itemChanged.connect(lambda _item: self._update_button())
        self.preview.edited.connect(self._keep_edits)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_button()

    def _layout(self) -> None:
        add_files = QPushButton(self.tr("Add files…"))
        add_folder = QPushButton(self.tr("Add folder…"))
        accept_all = QPushButton(self.tr("Accept all"))
        skip_all = QPushButton(self.tr("Skip all"))
        add_files.clicked.connect(self._choose_files)
        add_folder.clicked.connect(self._choose_folder)
        accept_all.clicked.connect(lambda: self.set_all_accepted(True))
        skip_all.clicked.connect(lambda: self.set_all_accepted(False))
        bar = QHBoxLayout()
        for button in (add_files, add_folder, accept_all, skip_all):
            bar.addWidget(button)
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.files)
        split.addWidget(self.preview)
        split.setSizes([300, 1000])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)

    # -- choosing and preparing ------------------------------------------------
    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import documents"), "",
            self.tr("Documents (*.txt *.html *.htm *.docx *.pdf)"),
        )  # fmt: skip
        self.add_paths([Path(p) for p in paths])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        files = expand_paths(paths)
        if not files:
            return
        progress = QProgressDialog(
            self.tr("Reading and cleaning…"), self.tr("Cancel"), 0, len(files), self
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def report(done: int, _total: int) -> None:
            progress.setValue(done)
            QCoreApplication.processEvents()

        prepared = self.controller.prepare_files(files, report, progress.wasCanceled)
        progress.close()
        for item in prepared:
            self._add_item(item)
        if self.files.currentRow() < 0 and self.files.count():
            self.files.setCurrentRow(0)
        self._update_button()

    def _add_item(self, item: PreparedFile) -> None:
        self.prepared.append(item)
        entry = QListWidgetItem()
        if item.document is None:
            entry.setText(f"✗ {item.path.name}")
            entry.setForeground(QColor("#b00020"))
            entry.setToolTip(item.error or "")
            entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        else:
            marker = f"  ⚑{len(item.document.flags)}" if item.document.flags else ""
            entry.setText(f"{item.path.name}{marker}\n{item.document.title or ''}")
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
        self.files.addItem(entry)

    # -- reviewing -------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.prepared):
            self.preview.show_file(self.prepared[row], self.edits.get(row, {}))

    def _keep_edits(self) -> None:
        self.edits[self.files.currentRow()] = self.preview.edits()

    def set_all_accepted(self, accepted: bool) -> None:
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        for row in range(self.files.count()):
            if self.prepared[row].document is not None:
                self.files.item(row).setCheckState(state)

    def accepted_files(self) -> list[PreparedFile]:
        return [
            apply_edits(item, self.edits.get(row, {}))
            for row, item in enumerate(self.prepared)
            if item.document is not None
            and self.files.item(row).checkState() == Qt.CheckState.Checked
        ]

    def failed_files(self) -> list[PreparedFile]:
        return [item for item in self.prepared if item.document is None]

    def _update_button(self) -> None:
        count = len(self.accepted_files())
        self.import_button.setText(self.tr("Import {0} files").format(count))
        self.import_button.setEnabled(count > 0)

    @classmethod
    def ask(
        cls, controller: ProjectController, parent: QWidget | None = None
    ) -> list[ImportResult] | None:
        """Run the dialog; import what was accepted; return the report (None if cancelled)."""
        dialog = cls(controller, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return controller.import_prepared([*dialog.accepted_files(), *dialog.failed_files()])
