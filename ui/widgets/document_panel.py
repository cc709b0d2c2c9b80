"""The document list: filter by any metadata, sort by any column, pick one to read.

The filter matches the title, source, author, region, date and file name
(traditional and simplified alike, through the search shadow). Sorting is by
the clicked column; numbers sort as numbers.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.models import Document, DocumentId
from annotator.shadow import to_simplified
from ui.models.document_table_model import ID_ROLE, DocumentTableModel
from ui.widgets.tables import fit_columns

_SEARCHED = ("title", "source", "author", "author_role", "region", "published", "source_path")


class DocumentFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.query = ""

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self.query = to_simplified(query.strip()).lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model keeps its rows sorted; the proxy only filters, in its order."""
        model = self.sourceModel()
        assert isinstance(model, DocumentTableModel)
        model.sort(column, order)

    def filterAcceptsRow(self, row: int, _parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.query:
            return True
        model = self.sourceModel()
        assert isinstance(model, DocumentTableModel)
        document: Document = model.record(row)
        haystack = " ".join(str(getattr(document, name) or "") for name in _SEARCHED)
        return self.query in to_simplified(haystack).lower()


class DocumentPanel(QWidget):
    #: The reader picked a document (its id).
    document_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentTableModel()
        self.proxy = DocumentFilter()
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter: title, source, region, date…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # import order until a click
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        fit_columns(self.view.horizontalHeader(), stretch=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)
        self._filtering = False
        self._open: DocumentId | None = None
        self.filter_edit.textChanged.connect(self._filter)
        self.view.selectionModel().currentRowChanged.connect(self._chosen)

    def _filter(self, text: str) -> None:
        """Filter the list; the open document stays open even when the filter hides it."""
        self._filtering = True
        try:
            self.proxy.set_query(text)
            if self._open is None or not self.select_document(self._open, quietly=True):
                self.view.selectionModel().clear()  # no row stands for another document
        finally:
            self._filtering = False

    def reload(
        self,
        documents: list[Document],
        counts: dict[DocumentId, int],
        reviewed: dict[DocumentId, int],
    ) -> None:
        self.model.reload(documents, counts, reviewed)

    def update_counts(self, counts: dict[DocumentId, int], reviewed: dict[DocumentId, int]) -> None:
        self.model.update_counts(counts, reviewed)

    def select_document(self, document_id: DocumentId, *, quietly: bool = False) -> bool:
        """Select a document's row (if the filter shows it); ``quietly`` sends no signal."""
        row = self.model.row_of(document_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        selection = self.view.selectionModel()
        selection.blockSignals(quietly)
        self.view.selectRow(index.row())
        selection.blockSignals(False)
        return True

    def select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.view.selectRow(0)

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filtering:
            self._open = current.data(ID_ROLE)
            self.document_chosen.emit(self._open)
