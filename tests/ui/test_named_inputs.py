"""Every input on every step and tab has an object name and a name a screen reader speaks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QTabWidget

from ceplanner.ui.wizard import STEPS
from tests.ui.conftest import open_window, unnamed_inputs


def test_every_input_of_every_step_and_tab_is_named(qtbot: Any, sample_file: Path) -> None:
    window = open_window(qtbot, sample_file)
    missing: list[str] = []
    for index, step in enumerate(STEPS):
        window.go_to(index)
        page = window.page(index)
        tab_sets = page.findChildren(QTabWidget)
        views = [(None, -1)] + [(tabs, i) for tabs in tab_sets for i in range(tabs.count())]
        for tabs, tab in views:
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            qtbot.wait(10)
            where = step.key + (f" / {tabs.tabText(tab)}" if tabs is not None else "")
            missing += [f"{where}: {name}" for name in unnamed_inputs(page)]
    assert sorted(set(missing)) == []
