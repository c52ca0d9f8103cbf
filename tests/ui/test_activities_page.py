"""The activities page: method library filters, adding from the library, editing an activity."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from ceplanner.core.costing import activity_from_method, compute_budget
from ceplanner.core.library import builtin_methods
from ceplanner.core.model import (
    IAP2_PROMISES,
    Activity,
    CostCategory,
    CostLine,
    IAP2Level,
    Method,
    Mode,
    Objective,
    Plan,
    Scaling,
    StakeholderGroup,
    Unit,
)
from ceplanner.core.money import format_money
from ceplanner.ui.method_library import METHOD_ROLE, session_cost
from ceplanner.ui.pages.activities import ActivitiesPage
from ceplanner.ui.pages.costs import CostsPage
from ceplanner.ui.timeline import month_starts
from tests.ui.helpers import open_document, reopen, type_text

UNICODE_TITLE = "Łódź <b>&amp; 東京 drop-in"


def methods() -> list[Method]:
    return [
        Method(
            name="Street stall",
            levels=[IAP2Level.INFORM, IAP2Level.CONSULT],
            mode=Mode.FACE_TO_FACE,
            group_size_min=20,
            group_size_max=60,
            prep_hours=Decimal(2),
            delivery_hours=Decimal(3),
            cost_lines=[
                CostLine(
                    CostCategory.MATERIALS_PRINT,
                    "Leaflets",
                    Unit.ITEM,
                    Decimal(200),
                    10,
                    scaling=Scaling.PER_ATTENDANCE,
                )
            ],
        ),
        Method(
            name="Citizens' jury",
            levels=[IAP2Level.COLLABORATE, IAP2Level.EMPOWER],
            mode=Mode.FACE_TO_FACE,
            delivery_hours=Decimal(40),
            cost_lines=[
                CostLine(CostCategory.PARTICIPANT_PAYMENT, "Juror payments", Unit.PERSON, Decimal(15), 20000)
            ],
        ),
        Method(name="Online survey", levels=[IAP2Level.CONSULT], mode=Mode.ONLINE, prep_hours=Decimal(4)),
    ]


@pytest.fixture
def page(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ActivitiesPage:
    monkeypatch.setattr("ceplanner.ui.method_library.all_methods", methods)
    plan = Plan(title="Tenant engagement", start=date(2026, 1, 1), end=date(2026, 12, 31))
    plan.groups = [StakeholderGroup(name="Unpaid carers"), StakeholderGroup(name="Board members")]
    plan.objectives = [Objective(title="Repairs are easier to report")]
    plan.activities = [Activity(title="Newsletter", start=date(2026, 3, 1), end=date(2026, 3, 31))]
    widget = ActivitiesPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_methods(page: ActivitiesPage) -> list[str]:
    proxy = page.library.proxy
    return [proxy.index(row, 0).data(METHOD_ROLE).name for row in range(proxy.rowCount())]


def choose(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_library_filters_by_level_mode_and_cost(page: ActivitiesPage) -> None:
    assert shown_methods(page) == ["Citizens' jury", "Online survey", "Street stall"]
    choose(page.findChild(QComboBox, "library_level_filter"), "Consult")
    assert shown_methods(page) == ["Online survey", "Street stall"]
    choose(page.findChild(QComboBox, "library_mode_filter"), "Online")
    assert shown_methods(page) == ["Online survey"]
    choose(page.findChild(QComboBox, "library_level_filter"), "Any level")
    choose(page.findChild(QComboBox, "library_mode_filter"), "Any mode")
    choose(page.findChild(QComboBox, "library_cost_filter"), "Up to £500.00")
    assert "Citizens' jury" not in shown_methods(page)
    assert "of 3 methods shown" in page.library.count.text()


def test_session_cost_is_what_the_costing_rules_give(page: ActivitiesPage) -> None:
    stall = methods()[0]
    plan = page.doc.plan
    scratch = Plan(staff_day_rate=plan.staff_day_rate, activities=[activity_from_method(stall, plan, 1)])
    assert (
        session_cost(stall, plan) == compute_budget(scratch).grand_total - compute_budget(scratch).contingency
    )
    row = shown_methods(page).index("Street stall")
    assert page.library.proxy.index(row, 3).data() == format_money(session_cost(stall, plan))


def test_add_from_library_adds_activity_and_method_in_one_undo_step(page: ActivitiesPage, qtbot: Any) -> None:
    assert page.library.select_method(methods()[0].id) is False  # ids are fresh per call
    row = shown_methods(page).index("Street stall")
    page.library.table.selectRow(row)
    qtbot.mouseClick(page.findChild(QPushButton, "library_add"), Qt.MouseButton.LeftButton)
    plan = page.doc.plan
    assert [a.title for a in plan.activities] == ["Newsletter", "Street stall"]
    added = plan.activities[1]
    assert page.editor.activity is added
    assert page.editor.title.text() == "Street stall"
    assert added.promise == IAP2_PROMISES[IAP2Level.INFORM]
    assert [m.name for m in plan.methods] == ["Street stall"]
    assert added.method_id == plan.methods[0].id
    descriptions = [line.description for line in added.cost_lines]
    assert "Leaflets" in descriptions and any("Staff time" in d for d in descriptions)
    saved = reopen(page.doc)
    assert [line.description for line in saved.activities[1].cost_lines] == descriptions
    # adding the same method again does not copy it twice
    page.library.table.selectRow(row)
    page.library.add_selected()
    assert len(plan.methods) == 1 and len(plan.activities) == 3
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert [a.title for a in plan.activities] == ["Newsletter"] and plan.methods == []
    assert page.editor.activity is plan.activities[0]


def test_added_activity_cost_lines_show_on_the_costs_page(page: ActivitiesPage, qtbot: Any) -> None:
    page.library.table.selectRow(shown_methods(page).index("Citizens' jury"))
    activity_id = page.library.add_selected()
    costs = CostsPage(page.doc)
    qtbot.addWidget(costs)
    costs.show()
    costs.select_activity(activity_id)
    texts = [costs.lines.index(r, 1).data() for r in range(costs.lines.rowCount())]
    assert "Juror payments" in texts
    assert costs.findChild(type(costs.activity_total), "costs_total_grand").text() == format_money(
        compute_budget(page.doc.plan).grand_total
    )


def test_edit_title_groups_objectives_level_and_dates(page: ActivitiesPage, qtbot: Any) -> None:
    activity = page.doc.plan.activities[0]
    title = page.findChild(QLineEdit, "activity_title")
    title.setFocus()
    title.selectAll()
    type_text(title, UNICODE_TITLE)
    title.editingFinished.emit()
    assert activity.title == UNICODE_TITLE
    page.editor.groups.setData(
        page.editor.groups.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    page.editor.objectives.setData(
        page.editor.objectives.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    choose(page.findChild(QComboBox, "activity_level"), "Empower")
    assert activity.level is IAP2Level.EMPOWER
    assert activity.promise == IAP2_PROMISES[IAP2Level.EMPOWER]  # was empty: filled in
    page.editor.sessions.setValue(3)
    page.editor.sessions.editingFinished.emit()
    page.editor.end.set_value(date(2026, 2, 1))
    page.editor.end.changed.emit(date(2026, 2, 1))
    assert "ends before it starts" in page.editor.problem.text()
    assert any("ends before it starts" in p for p in page.problems())
    saved = reopen(page.doc).activities[0]
    assert saved.title == UNICODE_TITLE
    assert saved.group_ids == [page.doc.plan.groups[0].id]
    assert saved.objective_ids == [page.doc.plan.objectives[0].id]
    assert (saved.level, saved.sessions, saved.end) == (IAP2Level.EMPOWER, 3, date(2026, 2, 1))
    page.doc.undo_stack.undo()  # the end date
    page.doc.undo_stack.undo()  # sessions
    page.doc.undo_stack.undo()  # level and promise together
    assert activity.level is IAP2Level.CONSULT and activity.promise == ""


def test_a_promise_the_user_wrote_is_kept_when_the_level_changes(page: ActivitiesPage) -> None:
    activity = page.doc.plan.activities[0]
    page.doc.set_value(activity, "promise", "We will publish every comment.")
    choose(page.findChild(QComboBox, "activity_level"), "Involve")
    assert activity.promise == "We will publish every comment."


def test_empty_title_refused_in_words(page: ActivitiesPage) -> None:
    title = page.findChild(QLineEdit, "activity_title")
    title.setText("  ")
    title.editingFinished.emit()
    assert page.doc.plan.activities[0].title == "Newsletter"
    assert "needs a title" in page.editor.problem.text()


def test_timeline_lists_unscheduled_and_selects_on_click(page: ActivitiesPage, qtbot: Any) -> None:
    page.add_blank_activity()
    assert "New activity" in page.timeline.unscheduled_text()
    assert month_starts(date(2026, 1, 15), date(2026, 3, 1)) == [
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
    ]
    page.timeline.grab()  # paints without error
    qtbot.mouseClick(page.timeline, Qt.MouseButton.LeftButton, pos=QPoint(400, 22 + 11))
    assert page.editor.activity is page.doc.plan.activities[0]


def test_delete_activity_with_undo(page: ActivitiesPage, qtbot: Any) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, "activities_delete"), Qt.MouseButton.LeftButton)
    assert page.doc.plan.activities == []
    assert page.editor.activity is None
    assert page.problems()
    page.doc.undo_stack.undo()
    assert [a.title for a in page.doc.plan.activities] == ["Newsletter"]


def test_builtin_library_loads(page: ActivitiesPage) -> None:
    assert len(builtin_methods()) > 5


def test_after_a_snapshot_is_restored_edits_reach_the_restored_plan(page: ActivitiesPage) -> None:
    import copy

    page.doc.replace_plan(copy.deepcopy(page.doc.plan))
    restored = page.doc.plan.activities[0]
    assert page.editor.activity is restored
    choose(page.findChild(QComboBox, "activity_level"), "Involve")
    assert restored.level is IAP2Level.INVOLVE


def test_sessions_chosen_in_the_library_scale_the_costs(page: ActivitiesPage) -> None:
    from PySide6.QtWidgets import QSpinBox

    page.library.table.selectRow(shown_methods(page).index("Street stall"))
    page.findChild(QSpinBox, "library_sessions").setValue(3)
    activity_id = page.library.add_selected()
    added = next(a for a in page.doc.plan.activities if a.id == activity_id)
    assert added.sessions == 3
    leaflets = next(line for line in added.cost_lines if line.description == "Leaflets")
    assert leaflets.quantity == 600
    staff = next(line for line in added.cost_lines if line.category is CostCategory.STAFF_TIME)
    assert staff.quantity == 15  # (2 + 3) hours a session, 3 sessions


def test_the_same_people_each_session_are_counted_once(page: ActivitiesPage) -> None:
    from PySide6.QtWidgets import QCheckBox, QSpinBox

    page.library.table.selectRow(shown_methods(page).index("Street stall"))
    page.findChild(QSpinBox, "library_sessions").setValue(3)
    assert "with 180 expected participants" in page.library.details.text()  # 60 new people each time
    page.findChild(QCheckBox, "library_same_people").setChecked(True)
    assert "with 60 expected participants" in page.library.details.text()
    activity_id = page.library.add_selected()
    added = next(a for a in page.doc.plan.activities if a.id == activity_id)
    assert (added.sessions, added.participants, added.same_people) == (3, 60, True)
    leaflets = next(line for line in added.cost_lines if line.description == "Leaflets")
    assert leaflets.quantity == 600  # per attendance: 60 people at 3 sessions


def test_from_an_empty_plan_to_a_costed_activity_and_back_from_the_file(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ceplanner.store import PlanStore
    from ceplanner.ui.cost_model import LINE_COLUMN
    from ceplanner.ui.document import PlanDocument
    from ceplanner.ui.pages.objectives import ObjectivesPage
    from ceplanner.ui.pages.stakeholders import StakeholdersPage

    monkeypatch.setattr("ceplanner.ui.method_library.all_methods", methods)
    doc = open_document(tmp_path, Plan(title="Łódź <b>&amp; 東京 plan"))
    pages = [StakeholdersPage(doc), ObjectivesPage(doc), ActivitiesPage(doc), CostsPage(doc)]
    for widget in pages:
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
    stakeholders, objectives, activities, costs = pages

    stakeholders.show()
    stakeholders.paste_rows("Łódź tenants <i>\tResidents\t1,200\t2\t5\tSupportive\tyes\n")
    objectives.show()
    objectives.add_objective()
    objectives.title_edit.setText("Tenants shape repairs")
    objectives.title_edit.editingFinished.emit()
    activities.show()
    activities.library.table.selectRow(shown_methods(activities).index("Street stall"))
    activity_id = activities.library.add_selected()
    activities.editor.groups.setData(
        activities.editor.groups.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    activities.editor.objectives.setData(
        activities.editor.objectives.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    costs.show()
    costs.select_activity(activity_id)
    leaflets = next(r for r in range(costs.lines.rowCount()) if costs.lines.index(r, 1).data() == "Leaflets")
    assert costs.lines.setData(costs.lines.index(leaflets, LINE_COLUMN["unit_cost"]), "£1,250.50")
    grand_shown = costs.total_labels["costs_total_grand"].text()
    doc.close()

    store = PlanStore.open(tmp_path / "plan.ceplan")
    reopened = store.load()
    assert reopened.groups[0].name == "Łódź tenants <i>" and reopened.groups[0].seldom_heard
    activity = reopened.activities[0]
    assert activity.group_ids == [reopened.groups[0].id]
    assert activity.objective_ids == [reopened.objectives[0].id]
    assert next(line for line in activity.cost_lines if line.description == "Leaflets").unit_cost == 125050
    assert grand_shown == format_money(compute_budget(reopened).grand_total)
    again = CostsPage(PlanDocument(reopened, store))
    qtbot.addWidget(again)
    again.show()
    assert again.total_labels["costs_total_grand"].text() == grand_shown
    store.close()
