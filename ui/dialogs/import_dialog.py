"""File → Import: choose files or a folder, review each cleaned file, import the accepted.

Preparing (reading, cleaning, finding metadata) touches no project, so it runs
in a worker thread: each file appears in the list as soon as it is ready, a
progress bar counts them, and Stop ends it after the current file. Nothing is
stored until Import: then every accepted file goes in as one action (one undo).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.commands.documents import with_derived_fields
from annotator.importing import ImportResult
from annotator.importing.batch import expand_paths
from annotator.importing.prepare import PreparedFile
from ui.background import BackgroundMap
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
    #: Every file given so far has been prepared (or preparing was stopped).
    preparation_finished = Signal()

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.prepared: list[PreparedFile] = []
        self.edits: dict[int, dict[str, str]] = {}
        self._worker: BackgroundMap | None = None
        self.setWindowTitle(self.tr("Import documents"))
        self.resize(1300, 820)
        self.files = QListWidget()
        self.preview = ImportPreview()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop_preparing)
        self._layout()
        self.files.currentRowChanged.connect(self._show_row)
        self.files.itemChanged.connect(lambda _item: self._update_button())
        self.preview.edited.connect(self._keep_edits)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_button()

    def _layout(self) -> None:
        self.add_files = add_files = QPushButton(self.tr("Add files…"))
        self.add_folder = add_folder = QPushButton(self.tr("Add folder…"))
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
        for widget in (self.progress_label, self.progress, self.stop_button):
            bar.addWidget(widget)
            widget.hide()
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
        """Prepare the files (folders are searched) in the background."""
        files = expand_paths(paths)
        if not files or self.preparing:
            return
        self._worker = BackgroundMap(self.controller.prepare_file, files, self)
        self._worker.result.connect(self._on_prepared)
        self._worker.finished.connect(self._on_finished)
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self._show_progress(True)
        self._worker.start()

    @property
    def preparing(self) -> bool:
        return self._worker is not None

    def stop_preparing(self) -> None:
        """Stop after the file being read; the files done so far stay."""
        if self._worker is not None:
            self._worker.cancel()
            self.progress_label.setText(self.tr("Stopping…"))

    def _on_prepared(self, index: int, item: PreparedFile) -> None:
        self._add_item(item)
        self.progress.setValue(index + 1)
        self.progress_label.setText(
            self.tr("Reading and cleaning {0} of {1}…").format(index + 1, self.progress.maximum())
        )
        if self.files.currentRow() < 0:
            self.files.setCurrentRow(0)

    def _on_finished(self, _complete: bool) -> None:
        if self._worker is not None:
            self._worker.deleteLater()
        self._worker = None
        self._show_progress(False)
        self._update_button()
        self.preparation_finished.emit()

    def _show_progress(self, shown: bool) -> None:
        for widget in (self.progress_label, self.progress, self.stop_button):
            widget.setVisible(shown)
        self.add_files.setEnabled(not shown)
        self.add_folder.setEnabled(not shown)
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
        self.import_button.setEnabled(count > 0 and not self.preparing)

    def done(self, result: int) -> None:
        """Accept or cancel: a file still being read is waited for, not left running."""
        if self._worker is not None:
            self._worker.stop()
        super().done(result)

    @classmethod
    def ask(
        cls, controller: ProjectController, parent: QWidget | None = None
    ) -> list[ImportResult] | None:
        """Run the dialog; import what was accepted; return the report (None if cancelled)."""
        dialog = cls(controller, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return controller.import_prepared([*dialog.accepted_files(), *dialog.failed_files()])
