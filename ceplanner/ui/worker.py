"""Run slow work (PDF export, loading a big plan) off the GUI thread, with progress.

The callable runs in a ``QThreadPool`` thread and must not touch any widget. It receives a
``progress(fraction, message)`` function; results, errors and progress reach the GUI thread
as queued signals, so the slots may update widgets freely.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[float, str], None]


class Cancelled(BaseException):
    """Raised inside the work when the user pressed Cancel.

    A ``BaseException`` so that library code catching ``Exception`` (and re-raising it as its own
    error) lets the cancellation through instead of reporting it as a failure.
    """


class _Signals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One piece of background work. Connect to ``signals`` before :meth:`start`."""

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side keeps it until the signals are delivered
        self.work = work
        self.signals = _Signals()
        self.cancelled = False

    def _progress(self, fraction: float, message: str) -> None:
        if self.cancelled:
            raise Cancelled
        self.signals.progress.emit(float(fraction), message)

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except BaseException as exc:  # reported to the GUI thread, never lost in the thread
            self._tell(self.signals.failed, exc)
        else:
            self._tell(self.signals.finished, result)

    @staticmethod
    def _tell(signal: Any, value: Any) -> None:
        # RuntimeError: the application closed while the work ran, and nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)

    def start(self, pool: QThreadPool | None = None) -> None:
        _running.add(self)
        self.signals.finished.connect(lambda _r: _running.discard(self))
        self.signals.failed.connect(lambda _e: _running.discard(self))
        (pool or QThreadPool.globalInstance()).start(self)


_running: set[Task] = set()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> Task:
    """Run ``work`` in the background behind a window-modal progress dialog.

    ``on_done(result)`` or ``on_error(exception)`` is called on the GUI thread afterwards; a
    cancelled task reports :class:`Cancelled` to ``on_error``.
    """
    dialog = QProgressDialog(title, QCoreApplication.translate("Worker", "Cancel"), 0, 1000, parent)
    dialog.setObjectName("progress_dialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    task = Task(work)

    def progress(fraction: float, message: str) -> None:
        dialog.setValue(int(max(0.0, min(fraction, 1.0)) * 1000))
        if message:
            dialog.setLabelText(message)

    def finish() -> None:
        dialog.canceled.disconnect(cancel)  # closing the dialog emits canceled
        dialog.close()
        dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        on_error(exc)

    def cancel() -> None:
        task.cancelled = True

    task.signals.progress.connect(progress)
    task.signals.finished.connect(done)
    task.signals.failed.connect(failed)
    dialog.canceled.connect(cancel)
    task.start()
    return task
