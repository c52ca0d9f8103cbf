"""Costing rules, each expected value worked out by hand in the comments."""

from __future__ import annotations

from datetime import UTC, date
from decimal import Decimal

import pytest

from ceplanner.core.costing import (
    NO_FUNDER,
    PLAN_LEVEL,
    UNALLOCATED,
    UNSCHEDULED,
    Split,
    activity_from_method,
    compute_budget,
    hourly_rate,
    line_total,
    rescaled_for_currency,
    shares,
    split_evenly,
)
from ceplanner.core.model import (
    Activity,
    CostCategory,
    CostLine,
    Evaluation,
    IAP2Level,
    Method,
    Objective,
    OutcomeLevel,
    Plan,
    Scaling,
    StakeholderGroup,
    Unit,
)

C = CostCategory


def line(cat: CostCategory, qty: str, unit_cost: int, *, in_kind: bool = False, funder: str = "") -> CostLine:
    return CostLine(category=cat, quantity=Decimal(qty), unit_cost=unit_cost, in_kind=in_kind, funder=funder)


@pytest.fixture
def plan() -> Plan:
    g1, g2 = StakeholderGroup(name="Tenants"), StakeholderGroup(name="Staff")
    o1 = Objective(title="Confidence", level=OutcomeLevel.INDIVIDUAL)
    o2 = Objective(title="Repairs", level=OutcomeLevel.SERVICE)
    o3 = Objective(title="Strategy", level=OutcomeLevel.STRATEGIC)
    a = Activity(
        title="Workshops",
        start=date(2027, 1, 15),
        participants=20,
        objective_ids=[o1.id, o2.id],
        group_ids=[g1.id],
        cost_lines=[
            line(C.STAFF_TIME, "10", 3333),  # 33,330
            line(C.VENUE, "2", 15000, funder="HRA"),  # 30,000
            line(C.VENUE, "1", 20000, in_kind=True, funder="Council"),  # 20,000 in kind
            line(C.CATERING, "2.5", 333),  # 832.5 -> 833 (half up)
        ],
    )
    b = Activity(
        title="Translation and survey",
        start=date(2027, 3, 1),
        participants=30,
        objective_ids=[o3.id],
        group_ids=[g1.id, g2.id],
        cost_lines=[line(C.TRANSLATION, "3", 12000, funder="Grant"), line(C.EVALUATION, "1", 50000)],
    )
    c = Activity(title="Undated", cost_lines=[line(C.OTHER, "1", 1001)])
    return Plan(
        title="Costing test",
        contingency_percent=Decimal(10),
        groups=[g1, g2],
        objectives=[o1, o2, o3],
        activities=[a, b, c],
        evaluation=Evaluation(budget=100000),
    )


def test_line_total_rounds_half_up_once() -> None:
    assert line_total(line(C.CATERING, "2.5", 333)) == 833  # 832.5
    assert line_total(line(C.CATERING, "0.5", 333)) == 167  # 166.5
    assert line_total(line(C.CATERING, "0.333", 100)) == 33  # 33.3


def test_totals(plan: Plan) -> None:
    b = compute_budget(plan)
    # paid: A 33,330 + 30,000 + 833 = 64,163; B 86,000; C 1,001; evaluation budget 100,000
    assert b.paid == 251164
    assert b.in_kind == 20000
    assert b.contingency == 25116  # 10% of 251,164 = 25,116.4
    assert b.cash_total == 276280
    assert b.grand_total == 296280
    assert b.subtotal == 271164
    assert b.participants == 50
    assert b.cost_per_participant == 5926  # 296,280 / 50 = 5,925.6
    assert b.evaluation_total == 150000  # 50,000 line + 100,000 plan budget
    assert b.evaluation_share == Decimal("50.6")  # 150,000 / 296,280 = 50.63%


