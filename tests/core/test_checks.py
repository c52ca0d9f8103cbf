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
        title="Workshop",
        group_ids=[group.id],
        objective_ids=[objective.id],
        start=date(2027, 2, 1),
        end=date(2027, 2, 2),
        cost_lines=[CostLine(unit_cost=100)],
        promise="We will tell you what changed.",
    )
    plan = Plan(
        title="Plan",
        decision="Which model",
        value_for_whom=["Staff"],
        start=date(2027, 1, 1),
        end=date(2027, 12, 31),
        groups=[group],
        objectives=[objective],
        activities=[activity],
        feedback_how="A letter to everyone who took part.",
    )
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
    assert "“Workshop” starts before the plan does" in messages(plan)
    plan.activities[0].start, plan.activities[0].end = date(2027, 2, 1), date(2028, 1, 1)
    assert "“Workshop” ends after the plan does" in messages(plan)
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


def codes(plan: Plan) -> list[str]:
    return [c.code for c in plan_checks(plan)]


def test_group_rules_fire_and_stay_quiet() -> None:
    plan = a_good_plan()
    assert "group.duplicate-name" not in codes(plan)
    plan.groups.append(StakeholderGroup(name=" tenants ", seldom_heard=True))
    plan.groups.append(StakeholderGroup(name="TENANTS"))
    plan.activities[0].group_ids = [g.id for g in plan.groups]
    duplicates = [c for c in plan_checks(plan) if c.code == "group.duplicate-name"]
    assert len(duplicates) == 1, "one warning per repeated name, not per copy"
    assert duplicates[0].item_id == plan.groups[1].id
    assert "groups.none-seldom-heard" not in codes(plan)
    for group in plan.groups:
        group.seldom_heard = False
    assert "groups.none-seldom-heard" in codes(plan)


def test_activity_rules_fire_and_stay_quiet() -> None:
    plan = a_good_plan()
    activity = plan.activities[0]
    assert [c for c in plan_checks(plan) if c.item_id == activity.id] == []
    activity.group_ids = []
    activity.promise = "  "
    activity.cost_lines = [CostLine(unit_cost=0), CostLine(unit_cost=0, in_kind=True)]
    found = {c.code: c for c in plan_checks(plan) if c.item_id == activity.id}
    assert set(found) >= {"activity.no-groups", "activity.no-promise", "activity.zero-paid-line"}
    assert found["activity.zero-paid-line"].step == "costs"
    activity.cost_lines = [CostLine(unit_cost=0, in_kind=True)]
    assert "activity.zero-paid-line" not in codes(plan), "an in-kind line may cost nothing"


def test_indicator_without_a_measure() -> None:
    plan = a_good_plan()
    plan.objectives[0].indicators.append(Indicator(measure=" "))
    found = [c for c in plan_checks(plan) if c.code == "indicator.no-measure"]
    assert len(found) == 1 and found[0].item_id == plan.objectives[0].id


def test_every_rule_has_a_stable_code_and_a_step() -> None:
    from ceplanner.core.checks import plan_checks as judge

    broken = Plan(groups=[StakeholderGroup(name="A"), StakeholderGroup(name="a")])
    broken.objectives = [Objective(), Objective(indicators=[Indicator()])]
    broken.activities = [Activity(start=date(2027, 2, 2), end=date(2027, 2, 1))]
    for check in judge(broken) + judge(sample_plan()):
        assert check.code and "." in check.code
        assert check.step in {
            "context",
            "stakeholders",
            "objectives",
            "activities",
            "costs",
            "delivery",
            "evaluation",
        }
