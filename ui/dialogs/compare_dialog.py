"""Compare coders and adjudicate: two or more coders' codings of one document side by side.

Each chosen coder has a read-only pane with the document's text and that
coder's codings as highlights in the code colours; the last pane shows the
consensus layer. Disagreements (clusters whose spans differ, or that some
coder lacks) carry a red wavy line in every pane. The table below lists the
clusters; the reviewer picks the final version into the consensus layer.

Keys (in the table or a pane): 1…9 adopt the current cluster's codings by
coder 1…9; Delete removes the cluster's consensus codings; N or ↓ next
cluster, P or ↑ previous. Every change is one undo step of the project.

Each pane is a :class:`~ui.widgets.compare_pane.ComparePane`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.disagreements import Cluster, Kind
from annotator.models import CONSENSUS_NAME, Annotation, AnnotationId, CoderId, DocumentId
from annotator.offsets import ViewOffsets
from ui.controller import ProjectController
from ui.keys import KeyFilter, modifiers
from ui.widgets.code_menu import label, swatch
from ui.widgets.compare_pane import ComparePane
from ui.widgets.tables import fit_columns

_QUOTE = 24  # characters of a cluster's text shown in the table
_FIXED_COLUMNS = 4  # code, kind, span, text; then one per coder, then "in consensus"


class CompareDialog(QDialog):
    def __init__(
        self,
        controller: ProjectController,
        parent: QWidget | None = None,
        document_id: DocumentId | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Compare coders and adjudicate"))
        #: The compared coders, in column order (key 1 is the first).
        self.coder_ids: list[CoderId] = []
        #: Every cluster of the document, and the ones the table shows (row order).
        self.all_clusters: list[Cluster] = []
        self.clusters: list[Cluster] = []
        #: One pane per compared coder, then the consensus pane.
        self.panes: list[ComparePane] = []
        self.pane_titles: list[QLabel] = []
        self._offsets = ViewOffsets("")
        self._build()
        self._fill_documents(document_id)
        self._default_coders()
        self._rebuild()
        self.controller.changed.connect(self._on_changed)
        self.controller.project_replaced.connect(self.reject)
        self.resize(1100, 750)

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.document_combo = QComboBox()
        self.coder_list = QListWidget()
        self.coder_list.setFlow(QListWidget.Flow.LeftToRight)
        self.coder_list.setWrapping(True)
        self.coder_list.setMaximumHeight(self.fontMetrics().height() * 3)
        top = QHBoxLayout()
        for widget, stretch in (
            (QLabel(self.tr("Document:")), 0), (self.document_combo, 1),
            (QLabel(self.tr("Coders:")), 0), (self.coder_list, 2),
        ):  # fmt: skip
            top.addWidget(widget, stretch)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(self.splitter)
        vertical.addWidget(self._build_lower())
        vertical.setStretchFactor(0, 3)
        vertical.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(vertical, 1)
        keys = self.tr("1–9: adopt that coder's version · Del: remove · N / P: next / previous")
        layout.addWidget(QLabel(keys))
        self.document_combo.currentIndexChanged.connect(self._document_changed)
        self.coder_list.itemChanged.connect(self._coders_changed)

    def _build_lower(self) -> QWidget:
        """The table of clusters, and the buttons and counts below it."""
        self.table = QTableWidget()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Digits, Delete, N and P act here, before the table or any shortcut sees them.
        self._keys = KeyFilter(self, self._key_action, self.table)
        self.only_disagreements = QCheckBox(self.tr("Only disagreements"))
        self.only_disagreements.setChecked(True)
        self.adopt_agreed_button = QPushButton(self.tr("Adopt all agreed"))
        self.delete_button = QPushButton(self.tr("Remove from consensus (Del)"))
        self.status = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.only_disagreements)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self.adopt_agreed_button)
        lower = QWidget()
        layout = QVBoxLayout(lower)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.only_disagreements.toggled.connect(lambda _: self.refresh())
        self.adopt_agreed_button.clicked.connect(self.adopt_all_agreed)
        self.delete_button.clicked.connect(self.delete_consensus)
        self.table.currentCellChanged.connect(lambda *_: self._show_current())
        return lower

    def _fill_documents(self, document_id: DocumentId | None) -> None:
        self.document_combo.blockSignals(True)
        for document in self.controller.documents():
            self.document_combo.addItem(document.title or f"#{document.id}", document.id)
        index = self.document_combo.findData(document_id) if document_id is not None else 0
        self.document_combo.setCurrentIndex(max(index, 0))
        self.document_combo.blockSignals(False)

    @property
    def document_id(self) -> DocumentId | None:
        data = self.document_combo.currentData()
        return None if data is None else DocumentId(data)

    # -- choosing coders -------------------------------------------------------
    def _default_coders(self) -> None:
        """The first two coders with codings here (others fill up if fewer have any)."""
        layer = self.controller.consensus_id()
        coders = [c for c in self.controller.coders() if c.id != layer]
        coded = set()
        if self.document_id is not None:
            coded = {a.coder_id for a in self.controller.annotations(self.document_id)}
        ranked = [c.id for c in coders if c.id in coded] + [
            c.id for c in coders if c.id not in coded
        ]
        self.coder_ids = ranked[:2]
        self.coder_list.blockSignals(True)
        self.coder_list.clear()
        for coder in coders:
            item = QListWidgetItem(coder.name)
            item.setData(Qt.ItemDataRole.UserRole, coder.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = coder.id in self.coder_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.coder_list.addItem(item)
        self.coder_list.blockSignals(False)

    def _checked_coders(self) -> list[CoderId]:
        items = [self.coder_list.item(row) for row in range(self.coder_list.count())]
        return [
            CoderId(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_coders(self, coder_ids: Sequence[CoderId]) -> None:
        """Compare these coders (at least two), in this order."""
        self.coder_list.blockSignals(True)
        for row in range(self.coder_list.count()):
            item = self.coder_list.item(row)
            chosen = item.data(Qt.ItemDataRole.UserRole) in coder_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.coder_list.blockSignals(False)
        self.coder_ids = list(coder_ids)
        self._rebuild()

    def _coders_changed(self, item: QListWidgetItem) -> None:
        checked = self._checked_coders()
        if len(checked) < 2:  # at least two to compare: the last uncheck is undone
            self.coder_list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Checked)
            self.coder_list.blockSignals(False)
            self.status.setText(self.tr("Choose at least two coders."))
            return
        kept = [c for c in self.coder_ids if c in checked]
        self.coder_ids = kept + [c for c in checked if c not in kept]
        self._rebuild()

    def _document_changed(self) -> None:
        self._default_coders()
        self._rebuild()

    # -- content ---------------------------------------------------------------
    def _rebuild(self) -> None:
        """New panes for the chosen coders and the document's text in each."""
        for pane in self.splitter.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            pane.deleteLater()
        self.panes, self.pane_titles = [], []
        text = "" if self.document_id is None else self.controller.text(self.document_id)
        self._offsets = ViewOffsets(text)
        names = [f"{n} · {self.controller.coder_name(c)}" for n, c in enumerate(self.coder_ids, 1)]
        for title in [*names, CONSENSUS_NAME]:
            self._add_pane(title)
        self.table.setColumnCount(_FIXED_COLUMNS + len(self.coder_ids) + 1)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Kind"), self.tr("Span"), self.tr("Text"), *names,
             self.tr("In consensus")]
        )  # fmt: skip
        fit_columns(self.table.horizontalHeader(), 3)
        self.table.setRowCount(0)
        self.refresh()

    def _add_pane(self, title: str) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(title)
        pane = ComparePane(self._offsets)
        self._keys.watch(pane)
        layout.addWidget(caption)
        layout.addWidget(pane, 1)
        self.splitter.addWidget(box)
        self.panes.append(pane)
        self.pane_titles.append(caption)

    def refresh(self) -> None:
        """Recompute the clusters and repaint (after any change), keeping the row index."""
        row = self.table.currentRow()
        document_id = self.document_id
        if document_id is None or len(self.coder_ids) < 2:
            self.all_clusters = []
        else:
            self.all_clusters = self.controller.compare(self.coder_ids, [document_id])
        only = self.only_disagreements.isChecked()
        self.clusters = [c for c in self.all_clusters if not only or c.kind is not Kind.AGREE]
        self._paint()
        self._fill_table()
        if self.clusters:
            self.table.selectRow(min(max(row, 0), len(self.clusters) - 1))
        self._show_current()
        disagreeing = sum(c.kind is not Kind.AGREE for c in self.all_clusters)
        adopted = sum(bool(c.consensus) for c in self.all_clusters)
        self.status.setText(
            self.tr("{0} disagreements, {1} in consensus, {2} clusters").format(
                disagreeing, adopted, len(self.all_clusters)
            )
        )

    def _paint(self) -> None:
        """Each pane: its coder's codings on their code's colour, then the disagreement marks."""
        colours = {code.id: code.color for code in self.controller.codes()}
        coded: dict[CoderId, list[Annotation]] = {c: [] for c in self.coder_ids}
        consensus: list[Annotation] = []
        layer = self.controller.consensus_id()
        if self.document_id is not None:
            for a in self.controller.annotations(self.document_id):
                (consensus if a.coder_id == layer else coded.get(a.coder_id, [])).append(a)
        marks = [(c.start, c.end) for c in self.all_clusters if c.kind is not Kind.AGREE]
        for pane, codings in zip(self.panes, [*coded.values(), consensus], strict=True):
            pane.paint(codings, colours, marks)

    def _fill_table(self) -> None:
        text = "" if self.document_id is None else self.controller.text(self.document_id)
        codes = {code.id: code for code in self.controller.codes()}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.clusters))
        for row, cluster in enumerate(self.clusters):
            code = codes.get(cluster.code_id)
            quote = text[cluster.start : cluster.end].replace("\n", " ")
            if len(quote) > _QUOTE:
                quote = quote[: _QUOTE - 1] + "…"
            cells = [
                label(code) if code else "?",
                self.kind_text(cluster.kind),
                f"{cluster.start}–{cluster.end}",
                quote,
                *(_spans(cluster.members.get(c, ())) for c in self.coder_ids),
                _spans(cluster.consensus) if cluster.consensus else self.tr("no"),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 0 and code is not None:
                    item.setIcon(swatch(code.color))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)

    def kind_text(self, kind: Kind) -> str:
        return {
            Kind.AGREE: self.tr("Agree"),
            Kind.BOUNDS: self.tr("Bounds differ"),
            Kind.MISSING: self.tr("Not coded by all"),
        }[kind]

    def current_cluster(self) -> Cluster | None:
        row = self.table.currentRow()
        return self.clusters[row] if 0 <= row < len(self.clusters) else None

    def _show_current(self) -> None:
        """Scroll every pane to the current cluster and select it there."""
        cluster = self.current_cluster()
        if cluster is None:
            return
        for pane in self.panes:
            pane.select(cluster.start, cluster.end)

    def _on_changed(self, _changes: object) -> None:
        if self.controller.has_project:
            self.refresh()

    # -- adjudicating ----------------------------------------------------------
    def adopt_from(self, number: int) -> None:
        """Adopt the current cluster's codings by coder ``number`` (1 is the first)."""
        cluster = self.current_cluster()
        if cluster is None or not 1 <= number <= len(self.coder_ids):
            return
        coder = self.coder_ids[number - 1]
        ids = [a.id for a in cluster.members.get(coder, ())]
        if ids:
            self.controller.run(lambda: self.controller.adopt(ids))
        else:
            name = self.controller.coder_name(coder)
            self.status.setText(self.tr("{0} has no coding here.").format(name))

    def adopt_all_agreed(self) -> None:
        """Every agreed cluster's codings (of the first coder) into the consensus, in one step."""
        if not self.coder_ids:
            return
        first = self.coder_ids[0]
        ids = [
            a.id for c in self.all_clusters if c.kind is Kind.AGREE for a in c.members[first]
        ]  # fmt: skip
        if ids:
            self.controller.run(lambda: self.controller.adopt(ids))

    def delete_consensus(self) -> None:
        """Remove the consensus codings of the current cluster."""
        cluster = self.current_cluster()
        ids: list[AnnotationId] = [] if cluster is None else [a.id for a in cluster.consensus]
        if ids:
            self.controller.run(lambda: self.controller.delete_annotations(ids))

    def step(self, by: int) -> None:
        if self.clusters:
            row = min(max(self.table.currentRow() + by, 0), len(self.clusters) - 1)
            self.table.selectRow(row)

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        if modifiers(event):
            return None
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            number = key - Qt.Key.Key_0
            return lambda: self.adopt_from(number)
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Delete: self.delete_consensus,
            Qt.Key.Key_Backspace: self.delete_consensus,
            Qt.Key.Key_N: lambda: self.step(1),
            Qt.Key.Key_Down: lambda: self.step(1),
            Qt.Key.Key_P: lambda: self.step(-1),
            Qt.Key.Key_Up: lambda: self.step(-1),
        }
        return actions.get(key)


def _spans(annotations: Sequence[Annotation]) -> str:
    """``3–7, 12–15`` (or a dash for none)."""
    return ", ".join(f"{a.start}–{a.end}" for a in annotations) or "—"
