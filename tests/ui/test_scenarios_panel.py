"""Budget scenarios on the Costs step, through the real widgets, checked against core and the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QSpinBox

from ceplanner.core.library import sample_plan
from ceplanner.core.model import Scaling
from ceplanner.core.money import format_money
from ceplanner.core.scenarios import compare_all
from ceplanner.store import PlanStore
from ceplanner.ui.pages.costs import CostsPage
from ceplanner.ui.scenarios_panel import INCLUDE, SESSIONS, ScenariosPanel
from ceplanner.ui.wizard import STEPS
from tests.ui.conftest import open_window, reopen, unnamed_inputs

FOCUS = "activity-focus-groups"
DROPINS = "activity-sheltered-dropins"
SURVEY = "activity-survey"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """The sample plan without its scenarios, some lines scaling with sessions or attendances."""
    plan = sample_plan()
    plan.scenarios = []
    for activity in plan.activities:
        for line in activity.cost_lines:
            if line.category.value in ("venue", "facilitation"):
                line.scaling = Scaling.PER_SESSION
            elif line.category.value in ("catering", "participant_payment"):
                line.scaling = Scaling.PER_ATTENDANCE
    path = tmp_path / "scenarios.ceplan"
    PlanStore.create(path, plan).close()
    return path


def _panel(qtbot: Any, path: Path) -> tuple[Any, ScenariosPanel]:
    window = open_window(qtbot, path, active=True)
    window.resize(1024, 700)
    index = [step.key for step in STEPS].index("costs")
    window.go_to(index)
    page = window.page(index)
    assert isinstance(page, CostsPage)
    page.tabs.setCurrentWidget(page.scenarios)
    qtbot.waitUntil(page.scenarios.isVisible)
    return window, page.scenarios


def _row(panel: ScenariosPanel, activity_id: str) -> int:
    return next(i for i, a in enumerate(panel.activities.activities) if a.id == activity_id)


def _type_name(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _toggle(qtbot: Any, panel: ScenariosPanel, activity_id: str) -> None:
    """Tick or untick an activity with the keyboard, as a user would (Space on the cell)."""
    table = panel.activity_table
    table.setFocus()
    table.setCurrentIndex(panel.activities.index(_row(panel, activity_id), INCLUDE))
    qtbot.keyClick(table, Qt.Key.Key_Space)


def _set_sessions(qtbot: Any, panel: ScenariosPanel, activity_id: str, sessions: int) -> None:
    table = panel.activity_table
    index = panel.activities.index(_row(panel, activity_id), SESSIONS)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, QSpinBox) and editor.objectName() == "scenario_sessions_editor"
    editor.selectAll()
    qtbot.keyClicks(editor, str(sessions))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def _comparison(panel: ScenariosPanel, key: str) -> list[str]:
    panel.compare_follower.redraw_now()
    row = panel.comparison.row_of(key)
    assert row is not None
    return row.values


def test_two_scenarios_made_in_the_panel_are_saved_and_costed_as_core_costs_them(
    qtbot: Any, plan_file: Path
) -> None:
    window, panel = _panel(qtbot, plan_file)
    doc = window.doc
    stack = doc.undo_stack
    assert panel.empty.isVisible() and "No scenarios yet" in panel.empty.text()

    steps = stack.count()
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    assert stack.count() == steps + 1 and [s.name for s in doc.plan.scenarios] == ["Scenario 1"]
    _type_name(qtbot, panel.name_edit, "Lean")
    assert stack.count() == steps + 2 and stack.undoText() == "Rename the scenario “Scenario 1” to “Lean”"
    _toggle(qtbot, panel, SURVEY)  # leave the survey out
    assert stack.count() == steps + 3
    assert SURVEY not in [c.activity_id for c in doc.plan.scenarios[0].activities]
    _set_sessions(qtbot, panel, FOCUS, 3)
    assert stack.count() == steps + 4
    assert stack.undoText() == (
        "Change the sessions of “Focus groups with seldom-heard tenants” in the scenario “Lean”"
    )

    qtbot.mouseClick(panel.buttons["duplicate"], Qt.MouseButton.LeftButton)
    assert [s.name for s in doc.plan.scenarios] == ["Lean", "Lean (copy)"]
    assert panel.scenario() is doc.plan.scenarios[1]
    _type_name(qtbot, panel.name_edit, "Fuller")
    _toggle(qtbot, panel, SURVEY)  # the survey back in, at its planned session
    _set_sessions(qtbot, panel, DROPINS, 8)
    assert stack.count() == steps + 8  # one step for each of the eight actions

    # The comparison table shows core's figures for both.
    results = compare_all(doc.plan)
    assert _comparison(panel, "total") == [format_money(r.total) for r in results]
    assert panel.comparison.names == ["Lean", "Fuller"]
    lean, fuller = results
    assert lean.total != fuller.total

    # Undo takes back exactly the last action; redo puts it back.
    stack.undo()
    assert {c.activity_id: c.sessions for c in doc.plan.scenarios[1].activities}[DROPINS] == 5
    stack.redo()

    assert doc.flush()
    plan = reopen(plan_file)
    assert [s.name for s in plan.scenarios] == ["Lean", "Fuller"]
    chosen = [{c.activity_id: c.sessions for c in s.activities} for s in plan.scenarios]
    assert SURVEY not in chosen[0] and chosen[0][FOCUS] == 3 and chosen[0][DROPINS] == 5
    assert chosen[1][SURVEY] == 1 and chosen[1][FOCUS] == 3 and chosen[1][DROPINS] == 8
    assert [r.total for r in compare_all(plan)] == [lean.total, fuller.total]
    # Focus groups at 3 of 6 sessions: lines scaling with sessions or attendances halve (half
    # the people come), fixed ones stay.
    planned = next(a for a in plan.activities if a.id == FOCUS)
    halved = next(a for a in lean.plan.activities if a.id == FOCUS)
    for before, after in zip(planned.cost_lines, halved.cost_lines, strict=True):
        expected = before.quantity if before.scaling is Scaling.FIXED else before.quantity / 2
        assert after.quantity == expected, before.description
    assert halved.participants == planned.participants // 2


def test_names_must_be_given_and_unique_and_nothing_typed_is_lost(qtbot: Any, plan_file: Path) -> None:
    window, panel = _panel(qtbot, plan_file)
    doc = window.doc
    qtbot.mouseClick(panel.buttons["usual"], Qt.MouseButton.LeftButton)
    assert [s.name for s in doc.plan.scenarios] == ["Lean", "Standard", "Enhanced"]
    assert doc.undo_stack.undoText() == "Add the Lean, Standard and Enhanced scenarios"
    steps = doc.undo_stack.count()

    qtbot.mouseClick(panel.buttons["rename"], Qt.MouseButton.LeftButton)
    assert panel.name_edit.hasFocus() and panel.name_edit.selectedText() == "Lean"
    _type_name(qtbot, panel.name_edit, "standard")
    assert panel.problem.isVisible() and "already called “Standard”" in panel.problem.text()
    assert panel.name_edit.text() == "standard" and doc.plan.scenarios[0].name == "Lean"
    _toggle(qtbot, panel, SURVEY)  # another edit meanwhile: the refused name is still there
    assert panel.name_edit.text() == "standard" and panel.problem.isVisible()
    doc.undo_stack.undo()
    _type_name(qtbot, panel.name_edit, "   ")
    assert "needs a name" in panel.problem.text() and doc.plan.scenarios[0].name == "Lean"
    _type_name(qtbot, panel.name_edit, "Bare minimum")
    assert not panel.problem.isVisible() and doc.plan.scenarios[0].name == "Bare minimum"
    assert doc.undo_stack.count() == steps + 1

    qtbot.mouseClick(panel.buttons["usual"], Qt.MouseButton.LeftButton)  # names already taken
    assert [s.name for s in doc.plan.scenarios][3:] == ["Lean", "Standard 2", "Enhanced 2"]

    panel.select(doc.plan.scenarios[1].id)
    qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert "Standard" not in [s.name for s in doc.plan.scenarios]
    assert panel.scenario() is doc.plan.scenarios[1]  # the next one is chosen
    doc.undo_stack.undo()
    assert [s.name for s in doc.plan.scenarios][:3] == ["Bare minimum", "Standard", "Enhanced"]
    assert doc.flush()
    plan = reopen(window.doc.store.path)
    assert [s.name for s in plan.scenarios][:3] == ["Bare minimum", "Standard", "Enhanced"]


def test_the_findings_and_reach_carry_tooltips(qtbot: Any, plan_file: Path) -> None:
    window, panel = _panel(qtbot, plan_file)
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    for activity in window.doc.plan.activities:
        if activity.id != "activity-hollin-lane":
            _toggle(qtbot, panel, activity.id)
    (only_visits,) = compare_all(window.doc.plan)
    assert _comparison(panel, "seldom_heard") == ["1 of 6"]
    findings = panel.comparison.row_of("findings")
    assert findings is not None and findings.values[0].startswith(str(len(only_visits.findings)))
    row = panel.comparison.rows.index(findings)
    tip = panel.comparison.data(panel.comparison.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert all(check.message in tip for check in only_visits.findings)
    assert "Warning: The seldom-heard group" in tip


def test_the_panel_fits_a_small_screen(qtbot: Any, plan_file: Path, tmp_path: Path) -> None:
    window, panel = _panel(qtbot, plan_file)
    qtbot.mouseClick(panel.buttons["usual"], Qt.MouseButton.LeftButton)
    panel.compare_follower.redraw_now()
    qtbot.wait(50)
    assert window.width() <= 1024 and window.height() <= 700
    assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 700
    row_height = panel.activity_table.verticalHeader().defaultSectionSize()
    assert panel.activity_table.viewport().height() >= 3 * row_height
    assert panel.comparison_table.viewport().height() >= 5 * panel.comparison_table.rowHeight(0)
    right_edge = window.mapToGlobal(window.rect().bottomRight())
    for widget in [*panel.buttons.values(), panel.name_edit, panel.description_edit]:
        assert widget.isVisible()
        corner = widget.mapToGlobal(widget.rect().bottomRight())
        assert corner.x() <= right_edge.x() and corner.y() <= right_edge.y(), widget.objectName()
    # Every scenario's column is wide enough for its total.
    metrics = panel.comparison_table.fontMetrics()
    total = panel.comparison.row_of("total")
    assert total is not None
    for column, text in enumerate(total.values, start=1):
        assert panel.comparison_table.columnWidth(column) > metrics.horizontalAdvance(text)
    assert unnamed_inputs(panel) == []
    window.grab().save(str(tmp_path / "scenarios.png"))


def test_a_plan_open_read_only_shows_its_scenarios_but_offers_no_edits(qtbot: Any, plan_file: Path) -> None:
    from ceplanner.core.scenarios import usual_scenarios
    from ceplanner.ui.document import PlanDocument

    with PlanStore.open(plan_file) as store:
        plan = store.load()
        plan.scenarios = usual_scenarios(plan)
        store.save(plan)
    store = PlanStore.open(plan_file, readonly=True)
    doc = PlanDocument(store.load(), store)
    panel = ScenariosPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(800, 500)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.scenario_list.count() == 3
    assert not any(button.isEnabled() for button in panel.buttons.values())
    assert not panel.name_edit.isEnabled()
    index = panel.activities.index(0, INCLUDE)
    assert not panel.activities.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not panel.activities.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert doc.undo_stack.count() == 0
    assert _comparison(panel, "total") == [format_money(r.total) for r in compare_all(doc.plan)]
    store.close()