def test_per_activity_and_category(plan: Plan) -> None:
    b = compute_budget(plan)
    a, bb, c = plan.activities
    assert (b.by_activity[a.id].paid, b.by_activity[a.id].in_kind) == (64163, 20000)
    assert b.by_activity[bb.id].total == 86000
    assert b.by_activity[c.id].total == 1001
    assert {k: (v.paid, v.in_kind) for k, v in b.by_category.items()} == {
        C.STAFF_TIME: (33330, 0),
        C.VENUE: (30000, 20000),
        C.CATERING: (833, 0),
        C.TRANSLATION: (36000, 0),
        C.EVALUATION: (150000, 0),
        C.OTHER: (1001, 0),
    }
    assert list(b.by_category) == [C.STAFF_TIME, C.VENUE, C.CATERING, C.TRANSLATION, C.EVALUATION, C.OTHER]


def test_allocations_add_up(plan: Plan) -> None:
    b = compute_budget(plan)
    o1, o2, o3 = plan.objectives
    g1, g2 = plan.groups
    # A's 84,163 split over two objectives: 42,082 + 42,081 (odd penny to the first)
    assert b.by_objective == {o1.id: 42082, o2.id: 42081, o3.id: 86000, UNALLOCATED: 1001, PLAN_LEVEL: 100000}
    assert b.by_level == {
        "individual": 42082,
        "service": 42081,
        "strategic": 86000,
        UNALLOCATED: 1001,
        PLAN_LEVEL: 100000,
    }
    assert b.by_group == {g1.id: 84163 + 43000, g2.id: 43000, UNALLOCATED: 1001, PLAN_LEVEL: 100000}
    assert b.by_funder == {
        "HRA": 30000,
        "Council": 20000,
        "Grant": 36000,
        NO_FUNDER: 33330 + 833 + 50000 + 1001 + 100000,
    }
    assert b.by_month == {"2027-01": 84163, "2027-03": 86000, PLAN_LEVEL: 100000, UNSCHEDULED: 1001}
    for table in (b.by_objective, b.by_level, b.by_group, b.by_funder, b.by_month):
        assert sum(table.values()) == b.subtotal


def test_split_evenly() -> None:
    assert split_evenly(10, ["a", "b", "c"]) == {"a": 4, "b": 3, "c": 3}
    assert split_evenly(0, ["a"]) == {"a": 0}
    assert split_evenly(5, []) == {}


def test_empty_plan_has_no_per_head_or_share() -> None:
    b = compute_budget(Plan())
    assert b.grand_total == 0
    assert b.cost_per_participant is None
    assert b.evaluation_share is None


def test_activity_from_method_costs_staff_hours_and_scales_lines() -> None:
    plan = Plan(staff_day_rate=30000)  # £300 a day -> £40 an hour
    assert hourly_rate(plan) == 4000
    method = Method(
        name="Focus group",
        levels=[IAP2Level.CONSULT, IAP2Level.INVOLVE],
        group_size_min=6,
        group_size_max=10,
        prep_hours=Decimal(3),
        delivery_hours=Decimal(2),
        analysis_hours=Decimal(6),
        cost_lines=[
            CostLine(category=C.VENUE, unit=Unit.SESSION, quantity=Decimal(1), unit_cost=10000),
            CostLine(category=C.EVALUATION, unit=Unit.LUMP_SUM, quantity=Decimal(1), unit_cost=50000),
        ],
    )
    method.cost_lines[0].scaling = Scaling.PER_SESSION
    activity = activity_from_method(method, plan, sessions=3)
    staff, analysis, venue, evaluation = activity.cost_lines
    assert staff.quantity == Decimal(15)  # (3 + 2) x 3 sessions
    assert analysis.quantity == Decimal(6)  # analysis once
    assert line_total(staff) + line_total(analysis) == 84000
    assert venue.quantity == Decimal(3)  # per session
    assert evaluation.quantity == Decimal(1)  # fixed lines are not scaled
    assert activity.level is IAP2Level.CONSULT
    assert activity.participants == 30  # a new group of ten each session
    assert activity.promise.startswith("We will keep you informed, listen")
    assert venue.id != method.cost_lines[0].id


