"""Planned against actual, to the penny: every expected figure below is worked by hand from the
small plan in :func:`_plan` (the working is in the comments)."""

from __future__ import annotations

import copy
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ceplanner.core.costing import NO_FUNDER, UNALLOCATED, Split, compute_budget
from ceplanner.core.model import (
    Activity,
    ActualCost,
    CostCategory,
    CostLine,
    DeliveryStatus,
    Evaluation,
    Funder,
    GroupCount,
    Plan,
    PlanStatus,
    SessionHeld,
    StakeholderGroup,
)
from ceplanner.core.variance import (
    PLAN_WHOLE,
    VarianceRow,
    delivery_figures,
    percent_of,
    percent_text,
    share_people,
)


def _plan() -> Plan:
    ga = StakeholderGroup(name="Carers", seldom_heard=True, id="gA")
    gb = StakeholderGroup(name="Staff", id="gB")
    a1 = Activity(
        title="Drop-in",
        sessions=2,
        participants=21,
        group_ids=["gA", "gB"],
        id="a1",
        cost_lines=[
            CostLine(category=CostCategory.VENUE, quantity=Decimal(2), unit_cost=7500, funder="Council"),
            # 2.5 x 333 = 832.5, rounded half-up once: 833
            CostLine(category=CostCategory.CATERING, quantity=Decimal("2.5"), unit_cost=333),
            CostLine(category=CostCategory.STAFF_TIME, unit_cost=10000, in_kind=True, funder="Council"),
        ],
    )
    a2 = Activity(
        title="Panel",
        sessions=3,
        participants=8,
        same_people=True,
        group_ids=["gA"],
        id="a2",
        cost_lines=[
            CostLine(category=CostCategory.FACILITATION, quantity=Decimal(3), unit_cost=4000, funder="Trust")
        ],
    )
    a3 = Activity(title="Survey", sessions=1, participants=0, id="a3")
    return Plan(
        title="Small",
        status=PlanStatus.APPROVED,
        contingency_percent=Decimal(10),
        evaluation=Evaluation(budget=5000),
        groups=[ga, gb],
        activities=[a1, a2, a3],
        funders=[Funder(name="Council"), Funder(name="Trust")],
    )


def _delivered() -> Plan:
    plan = copy.deepcopy(_plan())
    plan.status = PlanStatus.IN_DELIVERY
    plan.actual_costs = [
        ActualCost(activity_id="a1", category=CostCategory.VENUE, amount=16050, funder="Council"),
        ActualCost(activity_id="a1", category=CostCategory.CATERING, amount=700),
        ActualCost(activity_id="a1", category=CostCategory.STAFF_TIME, amount=9000, in_kind=True, funder="Council"),
        ActualCost(activity_id="a2", category=CostCategory.FACILITATION, amount=11000, funder="Trust"),
        ActualCost(activity_id="a3", category=CostCategory.MATERIALS_PRINT, amount=2500, funder="Trust"),
        ActualCost(activity_id=None, category=CostCategory.EVALUATION, amount=5200),
    ]  # fmt: skip
    plan.sessions_held = [
        SessionHeld("a1", attendance=12, by_group=[GroupCount("gA", 5), GroupCount("gB", 6)]),
        SessionHeld("a1", attendance=9, by_group=[GroupCount("gA", 4), GroupCount("gB", 3)]),
        SessionHeld("a2", attendance=7, by_group=[GroupCount("gA", 7)]),
        SessionHeld("a2", attendance=8, by_group=[GroupCount("gA", 6)]),
        SessionHeld("a2", attendance=6, by_group=[GroupCount("gA", 6)]),
    ]
    plan.activities[2].delivery_status = DeliveryStatus.DROPPED
    plan.activities[2].dropped_reason = "Printed instead"
    return plan


def _figures(row: VarianceRow) -> tuple[int, int, int, int, str]:
    return (
        row.planned.paid,
        row.planned.in_kind,
        row.actual.paid,
        row.actual.in_kind,
        percent_text(row.percent),
    )


def test_total_to_the_penny() -> None:
    figures = delivery_figures(_plan(), _delivered())
    # planned paid: 15,000 + 833 + 12,000 + 5,000 (plan-level evaluation) = 32,833
    # contingency: 10% of 32,833 = 3,283.3 -> 3,283; in kind 10,000: total 46,116
    # actual: paid 16,050 + 700 + 11,000 + 2,500 + 5,200 = 35,450; in kind 9,000; total 44,450
    assert _figures(figures.total) == (32833 + 3283, 10000, 35450, 9000, "-3.6%")  # -1,666 / 46,116
    assert figures.total.variance == -1666
    assert figures.total.paid_variance == 35450 - 36116
    assert figures.contingency.planned == Split(3283, 0) and figures.contingency.actual == Split()


