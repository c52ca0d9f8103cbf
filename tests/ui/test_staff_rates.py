"""Staff time tied to a team member costs their day rate, following every change of it, each
change one undo step; the Costs step shows its key columns whole on a laptop screen."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox

from ceplanner.core.model import Activity, CostCategory, CostLine, Plan, TeamMember, Unit
from ceplanner.core.team import rate_source
from ceplanner.store import PlanStore
from ceplanner.ui.cost_model import LINE_COLUMN
from ceplanner.ui.wizard import step_index
from tests.ui.conftest import open_window, reopen


def _plan() -> tuple[Plan, TeamMember, CostLine]:
    ana = TeamMember(name="Ana Ruiz", role="Engagement officer", day_rate=30000)
    hours = CostLine(
        CostCategory.STAFF_TIME, "Facilitation", Unit.HOUR, Decimal(6), 2500, source="Example figure"
    )
    plan = Plan(title="Library redesign", staff_day_rate=22500, team=[ana, TeamMember(name="Sam Lee")])
    plan.activities = [Activity(title="Drop-in", cost_lines=[hours])]
    return plan, ana, hours


def test_tying_a_line_to_a_person_and_changing_rates_re_cost_it(qtbot: Any, tmp_path: Path) -> None:
    plan, ana, _line = _plan()
    path = tmp_path / "rates.ceplan"
    PlanStore.create(path, plan).close()
    window = open_window(qtbot, path)
    costs_step = step_index("costs")
    window.go_to(costs_step)
    costs = window.page(costs_step)
    costs.table.selectRow(0)
    who = costs.findChild(QComboBox, "cost_form_staff_id")
    assert [who.itemText(i) for i in range(who.count())] == [
        "Not a named person",
        "Ana Ruiz – Engagement officer",
        "Sam Lee",
    ]
    who.setCurrentIndex(1)
    who.activated.emit(1)
    line = window.doc.plan.activities[0].cost_lines[0]
    assert (line.staff_id, line.unit_cost, line.source) == (ana.id, 4000, rate_source(ana))  # £300 / 7.5
    assert costs.lines.data(costs.lines.index(0, LINE_COLUMN["total"])) == "£240.00"
    # Her rate changes on the Delivery step: the line follows, in the same undo step.
    delivery = window.page(step_index("delivery"))
    team = delivery.tables["team"].model
    assert team.setData(team.index(0, team.column_of["day_rate"]), "375")
    assert line.unit_cost == 5000
    window.doc.undo_stack.undo()
    assert (window.doc.plan.team[0].day_rate, line.unit_cost) == (30000, 4000)
    window.doc.flush()
    saved = reopen(path).activities[0].cost_lines[0]
    assert (saved.staff_id, saved.unit_cost) == (ana.id, 4000)
    # Tied to Sam, who has no rate of his own, it follows the plan's staff day rate.
    who.setCurrentIndex(2)
    who.activated.emit(2)
    assert line.unit_cost == 3000  # £225 / 7.5
    context = window.page(step_index("context"))
    context.day_rate.edit.setText("240")
    context.day_rate.commit()
    assert (window.doc.plan.staff_day_rate, line.unit_cost) == (24000, 3200)
    window.doc.undo_stack.undo()
    assert (window.doc.plan.staff_day_rate, line.unit_cost) == (22500, 3000)


def test_the_costs_key_columns_show_whole_at_1024_by_700(qtbot: Any, tmp_path: Path) -> None:
    plan, _ana, _line = _plan()
    path = tmp_path / "fit.ceplan"
    PlanStore.create(path, plan).close()
    window = open_window(qtbot, path)
    window.resize(1024, 700)
    costs_step = step_index("costs")
    window.go_to(costs_step)
    costs = window.page(costs_step)
    qtbot.wait(50)
    assert window.width() <= 1024
    header = costs.table.horizontalHeader()
    for attr in ("category", "description", "quantity", "unit", "unit_cost", "total"):
        column = LINE_COLUMN[attr]
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= costs.table.viewport().width(), attr
