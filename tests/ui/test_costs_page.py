"""The costs page: money typed as people type it, refusals in words, totals from compute_budget."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView

from ceplanner.core.costing import compute_budget, line_total
from ceplanner.core.model import (
    Activity,
    CostCategory,
    CostLine,
    Objective,
    OutcomeLevel,
    Plan,
    Unit,
)
from ceplanner.core.money import format_money
from ceplanner.ui.cost_model import LINE_COLUMN
from ceplanner.ui.pages.costs import CostsPage
from tests.ui.helpers import open_document, reopen, type_text


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> CostsPage:
    objective = Objective(title="Repairs fixed first time", level=OutcomeLevel.SERVICE)
    plan = Plan(title="Tenant engagement", start=date(2026, 1, 1), end=date(2026, 12, 31))
    plan.objectives = [objective]
    plan.activities = [
        Activity(
            title="Drop-in sessions",
            participants=40,
            objective_ids=[objective.id],
            cost_lines=[
                CostLine(CostCategory.CATERING, "Tea and biscuits", Unit.SESSION, Decimal(4), 4500),
                CostLine(CostCategory.VENUE, "Scheme lounge", Unit.SESSION, Decimal(4), 6000, in_kind=True),
            ],
        ),
        Activity(
            title="Survey",
            cost_lines=[CostLine(CostCategory.PUBLICITY, "Posters", Unit.ITEM, Decimal(50), 80)],
        ),
    ]
    widget = CostsPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(page: CostsPage, name: str) -> str:
    return page.findChild(QLabel, name).text()


def totals_match_budget(page: CostsPage) -> None:
    budget = compute_budget(page.doc.plan)
    assert shown(page, "costs_total_grand") == format_money(budget.grand_total)
    assert shown(page, "costs_total_paid") == format_money(budget.paid)
    assert shown(page, "costs_total_in_kind") == format_money(budget.in_kind)
    assert shown(page, "costs_total_cash") == format_money(budget.cash_total)
    assert shown(page, "costs_total_contingency").startswith(format_money(budget.contingency))


def type_into_cell(page: CostsPage, qtbot: Any, row: int, attr: str, text: str) -> None:
    """Select the cell, open its editor as a double-click would, type and press Enter."""
    table = page.findChild(QTableView, "costs_lines")
    index = page.lines.index(row, LINE_COLUMN[attr])
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit, f"cost_editor_{attr}")
    assert editor is not None
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.findChildren(QLineEdit, f"cost_editor_{attr}"))


def test_first_activity_shown_with_totals_from_the_budget(page: CostsPage) -> None:
    assert page.current_activity() is page.doc.plan.activities[0]
    assert page.lines.rowCount() == 2
    totals_match_budget(page)
    # catering £180 + venue £240 in kind + posters £40: paid £220, contingency 10% = £22
    assert shown(page, "costs_total_grand") == "£482.00"
    assert shown(page, "costs_total_per_participant") == format_money(
        compute_budget(page.doc.plan).cost_per_participant
    )
    assert page.lines.data(page.lines.index(0, LINE_COLUMN["total"])) == "£180.00"


def test_typing_an_amount_with_separators_updates_line_and_grand_total(page: CostsPage, qtbot: Any) -> None:
    type_into_cell(page, qtbot, 0, "unit_cost", "1,250.50")
    line = page.doc.plan.activities[0].cost_lines[0]
    assert line.unit_cost == 125050
    assert page.lines.data(page.lines.index(0, LINE_COLUMN["total"])) == format_money(line_total(line))
    assert page.lines.data(page.lines.index(0, LINE_COLUMN["total"])) == "£5,002.00"
    totals_match_budget(page)
    assert "£5,002.00" in shown(page, "costs_activity_total")
    type_into_cell(page, qtbot, 0, "unit_cost", "£300")
    assert line.unit_cost == 30000
    totals_match_budget(page)
    saved = reopen(page.doc).activities[0].cost_lines[0]
    assert saved.unit_cost == 30000


@pytest.mark.parametrize(
    ("attr", "text", "words"),
    [
        ("unit_cost", "abc", "not an amount of money"),
        ("unit_cost", "-5", "cannot be negative"),
        ("unit_cost", "99999999999", "too large"),
        ("quantity", "lots", "not a number"),
        ("quantity", "-2", "cannot be negative"),
    ],
)
def test_nonsense_is_refused_with_the_reason_and_nothing_changes(
    page: CostsPage, qtbot: Any, attr: str, text: str, words: str
) -> None:
    before = page.lines.data(page.lines.index(0, LINE_COLUMN[attr]))
    grand = shown(page, "costs_total_grand")
    type_into_cell(page, qtbot, 0, attr, text)
    problem = page.findChild(QLabel, "costs_problem")
    assert problem.isVisible()
    assert words in problem.text()
    assert page.lines.data(page.lines.index(0, LINE_COLUMN[attr])) == before
    assert shown(page, "costs_total_grand") == grand
    assert page.doc.undo_stack.count() == 0


def test_in_kind_moves_a_line_out_of_the_cash_budget(page: CostsPage) -> None:
    index = page.lines.index(0, LINE_COLUMN["in_kind"])
    assert page.lines.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    totals_match_budget(page)
    assert shown(page, "costs_total_in_kind") == "£420.00"
    page.doc.undo_stack.undo()
    assert shown(page, "costs_total_in_kind") == "£240.00"


def test_add_duplicate_delete_lines_with_undo(page: CostsPage, qtbot: Any) -> None:
    activity = page.doc.plan.activities[0]
    qtbot.mouseClick(page.findChild(QPushButton, "costs_add_line"), Qt.MouseButton.LeftButton)
    assert len(activity.cost_lines) == 3
    page.table.clearSelection()
    page.table.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "costs_duplicate_line"), Qt.MouseButton.LeftButton)
    assert [line.description for line in activity.cost_lines[:2]] == ["Tea and biscuits"] * 2
    assert activity.cost_lines[0].id != activity.cost_lines[1].id
    totals_match_budget(page)
    page.table.clearSelection()
    page.table.selectRow(1)
    qtbot.mouseClick(page.findChild(QPushButton, "costs_delete_line"), Qt.MouseButton.LeftButton)
    assert len(activity.cost_lines) == 3
    assert len(reopen(page.doc).activities[0].cost_lines) == 3
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert len(activity.cost_lines) == 3
    assert page.lines.rowCount() == 3


def test_choosing_another_activity_shows_its_lines(page: CostsPage) -> None:
    page.select_activity(page.doc.plan.activities[1].id)
    assert page.lines.rowCount() == 1
    assert "Survey" in shown(page, "costs_activity_heading")
    assert page.input_problems() == []
    # The step's findings (here: lines with no staff time or funder) are the plan's, not the row's.
    assert "The activity “Survey” has no staff time costed" in " ".join(page.problems())


def test_category_combo_edits_the_category(page: CostsPage) -> None:
    assert page.lines.setData(page.lines.index(0, LINE_COLUMN["category"]), CostCategory.ACCESSIBILITY)
    assert reopen(page.doc).activities[0].cost_lines[0].category is CostCategory.ACCESSIBILITY
    assert page.by_category.rows[0][0] in ("Venue", "Accessibility")


def test_category_and_unit_combos_in_the_table(page: CostsPage) -> None:
    from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox

    for attr, text in (("category", "Translation and interpretation"), ("unit", "hour")):
        index = page.lines.index(0, LINE_COLUMN[attr])
        page.table.setCurrentIndex(index)
        page.table.edit(index)
        combo = page.table.findChild(QComboBox, f"cost_editor_{attr}")
        assert combo is not None and combo.accessibleName()
        combo.setCurrentIndex(combo.findText(text))
        page.table.commitData(combo)
        page.table.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)
    line = page.doc.plan.activities[0].cost_lines[0]
    assert line.category is CostCategory.TRANSLATION and line.unit is Unit.HOUR
    shown_categories = [row[0] for row in page.by_category.rows]
    assert "Translation and interpretation" in shown_categories and "Catering" not in shown_categories


def test_after_a_snapshot_is_restored_edits_reach_the_restored_plan(page: CostsPage, qtbot: Any) -> None:
    import copy

    page.select_activity(page.doc.plan.activities[1].id)
    page.doc.replace_plan(copy.deepcopy(page.doc.plan))
    restored = page.doc.plan.activities[1]
    assert page.current_activity() is restored
    type_into_cell(page, qtbot, 0, "unit_cost", "2")
    assert restored.cost_lines[0].unit_cost == 200
    totals_match_budget(page)
