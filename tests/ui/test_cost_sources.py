"""Changing a cost line's amount in the Costs table marks its library source as changed by the user."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from ceplanner.core.model import Activity, CostCategory, CostLine, Plan, Unit
from ceplanner.ui.cost_model import LINE_COLUMN
from ceplanner.ui.pages.costs import CostsPage
from tests.ui.helpers import open_document, reopen, type_text

NUBSLI = "NUBSLI-based guidance: BSL interpreter about GBP 120 a half day"


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> CostsPage:
    plan = Plan(title="Deaf residents' forum")
    plan.activities = [
        Activity(
            title="Forum evenings",
            cost_lines=[
                CostLine(
                    CostCategory.ACCESSIBILITY, "BSL interpreters", Unit.HOUR, Decimal(4), 8500, source=NUBSLI
                )
            ],
        )
    ]
    widget = CostsPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_into_cell(page: CostsPage, qtbot: Any, attr: str, text: str) -> None:
    """Open the first line's cell editor as a double-click would, type and press Enter."""
    table = page.findChild(QTableView, "costs_lines")
    index = page.lines.index(0, LINE_COLUMN[attr])
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit, f"cost_editor_{attr}")
    assert editor is not None
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.findChildren(QLineEdit, f"cost_editor_{attr}"))


def test_a_new_unit_cost_marks_the_source_in_the_file_and_one_undo_restores_both(
    page: CostsPage, qtbot: Any
) -> None:
    type_into_cell(page, qtbot, "unit_cost", "95")
    saved = reopen(page.doc).activities[0].cost_lines[0]
    assert saved.unit_cost == 9500
    assert (
        saved.source == f"Amount changed by the user (previous figure: 4 × £85.00 per hour, source: {NUBSLI})"
    )
    assert page.lines.data(page.lines.index(0, LINE_COLUMN["source"])) == saved.source
    assert page.doc.undo_stack.count() == 1
    page.doc.undo_stack.undo()
    restored = reopen(page.doc).activities[0].cost_lines[0]
    assert (restored.unit_cost, restored.source) == (8500, NUBSLI)


def test_a_new_quantity_marks_it_but_the_same_amount_does_not(page: CostsPage, qtbot: Any) -> None:
    type_into_cell(page, qtbot, "unit_cost", "85.00")  # the same figure, typed again
    type_into_cell(page, qtbot, "quantity", "4")
    assert page.doc.undo_stack.count() == 0
    assert reopen(page.doc).activities[0].cost_lines[0].source == NUBSLI
    type_into_cell(page, qtbot, "quantity", "6")
    saved = reopen(page.doc).activities[0].cost_lines[0]
    assert (saved.quantity, saved.source.startswith("Amount changed by the user")) == (6, True)
    type_into_cell(page, qtbot, "unit_cost", "90")  # a second change: the mark does not stack
    again = reopen(page.doc).activities[0].cost_lines[0]
    assert (again.unit_cost, again.source) == (9000, saved.source)