def test_by_activity_to_the_penny() -> None:
    rows = {r.key: r for r in delivery_figures(_plan(), _delivered()).by_activity}
    assert list(rows) == ["a1", "a2", "a3", PLAN_WHOLE]
    assert _figures(rows["a1"]) == (15833, 10000, 16750, 9000, "-0.3%")  # -83 / 25,833 = -0.32%
    assert rows["a1"].variance == -83
    assert _figures(rows["a2"]) == (12000, 0, 11000, 0, "-8.3%")  # -1,000 / 12,000
    assert _figures(rows["a3"]) == (0, 0, 2500, 0, "n/a")  # nothing planned: no percent
    assert rows["a3"].percent is None and rows["a3"].variance == 2500
    assert _figures(rows[PLAN_WHOLE]) == (5000, 0, 5200, 0, "+4.0%")


def test_by_category_and_funder_to_the_penny() -> None:
    figures = delivery_figures(_plan(), _delivered())
    categories = {r.key: _figures(r) for r in figures.by_category}
    assert categories == {
        "staff_time": (0, 10000, 0, 9000, "-10.0%"),
        "venue": (15000, 0, 16050, 0, "+7.0%"),
        "catering": (833, 0, 700, 0, "-16.0%"),  # -133 / 833 = -15.97%
        "materials_print": (0, 0, 2500, 0, "n/a"),
        "facilitation": (12000, 0, 11000, 0, "-8.3%"),
        "evaluation": (5000, 0, 5200, 0, "+4.0%"),
    }
    assert [r.label for r in figures.by_category][:2] == ["Staff time", "Venue"]
    funders = {r.key: _figures(r) for r in figures.by_funder}
    assert funders == {
        "Council": (15000, 10000, 16050, 9000, "+0.2%"),  # +50 / 25,000
        "Trust": (12000, 0, 13500, 0, "+12.5%"),  # +1,500 / 12,000
        NO_FUNDER: (5833, 0, 5900, 0, "+1.1%"),  # catering and evaluation: +67 / 5,833
    }


def test_reach_per_group_counts_people_once_for_the_same_people() -> None:
    figures = delivery_figures(_plan(), _delivered())
    reach = {r.group_id: (r.expected, r.reached, r.attendances, percent_text(r.percent, signed=False))
             for r in figures.reach}  # fmt: skip
    # Drop-in (new people each session): 21 expected shared 11 / 10; reached 5 + 4 and 6 + 3.
    # Panel (same people): 8 expected, all carers; reached = largest session, 7 carers.
    # People in no group: 1 + 2 at the drop-in, and at most 2 at the panel.
    assert reach == {
        "gA": (19, 16, 28, "84.2%"),
        "gB": (10, 9, 9, "90.0%"),
        UNALLOCATED: (0, 5, 5, "n/a"),
    }
    seldom = figures.seldom_heard
    assert (seldom.expected, seldom.reached) == (19, 16)
    total = figures.reach_total
    assert (total.expected, total.reached, total.attendances) == (29, 30, 42)
    by_activity = {a.activity_id: a for a in figures.activities}
    drop_in, panel, survey = by_activity["a1"], by_activity["a2"], by_activity["a3"]
    assert (drop_in.sessions_planned, drop_in.sessions_held, drop_in.reached, drop_in.attendances) == (
        2,
        2,
        21,
        21,
    )
    assert (panel.sessions_planned, panel.sessions_held, panel.reached, panel.attendances) == (3, 3, 8, 21)
    assert (survey.status, survey.dropped_reason, survey.sessions_held) == ("Dropped", "Printed instead", 0)


def test_percent_rounds_half_up_away_from_zero_to_one_place() -> None:
    assert percent_of(2, 800) == Decimal("0.3")  # 0.25: half-up, not to even
    assert percent_of(-2, 800) == Decimal("-0.3")
    assert percent_of(1, 3) == Decimal("33.3")
    assert percent_of(5, 0) is None
    assert percent_text(Decimal("0.0")) == "0.0%" and percent_text(None) == "n/a"


