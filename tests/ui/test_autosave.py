"""Autosave: a pause in editing saves, and a steady stream of edits is still saved every 2 s."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from ceplanner.store import PlanStore
from ceplanner.ui.document import AUTOSAVE_MAX_WAIT_MS, PlanDocument
from tests.ui.conftest import reopen


def test_steady_edits_are_saved_within_the_maximum_wait(qtbot: QtBot, sample_file: Path) -> None:
    doc = PlanDocument(PlanStore.open(sample_file).load(), PlanStore.open(sample_file))
    saves: list[float] = []
    doc.saved.connect(lambda: saves.append(time.monotonic()))
    edits: list[float] = []
    timer = QTimer()
    timer.setInterval(100)  # faster than the autosave pause: the pause never comes

    def edit() -> None:
        edits.append(time.monotonic())
        doc.set_value(doc.plan, "organisation", f"Edit {len(edits)}")
        if len(edits) == 35:
            timer.stop()

    timer.timeout.connect(edit)
    timer.start()
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=10_000)
    assert saves, "35 edits 100 ms apart were never saved while they kept coming"
    assert saves[0] - edits[0] <= AUTOSAVE_MAX_WAIT_MS / 1000 + 0.5
    assert saves[0] < edits[-1], "the first save waited for the edits to stop"
    # What was saved mid-stream is really in the file, and the last edit follows after a pause.
    qtbot.waitUntil(lambda: not doc.has_unsaved_changes, timeout=5_000)
    assert reopen(sample_file).organisation == "Edit 35"
    doc.close()
