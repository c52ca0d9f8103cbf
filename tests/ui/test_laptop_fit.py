"""Every step, and every tab of it, fits a 1,024 x 700 and a 1,366 x 768 window: the window is
not pushed wider or taller, nothing scrolls sideways, and no scroll area holds another."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QTabWidget

from ceplanner.ui.wizard import STEPS
from tests.ui.conftest import open_window


def _views(page: Any) -> list[tuple[QTabWidget | None, int]]:
    tabs = page.findChildren(QTabWidget)
    return [(None, -1)] + [(t, i) for t in tabs for i in range(t.count())]


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)], ids=["1024x700", "1366x768"])
def test_every_step_fits_without_sideways_or_nested_scrolling(
    qtbot: Any, sample_file: Path, size: tuple[int, int]
) -> None:
    window = open_window(qtbot, sample_file)
    window.resize(*size)
    problems = []
    for index, step in enumerate(STEPS):
        window.go_to(index)
        page = window.page(index)
        for tabs, tab in _views(page):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            qtbot.wait(20)
            where = f"{step.key}" + (f" / {tabs.tabText(tab)}" if tabs is not None else "")
            if window.width() > size[0] or window.height() > size[1]:
                problems.append(f"{where}: the window grew to {window.width()} x {window.height()}")
            least = window.minimumSizeHint()  # what the layout needs, whether or not applied yet
            if least.width() > size[0] or least.height() > size[1]:
                problems.append(f"{where}: the window needs {least.width()} x {least.height()}")
            for area in page.findChildren(QScrollArea):
                if not area.isVisible() or area.widget() is None:
                    continue
                if area.horizontalScrollBar().isVisible():
                    problems.append(f"{where}: {area.objectName()} scrolls sideways")
                inner = [
                    c.objectName() for c in area.widget().findChildren(QAbstractScrollArea) if c.isVisible()
                ]
                if inner:
                    problems.append(f"{where}: {area.objectName()} holds scrolling {inner[:3]}")
    assert problems == []