def test_changing_currency_keeps_the_figures_typed(plan: Plan) -> None:
    plan.staff_day_rate = 25000  # £250.00
    changes = rescaled_for_currency(plan, "JPY")
    for obj, attr, value in changes:
        setattr(obj, attr, value)
    plan.currency = "JPY"
    assert plan.staff_day_rate == 250  # ¥250, not ¥25,000
    assert plan.evaluation.budget == 1000  # £1,000.00 -> ¥1,000
    assert plan.activities[0].cost_lines[3].unit_cost == 3  # £3.33 -> ¥3 (rounded)
    assert rescaled_for_currency(plan, "JPY") == []
    assert len(rescaled_for_currency(plan, "EUR")) == 2 + sum(len(a.cost_lines) for a in plan.activities)


def test_fields_said_not_to_affect_the_budget_do_not() -> None:
    """The window keeps the costed budget across edits of these fields (affects_budget); each
    one is changed here on the sample plan and every figure must stay the same."""
    import copy
    import dataclasses
    from datetime import date, datetime

    from ceplanner.core.costing import _BUDGET_BLIND, affects_budget
    from ceplanner.core.library import sample_plan
    from ceplanner.core.model import IAP2Level, PlanStatus, Risk, RiskRating

    def other(value: object) -> object:
        if isinstance(value, bool):
            return not value
        if isinstance(value, IAP2Level):
            return IAP2Level.EMPOWER if value != IAP2Level.EMPOWER else IAP2Level.INFORM
        if isinstance(value, PlanStatus):
            return next(s for s in PlanStatus if s != value)
        if isinstance(value, RiskRating):
            return next(s for s in RiskRating if s != value)
        if isinstance(value, str):
            return value + " changed"
        if isinstance(value, int):
            return value + 1
        if isinstance(value, datetime):
            return datetime(2030, 1, 1, tzinfo=UTC)
        if isinstance(value, date):
            return date(2031, 1, 1)
        if isinstance(value, list):
            return []
        return None

    base = sample_plan()
    base.risks.append(Risk(description="A risk"))
    expected = compute_budget(base)
    checked = 0
    for cls in _BUDGET_BLIND:
        for f in dataclasses.fields(cls):
            if affects_budget(cls.__new__(cls), f.name):
                continue
            plan = copy.deepcopy(base)
            targets = {
                "Plan": [plan],
                "StakeholderGroup": plan.groups,
                "Objective": plan.objectives,
                "Indicator": [i for o in plan.objectives for i in o.indicators],
                "Activity": plan.activities,
                "Evaluation": [plan.evaluation],
                "VfmRating": plan.vfm,
                "Risk": plan.risks,
            }[cls.__name__]
            for obj in targets:
                setattr(obj, f.name, other(getattr(obj, f.name)))
            assert compute_budget(plan) == expected, f"{cls.__name__}.{f.name} changed the budget"
            checked += 1
    assert checked > 30
    assert affects_budget(base.activities[0].cost_lines[0], "unit_cost")
    assert affects_budget(base, "contingency_percent") and affects_budget(base, "groups")


def test_funders_paid_and_in_kind_and_the_cash_no_funder_pays(plan: Plan) -> None:
    b = compute_budget(plan)
    # Worked by hand: unfunded paid lines 33,330 + 833 + 50,000 + 1,001, the plan-level evaluation
    # 100,000; HRA's venue 30,000; the council's venue 20,000 in kind; the grant's translation 36,000.
    assert b.funder_splits == {
        NO_FUNDER: Split(185164, 0),
        "HRA": Split(30000, 0),
        "Council": Split(0, 20000),
        "Grant": Split(36000, 0),
    }
    assert b.contingency == 25116  # 10% of 251,164 paid, half up
    assert b.unfunded_cash == 185164 + 25116
    assert sum(s.total for s in b.funder_splits.values()) + b.contingency == b.grand_total


