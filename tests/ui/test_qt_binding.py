"""PySide6 6.12.0 on Python 3.11 aborts after a few thousand void Qt calls (limits.md).

The pin in pyproject.toml avoids it; this test fails (the interpreter dies)
if a broken combination is ever installed.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument


def test_ten_thousand_void_calls_survive() -> None:
    document = QTextDocument("党建引领乡村振兴" * 200)
    cursor = QTextCursor(document)
    fmt = QTextCharFormat()
    for index in range(10_000):
        cursor.setPosition(index % 1000)
        cursor.setPosition(index % 1000 + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    assert (cursor.anchor(), cursor.position()) == (999, 1000)
