"""The codebook editor: the code tree's context menu, drag and drop, import and export.

Each action is one call to the controller, so one undoable step named in the
Edit menu. Destructive ones (merge, delete) say what they will do, with the
number of codings concerned, and ask first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from annotator.models import Code, CodeId
from ui.controller import ProjectController
from ui.dialogs.code_dialog import CodeDialog
from ui.keys import action_keys, key_text
from ui.widgets.code_menu import label
from ui.widgets.codebook_panel import CodebookPanel


class CodebookEditor(QObject):
    def __init__(
        self,
        controller: ProjectController,
        panel: CodebookPanel,
        window: QWidget,
        apply: Callable[[CodeId], None],
    ) -> None:
        super().__init__(window)
        self.controller, self.panel, self.window = controller, panel, window
        self._apply = apply
        panel.menu_requested.connect(self.show_menu)
        panel.model.move_requested.connect(self.move)

    def _code(self, code_id: CodeId) -> Code:
        return self.controller.code(code_id)

    def show_menu(self, code_id: int, position: QPoint) -> None:
        menu = self.menu(CodeId(code_id) if code_id else None)
        menu.exec(position)
        menu.deleteLater()

    def menu(self, code_id: CodeId | None) -> QMenu:
        """The context menu for a code (or for the empty tree, when ``code_id`` is None)."""
        menu = QMenu(self.window)
        if code_id is not None:
            code = self._code(code_id)
            menu.addAction(self.tr("Apply to the selection"), lambda: self._apply(code_id))
            menu.addSeparator()
            menu.addAction(self.tr("Edit code…"), lambda: self.edit(code_id))
            menu.addAction(self.tr("Add sub-code…"), lambda: self.add(code_id))
        menu.addAction(self.tr("Add top-level code…"), lambda: self.add(None))
        if code_id is not None:
            menu.addAction(self.tr("Set shortcut…"), lambda: self.set_shortcut(code_id))
            menu.addSeparator()
            menu.addAction(self.tr("Merge into…"), lambda: self.merge(code_id))
            archive = self.tr("Unarchive") if code.archived else self.tr("Archive")
            menu.addAction(archive, lambda: self.toggle_archived(code_id))
            menu.addAction(self.tr("Delete…"), lambda: self.delete(code_id))
        menu.addSeparator()
        menu.addAction(self.tr("Import codebook…"), self.import_codebook)
        menu.addAction(self.tr("Export codebook…"), self.export_codebook)
        return menu

    # -- the actions -----------------------------------------------------------
    def add(self, parent_id: CodeId | None) -> None:
        CodeDialog.ask(
            None, lambda fields: self.controller.add_code(fields, parent_id), self.window
        )

    def edit(self, code_id: CodeId) -> None:
        CodeDialog.ask(
            self._code(code_id),
            lambda fields: self.controller.update_code(code_id, fields),
            self.window,
        )

    def set_shortcut(self, code_id: CodeId) -> None:
        from ui.dialogs.shortcut_dialog import ShortcutDialog

        codes = self.controller.codes()
        code = next(c for c in codes if c.id == code_id)
        shortcut = ShortcutDialog.ask(code, codes, self.reserved_keys(), self.window)
        if shortcut is not None and shortcut != code.shortcut:
            self.controller.run(lambda: self.controller.set_shortcut(code_id, shortcut))

    def reserved_keys(self) -> dict[str, str]:
        """Keys the menus and the text view use, with what they do: never a code's."""
        reserved = {
            key_text(QKeySequence(key)): name
            for key, name in ((QKeySequence.StandardKey.Copy, self.tr("Copy")),
                              (QKeySequence.StandardKey.SelectAll, self.tr("Select all")))
        }  # fmt: skip
        reserved.update(action_keys(self.window))
        return reserved

    def toggle_archived(self, code_id: CodeId) -> None:
        archived = not self._code(code_id).archived
        self.controller.run(lambda: self.controller.update_code(code_id, {"archived": archived}))

    def move(self, code_id: int, parent: int, row: int) -> None:
        """A drop: ``parent`` 0 is the top level, ``row`` -1 the end of the siblings."""
        code = self._code(CodeId(code_id))
        parent_id = CodeId(parent) if parent else None
        index: int | None = None if row < 0 else row
        if index is not None and code.parent_id == parent_id:
            siblings = [c.id for c in self.controller.codes() if c.parent_id == parent_id]
            if siblings.index(code.id) < index:
                index -= 1  # the row counted the code itself, still in its old place
        self.controller.run(lambda: self.controller.move_code(code.id, parent_id, index))

    def merge(self, source_id: CodeId) -> None:
        source = self._code(source_id)
        below = {code.id for code in self.controller.subtree(source_id)}
        targets = [c for c in self.controller.codes() if c.id not in below and not c.archived]
        if not targets:
            return
        names = self._paths(targets)
        name, chosen = QInputDialog.getItem(
            self.window, self.tr("Merge codes"),
            self.tr("Merge “{0}” into:").format(label(source)), names, 0, False,
        )  # fmt: skip
        if not chosen:
            return
        target = targets[names.index(name)]
        own = self.controller.code_counts().get(source_id, 0)  # its sub-codes keep theirs
        question = self.tr(
            "Merge “{0}” into “{1}”?\n\n{2} codings move to “{1}”, its sub-codes go under it, "
            "and “{0}” is removed. Undo brings it all back."
        ).format(label(source), label(target), own)
        if self._confirm(question):
            self.controller.run(lambda: self.controller.merge_codes(source_id, target.id))

    def delete(self, code_id: CodeId) -> None:
        code = self._code(code_id)
        codes, codings = self.controller.code_usage(code_id)
        question = self.tr(
            "Delete “{0}”?\n\nThis removes {1} code(s) and {2} coding(s) made with them. "
            "Undo brings them back."
        ).format(label(code), codes, codings)
        if self._confirm(question):
            self.controller.run(lambda: self.controller.delete_code(code_id))

    def import_codebook(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import codebook"), "", self._file_filter()
        )
        if not path:
            return
        report = self.controller.run(lambda: self.controller.import_codebook(Path(path)))
        if report is not None:
            details = "\n".join(report.details()[:30])
            QMessageBox.information(self.window, self.tr("Import codebook"),
                                    f"{report.summary()}\n\n{details}".strip())  # fmt: skip

    def export_codebook(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export codebook"), "codebook.xlsx", self._file_filter()
        )
        if not path:
            return
        language = "en" if str(QSettings().value("language", "")).startswith("en") else "zh"
        count = self.controller.run(lambda: self.controller.export_codebook(Path(path), language))
        if count is not None:
            QMessageBox.information(
                self.window, self.tr("Export codebook"),
                self.tr("Wrote {0} codes to {1}").format(count, path),
            )  # fmt: skip

    # -- helpers ---------------------------------------------------------------
    def _file_filter(self) -> str:
        patterns = " ".join(f"*{suffix}" for suffix in self.controller.codebook_suffixes())
        return self.tr("Codebooks ({0})").format(patterns)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self.window, "Annotator", question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _paths(self, codes: list[Code]) -> list[str]:
        """Each code with its parents (举措 › 其他), told apart even when names repeat."""
        by_id = {code.id: code for code in self.controller.codes()}
        paths = []
        for code in codes:
            chain, walk = [label(code)], code
            while walk.parent_id is not None:
                walk = by_id[walk.parent_id]
                chain.insert(0, walk.key or label(walk))
            paths.append(" › ".join(chain))
        seen: dict[str, int] = {}
        for index, path in enumerate(paths):
            seen[path] = seen.get(path, 0) + 1
            if seen[path] > 1:
                paths[index] = f"{path} (#{codes[index].id})"
        return paths
