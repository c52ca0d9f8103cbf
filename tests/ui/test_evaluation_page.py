"""The Evaluation page: answers, budget with its live share, and the six-E ratings reach the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ceplanner.core.model import EVALUATION_QUESTIONS, SixE
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.pages.evaluation import EvaluationPage
from tests.ui.conftest import reopen, unnamed_inputs


def _page(qtbot: QtBot, path: Path) -> EvaluationPage:
    doc = open_plan(None, path)
    assert doc is not None
    page = EvaluationPage(doc)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_answers_budget_and_ratings_are_saved(qtbot: QtBot, sample_file: Path) -> None:
    page = _page(qtbot, sample_file)
    for i, (attr, _question) in enumerate(EVALUATION_QUESTIONS):
        area = page.findChild(QPlainTextEdit, f"evaluation_{attr}")
        area.setPlainText(f"Answer {i} — <ünïcode> & more")
        area.editingFinished.emit()
    page.method.setPlainText("Surveys")
    page.method.editingFinished.emit()
    budget = page.findChild(QLineEdit, "evaluation_budget")
    budget.setText("£2,000")
    budget.editingFinished.emit()
    rating = page.findChild(QComboBox, "vfm_equity_rating")
    rating.setCurrentIndex(rating.findData(5))
    rating.activated.emit(rating.currentIndex())
    evidence = page.findChild(QPlainTextEdit, "vfm_equity_evidence")
    evidence.setPlainText("BSL sessions")
    evidence.editingFinished.emit()
    not_assessed = page.findChild(QComboBox, "vfm_economy_rating")
    not_assessed.setCurrentIndex(0)
    not_assessed.activated.emit(0)
    page.doc.close()

    plan = reopen(sample_file)
    assert plan.evaluation.whose_opinion == "Answer 0 — <ünïcode> & more"
    assert plan.evaluation.analysis_by == "Answer 4 — <ünïcode> & more"
    assert plan.evaluation.method == "Surveys"
    assert plan.evaluation.budget == 200000
    by_e = {r.e: r for r in plan.vfm}
    assert by_e[SixE.EQUITY].rating == 5
    assert by_e[SixE.EQUITY].evidence == "BSL sessions"
    assert by_e[SixE.ECONOMY].rating is None


def test_share_of_the_total_follows_the_budget(qtbot: QtBot, sample_file: Path) -> None:
    page = _page(qtbot, sample_file)
    page.budget.edit.setText("10,000")
    page.budget.edit.editingFinished.emit()
    share = page.doc.budget.evaluation_share
    label = page.findChild(QLabel, "evaluation_share")
    assert share is not None and f"{share}%" in label.text()
    page.budget.edit.setText("1.234")
    page.budget.edit.editingFinished.emit()
    assert page.budget.problem.isVisible() and "decimal places" in page.budget.problem.text()
    assert page.doc.plan.evaluation.budget == 1000000
    assert "Evaluation budget" in page.problems()[0]


def test_inputs_have_names(qtbot: QtBot, sample_file: Path) -> None:
    assert unnamed_inputs(_page(qtbot, sample_file)) == []
