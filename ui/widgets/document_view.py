"""The read-only text of one document, with its codings painted on it.

This is the one place where offsets change units: Qt counts UTF-16 code units,
the core counts code points. :meth:`DocumentView.selected_span` and
:meth:`DocumentView.select_span` convert through an
:class:`~annotator.offsets.OffsetMap` built once per document; nothing else in
the interface ever sees a Qt text position.

Highlights are char formats merged inside one edit block (about 50 ms for
10,000 here, against seconds without the block: limits.md). Where codes
overlap, their colours blend and a line under the text marks the overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from annotator.models import Annotation, Code, CodeId, Flag
from annotator.offsets import OffsetMap
from annotator.spans import blend, coverage_segments

CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")


def cjk_font(point_size: int = 13) -> QFont:
    font = QFont()
    font.setFamilies(list(CJK_FONTS))
    font.setPointSize(point_size)
    return font


class DocumentView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None, *, point_size: int = 13) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(cjk_font(point_size))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(16)
        self._offsets = OffsetMap("")

    # -- content ---------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self._offsets = OffsetMap(text)
        self.setPlainText(text)

    def paint_annotations(self, annotations: Sequence[Annotation], codes: Sequence[Code]) -> None:
        """Repaint every highlight (one edit block, so Qt lays out once)."""
        colour: dict[CodeId, str] = {code.id: code.color for code in codes}
        segments = coverage_segments((a.start, a.end, colour[a.code_id]) for a in annotations)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        for segment in segments:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(blend(segment.keys)))
            if len(segment.keys) > 1:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor("#333333"))
            cursor.setPosition(self._offsets.to_utf16(segment.start))
            cursor.setPosition(self._offsets.to_utf16(segment.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def paint_flags(self, flags: Sequence[Flag]) -> None:
        """Mark the places an import flagged (corruption…): a red wavy line, a pink ground."""
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#c00000"))
        fmt.setBackground(QColor("#ffc9c9"))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for flag in flags:
            if flag.end <= flag.start or flag.end > self._offsets.length:
                continue
            cursor.setPosition(self._offsets.to_utf16(flag.start))
            cursor.setPosition(self._offsets.to_utf16(flag.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def show_hits(self, hits: Sequence[tuple[int, int]], current: int) -> None:
        """Outline every find hit; select the current one and scroll to it."""
        selections = []
        for start, end in hits:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor("#fff176"))
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(self._offsets.to_utf16(start))
            selection.cursor.setPosition(
                self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor
            )
            selections.append(selection)
        self.setExtraSelections(selections)
        if 0 <= current < len(hits):
            self.select_span(*hits[current])

    def highlight_at(self, position: int) -> QColor | None:
        """The background painted at code point ``position`` (for tests and tooltips)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(position) + 1)
        brush = cursor.charFormat().background()
        if cursor.charFormat().hasProperty(QTextFormat.Property.BackgroundBrush):
            return brush.color()
        return None

    # -- selection (the UTF-16 ⇄ code point boundary) --------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code points ``(start, end)``, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.to_codepoint(cursor.selectionStart())
        end = self._offsets.to_codepoint(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` and scroll them into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
