"""The Review menu and the review dock: several coders, one reviewer.

Review queue (a dock), compare and adjudicate, the reliability report,
preparing a coder's copy and merging copies back. Kept apart from the main
window, which stays wiring; the dialogs call the controller only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.models import DocumentId
from annotator.project import SUFFIX
from ui.dialogs.handout_dialog import HandoutDialog
from ui.widgets.review_panel import ReviewPanel

if TYPE_CHECKING:
    from annotator.teamwork.merge import CopyReport
    from ui.main_window import MainWindow


class TeamworkMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.review = ReviewPanel(self.controller, window)
        self.dock = window._dock(
            "review", self.tr("Review queue"), self.review, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda shown: shown and self.review.reload_filters())
        self.review.jump_requested.connect(self._jump)
        window.documents.document_chosen.connect(self.review.set_shown_document)
        self.controller.project_replaced.connect(self._opened)
        self._menu()

    def _menu(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Review"))
        self.queue_action = self.dock.toggleViewAction()
        self.queue_action.setText(self.tr("Review queue"))
        self.queue_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        menu.addAction(self.queue_action)
        self.compare_action = self._add(menu, self.tr("Compare coders…"), "Ctrl+Shift+M",
                                        self.compare)  # fmt: skip
        self.reliability_action = self._add(
            menu, self.tr("Reliability report…"), "Ctrl+Shift+Y", self.reliability
        )
        menu.addSeparator()
        self._add(menu, self.tr("Prepare a coder's copy…"), "", self.hand_out)
        self._add(menu, self.tr("Merge coders' copies…"), "", self.merge)

    def _add(self, menu: object, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # -- actions ---------------------------------------------------------------
    def _jump(self, document_id: int, start: int, end: int) -> None:
        w = self.window
        if w.current_document != document_id:
            w.documents.select_document(DocumentId(document_id), quietly=True)
            w.show_document(DocumentId(document_id))
        w.view.select_span(start, end)

    def _opened(self) -> None:
        """A hand-out copy opens as its coder (the copy was made for that person)."""
        if not self.controller.has_project:
            return
        coder = self.controller.handout_coder()
        if coder and coder != self.controller.coder:
            self.controller.coder = coder
            self.controller.notice.emit(
                self.tr("This is {0}'s copy: you are coding as {0}.").format(coder)
            )

    def compare(self) -> None:
        if not self.controller.has_project:
            return
        from ui.dialogs.compare_dialog import CompareDialog

        dialog = CompareDialog(self.controller, self.window, self.window.current_document)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def reliability(self) -> None:
        if not self.controller.has_project:
            return
        from ui.dialogs.reliability_dialog import ReliabilityDialog

        dialog = ReliabilityDialog(self.controller, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def hand_out(self) -> None:
        c = self.controller
        if not c.has_project:
            return
        folder = c.project.path.parent if c.project.path is not None else Path.home()
        dialog = HandoutDialog(
            [coder.name for coder in c.coders()], [d.id for d in c.documents()],
            self.window.current_document, folder, self.window,
        )  # fmt: skip
        if dialog.exec() == HandoutDialog.DialogCode.Accepted:
            coder, documents, path = dialog.choice()
            made = c.run(lambda: c.hand_out(path, coder, documents))
            if made is not None:
                self.window.statusBar().showMessage(
                    self.tr("Wrote {0}'s copy with {1} documents to {2}").format(
                        made.coder, made.documents, made.path
                    ),
                    10000,
                )
        dialog.deleteLater()

    def merge(self) -> None:
        c = self.controller
        if not c.has_project:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Merge coders' copies"), "",
            self.tr("Annotator projects (*{0})").format(SUFFIX),
        )  # fmt: skip
        if paths:
            reports = c.run(lambda: c.merge_copies([Path(p) for p in paths]))
            if reports is not None:
                self.show_merge_report(reports)

    def show_merge_report(self, reports: list[CopyReport]) -> None:
        lines = []
        for r in reports:
            counts = (
                r.path.name, r.documents_added, r.documents_matched, len(r.codes_added),
                len(r.coders_added), r.annotations_added, r.annotations_updated,
                r.annotations_unchanged, r.reviews_added,
            )  # fmt: skip
            lines.append(
                self.tr(
                    "{0}: {1} documents added ({2} matched), {3} codes, {4} coders, "
                    "{5} codings added, {6} updated, {7} unchanged, {8} reviews"
                ).format(*counts)
            )
            lines += [f"  • {conflict}" for conflict in r.conflicts]
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Merge done"), "\n".join(lines))
        box.setInformativeText(self.tr("Edit → Undo takes the whole merge back."))
        box.setParent(self.window, box.windowFlags())
        self.last_report = box
        box.open()
