"""Plan checks: each rule fires when it should and stays quiet when it should not."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ceplanner.core.checks import Severity, findings, plan_checks
from ceplanner.core.library import sample_plan
from ceplanner.core.model import (
    EVALUATION_QUESTIONS,
    Activity,
    CostCategory,
    CostLine,
    Indicator,
    Objective,
    OutcomeLevel,
    Plan,
    StakeholderGroup,
    Unit,
)


def messages(plan: Plan) -> str:
    return "\n".join(c.message for c in plan_checks(plan))


def a_good_plan() -> Plan:
    """A small plan that breaks no rule: every test changes one thing and sees one rule fire."""
    group = StakeholderGroup(name="Tenants", seldom_heard=True)
    objectives = [
        Objective(
            title=title,
            level=level,
            indicators=[
                Indicator(
                    measure="Satisfaction",
                    baseline="68%",
                    target="80%",
                    evidence_source="Annual survey",
                    analysed_by="Involvement officer",
                )
            ],
        )
        for title, level in (
            ("Better repairs", OutcomeLevel.SERVICE),
            ("Confident tenants", OutcomeLevel.INDIVIDUAL),
            ("Board decision", OutcomeLevel.STRATEGIC),
        )
    ]
    activity = Activity(
        title="Workshop",
        group_ids=[group.id],
        objective_ids=[o.id for o in objectives],
        start=date(2027, 6, 1),  # twelve weeks and a day between England's bank holidays
        end=date(2027, 8, 24),
        cost_lines=[
            CostLine(
                category=CostCategory.STAFF_TIME,
                unit=Unit.HOUR,
                quantity=Decimal(10),
                unit_cost=3300,
                funder="Council",
            ),
            CostLine(category=CostCategory.VENUE, unit_cost=10000, funder="Council"),
        ],
        promise="We will tell you what changed.",
        reports_back=True,
    )
    plan = Plan(
        title="Plan",
        decision="Which model",
        value_for_whom=["Staff"],
        start=date(2027, 1, 1),
        end=date(2027, 12, 31),
        decision_date=date(2027, 10, 1),
        groups=[group],
        objectives=objectives,
        activities=[activity],
        feedback_how="A letter to everyone who took part.",
    )
    plan.evaluation.budget = 3000
    for attr, _question in EVALUATION_QUESTIONS:
        setattr(plan.evaluation, attr, "Answered.")
    plan.vfm[0].rating = 4
    return plan


def test_a_complete_plan_has_no_warnings() -> None:
    assert plan_checks(a_good_plan()) == []


def test_the_sample_plan_has_no_open_warnings() -> None:
    """The sample breaks no warning rule it has not accepted, with a reason, as a reasonable
    exception (notes, such as readiness checks still to do before it starts, may stay open)."""
    found = findings(sample_plan())
    assert [c for c in found.open if c.severity is Severity.WARNING] == []
    assert len(found.accepted) >= 3 and all(a.reason for a in found.accepted)


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
