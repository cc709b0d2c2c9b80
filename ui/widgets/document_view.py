"""The read-only text of one document, with its codings painted on it.

This is the one place where offsets change units: Qt counts UTF-16 code units,
the core counts code points, and the view shows each paragraph break as a
blank line (Qt's fast plain-text widget has no paragraph spacing).
:meth:`DocumentView.selected_span` and :meth:`DocumentView.select_span`
convert through a
:class:`~annotator.offsets.ViewOffsets` built once per document; nothing else in
the interface ever sees a Qt text position.

Highlights are char formats merged inside one edit block (about 50 ms for
10,000 here, against seconds without the block: limits.md). Where codes
overlap, their colours blend and a line under the text marks the overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.models import Annotation, AnnotationId, Code, CodeId, Flag
from annotator.offsets import ViewOffsets
from annotator.spans import assign_lanes, blend, coverage_segments
from annotator.structure import heading_spans

FLAG_FORMAT = QTextCharFormat()
FLAG_FORMAT.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
FLAG_FORMAT.setUnderlineColor(QColor("#c00000"))
FLAG_FORMAT.setBackground(QColor("#ffc9c9"))

REJECTED_FORMAT = QTextCharFormat()
REJECTED_FORMAT.setFontStrikeOut(True)
REJECTED_FORMAT.setForeground(QColor("#777777"))

HEADING_FORMAT = QTextCharFormat()
HEADING_FORMAT.setFontWeight(QFont.Weight.Bold)
HEADING_FORMAT.setForeground(QColor("#1f3a5f"))

#: Characters past the first screen painted at once (a few screens of scrolling).
FIRST_SCREENS = 20_000

CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")


def cjk_font(point_size: int = 13) -> QFont:
    font = QFont()
    font.setFamilies(list(CJK_FONTS))
    font.setPointSize(point_size)
    return font


class MarginBar(QWidget):
    """Bars beside the text: one column per overlapping coding, in its code's colour."""

    LANE = 6  # pixels per lane (a 4-pixel bar and a gap)
    LANES = 6  # at most this many columns shown; deeper overlaps share the last

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:
        return QSize(self.LANE * self.LANES + 6, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f7f7f7"))
        spans = self.view.visible_bars()
        for (top, bottom, colour), lane in zip(
            spans, assign_lanes([(t, b) for t, b, _ in spans]), strict=True
        ):
            x = 3 + min(lane, self.LANES - 1) * self.LANE
            painter.fillRect(
                x, int(top), self.LANE - 2, max(2, int(bottom - top)), QColor(colour).darker(125)
            )
        painter.end()


class DocumentView(QPlainTextEdit):
    #: Every highlight of the document is painted (after the first screens).
    painted_all = Signal()

    def __init__(self, parent: QWidget | None = None, *, point_size: int = 13) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(cjk_font(point_size))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(16)
        self.margin = MarginBar(self)
        self.setViewportMargins(self.margin.sizeHint().width(), 0, 0, 0)
        self.updateRequest.connect(self._update_margin)
        self._offsets = ViewOffsets("")
        self._painted: dict[AnnotationId, Annotation] = {}
        #: Codings a reviewer rejected (drawn struck through); the window keeps it current.
        self.rejected: set[AnnotationId] = set()
        self._colours: dict[CodeId, str] = {}
        self._flags: list[Flag] = []
        self._headings: list[tuple[int, int]] = []
        self._generation = 0
        #: Extra selections by layer: find hits, keyword suggestions.
        self._extra: dict[str, list[Any]] = {"hits": [], "suggestions": []}
        #: How a coding is described when hovered (the window knows code and coder names).
        self.describe: Callable[[Annotation], str] = lambda a: f"#{a.id} [{a.start}, {a.end})"

    # -- content ---------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self._offsets = ViewOffsets(text)
        self._generation += 1  # a pending _paint_rest belongs to the old text
        self._painted, self._flags = {}, []
        self._extra = {"hits": [], "suggestions": []}
        self.setExtraSelections([])
        self._headings = heading_spans(text)
        self.setPlainText(self._offsets.display)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end in self._headings:
            self._select(cursor, start, end)
            cursor.mergeCharFormat(HEADING_FORMAT)
        cursor.endEditBlock()

    def paint_annotations(self, annotations: Sequence[Annotation], codes: Sequence[Code]) -> None:
        """Paint every highlight afresh (a new document, or codes changed colour).

        The first screens are painted at once; the rest of a long document just
        after, from the event loop, so the window shows without waiting for it.
        """
        self._colours = {code.id: code.color for code in codes}
        self._painted = {annotation.id: annotation for annotation in annotations}
        self._generation += 1
        bottom = self.cursorForPosition(QPoint(0, self.viewport().height())).position()
        first = min(self._offsets.length, self._offsets.to_codepoint(bottom) + FIRST_SCREENS)
        self._paint_region(0, first)
        self.margin.update()
        if first < self._offsets.length:
            generation = self._generation
            QTimer.singleShot(0, lambda: self._paint_rest(generation, first))

    def _paint_rest(self, generation: int, start: int) -> None:
        if generation == self._generation:  # not since replaced by another document
            self._paint_region(start, self._offsets.length)
            self.painted_all.emit()

    def update_annotations(
        self, changed: Sequence[Annotation], removed: Iterable[AnnotationId]
    ) -> None:
        """Repaint only where annotations were added, moved, recoded or deleted."""
        spans = []
        for annotation_id in removed:
            old = self._painted.pop(annotation_id, None)
            if old is not None:
                spans.append((old.start, old.end))
        for annotation in changed:
            old = self._painted.get(annotation.id)
            if old is not None:
                spans.append((old.start, old.end))
            self._painted[annotation.id] = annotation
            spans.append((annotation.start, annotation.end))
        if spans:
            self._paint_region(min(s for s, _ in spans), max(e for _, e in spans))
            self.margin.update()

    def paint_flags(self, flags: Sequence[Flag]) -> None:
        """Mark the places an import flagged (corruption…): a red wavy line, a pink ground."""
        self._flags = [f for f in flags if f.start < f.end <= self._offsets.length]
        if self._flags:
            self._paint_region(min(f.start for f in self._flags), max(f.end for f in self._flags))

    def _paint_region(self, low: int, high: int) -> None:
        """Clear ``[low, high)`` and paint the highlights and flags that fall in it."""
        inside = [
            (max(a.start, low), min(a.end, high), self._colours.get(a.code_id, "#dddddd"))
            for a in self._painted.values()
            if a.start < high and a.end > low
        ]
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        self._select(cursor, low, high)
        cursor.setCharFormat(QTextCharFormat())
        for segment in coverage_segments(inside):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(blend(segment.keys)))
            if len(segment.keys) > 1:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor("#333333"))
            self._select(cursor, segment.start, segment.end)
            cursor.mergeCharFormat(fmt)
        for a in self._painted.values():  # a reviewer rejected it: struck through
            if a.id in self.rejected and a.start < high and a.end > low:
                self._select(cursor, max(a.start, low), min(a.end, high))
                cursor.mergeCharFormat(REJECTED_FORMAT)
        for start, end in self._headings:  # cleared above with the rest
            if start < high and end > low:
                self._select(cursor, max(start, low), min(end, high))
                cursor.mergeCharFormat(HEADING_FORMAT)
        for flag in self._flags:
            if flag.start < high and flag.end > low:
                self._select(cursor, max(flag.start, low), min(flag.end, high))
                cursor.mergeCharFormat(FLAG_FORMAT)
        cursor.endEditBlock()

    def _select(self, cursor: QTextCursor, start: int, end: int) -> None:
        cursor.setPosition(self._offsets.to_view(start))
        cursor.setPosition(self._offsets.to_view(end), QTextCursor.MoveMode.KeepAnchor)

    def show_hits(self, hits: Sequence[tuple[int, int]], current: int) -> None:
        """Outline every find hit; select the current one and scroll to it."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#fff176"))
        self._extra["hits"] = [self._extra_selection(start, end, fmt) for start, end in hits]
        self.setExtraSelections([*self._extra["hits"], *self._extra["suggestions"]])
        if 0 <= current < len(hits):
            self.select_span(*hits[current])

    def show_suggestions(self, marks: Sequence[tuple[int, int, str]], current: int) -> None:
        """Keyword suggestions as dotted underlines in their code's colour (the current one
        also on a grey ground); an empty list removes them."""
        selections = []
        for index, (start, end, colour) in enumerate(marks):
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(colour).darker(170))
            if index == current:
                fmt.setBackground(QColor("#e0e0e0"))
            selections.append(self._extra_selection(start, end, fmt))
        self._extra["suggestions"] = selections
        self.setExtraSelections([*self._extra["hits"], *selections])

    def suggestion_marks(self) -> list[tuple[int, int]]:
        """The spans marked as suggestions, in code points (for tests and tools)."""
        return [
            (self._offsets.to_codepoint(s.cursor.selectionStart()),
             self._offsets.to_codepoint(s.cursor.selectionEnd()))
            for s in self._extra["suggestions"]
        ]  # fmt: skip

    def _extra_selection(self, start: int, end: int, fmt: QTextCharFormat) -> Any:
        selection = QTextEdit.ExtraSelection()
        selection.format = fmt
        selection.cursor = QTextCursor(self.document())
        self._select(selection.cursor, start, end)
        return selection

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.margin.setGeometry(
            rect.left(), rect.top(), self.margin.sizeHint().width(), rect.height()
        )

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def visible_bars(self) -> list[tuple[float, float, str]]:
        """``(top, bottom, colour)`` in viewport pixels of every coding on screen."""
        first = self.firstVisibleBlock()
        if not first.isValid() or not self._painted:
            return []
        bottom_block = self.cursorForPosition(QPoint(0, self.viewport().height())).block()
        low = self._offsets.to_codepoint(first.position())
        high = self._offsets.to_codepoint(bottom_block.position() + bottom_block.length() - 1)
        visible = [a for a in self._painted.values() if a.start <= high and a.end > low]
        bars = []
        for annotation in sorted(visible, key=lambda a: (a.start, a.end)):
            top = self._y(max(annotation.start, low), top=True)
            bottom = self._y(min(annotation.end, high + 1) - 1, top=False)
            bars.append((top, bottom, self._colours.get(annotation.code_id, "#cccccc")))
        return bars

    def _y(self, codepoint: int, *, top: bool) -> float:
        position = self._offsets.to_view(codepoint)
        block = self.document().findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        if not line.isValid():
            return origin
        return origin + line.y() + (0 if top else line.height())

    def annotations_at(self, position: int) -> list[Annotation]:
        """The painted annotations covering code point ``position``, in text order."""
        found = [a for a in self._painted.values() if a.start <= position < a.end]
        return sorted(found, key=lambda a: (a.start, a.end, a.id))

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering shows every coding at that point: code, coder, memo."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            utf16 = self._character_under(event.pos())
            here = [] if utf16 is None else self.annotations_at(self._offsets.to_codepoint(utf16))
            if here:
                QToolTip.showText(event.globalPos(), "\n".join(map(self.describe, here)), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _character_under(self, point: QPoint) -> int | None:
        """The view position of the character drawn under ``point`` (None: margin, blank line)."""
        caret = self.cursorForPosition(point)
        char = QTextCursor(caret)
        if self.cursorRect(caret).left() > point.x():  # the caret is right of the mouse
            char.movePosition(QTextCursor.MoveOperation.PreviousCharacter)
        start = char.position()
        left = self.cursorRect(char)
        char.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        if char.selectedText() in ("", "\u2029"):  # past the end of a paragraph
            return None
        end = QTextCursor(self.document())
        end.setPosition(char.position())
        right = self.cursorRect(end)
        same_line = right.top() == left.top()
        if not left.left() <= point.x() < (right.left() if same_line else 1 << 30):
            return None
        return start

    def is_heading_at(self, position: int) -> bool:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_view(position) + 1)
        return cursor.charFormat().fontWeight() == QFont.Weight.Bold

    def is_struck_at(self, position: int) -> bool:
        """Whether the character at code point ``position`` is struck through (rejected)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_view(position) + 1)
        return cursor.charFormat().fontStrikeOut()

    def highlight_at(self, position: int) -> QColor | None:
        """The background painted at code point ``position`` (for tests and tooltips)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_view(position) + 1)
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
        cursor.setPosition(self._offsets.to_view(start))
        cursor.setPosition(self._offsets.to_view(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
