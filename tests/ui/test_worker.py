"""Background work: results and errors arrive on the GUI thread; Cancel stops the work."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from ceplanner.ui.worker import Cancelled, Progress, run_with_progress


def _gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, Any] = {}

    def work(progress: Progress) -> str:
        seen["worker_thread"] = threading.current_thread() is not threading.main_thread()
        progress(0.5, "Half way")
        return "done"

    def done(result: str) -> None:
        seen["result"], seen["on_gui"] = result, _gui_thread()

    run_with_progress(parent, "Working", work, done, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker_thread": True, "result": "done", "on_gui": True}


def test_errors_are_reported_not_lost(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise ValueError("disk full")

    run_with_progress(None, "Working", work, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "disk full"


def test_cancel_stops_the_work(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []
    started = threading.Event()

    def work(progress: Progress) -> None:
        try:
            for _ in range(1000):  # about five seconds at most
                started.set()
                progress(0.1, "Still going")
                QThread.msleep(5)
        except Exception:
            raise AssertionError("Cancelled was caught as an ordinary exception") from None

    task = run_with_progress(parent, "Working", work, lambda r: None, errors.append)
    qtbot.waitUntil(started.is_set)
    parent.findChild(QProgressDialog, "progress_dialog").canceled.emit()  # as the Cancel button does
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)
    assert task.cancelled
