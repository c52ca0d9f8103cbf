"""File › Export Word Document… writes the strategy as a DOCX in the background and says where."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ceplanner.core.money import format_money
from ceplanner.report.sections import SECTION_TITLES
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.worker import Task
from tests.ui.conftest import DialogLog


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    return window


def _menu_action(window: MainWindow) -> QAction:
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    actions = next(
        m.actions() for m in menus if any(a.objectName() == "action_export_pdf" for a in m.actions())
    )
    names = [a.objectName() for a in actions]
    assert names.index("action_export_docx") == names.index("action_export_pdf") + 1
    return actions[names.index("action_export_docx")]


def test_export_word_document_from_the_file_menu(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, sample_file)
    target = tmp_path / "strategy"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    threads: list[bool] = []
    original = Task.run

    def spy(task: Task) -> None:
        threads.append(QThread.currentThread() is QApplication.instance().thread())
        original(task)

    monkeypatch.setattr(Task, "run", spy)
    action = _menu_action(window)
    assert action.text() == "Export &Word Document…"
    action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=60000)
    saved = target.with_suffix(".docx")
    assert dialogs.titles() == ["Word document saved"], dialogs.text()
    assert str(saved) in dialogs.shown[0][1]
    assert threads and not any(threads)  # built off the GUI thread
    word = docx.Document(str(saved))
    heads = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert heads == [t for t in SECTION_TITLES if t not in ("Cover", "Contents")]
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert format_money(window.doc.budget.grand_total) in cells


def test_a_word_export_that_fails_says_why(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, sample_file)
    target = tmp_path / "no such folder" / "strategy.docx"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    _menu_action(window).trigger()
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=60000)
    assert dialogs.titles() == ["The Word document was not saved"]
    assert "does not exist" in dialogs.shown[0][1]
