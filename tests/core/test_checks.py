"""Plan checks: each rule fires when it should and stays quiet when it should not."""

from __future__ import annotations

from datetime import date

from ceplanner.core.checks import Severity, plan_checks
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Activity, CostLine, Indicator, Objective, Plan, StakeholderGroup


def messages(plan: Plan) -> str:
    return "\n".join(c.message for c in plan_checks(plan))


def a_good_plan() -> Plan:
    group = StakeholderGroup(name="Tenants", seldom_heard=True)
    objective = Objective(title="Better repairs", indicators=[Indicator(measure="Satisfaction")])
    activity = Activity(
        title="Workshop", group_ids=[group.id], objective_ids=[objective.id],
        start=date(2027, 2, 1), end=date(2027, 2, 2), cost_lines=[CostLine(unit_cost=100)],
    )
    plan = Plan(title="Plan", decision="Which model", value_for_whom=["Staff"],
                start=date(2027, 1, 1), end=date(2027, 12, 31),
                groups=[group], objectives=[objective], activities=[activity])
    plan.evaluation.budget = 1000
    plan.vfm[0].rating = 4
    return plan


def test_a_complete_plan_has_no_warnings() -> None:
    assert plan_checks(a_good_plan()) == []


def test_the_sample_plan_has_no_warnings() -> None:
    assert [c for c in plan_checks(sample_plan()) if c.severity is Severity.WARNING] == []


def test_an_empty_plan_lacks_title_groups_objectives_and_activities() -> None:
    text = messages(Plan())
    for words in ("no title", "no stakeholder groups", "no objectives", "no engagement activities"):
        assert words in text


def test_seldom_heard_group_not_targeted() -> None:
    plan = a_good_plan()
    plan.groups.append(StakeholderGroup(name="Carers <&>", seldom_heard=True))
    found = [c for c in plan_checks(plan) if "Carers <&>" in c.message]
    assert len(found) == 1 and found[0].severity is Severity.WARNING and found[0].step == "activities"


def test_objective_without_indicators_and_activity_without_costs() -> None:
    plan = a_good_plan()
    plan.objectives[0].indicators = []
    plan.activities[0].cost_lines = []
    text = messages(plan)
    assert "“Better repairs” has no indicators" in text
    assert "“Workshop” has no cost lines" in text


def test_dates_outside_the_plan_and_reversed() -> None:
    plan = a_good_plan()
    plan.activities[0].start = date(2026, 12, 1)
    assert "outside the plan's start and end dates" in messages(plan)
    plan.activities[0].start, plan.activities[0].end = date(2027, 3, 2), date(2027, 3, 1)
    assert "ends before it starts" in messages(plan)
    plan = a_good_plan()
    plan.end = date(2026, 1, 1)
    assert "The plan ends before it starts" in messages(plan)


def test_warnings_come_before_notes() -> None:
    plan = a_good_plan()
    plan.decision = ""
    plan.groups = []
    severities = [c.severity for c in plan_checks(plan)]
    assert severities == sorted(severities, key=lambda s: s != Severity.WARNING)
    assert Severity.NOTE in severities
