"""The main window: documents, the text, the codebook and the annotations.

Wiring only: every action goes to the controller; every redraw comes from the
controller's ``changed`` signal, and touches only what the change names.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from annotator.changes import Changes
from annotator.models import Annotation, CodeId, CoderId, DocumentId
from ui.codebook_editor import CodebookEditor
from ui.controller import ProjectController
from ui.dialogs.document_dialog import DocumentDialog
from ui.file_menu import FileMenu
from ui.recovery import read_only_banner
from ui.teamwork_menu import TeamworkMenu
from ui.widgets.annotation_panel import AnnotationPanel
from ui.widgets.code_menu import fill_code_menu, label, swatch
from ui.widgets.codebook_panel import CodebookPanel
from ui.widgets.document_panel import DocumentPanel
from ui.widgets.document_view import DocumentView
from ui.widgets.find_bar import FindBar
from ui.widgets.suggestion_panel import SuggestionPanel
from ui.window_menus import WindowMenus


class MainWindow(QMainWindow):
    #: The user chose another interface language (the app rebuilds the window).
    language_changed = Signal(str)

    def __init__(self, controller: ProjectController) -> None:
        super().__init__()
        self.controller = controller
        #: Set when the window is replaced (a new language): closing keeps the project open.
        self.keep_project = False
        self.current_document: DocumentId | None = None
        self.setWindowTitle("Annotator")
        self.resize(1400, 860)

        self._build_centre()
        self._build_docks()
        self.codebook_editor = CodebookEditor(controller, self.codebook, self, self.apply_code)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_menus()
        self._connect()
        # After the window is up: the dictionary load competes for the GIL for 0.5 s.
        QTimer.singleShot(1500, controller.preload_words)
        if controller.has_project:
            self.reload_all()

    # -- construction ----------------------------------------------------------
    def _build_centre(self) -> None:
        """The find bar above the text."""
        self.view = DocumentView(self)
        self.find_bar = FindBar(self)
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = read_only_banner(self)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.find_bar)
        column.addWidget(self.view)
        self.setCentralWidget(centre)
        self.view.describe = self._describe
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _build_docks(self) -> None:
        """Documents on the left; codebook, codings and suggestions on the right."""
        self.documents = DocumentPanel(self)
        self.documents_model, self.documents_view = self.documents.model, self.documents.view
        self.codebook = CodebookPanel(self)
        self.codes_model, self.codes_view = self.codebook.model, self.codebook.view
        self.annotations_view = AnnotationPanel(self.controller, self)
        self.annotations_model = self.annotations_view.model_
        self.delete_action = self.annotations_view.delete_action
        self.suggestions = SuggestionPanel(self.controller, self)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        documents_dock = self._dock("documents", self.tr("Documents"), self.documents, left)
        codes_dock = self._dock("codebook", self.tr("Codebook"), self.codebook, right)
        annotations_dock = self._dock(
            "annotations", self.tr("Annotations"), self.annotations_view, right
        )
        self.suggestions_dock = self._dock(
            "suggestions", self.tr("Keyword suggestions"), self.suggestions, right
        )
        self.suggestions_dock.hide()
        self.resizeDocks([documents_dock, codes_dock], [470, 400], Qt.Orientation.Horizontal)
        self.resizeDocks([codes_dock, annotations_dock], [520, 300], Qt.Orientation.Vertical)

    def _connect(self) -> None:
        self.documents.document_chosen.connect(self.show_document)
        self.codebook.code_activated.connect(self.apply_code)
        self.find_bar.hits_changed.connect(self.view.show_hits)
        self.annotations_view.jump_requested.connect(self.view.select_span)
        self.annotations_view.bounds_requested.connect(self.set_bounds_from_selection)
        self.suggestions.marks_changed.connect(self.view.show_suggestions)
        self.suggestions.jump_requested.connect(self.view.select_span)
        # Deferred: a dock restored as open must not hold the window (jieba may load).
        self.suggestions_dock.visibilityChanged.connect(
            lambda _shown: QTimer.singleShot(0, self.suggestions.refresh)
        )
        self.view.customContextMenuRequested.connect(self._text_menu)
        self.controller.error.connect(self._show_error)
        self.controller.notice.connect(self._show_notice)
        self.controller.changed.connect(self.on_changed)
        self.controller.project_replaced.connect(self.reload_all)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState key: never translated
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        self.file_menu = FileMenu(self)
        self.menus = WindowMenus(self)
        self.teamwork = TeamworkMenu(self)
        self._update_undo_actions()

    # -- redrawing -------------------------------------------------------------
    def reload_all(self) -> None:
        """Everything again (a project opened); a damaged file is reported, not raised."""
        self.controller.run(self._reload_all)

    def _reload_all(self) -> None:
        self.current_document = None
        if not self.controller.has_project:  # a restore that failed left nothing open
            self.documents.reload([], {}, {})
            self._show_nothing()
            self._update_status()
            return
        self._reload_documents()
        self._reload_codes()
        self._update_status()
        self._update_undo_actions()
        if self.documents_model.rowCount() > 0:
            self.documents.select_first()
        else:
            self._show_nothing()

    def on_changed(self, changes: Changes) -> None:
        """Redraw what ``changes`` names; a coding added or edited repaints only itself."""
        if changes.documents:
            self._reload_documents()
        elif changes.annotated_documents:
            self.documents.update_counts(*self._document_counts(changes.annotated_documents))
        if changes.codes:
            self._reload_codes()
        elif changes.annotations:
            self._update_code_counts()
        if self.current_document in changes.annotated_documents | changes.suggestions or (
            changes.codes and self.current_document is not None
        ):
            self.suggestions.refresh()
        if changes.codes or changes.coders or self.current_document in changes.documents:
            self._reload_annotations()  # a document's text never changes: repaint, keep place
        elif self.current_document in changes.annotated_documents:
            self._update_annotations(changes)
        self._update_undo_actions()
        self._update_status()

    def _update_annotations(self, changes: Changes) -> None:
        found = self.controller.annotations_by_id(changes.annotations)
        only_mine = self.only_mine_action.isChecked()
        mine = self.controller.my_coder_id()
        changed = [
            a
            for a in found.values()
            if a.document_id == self.current_document and (not only_mine or a.coder_id == mine)
        ]
        removed = set(changes.annotations) - {a.id for a in changed}
        self.annotations_model.apply_changes(changed, removed)
        if self.current_document is not None:  # a review may strike a coding through
            self.view.rejected = self.controller.rejected_in(self.current_document)
        self.view.update_annotations(changed, removed)

    def _reload_documents(self) -> None:
        current = self.current_document
        self.documents.reload(self.controller.documents(), *self._document_counts())
        if current is None:
            return
        shown = self.documents.select_document(current, quietly=True)
        if not shown and self.documents_model.row_of(current) is None:  # deleted, or undone
            self._show_nothing()

    def _show_nothing(self) -> None:
        self.current_document = None
        self.view.set_text("")
        self.find_bar.set_text("")
        self.annotations_model.reload([], [], {})
        self.suggestions.show_document(None)

    def _document_counts(
        self, document_ids: Collection[DocumentId] | None = None
    ) -> tuple[dict[DocumentId, int], dict[DocumentId, int]]:
        """Codings per document (all, or those named), and how many a reviewer has decided."""
        c, coder = self.controller, self._counted_coder()
        return c.annotation_counts(document_ids, coder), c.reviewed_counts(document_ids, coder)

    def _counted_coder(self) -> CoderId | None:
        """Whose codings the counts show: everyone's, or in blind coding only mine."""
        if not self.only_mine_action.isChecked():
            return None
        return self.controller.my_coder_id() or CoderId(-1)  # no codings yet: count none

    def blind_coding_changed(self) -> None:
        """Blind coding on or off (or another coder): codings and every count follow."""
        self._reload_annotations()
        ids = [document.id for document in self.controller.documents()]
        counts, reviewed = self._document_counts()  # documents without codings are absent
        self.documents.update_counts(
            {i: counts.get(i, 0) for i in ids}, {i: reviewed.get(i, 0) for i in ids}
        )
        self._update_code_counts()

    def _reload_codes(self) -> None:
        """Rebuild the code tree and its shortcuts (the codebook itself changed)."""
        codes = self.controller.codes()
        self.codebook.reload(codes, *self._code_counts())
        skipped = self.codebook.install_shortcuts(self, codes, self.apply_code)
        if skipped:
            names = ", ".join(f"{label(c)} [{c.shortcut}]" for c in skipped)
            self.statusBar().showMessage(
                self.tr("These shortcuts clash with others and are off: {0}").format(names), 10000
            )

    def _update_code_counts(self) -> None:
        self.codebook.set_counts(*self._code_counts())

    def _code_counts(self) -> tuple[dict[CodeId, int], dict[CodeId, int]]:
        """Codings per code in the open document, and in the whole project."""
        document = self.current_document
        coder = self._counted_coder()
        here = {} if document is None else self.controller.code_counts(document, coder)
        return here, self.controller.code_counts(None, coder)

    def _reload_annotations(self) -> None:
        if self.current_document is None:
            return
        only_mine = self.only_mine_action.isChecked()
        annotations = self.controller.annotations(self.current_document, only_mine=only_mine)
        codes = self.controller.codes()
        coders = {coder.id: coder.name for coder in self.controller.coders()}
        self.annotations_model.reload(annotations, codes, coders)
        self.view.rejected = self.controller.rejected_in(self.current_document)
        self.view.paint_annotations(annotations, codes)
        self.view.paint_flags(self.controller.document(self.current_document).flags)

    def show_document(self, document_id: DocumentId) -> None:
        self.current_document = document_id
        text = self.controller.text(document_id)
        self.view.set_text(text)
        self.find_bar.set_text(text)
        self.suggestions.show_document(document_id)
        self._reload_annotations()
        self._update_code_counts()

    def _update_undo_actions(self) -> None:
        c = self.controller
        self.undo_action.setEnabled(c.can_undo)
        self.redo_action.setEnabled(c.can_redo)
        self.undo_action.setText(
            self.tr("Undo {0}").format(c.undo_text) if c.can_undo else self.tr("Undo")
        )
        self.redo_action.setText(
            self.tr("Redo {0}").format(c.redo_text) if c.can_redo else self.tr("Redo")
        )

    def _update_status(self) -> None:
        if not self.controller.has_project:
            self.status_label.setText(self.tr("No project open"))
            self.read_only_banner.hide()
            return
        project = self.controller.project
        suffix = self.tr(" (read-only)") if project.read_only else ""
        self.read_only_banner.setHidden(not project.read_only)
        self.setWindowTitle(f"{project.name}{suffix} — Annotator")
        self.status_label.setText(
            self.tr("Coder: {0}   |   {1} documents   |   {2}").format(
                self.controller.coder, self.documents_model.rowCount(), project.path or ""
            )
        )

    # -- user actions ----------------------------------------------------------
    def apply_code(self, code_id: CodeId) -> None:
        span = self.view.selected_span()
        if self.current_document is None or span is None:
            self.statusBar().showMessage(
                self.tr("Select some text first, then choose a code."), 4000
            )
            return
        self.controller.run(
            lambda: self.controller.add_annotation(self.current_document, code_id, *span)
        )

    def _describe(self, annotation: Annotation) -> str:
        code = self.controller.code(annotation.code_id)
        coder = self.controller.coder_name(annotation.coder_id)
        memo = f" — {annotation.memo}" if annotation.memo else ""
        return f"{label(code)} · {coder}{memo}"

    def _text_menu(self, position: QPoint) -> None:
        """Copy and select, the recent codes (1–9), every code, and the snapping actions."""
        menu = self.view.createStandardContextMenu()
        menu.addSeparator()
        codes = {code.id: code for code in self.controller.codes()}
        for number, code_id in enumerate(self.controller.recent_codes, start=1):
            if code_id in codes:
                code = codes[code_id]
                menu.addAction(swatch(code.color), f"&{number}  {label(code)}").triggered.connect(
                    lambda _=False, chosen=code_id: self.apply_code(chosen)
                )
        fill_code_menu(menu.addMenu(self.tr("Apply code")), list(codes.values()), self.apply_code)
        menu.addSeparator()
        for action in (self.snap_words_action, self.snap_clause_action, self.snap_sentence_action):
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, "Annotator", message)

    def _show_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def detach(self) -> None:
        """Stop listening to the controller (the window is being replaced)."""
        self.controller.error.disconnect(self._show_error)
        self.controller.notice.disconnect(self._show_notice)
        self.controller.changed.disconnect(self.on_changed)
        self.controller.project_replaced.disconnect(self.reload_all)
        self.controller.project_replaced.disconnect(self.file_menu._remember_open_project)

    def choose_language(self, language: str) -> None:
        QSettings().setValue("language", language)
        self.language_changed.emit(language)

    def on_coder_changed(self) -> None:
        self._update_status()
        self.suggestions.refresh()  # suggestions are the current coder's
        if self.only_mine_action.isChecked():
            self.blind_coding_changed()

    def set_bounds_from_selection(self, annotation_id: int) -> None:
        span = self.view.selected_span()
        if span is None:
            self.statusBar().showMessage(self.tr("Select the new extent in the text first."), 4000)
            return
        self.controller.run(lambda: self.controller.set_annotation_bounds(annotation_id, *span))

    def extend_selection(self, unit: str) -> None:
        """Widen the selection to whole words, the sentence or the clause around it."""
        span = self.view.selected_span()
        if self.current_document is None or span is None:
            return
        self.view.select_span(*self.controller.extend_span(self.current_document, *span, unit))

    def edit_document_details(self) -> None:
        document_id = self.current_document
        if document_id is None:
            return
        document = self.controller.document(document_id)
        changes = DocumentDialog.ask(document, self.controller.import_log(document_id), self)
        if changes:
            self.controller.run(lambda: self.controller.update_document(document_id, changes))

    def restore_layout(self, settings: QSettings) -> None:
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout(QSettings())
        if not self.keep_project:
            self.controller.close()
        super().closeEvent(event)
