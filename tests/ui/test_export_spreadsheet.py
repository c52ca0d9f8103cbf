"""File > Export Spreadsheet…: the workbook or a CSV written off the GUI thread, then read back."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QThread
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ceplanner.core.costing import compute_budget
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.spreadsheet_export import chosen_target
from ceplanner.ui.worker import Task
from tests.sheets.sheet_reading import minor
from tests.ui.conftest import DialogLog

FILTERS = ["Excel workbook (*.xlsx)", "CSV budget lines (*.csv)", "CSV stakeholder register (*.csv)"]


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _export(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: DialogLog,
    monkeypatch: pytest.MonkeyPatch,
    name: Path,
    chosen: str,
) -> list[Any]:
    asked: list[Any] = []

    def answer(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return str(name), chosen

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", answer)
    action = window.findChild(QAction, "action_export_sheets")
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=30000)
    return asked


def test_the_workbook_is_written_in_the_background_and_reads_back(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, sample_file)
    threads: list[bool] = []
    original = Task.run

    def spy(task: Task) -> None:
        threads.append(QThread.currentThread() is QApplication.instance().thread())
        original(task)

    monkeypatch.setattr(Task, "run", spy)
    asked = _export(qtbot, window, dialogs, monkeypatch, tmp_path / "budget", FILTERS[0])
    assert asked[0][3].split(";;") == FILTERS
    target = tmp_path / "budget.xlsx"
    assert dialogs.titles() == ["Spreadsheet saved"], dialogs.text()
    assert str(target) in dialogs.shown[0][1]
    assert threads and not any(threads)
    book = load_workbook(target)
    assert book.sheetnames[-1] == "Stakeholder register"
    grand = next(r for r in book["By category"].iter_rows(values_only=True) if r[0] == "Grand total")
    assert minor(grand[3]) == compute_budget(window.doc.plan).grand_total


def test_the_register_as_csv(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, sample_file)
    _export(qtbot, window, dialogs, monkeypatch, tmp_path / "groups", FILTERS[2])
    text = (tmp_path / "groups.csv").read_bytes().decode("utf-8-sig")
    body = list(csv.reader(io.StringIO(text, newline="")))
    assert body[0][:2] == ["#", "Group"]
    assert [r[1] for r in body[1:]] == [g.name for g in window.doc.plan.groups]
    assert "stakeholder register" in dialogs.shown[0][1]


def test_a_read_only_folder_is_explained(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, sample_file)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        _export(qtbot, window, dialogs, monkeypatch, locked / "budget.csv", FILTERS[1])
    finally:
        locked.chmod(0o755)
    assert dialogs.titles() == ["The spreadsheet was not saved"]
    assert "read-only" in dialogs.shown[0][1]
    assert list(locked.iterdir()) == []


def test_the_typed_extension_and_the_filter_decide_the_file() -> None:
    assert chosen_target("/x/b.xlsx", FILTERS[2]) == (Path("/x/b.xlsx"), None)
    assert chosen_target("/x/b.csv", FILTERS[2]) == (Path("/x/b.csv"), "groups")
    assert chosen_target("/x/b.csv", FILTERS[0]) == (Path("/x/b.csv"), "budget")
    assert chosen_target("/x/b", FILTERS[1]) == (Path("/x/b.csv"), "budget")
    assert chosen_target("/x/b.v2", FILTERS[0]) == (Path("/x/b.v2.xlsx"), None)