def test_variance_is_against_the_approved_plan_not_later_edits() -> None:
    approved = _plan()
    current = _delivered()
    current.activities[0].cost_lines[0].unit_cost = 1  # an edit after approval
    rows = {r.key: r for r in delivery_figures(approved, current).by_activity}
    assert rows["a1"].planned == Split(15833, 10000)


_COST = st.builds(
    ActualCost,
    activity_id=st.sampled_from(["a1", "a2", "a3", None, "gone"]),
    category=st.sampled_from(list(CostCategory)),
    amount=st.integers(0, 10**9),
    in_kind=st.booleans(),
    funder=st.sampled_from(["", "Council", "Trust", "New fund", "  "]),
)
_SESSION = st.builds(
    SessionHeld,
    activity_id=st.sampled_from(["a1", "a2", "a3"]),
    attendance=st.integers(0, 500),
    by_group=st.lists(
        st.builds(GroupCount, group_id=st.sampled_from(["gA", "gB", "gone"]), people=st.integers(0, 200)),
        max_size=3,
    ),
)


@settings(max_examples=150, deadline=None)
@given(costs=st.lists(_COST, max_size=25), sessions=st.lists(_SESSION, max_size=15), same=st.booleans())
def test_every_breakdown_adds_up_to_the_total(
    costs: list[ActualCost], sessions: list[SessionHeld], same: bool
) -> None:
    approved = _plan()
    approved.activities[0].same_people = same
    plan = copy.deepcopy(approved)
    plan.actual_costs, plan.sessions_held = costs, sessions
    figures = delivery_figures(approved, plan)
    budget = compute_budget(approved)
    assert figures.total.planned.total == budget.grand_total
    assert figures.total.actual == Split(
        sum(c.amount for c in costs if not c.in_kind), sum(c.amount for c in costs if c.in_kind)
    )
    for rows in (figures.by_activity, figures.by_category, figures.by_funder):
        planned = sum((r.planned for r in rows), Split()) + figures.contingency.planned
        actual = sum((r.actual for r in rows), Split())
        assert planned == figures.total.planned and actual == figures.total.actual
        assert sum(r.variance for r in rows) + figures.contingency.variance == figures.total.variance
    assert sum(r.reached for r in figures.reach) == figures.reach_total.reached
    assert sum(r.expected for r in figures.reach) == 29
    attendances = sum(s.attendance for s in sessions)
    assert sum(a.attendances for a in figures.activities) == attendances
    named_within = all(sum(p.people for p in s.by_group) <= s.attendance for s in sessions)
    if named_within:  # each session's groups within its attendance: groups' attendances add up to it
        assert figures.reach_total.attendances == attendances


def test_expected_people_follow_group_sizes_when_every_group_has_one() -> None:
    big = StakeholderGroup(name="Tenants", size=300, id="big")
    small = StakeholderGroup(name="Leaseholders", size=100, id="small")
    unsized = StakeholderGroup(name="Visitors", id="unsized")
    # 10 x 300/400 = 7.5 and 10 x 100/400 = 2.5: floors 7 and 2; the one left goes to the first
    assert share_people(10, [big, small]) == {"big": 8, "small": 2}
    # 7 x 300/400 = 5.25, 7 x 100/400 = 1.75: floors 5 and 1; the larger remainder gets the seventh
    assert share_people(7, [big, small]) == {"big": 5, "small": 2}
    assert share_people(7, [big, unsized]) == {"big": 4, "unsized": 3}  # a size missing: evenly
    assert share_people(7, []) == {}


@given(
    people=st.integers(0, 10**6),
    sizes=st.lists(st.one_of(st.none(), st.integers(0, 10**6)), min_size=1, max_size=8),
)
def test_shared_people_add_up_exactly(people: int, sizes: list[int | None]) -> None:
    groups = [StakeholderGroup(size=size, id=f"g{i}") for i, size in enumerate(sizes)]
    assert sum(share_people(people, groups).values()) == people


def test_expected_people_stated_by_group_are_taken_as_stated() -> None:
    approved = _plan()
    approved.activities[0].expected_by_group = [GroupCount("gA", 15)]
    figures = delivery_figures(approved, _delivered())
    expected = {r.group_id: r.expected for r in figures.reach}
    # Drop-in: 15 carers as stated, the other 6 of its 21 to staff; panel: 8 carers
    assert expected == {"gA": 23, "gB": 6, UNALLOCATED: 0}
