"""The objectives page: objectives under their outcome level, with editable indicators."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from ceplanner.core.model import Activity, Indicator, Objective, OutcomeLevel, Plan, StakeholderGroup
from ceplanner.ui.pages.objectives import INDICATOR_COLUMNS, ObjectivesPage
from tests.ui.helpers import open_document, reopen, type_text

UNICODE_TITLE = "Łódź <b>&amp; 東京 tenants feel heard"


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> ObjectivesPage:
    plan = Plan(title="Tenant engagement")
    plan.groups = [StakeholderGroup(name="Unpaid carers"), StakeholderGroup(name="Board members")]
    plan.objectives = [
        Objective(title="Repairs are easier to report", level=OutcomeLevel.SERVICE),
        Objective(
            title="The Board hears tenants directly",
            level=OutcomeLevel.STRATEGIC,
            indicators=[
                Indicator(measure="Board papers citing tenant views", baseline="0", target="4 a year")
            ],
        ),
    ]
    plan.activities = [Activity(title="Survey", objective_ids=[plan.objectives[0].id])]
    widget = ObjectivesPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def headings(page: ObjectivesPage) -> dict[str, list[str]]:
    model = page.tree_model
    result = {}
    for row in range(model.rowCount()):
        heading = model.index(row, 0)
        result[heading.data()] = [model.index(r, 0, heading).data() for r in range(model.rowCount(heading))]
    return result


def test_objectives_are_grouped_under_their_level(page: ObjectivesPage) -> None:
    assert headings(page) == {
        "Individual outcomes (0)": [],
        "Service outcomes (1)": ["Repairs are easier to report"],
        "Strategic outcomes (1)": ["The Board hears tenants directly"],
    }
    assert "outcome level" in page.GUIDANCE


def test_add_an_objective_with_unicode_title_groups_and_indicator(page: ObjectivesPage, qtbot: Any) -> None:
    page.tree.setCurrentIndex(page.tree_model.index(0, 0))  # the Individual heading
    qtbot.mouseClick(page.findChild(QPushButton, "objectives_add"), Qt.MouseButton.LeftButton)
    objective = page.objective
    assert objective is not None and objective.level is OutcomeLevel.INDIVIDUAL
    title = page.findChild(QLineEdit, "objective_title")
    title.selectAll()
    type_text(title, UNICODE_TITLE)
    title.editingFinished.emit()
    page.groups.setData(page.groups.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.mouseClick(page.findChild(QPushButton, "indicators_add"), Qt.MouseButton.LeftButton)
    assert page.indicator_model.rowCount() == 1
    values = [
        "Tenants who say they were heard",
        "40%",
        "70%",
        "Exit survey",
        "After each session",
        "Insight team",
    ]
    for column, value in enumerate(values):
        assert page.indicator_model.setData(page.indicator_model.index(0, column), value)
    assert headings(page)["Individual outcomes (1)"] == [UNICODE_TITLE]

    saved = next(o for o in reopen(page.doc).objectives if o.title == UNICODE_TITLE)
    assert saved.level is OutcomeLevel.INDIVIDUAL
    assert saved.group_ids == [page.doc.plan.groups[0].id]
    assert [getattr(saved.indicators[0], attr) for attr, _ in INDICATOR_COLUMNS] == values
    assert not any(UNICODE_TITLE in problem for problem in page.problems())


def test_changing_the_level_moves_the_objective(page: ObjectivesPage) -> None:
    page.select_objective(page.doc.plan.objectives[0])
    combo = page.findChild(QComboBox, "objective_level")
    combo.setCurrentIndex(combo.findText("Strategic"))
    assert page.doc.plan.objectives[0].level is OutcomeLevel.STRATEGIC
    assert len(headings(page)["Strategic outcomes (2)"]) == 2
    assert page.objective is page.doc.plan.objectives[0]
    page.doc.undo_stack.undo()
    assert "Service outcomes (1)" in headings(page)


def test_problems_name_objectives_without_indicators(page: ObjectivesPage) -> None:
    missing = [p for p in page.problems() if "has no indicators" in p]
    assert missing == [
        "The objective “Repairs are easier to report” has no indicators: "
        "add how you will know it has been achieved."
    ]
    assert "has no indicator" in page.problem.text()


def test_empty_title_refused(page: ObjectivesPage) -> None:
    title = page.findChild(QLineEdit, "objective_title")
    title.setText("")
    title.editingFinished.emit()
    assert page.objective is not None and page.objective.title == "Repairs are easier to report"
    assert "needs a title" in page.problem.text()


def test_delete_objective_unlinks_activities_and_undoes_in_one_step(page: ObjectivesPage, qtbot: Any) -> None:
    first = page.doc.plan.objectives[0]
    page.select_objective(first)
    qtbot.mouseClick(page.findChild(QPushButton, "objectives_delete"), Qt.MouseButton.LeftButton)
    assert first not in page.doc.plan.objectives
    assert page.doc.plan.activities[0].objective_ids == []
    saved = reopen(page.doc)
    assert [o.title for o in saved.objectives] == ["The Board hears tenants directly"]
    page.doc.undo_stack.undo()
    assert page.doc.plan.objectives[0] is first
    assert page.doc.plan.activities[0].objective_ids == [first.id]


def test_delete_indicator_with_undo(page: ObjectivesPage, qtbot: Any) -> None:
    board = page.doc.plan.objectives[1]
    page.select_objective(board)
    page.indicators.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "indicators_delete"), Qt.MouseButton.LeftButton)
    assert board.indicators == []
    assert page.indicator_model.rowCount() == 0
    page.doc.undo_stack.undo()
    assert page.indicator_model.rowCount() == 1


def test_after_a_snapshot_is_restored_edits_reach_the_restored_plan(page: ObjectivesPage) -> None:
    import copy

    page.select_objective(page.doc.plan.objectives[1])
    page.doc.replace_plan(copy.deepcopy(page.doc.plan))
    restored = page.doc.plan.objectives[1]
    assert page.objective is restored
    assert page.indicator_model.setData(page.indicator_model.index(0, 2), "6 a year")
    assert restored.indicators[0].target == "6 a year"
