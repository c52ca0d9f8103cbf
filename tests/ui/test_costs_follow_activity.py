"""Sessions and participants typed in the activity editor rescale the lines that scale, in one
undo step each, without marking their sources as the user's; the Costs table shows the scaling."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QCheckBox, QComboBox, QLabel, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from ceplanner.core.model import Activity, CostCategory, CostLine, Plan, Scaling, Unit
from ceplanner.store import PlanStore
from ceplanner.ui.cost_model import LINE_COLUMN
from ceplanner.ui.pages.activities import ActivitiesPage
from ceplanner.ui.pages.costs import CostsPage
from tests.ui.conftest import open_window, reopen

EXAMPLE = "Example figure: community room for an evening"


def _plan() -> Plan:
    def line(description: str, scaling: Scaling, quantity: str, unit_cost: int) -> CostLine:
        return CostLine(
            CostCategory.OTHER,
            description,
            Unit.ITEM,
            Decimal(quantity),
            unit_cost,
            source=EXAMPLE,
            scaling=scaling,
            id=description,
        )

    groups = Activity(
        title="Focus groups",
        sessions=2,
        participants=12,
        cost_lines=[
            line("Room hire", Scaling.PER_SESSION, "2", 9000),
            line("Thank-you vouchers", Scaling.PER_PARTICIPANT, "12", 2500),
            line("Refreshments", Scaling.PER_ATTENDANCE, "10", 600),
            line("Translation", Scaling.FIXED, "3", 15000),
        ],
        id="focus-groups",
    )
    other = Activity(
        title="Drop-ins",
        sessions=2,
        participants=12,
        cost_lines=[line("Hall", Scaling.PER_SESSION, "2", 5000)],
        id="drop-ins",
    )
    return Plan(title="Repairs", activities=[groups, other])


def quantities(plan: Plan) -> dict[str, Decimal]:
    return {line.description: line.quantity for a in plan.activities for line in a.cost_lines}


def enter(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    """Type a new value into a spin box and press Enter, as a user does."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_sessions_and_participants_rescale_lines_one_undo_step_each(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, _plan()).close()
    window = open_window(qtbot, path, active=True)
    doc = window.doc
    window.go_to(3)
    page = window.current_page()
    assert isinstance(page, ActivitiesPage)
    page.select_activity("focus-groups")
    sessions = page.findChild(QSpinBox, "activity_sessions")
    participants = page.findChild(QSpinBox, "activity_participants")
    attendances = page.findChild(QLabel, "activity_attendances")
    before = quantities(doc.plan)
    depth = doc.undo_stack.count()

    enter(qtbot, sessions, 4)
    assert doc.plan.activities[0].sessions == 4
    assert doc.undo_stack.count() == depth + 1  # the sessions and every line: one step
    assert quantities(doc.plan) == {**before, "Room hire": Decimal(4)}

    enter(qtbot, participants, 20)
    after = {
        **before,
        "Room hire": Decimal(4),
        "Thank-you vouchers": Decimal(20),
        "Refreshments": Decimal("16.667"),  # 10 × 20 / 12, each comes once
    }
    assert quantities(doc.plan) == after
    assert attendances.text() == "= 20 attendances"
    assert doc.undo_stack.count() == depth + 2

    # The same people at all four sessions: attendances × 4, and the refreshments with them.
    page.findChild(QCheckBox, "activity_same_people").click()
    assert doc.plan.activities[0].same_people
    assert quantities(doc.plan)["Refreshments"] == Decimal("66.668")
    assert attendances.text() == "= 80 attendances"
    page.findChild(QCheckBox, "activity_reports_back").click()
    assert doc.plan.activities[0].reports_back

    # A rescale is not the user changing the amount: the library's source still stands.
    assert {line.source for a in doc.plan.activities for line in a.cost_lines} == {EXAMPLE}
    doc.flush()
    saved = reopen(path)
    assert quantities(saved) == quantities(doc.plan)
    assert saved.activities[0].same_people and saved.activities[0].reports_back

    # Costs shows the new quantities and how each line scales.
    window.go_to(4)
    costs = window.current_page()
    assert isinstance(costs, CostsPage)
    costs.select_activity("focus-groups")
    table = costs.findChild(QTableView, "costs_lines")
    cells = [
        (
            table.model().index(r, LINE_COLUMN["quantity"]).data(),
            table.model().index(r, LINE_COLUMN["scaling"]).data(),
        )
        for r in range(4)
    ]
    assert cells == [
        ("4", "Per session"),
        ("20", "Per participant"),
        ("66.668", "Per participant per session"),
        ("3", "Fixed"),
    ]

    # One Ctrl+Z takes back each step whole: the tick, the participants, then the sessions.
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert quantities(doc.plan) == after and not doc.plan.activities[0].same_people
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert quantities(doc.plan) == {**before, "Room hire": Decimal(4)}
    assert doc.plan.activities[0].participants == 12
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert quantities(doc.plan) == before
    assert doc.plan.activities[0].sessions == 2
    window.close()
    assert quantities(reopen(path)) == before


def test_the_scaling_column_is_edited_like_any_other(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, _plan()).close()
    window = open_window(qtbot, path, active=True)
    window.go_to(4)
    costs = window.current_page()
    assert isinstance(costs, CostsPage)
    costs.select_activity("focus-groups")
    table = costs.findChild(QTableView, "costs_lines")
    index = costs.lines.index(3, LINE_COLUMN["scaling"])
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QComboBox, "cost_editor_scaling")
    assert editor is not None
    editor.setCurrentIndex(editor.findText("Per session"))
    table.commitData(editor)
    table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    line = window.doc.plan.activities[0].cost_lines[3]
    assert line.scaling is Scaling.PER_SESSION
    # Now it follows the sessions too.
    window.go_to(3)
    page = window.current_page()
    assert isinstance(page, ActivitiesPage)
    page.select_activity("focus-groups")
    enter(qtbot, page.findChild(QSpinBox, "activity_sessions"), 3)
    assert line.quantity == Decimal("4.5")  # 3 × 3 / 2
    window.close()
    assert reopen(path).activities[0].cost_lines[3].scaling is Scaling.PER_SESSION


def test_a_quantity_too_large_for_a_line_stops_at_the_most_and_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, _plan()).close()
    window = open_window(qtbot, path, active=True)
    window.go_to(3)
    page = window.current_page()
    assert isinstance(page, ActivitiesPage)
    page.select_activity("focus-groups")
    enter(qtbot, page.findChild(QSpinBox, "activity_participants"), 2_000_000)
    vouchers, food = window.doc.plan.activities[0].cost_lines[1:3]
    assert vouchers.quantity == 2_000_000
    assert food.quantity == Decimal("1666666.667")
    enter(qtbot, page.findChild(QSpinBox, "activity_sessions"), 40)
    page.findChild(QCheckBox, "activity_same_people").click()  # 80,000,000 attendances
    assert food.quantity == Decimal(10_000_000)
    problem = page.findChild(QLabel, "activity_problem").text()
    assert "Refreshments" in problem and "10,000,000" in problem
    window.close()
    assert reopen(path).activities[0].cost_lines[2].quantity == Decimal(10_000_000)
