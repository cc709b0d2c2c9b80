"""The chart widgets of the statistics window: a horizontal bar chart (QtCharts),
a co-occurrence heat map painted by hand, and a pane that puts "Save as PNG…"
under either. Fonts are the widget's, so Chinese labels render in the CJK font
the application sets."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

#: The bars' colour (one set: QtCharts cannot colour each bar of a set).
BAR_COLOUR = QColor("#4472C4")
#: The heat map's cells go from white (0) to this red (the largest count).
HOT = QColor("#C0392B")


def whole_step(top: int, ticks: int = 6) -> int:
    """A whole tick interval (1, 2, 5, 10, 20, 50…) giving at most ``ticks`` steps to ``top``."""
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if top / step <= ticks:
                return step
        scale *= 10


class BarChart(QChartView):
    """Horizontal bars, the first value at the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 280)
        #: What is shown, top to bottom (tests read it).
        self.bars: list[tuple[str, int]] = []
        self.setChart(QChart())

    def set_bars(self, title: str, bars: Sequence[tuple[str, int]]) -> None:
        self.bars = list(bars)
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(self.font())
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        values = QBarSet(title)
        values.setColor(BAR_COLOUR)
        values.setBorderColor(BAR_COLOUR)
        values.setLabelFont(self.font())
        labels = [label for label, _ in reversed(self.bars)]  # the axis runs bottom up
        values.append([float(count) for _, count in reversed(self.bars)])
        series = QHorizontalBarSeries()
        series.append(values)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(labels)
        categories.setLabelsFont(self.font())
        categories.setTruncateLabels(False)  # Chinese words are short; "…" says nothing
        axis = QValueAxis()
        axis.setLabelFormat("%d")
        top = max((count for _, count in self.bars), default=1) or 1
        step = whole_step(top)  # ticks on whole numbers: small counts read 0 1 2, not 0 0 1
        axis.setTickType(QValueAxis.TickType.TicksDynamic)
        axis.setTickAnchor(0)
        axis.setTickInterval(step)
        axis.setRange(0, math.ceil(top * 1.15 / step) * step)
        axis.setLabelsFont(self.font())
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(axis)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()


class HeatMap(QWidget):
    """A symmetric grid of codes × codes: each cell the count of the pair, white to red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Row and column labels (the codes' keys), and the counts (matrix[i][j]).
        self.labels: list[str] = []
        self.matrix: list[list[int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 200)

    def set_counts(self, labels: Sequence[str], ids: Sequence[int], pairs: Mapping) -> None:
        """``pairs`` maps (lower id, higher id) to a count, as the core gives it."""
        self.labels = list(labels)
        self.matrix = [
            [0 if a == b else int(pairs.get((min(a, b), max(a, b)), 0)) for b in ids] for a in ids
        ]
        self.updateGeometry()
        self.update()

    def _layout(self) -> tuple[int, int]:
        """The label margin and the cell size."""
        metrics = QFontMetrics(self.font())
        margin = max((metrics.horizontalAdvance(label) for label in self.labels), default=0) + 12
        n = max(len(self.labels), 1)
        room = min(self.width() - margin, self.height() - margin) // n
        return margin, max(min(room, 64), metrics.height() + 6)

    def sizeHint(self) -> QSize:
        side = 120 + 36 * len(self.labels)
        return QSize(side, side)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setFont(self.font())
        if not self.labels:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "—")
            return
        margin, cell = self._layout()
        flag = Qt.AlignmentFlag
        for i, label in enumerate(self.labels):
            painter.setPen(QColor("black"))
            row_label = QRect(0, margin + i * cell, margin - 6, cell)
            painter.drawText(row_label, flag.AlignRight | flag.AlignVCenter, label)
            column_label = QRect(margin + i * cell, 0, cell, margin - 4)
            painter.drawText(column_label, flag.AlignHCenter | flag.AlignBottom, label)
        top = max((max(row, default=0) for row in self.matrix), default=0) or 1
        for i, row in enumerate(self.matrix):
            for j, count in enumerate(row):
                box = QRect(margin + j * cell, margin + i * cell, cell, cell)
                painter.fillRect(box, QColor("#EEEEEE") if i == j else _shade(count / top))
                painter.setPen(QColor("#BBBBBB"))
                painter.drawRect(box)
                if i != j:
                    painter.setPen(QColor("white" if count / top > 0.6 else "black"))
                    painter.drawText(box, flag.AlignCenter, str(count))


def _shade(fraction: float) -> QColor:
    """White at 0, :data:`HOT` at 1."""
    return QColor(
        round(255 + (HOT.red() - 255) * fraction),
        round(255 + (HOT.green() - 255) * fraction),
        round(255 + (HOT.blue() - 255) * fraction),
    )


class SavablePane(QWidget):
    """A chart with a "Save as PNG…" button under it."""

    def __init__(self, chart: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart, self.name = chart, name
        self.save_button = QPushButton(self.tr("Save as PNG…"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(chart, 1)
        layout.addLayout(row)

    def save(self) -> str:
        """Ask for a file and write the chart to it; returns the path ("" if cancelled)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PNG"), f"{self.name}.png", self.tr("PNG image (*.png)")
        )
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            self.chart.grab().save(path, "PNG")
        return path