def test_access_support_by_group_splits_shared_activities(plan: Plan) -> None:
    b = compute_budget(plan)
    g1, g2 = plan.groups
    # Translation (36,000) in the activity serving both groups: half each, not the whole to each.
    assert b.access_by_group == {g1.id: 18000, g2.id: 18000}
    assert sum(b.access_by_group.values()) == b.by_category[C.TRANSLATION].total


def test_shares_add_up_to_exactly_100_percent() -> None:
    assert shares([1, 1, 1], 3) == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    assert shares([2500, 7500], 10000) == [Decimal("25.0"), Decimal("75.0")]
    assert shares([1, 999], 1000, places=0) == [Decimal(0), Decimal(100)]
    assert shares([1, 2, 3], 0) == [Decimal(0)] * 3
    # Rounded half up one by one, the 3 parts of 30% + 3 of 3.3...% would print 102%:
    parts = [300, 300, 300, 33, 33, 34]
    assert sum(shares(parts, 1000, places=0)) == 100
    assert shares([1, 2], 10) == [Decimal("10.0"), Decimal("20.0")]  # not the whole: each alone


def test_months_summed_by_quarter(plan: Plan) -> None:
    b = compute_budget(plan)
    # Workshops (January, 84,163) and translation (March, 86,000) fall in 2027 Q1.
    assert b.by_month["2027-01"] == 84163 and b.by_month["2027-03"] == 86000
    assert b.by_quarter == {"2027 Q1": 170163, UNSCHEDULED: 1001, PLAN_LEVEL: 100000}
    assert sum(b.by_quarter.values()) == b.subtotal


def test_staff_hours_and_cost_per_participant() -> None:
    from ceplanner.core.costing import cost_per_participant, staff_hours

    activity = Activity(
        participants=7,
        cost_lines=[
            line(C.STAFF_TIME, "10", 3000),  # 10 hours (unit defaults to item: set below)
            line(C.STAFF_TIME, "2", 25000, in_kind=True),
            line(C.VENUE, "1", 10000),
        ],
    )
    activity.cost_lines[0].unit = Unit.HOUR
    activity.cost_lines[1].unit = Unit.DAY
    assert staff_hours(activity) == Decimal("25.0")  # 10 hours + 2 days of 7.5 hours
    # 30,000 + 50,000 + 10,000 = 90,000 for 7 people: 12,857.14... -> 12,857
    assert cost_per_participant(activity) == 12857
    assert cost_per_participant(Activity()) is None


def test_derived_figures_the_report_prints(plan: Plan) -> None:
    from ceplanner.core.costing import running_totals, staff_days

    b = compute_budget(plan)
    # No funder: staff 33,330 + catering 833 + evaluation line 50,000 + other 1,001 = 85,164.
    assert b.unfunded_lines == 85164
    assert b.access_total == 36000  # the translation line
    assert b.evaluation_in_activities == 50000 and b.evaluation_budget == 100000
    assert running_totals([5, 10, 0, 7]) == [5, 15, 15, 22]
    assert staff_days(Decimal("25")) == Decimal("3.3")  # 25 / 7.5 = 3.33...
    assert staff_days(Decimal("26.25")) == Decimal("3.5")  # 3.5 exactly
    assert b.staff_hours == Decimal(0)  # the fixture's staff lines are in items, not hours


def test_changing_currency_keeps_every_amount_of_the_plan_as_typed() -> None:
    from tests.factories import full_plan

    plan = full_plan()  # every money field set, in EUR
    plan.service_annual_cost = 120_000_050  # €1,200,000.50
    for obj, attr, value in rescaled_for_currency(plan, "JPY"):
        setattr(obj, attr, value)
    assert plan.budget_envelope == 25_000  # €25,000.00 -> ¥25,000
    assert plan.service_annual_cost == 1_200_001  # rounded half up to a whole yen
    assert plan.funders[0].envelope == 10_000
    assert plan.sroi_outcomes[0].proxy_value == 45
    assert plan.team[0].day_rate == 310
    plan.budget_envelope = None
    assert all(
        obj is not plan or attr != "budget_envelope" for obj, attr, _ in rescaled_for_currency(plan, "EUR")
    )
