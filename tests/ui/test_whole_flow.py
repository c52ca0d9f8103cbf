"""A new user's path: start screen, a new plan, the steps, the review totals, quit, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from ceplanner.core.money import format_money
from ceplanner.ui.app import Launcher
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.start_screen import StartScreen
from ceplanner.ui.wizard import step_index
from tests.ui.conftest import DialogLog, reopen


def _finish(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(edit, QPlainTextEdit):
        edit.setPlainText(text)
    else:
        edit.setText(text)
    edit.editingFinished.emit()


def test_new_plan_from_the_start_screen_to_reopened_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: DialogLog
) -> None:
    launcher = Launcher()
    screen = launcher.start(None)
    assert isinstance(screen, StartScreen)
    target = tmp_path / "Youth voice"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    screen.findChild(QPushButton, "new_plan_button").click()
    qtbot.waitUntil(lambda: any(isinstance(w, MainWindow) for w in launcher.windows))
    window = next(w for w in launcher.windows if isinstance(w, MainWindow))
    path = target.with_suffix(".ceplan")
    assert window.doc.store.path == path

    _finish(window.findChild(QLineEdit, "plan_title"), "Youth voice — “Ēlektra” <draft> & co")
    _finish(window.findChild(QPlainTextEdit, "plan_decision"), "Which youth services to keep")
    window.next_button.click()
    assert window.current_page().objectName() == "page_stakeholders"
    window.go_to(step_index("evaluation") or 0)
    _finish(window.findChild(QLineEdit, "evaluation_budget"), "£1,500")
    _finish(window.findChild(QPlainTextEdit, "evaluation_whose_opinion"), "Young people's, first")
    window.go_to(step_index("review") or 0)
    total = window.findChild(QLabel, "summary_total")
    assert total.text() == format_money(window.doc.budget.grand_total, "GBP")
    assert total.text() == "£1,650.00"  # the evaluation budget plus 10% contingency
    window.close()

    plan = reopen(path)
    assert plan.title == "Youth voice — “Ēlektra” <draft> & co"
    assert plan.decision == "Which youth services to keep"
    assert plan.evaluation.budget == 150000
    assert plan.evaluation.whose_opinion == "Young people's, first"


def test_opening_a_bad_file_keeps_the_current_plan(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: DialogLog
) -> None:
    launcher = Launcher()
    window = launcher.start(str(sample_file))
    assert isinstance(window, MainWindow)
    bad = tmp_path / "notes.ceplan"
    bad.write_text("shopping list")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.files.open_file()
    assert dialogs.titles() == ["Not a ceplanner plan"]
    assert window.doc.store.path == sample_file
    assert bad.read_text() == "shopping list"
    window.close()
