"""Splitter positions and column widths come back as the user left them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QSplitter, QTableView

from ceplanner.ui.main_window import MainWindow
from tests.ui.conftest import open_window


def _stakeholders(qtbot: Any, window: MainWindow) -> Any:
    window.go_to(1)
    page = window.page(1)
    qtbot.waitExposed(page)
    qtbot.wait(50)  # laid out at the window's size
    return page


def test_a_moved_splitter_and_a_widened_column_are_restored_in_a_new_window(
    qtbot: Any, sample_file: Path
) -> None:
    window = open_window(qtbot, sample_file)
    main = window.findChild(QSplitter, "main_splitter")
    main.setSizes([260, 1000])
    main.splitterMoved.emit(260, 1)
    steps_width = main.sizes()[0]
    qtbot.wait(50)
    page = _stakeholders(qtbot, window)
    splitter = page.findChild(QSplitter, "stakeholders_splitter")
    splitter.setSizes([300, 700])
    splitter.splitterMoved.emit(300, 1)  # as dragging the handle does
    qtbot.wait(50)
    wanted = splitter.sizes()
    table = page.findChild(QTableView, "stakeholders_table")
    table.horizontalHeader().resizeSection(0, 333)
    size = window.size()
    window.close()

    again = open_window(qtbot, sample_file)
    again.resize(size)  # the same room to share out
    page = _stakeholders(qtbot, again)
    assert page.findChild(QSplitter, "stakeholders_splitter").sizes() == wanted
    assert page.findChild(QTableView, "stakeholders_table").horizontalHeader().sectionSize(0) == 333
    assert again.findChild(QSplitter, "main_splitter").sizes()[0] == steps_width
