"""The budget summary reads the same on the command line, the Costs step and the Review step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ceplanner.cli import summary_lines
from ceplanner.core.costing import compute_budget
from ceplanner.core.summary import NO_PARTICIPANTS, budget_figures
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.pages.costs import TOTALS
from ceplanner.ui.wizard import step_index
from tests.ui.conftest import reopen


def test_cli_costs_and_review_show_the_same_figures(qtbot: QtBot, sample_file: Path) -> None:
    doc = open_plan(None, sample_file)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    plan = reopen(sample_file)
    figures = budget_figures(plan, compute_budget(plan))
    assert [f.key for f in figures] == list(TOTALS)
    window.go_to(4)
    costs = {f.key: window.findChild(QLabel, TOTALS[f.key]).text() for f in figures}
    window.go_to(step_index("review") or 0)
    review = {f.key: window.findChild(QLabel, f"summary_{f.key}").text() for f in figures}
    cli = "\n".join(summary_lines(plan))
    for figure in figures:
        assert costs[figure.key] == review[figure.key] == figure.text
        line = next(line for line in cli.splitlines() if line.strip().startswith(figure.words))
        assert line.rstrip().endswith(figure.text)
    window.close()


def test_a_plan_without_participants_says_so_in_words() -> None:
    from ceplanner.core.model import Plan

    plan = Plan()
    figures = {f.key: f.text for f in budget_figures(plan, compute_budget(plan))}
    assert figures["per_participant"] == NO_PARTICIPANTS
    assert figures["total"] == "£0.00"
