"""Export the coded dataset: the format and file, the language of sheet and column
names, whose codings, which review states, which documents and (Excel) the
attribute of the cross-tab.

The export runs in the GUI thread (the project's SQLite connection lives there)
under a modal progress bar: the progress callback lets the bar repaint and, once
Cancel is pressed, raises :class:`~annotator.errors.CancelledError`; the writers
then leave nothing on disk. Errors go through :meth:`ProjectController.run`, so
a bad path is a message, and the dialog stays open to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.exporting.dataset import ExportOptions
from annotator.exporting.labels import attribute_name
from annotator.models import CoderId, DocumentId
from annotator.teamwork.review import STATES
from ui.controller import ProjectController
from ui.dialogs.export_runner import ExportRunner
from ui.i18n import is_english

_ROLE = Qt.ItemDataRole.UserRole
#: Sheet and column names: language code → shown name (each in its own language).
LANGUAGES = {"zh": "中文", "en": "English"}
#: Formats whose names and values follow the chosen language.
_LANGUAGE_FORMATS = (".xlsx", ".csv", ".html")


def checked_data(widget: QListWidget) -> list[object]:
    """The data of a checkable list's checked items, in list order."""
    items = (widget.item(row) for row in range(widget.count()))
    return [item.data(_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]


def _checkable(widget: QListWidget, text: str, data: object, checked: bool) -> None:
    item = QListWidgetItem(text)
    item.setData(_ROLE, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    widget.addItem(item)


class ExportDialog(ExportRunner):
    def __init__(
        self,
        controller: ProjectController,
        parent: QWidget | None = None,
        selected: Sequence[DocumentId] = (),
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.choices = controller.export_choices()
        known = {document.id for document in self.choices.documents}
        #: The documents selected in the main window's list.
        self.selected = [document_id for document_id in selected if document_id in known]
        #: What was written and how many codings, once the export succeeded.
        self.written: tuple[Path, int] | None = None
        #: The progress bar while exporting.
        self.progress: QProgressDialog | None = None
        self.cancelled = False
        self.setWindowTitle(self.tr("Export"))
        self._build_form(folder)
        self._layout()
        self._format_changed()

    # -- construction ----------------------------------------------------------
    def _build_form(self, folder: Path | None) -> None:
        self.format_combo = QComboBox()
        for suffix in self.choices.formats:
            self.format_combo.addItem(f"{self.format_name(suffix)} ({suffix})", suffix)
        self.per_document_box = QCheckBox(self.tr("One file per document"))
        self.path_edit = QLineEdit()
        project = self.controller.project
        folder = folder or (project.path.parent if project.path is not None else Path.home())
        self.folder = folder
        stem = project.path.stem if project.path is not None else "export"
        self.path_edit.setText(str(folder / f"{stem}{self.choices.formats[0]}"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(_ui_language()))
        self.attribute_combo = QComboBox()
        self._fill_attributes()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.format_combo.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.language_combo.currentIndexChanged.connect(lambda _i: self._fill_attributes())
        self.browse_button.clicked.connect(self._browse)

    def _build_coders(self) -> QGroupBox:
        consensus = self.choices.consensus
        counted = consensus.codings if consensus is not None else 0
        total = sum(coder.codings for coder in self.choices.coders)
        self.consensus_radio = QRadioButton(
            self.tr("The consensus layer ({0} codings)").format(counted)
            if consensus is not None
            else self.tr("The consensus layer (none yet)")
        )
        self.consensus_radio.setEnabled(counted > 0)
        self.all_coders_radio = QRadioButton(self.tr("All coders ({0} codings)").format(total))
        self.chosen_coders_radio = QRadioButton(self.tr("Chosen coders:"))
        self.coder_list = QListWidget()
        for coder in self.choices.coders:
            _checkable(self.coder_list, f"{coder.name} ({coder.codings})", coder.id, True)
        (self.consensus_radio if counted else self.all_coders_radio).setChecked(True)
        #: Set once the user picks whose codings: the format then no longer chooses.
        self.coders_chosen = False
        for radio in (self.consensus_radio, self.all_coders_radio, self.chosen_coders_radio):
            radio.clicked.connect(self._coders_picked)
        self.coder_list.setEnabled(False)
        self.chosen_coders_radio.toggled.connect(self.coder_list.setEnabled)
        box = QGroupBox(self.tr("Whose codings"))
        column = QVBoxLayout(box)
        for widget in (self.consensus_radio, self.all_coders_radio, self.chosen_coders_radio):
            column.addWidget(widget)
        column.addWidget(self.coder_list, 1)
        return box

    def _coders_picked(self) -> None:
        self.coders_chosen = True

    def _default_coders(self) -> None:
        """A .qdpx carries every coder's work (an exchange, not a result); the other
        formats start from the consensus layer once it has codings."""
        if self.coders_chosen:
            return
        consensus = self.consensus_radio.isEnabled() and self.suffix() != ".qdpx"
        (self.consensus_radio if consensus else self.all_coders_radio).setChecked(True)

    def _build_states(self) -> QGroupBox:
        names = {
            "pending": self.tr("Pending"),
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
        }
        self.state_boxes = {state: QCheckBox(names.get(state, state)) for state in STATES}
        box = QGroupBox(self.tr("Review states"))
        row = QHBoxLayout(box)
        for check in self.state_boxes.values():
            check.setChecked(True)
            row.addWidget(check)
        return box

    def _build_documents(self) -> QGroupBox:
        documents = self.choices.documents
        self.all_documents_radio = QRadioButton(
            self.tr("All documents ({0})").format(len(documents))
        )
        self.selected_documents_radio = QRadioButton(
            self.tr("Selected in the document list ({0})").format(len(self.selected))
        )
        self.selected_documents_radio.setEnabled(bool(self.selected))
        self.chosen_documents_radio = QRadioButton(self.tr("Chosen documents:"))
        self.document_list = QListWidget()
        for document in documents:
            title = document.title or self.tr("(untitled)")
            _checkable(self.document_list, title, document.id, document.id in self.selected)
        self.all_documents_radio.setChecked(True)
        self.document_list.setEnabled(False)
        self.chosen_documents_radio.toggled.connect(self.document_list.setEnabled)
        box = QGroupBox(self.tr("Documents"))
        column = QVBoxLayout(box)
        for widget in (
            self.all_documents_radio,
            self.selected_documents_radio,
            self.chosen_documents_radio,
        ):
            column.addWidget(widget)
        column.addWidget(self.document_list, 1)
        return box

    def _layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Format:"), self.format_combo)
        self.form.addRow("", self.per_document_box)
        self.form.addRow(self.tr("File:"), file_row)
        self.form.addRow(self.tr("Language:"), self.language_combo)
        self.language_combo.setToolTip(self.tr("The language of sheet and column names"))
        self.form.addRow(self.tr("Cross-tab by:"), self.attribute_combo)
        left = QVBoxLayout()
        left.addWidget(self._build_coders(), 1)
        left.addWidget(self._build_states())
        choices = QHBoxLayout()
        choices.addLayout(left, 1)
        choices.addWidget(self._build_documents(), 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(choices, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(760, 560)

    def format_name(self, suffix: str) -> str:
        names = {
            ".xlsx": self.tr("Excel workbook"),
            ".csv": self.tr("CSV table"),
            ".json": self.tr("JSON data"),
            ".qdpx": self.tr("REFI-QDA project"),
            ".html": self.tr("HTML report"),
        }
        return names.get(suffix, suffix)

    def _fill_attributes(self) -> None:
        """The cross-tab attributes, named in the chosen language (the choice is kept)."""
        current = self.attribute_combo.currentData()
        language = self.language()
        self.attribute_combo.clear()
        for attribute in self.choices.attributes:
            self.attribute_combo.addItem(attribute_name(attribute, language), attribute)
        self.attribute_combo.setCurrentIndex(max(0, self.attribute_combo.findData(current)))

    def _format_changed(self) -> None:
        """Show the rows the format uses; the file's suffix follows the format."""
        suffix = self.suffix()
        self._default_coders()
        self.form.setRowVisible(self.per_document_box, suffix == ".html")
        self.form.setRowVisible(self.attribute_combo, suffix == ".xlsx")
        self.form.setRowVisible(self.language_combo, suffix in _LANGUAGE_FORMATS)
        text = self.path_edit.text().strip()
        if text and Path(text).suffix.lower() in self.choices.formats:
            self.path_edit.setText(str(Path(text).with_suffix(suffix)))

    def _browse(self) -> None:
        suffix = self.suffix()
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path_edit.text(),
            f"{self.format_name(suffix)} (*{suffix})",
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked on export
        )  # fmt: skip
        if chosen:
            self.path_edit.setText(str(self._with_suffix(Path(chosen))))

    # -- the choices -----------------------------------------------------------
    def suffix(self) -> str:
        return str(self.format_combo.currentData())

    def set_format(self, suffix: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(suffix))

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def per_document(self) -> bool:
        return self.suffix() == ".html" and self.per_document_box.isChecked()

    def _with_suffix(self, path: Path) -> Path:
        suffix = self.suffix()
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def path(self) -> Path:
        """The file to export to, with the format's suffix; a bare name goes in the
        folder first offered (the project's), never the program's working folder."""
        path = Path(self.path_edit.text().strip()).expanduser()
        return self._with_suffix(path if path.is_absolute() else self.folder / path)

    def target(self) -> Path:
        """What the export writes: the file, or for one file per document the folder."""
        path = self.path()
        return path.with_suffix("") if self.per_document() else path

    def statuses(self) -> list[str]:
        return [state for state, check in self.state_boxes.items() if check.isChecked()]

    def document_ids(self) -> frozenset[DocumentId] | None:
        """The chosen documents (None: all)."""
        if self.selected_documents_radio.isChecked():
            return frozenset(self.selected)
        if self.chosen_documents_radio.isChecked():
            return frozenset(DocumentId(int(str(d))) for d in checked_data(self.document_list))
        return None

    def options(self) -> ExportOptions:
        layer = "all"
        coder_ids: frozenset[CoderId] | None = None
        if self.consensus_radio.isChecked():
            layer = "consensus"
        elif self.chosen_coders_radio.isChecked():
            coder_ids = frozenset(CoderId(int(str(c))) for c in checked_data(self.coder_list))
        statuses = frozenset(self.statuses())
        return ExportOptions(
            coder_ids=coder_ids,
            layer=layer,
            statuses=None if statuses == frozenset(STATES) else statuses,
            document_ids=self.document_ids(),
            language=self.language(),
            attribute=str(self.attribute_combo.currentData() or "region_level"),
        )

    def problem(self) -> str | None:
        """Why the choices cannot be exported (None: they can)."""
        if not self.path_edit.text().strip():
            return self.tr("Choose the file to write.")
        if not self.statuses():
            return self.tr("Check at least one review state: without any, nothing is exported.")
        if self.chosen_coders_radio.isChecked() and not checked_data(self.coder_list):
            return self.tr("Check at least one coder.")
        if self.chosen_documents_radio.isChecked() and not checked_data(self.document_list):
            return self.tr("Check at least one document.")
        target = self.target()
        if self.per_document() and target.exists() and not target.is_dir():
            return self.tr("{0} is a file: choose another name for the folder.").format(target)
        if not self.per_document() and target.is_dir():
            return self.tr("{0} is a folder: choose a file name.").format(target)
        return None


def _ui_language() -> str:
    return "en" if is_english() else "zh"
