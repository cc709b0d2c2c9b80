"""Work that would hold the window runs here, in a worker thread.

Only work that touches no project belongs here: the project's SQLite
connection lives in the GUI thread. :class:`BackgroundMap` applies a function
to each item in turn and hands every result back to the GUI thread as it is
ready, so a dialog can show the first results while the rest are computed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class _MapThread(QThread):
    result = Signal(int, object)

    def __init__(
        self, function: Callable[[Any], Any], items: Sequence[Any], stop: threading.Event
    ) -> None:
        super().__init__()
        self._function = function
        self._items = items
        self._stop = stop

    def run(self) -> None:
        for index, item in enumerate(self._items):
            if self._stop.is_set():
                return
            self.result.emit(index, self._function(item))


class BackgroundMap(QObject):
    """``function(item)`` for each item, in a worker thread, in order.

    ``result(index, value)`` arrives in the GUI thread for each item;
    ``finished(complete)`` arrives once, with False if it was cancelled.
    ``function`` must not raise: turn failures into values.
    """

    result = Signal(int, object)
    finished = Signal(bool)

    def __init__(
        self,
        function: Callable[[Any], Any],
        items: Sequence[Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.total = len(items)
        self.done = 0
        self._stop = threading.Event()
        self._thread = _MapThread(function, items, self._stop)
        self._thread.result.connect(self._on_result)
        self._thread.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def cancel(self) -> None:
        """Stop after the item being worked on; results already sent still arrive."""
        self._stop.set()

    def stop(self) -> None:
        """Cancel and wait for the thread (before its owner goes away)."""
        self.cancel()
        self._thread.wait()

    def _on_result(self, index: int, value: object) -> None:
        self.done = index + 1
        self.result.emit(index, value)

    def _on_finished(self) -> None:
        # QThread.finished comes just before the thread ends: wait for the end, so the
        # owner may delete this object (and the thread) as soon as it hears of it.
        self._thread.wait()
        self.finished.emit(self.done == self.total)
