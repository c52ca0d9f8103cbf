"""A problem appearing or going does not move the buttons and fields around it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPushButton

from tests.ui.conftest import open_window


def test_the_context_steps_fields_stay_put_when_the_title_problem_comes_and_goes(
    qtbot: Any, sample_file: Path
) -> None:
    window = open_window(qtbot, sample_file)
    window.go_to(0)
    page = window.page(0)
    qtbot.wait(50)
    starts = page.findChild(QLineEdit, "plan_author")
    before = starts.mapTo(window, starts.rect().topLeft())
    title = page.findChild(QLineEdit, "plan_title")
    title.setText("")
    title.editingFinished.emit()
    qtbot.waitUntil(page.title_problem.isVisible)
    qtbot.wait(50)
    assert starts.mapTo(window, starts.rect().topLeft()) == before
    title.setText("Library redesign")
    title.editingFinished.emit()
    qtbot.waitUntil(lambda: not page.title_problem.isVisible())
    qtbot.wait(50)
    assert starts.mapTo(window, starts.rect().topLeft()) == before


def test_the_stakeholder_buttons_stay_put_when_a_paste_is_refused(qtbot: Any, sample_file: Path) -> None:
    window = open_window(qtbot, sample_file)
    window.go_to(1)
    page = window.page(1)
    qtbot.wait(50)
    table = page.table
    before = table.mapTo(window, table.rect().topLeft())
    button = page.findChild(QPushButton, "stakeholders_add")
    button_before = button.mapTo(window, button.rect().topLeft())
    page.paste_rows("\tno name")
    qtbot.waitUntil(page.problem.isVisible)
    qtbot.wait(50)
    assert button.mapTo(window, button.rect().topLeft()) == button_before
    assert table.mapTo(window, table.rect().topLeft()).y() >= before.y()  # a long message may wrap
