"""Find, code search by pinyin, code shortcuts, snapping, coder identity: in the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Qt
from pytestqt.qtbot import QtBot

from annotator.models import NewDocument
from ui.app import build_window
from ui.main_window import MainWindow

TEXT = "近年来，安阳市坚持以党建引領鄉村振興，推动村级集体经济发展。建立 82 人组成的村“两委”班子。"


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    main = demo_window
    main.show()
    main.controller.project.add_documents([NewDocument(text=TEXT, raw_text=TEXT, title="工具测试")])
    row = main.documents_model.row_of(main.controller.documents()[-1].id)
    assert row is not None
    main.documents_view.selectRow(row)
    return main


def test_find_matches_simplified_against_traditional_and_ignores_quotes(window: MainWindow) -> None:
    window.find_bar.open_bar()
    window.find_bar.edit.setText("乡村振兴")
    assert window.find_bar.hits == [(TEXT.index("鄉村振興"), TEXT.index("鄉村振興") + 4)]
    assert window.view.textCursor().selectedText() == "鄉村振興"
    window.find_bar.edit.setText("村两委")
    assert window.view.textCursor().selectedText() == "村“两委"
    window.find_bar.edit.setText("建立82人")
    assert window.find_bar.count.text() == "1/1"
    window.find_bar.edit.setText("村")
    assert len(window.find_bar.hits) == 3
    window.find_bar.next()
    assert window.find_bar.count.text() == "2/3"
    assert len(window.view.extraSelections()) == 3
    window.find_bar.close_bar()
    assert window.view.extraSelections() == []


def test_code_filter_by_pinyin_initials_and_return_applies(window: MainWindow) -> None:
    start = TEXT.index("村级")
    window.view.select_span(start, start + 6)
    window.codebook.filter_edit.setText("dzzszyfg")  # 党组织设置与覆盖 = M1.1
    proxy = window.codebook.proxy
    top = proxy.index(0, 0)
    assert str(top.data()).startswith("M  ")
    leaf = proxy.index(0, 0, proxy.index(0, 0, top))
    assert str(leaf.data()).startswith("M1.1")
    window.codebook.filter_edit.returnPressed.emit()
    [annotation] = window.controller.annotations(window.current_document)
    assert annotation.quote == "村级集体经济"
    assert window.controller.project.code(annotation.code_id).key == "M1.1"


def test_code_shortcuts_apply_their_code(window: MainWindow) -> None:
    project = window.controller.project
    project.update_code(project.code_by_key("J1.1").id, shortcut="1")
    assert "[1]" in str(_code_row(window, "J1.1").data())
    window.view.select_span(0, 3)
    [shortcut] = window.codebook._shortcuts
    shortcut.activated.emit()
    [annotation] = window.controller.annotations(window.current_document)
    assert (annotation.quote, project.code(annotation.code_id).key) == ("近年来", "J1.1")


def _code_row(window: MainWindow, key: str) -> QModelIndex:
    model = window.codebook.model
    flags = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    [index] = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, f"{key}  ", 1, flags)
    return index


def test_coding_updates_counts_in_place(window: MainWindow) -> None:
    """A new coding changes the counts, not the code tree, its shortcuts or the list."""
    project = window.controller.project
    project.update_code(project.code_by_key("J1.1").id, shortcut="1")
    row = QPersistentModelIndex(_code_row(window, "J1.1"))

    def counts() -> tuple[str, str]:
        return row.sibling(row.row(), 1).data(), row.sibling(row.row(), 2).data()

    total = int(counts()[1] or 0)
    shortcuts = list(window.codebook._shortcuts)
    window.view.select_span(0, 3)
    shortcuts[0].activated.emit()
    assert row.isValid()  # the tree was not rebuilt
    assert counts() == ("1", str(total + 1))
    assert window.codebook._shortcuts == shortcuts
    document_row = window.documents_model.row_of(window.current_document)
    assert window.documents_model.index(document_row, 4).data() == 1
    window.undo_action.trigger()
    assert counts() == ("", str(total or ""))
    assert window.documents_model.index(document_row, 4).data() == 0


def test_snapping_to_words_sentences_and_clauses(window: MainWindow) -> None:
    start = TEXT.index("鄉村")
    window.view.select_span(start + 1, start + 2)  # 村
    window.snap_words_action.trigger()
    assert window.view.textCursor().selectedText() == "鄉村振興"
    window.snap_clause_action.trigger()
    assert window.view.textCursor().selectedText() == "安阳市坚持以党建引領鄉村振興，"
    window.snap_sentence_action.trigger()
    assert window.view.textCursor().selectedText() == TEXT[: TEXT.index("。") + 1]


def test_first_start_asks_for_a_coder_and_remembers(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().remove("coder")
    asked: list[str] = []
    monkeypatch.setattr(
        "ui.app.CoderDialog.ask", lambda _p, default: asked.append(default) or "李四"
    )
    main = build_window(None, demo_path=tmp_path / "d.annot")
    qtbot.addWidget(main)
    assert len(asked) == 1
    assert main.controller.coder == "李四"
    assert QSettings().value("coder") == "李四"
    assert "李四" in main.status_label.text()
    monkeypatch.setattr("ui.file_menu.CoderDialog.ask", lambda _p, _current: "赵六")
    main.file_menu.change_coder()
    assert main.controller.project.coder == "赵六"
    assert "赵六" in main.status_label.text()
    main.controller.close()


def test_find_with_a_traditional_query_in_simplified_text(window: MainWindow) -> None:
    window.find_bar.open_bar()
    window.find_bar.edit.setText("黨建")  # traditional; the text has 党建
    start = TEXT.index("党建")
    assert window.find_bar.hits == [(start, start + 2)]
    window.find_bar.edit.setText("集體經濟")
    assert window.view.textCursor().selectedText() == "集体经济"


def test_set_a_shortcut_from_the_code_tree_and_press_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.shortcut_dialog import ShortcutDialog

    project = window.controller.project
    j11, m11 = project.code_by_key("J1.1"), project.code_by_key("M1.1")
    project.update_code(m11.id, shortcut="7")
    asked: list[dict[str, str]] = []

    def press_seven(*args: object) -> str:
        asked.append(args[2])  # type: ignore[arg-type]  # (code, codes, reserved, parent)
        return "7"

    monkeypatch.setattr(ShortcutDialog, "ask", press_seven)
    menu = window.codebook_editor.menu(j11.id)
    [action] = [a for a in menu.actions() if a.text() == "Set shortcut…"]
    action.trigger()
    assert asked[0]["Ctrl+Z"].startswith("Undo")  # the menus' keys are refused
    assert (project.code(j11.id).shortcut, project.code(m11.id).shortcut) == ("7", "")
    assert "[7]" in str(_code_row(window, "J1.1").data())
    assert window.undo_action.text() == "Undo 设置快捷键 / Set shortcut"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.select_span(0, 3)
    qtbot.keyClick(window.view, Qt.Key.Key_7)
    [annotation] = window.controller.annotations(window.current_document)
    assert (annotation.quote, project.code(annotation.code_id).key) == ("近年来", "J1.1")


def test_shortcut_dialog_names_clashes_and_refuses_menu_keys(qtbot: QtBot) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QDialogButtonBox

    from annotator.models import Code, CodeId
    from ui.dialogs.shortcut_dialog import ShortcutDialog

    code = Code(id=CodeId(1), uuid="a", parent_id=None, key="M1", name="组织体系建设", shortcut="1")
    other = Code(id=CodeId(2), uuid="b", parent_id=None, key="J1", name="领导机制", shortcut="q")
    dialog = ShortcutDialog(code, [code, other], {"Ctrl+Z": "Undo"})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.shortcut == "1"
    assert ok.isEnabled()
    dialog.editor.setKeySequence(QKeySequence("Q"))
    assert "J1  领导机制" in dialog.note.text()
    assert "move" in dialog.note.text()
    assert ok.isEnabled()
    dialog.editor.setKeySequence(QKeySequence("Ctrl+Z"))
    assert "Undo" in dialog.note.text()
    assert not ok.isEnabled()
    dialog.editor.setKeySequence(QKeySequence("Ctrl+Return"))
    assert not ok.isEnabled()
    dialog.editor.clear()
    assert dialog.shortcut == ""
    assert ok.isEnabled()
