"""One coder's pane in the compare view: the text, that coder's codings in their code
colours, and the places the coders disagree underlined in red.

Offsets are code points; :class:`~annotator.offsets.ViewOffsets` converts them
for Qt, as in the main text view.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from annotator.models import Annotation, CodeId
from annotator.offsets import ViewOffsets
from ui.widgets.document_view import cjk_font

MARK_FORMAT = QTextCharFormat()
MARK_FORMAT.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
MARK_FORMAT.setUnderlineColor(QColor("#c00000"))
#: A see-through selection: the codings under it still show.
SELECTION_COLOUR = QColor(40, 110, 230, 70)


class ComparePane(QPlainTextEdit):
    def __init__(self, offsets: ViewOffsets, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offsets = offsets
        self.setReadOnly(True)
        self.setFont(cjk_font())
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Highlight, SELECTION_COLOUR)
        palette.setColor(QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text))
        self.setPalette(palette)
        self.setPlainText(offsets.display)

    def paint(
        self,
        codings: Iterable[Annotation],
        colours: Mapping[CodeId, str],
        marks: Sequence[tuple[int, int]],
    ) -> None:
        """The codings on their code's colour, then the disagreement marks."""
        selections = []
        for a in codings:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colours.get(a.code_id, "#dddddd")))
            selections.append(self._selection(a.start, a.end, fmt))
        selections += [self._selection(start, end, MARK_FORMAT) for start, end in marks]
        self.setExtraSelections(selections)

    def select(self, start: int, end: int) -> None:
        """Select ``[start, end)`` and scroll it to the middle."""
        self.setTextCursor(self._cursor(start, end))
        self.centerCursor()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.format = fmt
        selection.cursor = self._cursor(start, end)
        return selection

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_view(start))
        cursor.setPosition(self._offsets.to_view(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor
