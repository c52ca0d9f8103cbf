"""Budget scenarios: the plan each option makes, and its figures to the penny (worked by hand)."""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.checks import plan_checks
from ceplanner.core.costing import PLAN_LEVEL, UNALLOCATED, compute_budget
from ceplanner.core.library import sample_plan
from ceplanner.core.model import (
    Activity,
    CostCategory,
    CostLine,
    Objective,
    OutcomeLevel,
    Plan,
    Scaling,
    Scenario,
    ScenarioActivity,
    StakeholderGroup,
    Task,
)
from ceplanner.core.scenarios import (
    compare,
    compare_all,
    comparison_rows,
    find_scenario,
    findings_text,
    group_reach,
    resized_for_sessions,
    scenario_plan,
    usual_scenarios,
)


def _plan() -> Plan:
    """Two groups (one seldom heard), two objectives, three activities.

    - workshops (4 sessions, 40 people, each comes once): venue £50.00 per session (4),
      catering £3.50 per attendance (40), facilitator £400.00 fixed; serves the service
      objective; reaches residents and carers.
    - panel (3 sessions, 10 same people): payment £25.00 per attendance (30), staff 6 days at
      £250.00 fixed in kind; serves the strategic objective; reaches carers.
    - leaflet (1 session, 0 people): print £120.00 fixed; no objective, no group.
    Contingency 10% of paid costs; plan-level evaluation £100.00.
    """
    residents = StakeholderGroup(name="Residents", id="g-res")
    carers = StakeholderGroup(name="Unpaid carers", seldom_heard=True, id="g-car")
    service = Objective(title="Better repairs", level=OutcomeLevel.SERVICE, id="o-svc")
    strategic = Objective(title="Shape the strategy", level=OutcomeLevel.STRATEGIC, id="o-str")
    workshops = Activity(
        title="Workshops",
        sessions=4,
        participants=40,
        group_ids=["g-res", "g-car"],
        objective_ids=["o-svc"],
        cost_lines=[
            CostLine(
                CostCategory.VENUE, "Hall", quantity=Decimal(4), unit_cost=5000, scaling=Scaling.PER_SESSION
            ),
            CostLine(
                CostCategory.CATERING,
                "Tea",
                quantity=Decimal(40),
                unit_cost=350,
                scaling=Scaling.PER_ATTENDANCE,
            ),
            CostLine(CostCategory.FACILITATION, "Facilitator", quantity=Decimal(1), unit_cost=40000),
        ],
        id="a-work",
    )
    panel = Activity(
        title="Panel",
        sessions=3,
        participants=10,
        same_people=True,
        group_ids=["g-car"],
        objective_ids=["o-str"],
        cost_lines=[
            CostLine(
                CostCategory.PARTICIPANT_PAYMENT,
                "Thanks",
                quantity=Decimal(30),
                unit_cost=2500,
                scaling=Scaling.PER_ATTENDANCE,
            ),
            CostLine(CostCategory.STAFF_TIME, "Officer", quantity=Decimal(6), unit_cost=25000, in_kind=True),
        ],
        id="a-panel",
    )
    leaflet = Activity(
        title="Leaflet",
        sessions=1,
        participants=0,
        cost_lines=[CostLine(CostCategory.MATERIALS_PRINT, "Print", quantity=Decimal(1), unit_cost=12000)],
        id="a-leaf",
    )
    plan = Plan(
        title="Scenario test",
        contingency_percent=Decimal(10),
        groups=[residents, carers],
        objectives=[service, strategic],
        activities=[workshops, panel, leaflet],
        tasks=[Task(description="Book the hall", activity_id="a-work")],
    )
    plan.evaluation.budget = 10000
    return plan


def test_resizing_follows_each_lines_scaling_and_leaves_the_activity_alone() -> None:
    plan = _plan()
    workshops = plan.activities[0]
    half = resized_for_sessions(workshops, 2)
    assert (half.sessions, half.participants) == (2, 20)  # each comes once: people follow sessions
    assert [line.quantity for line in half.cost_lines] == [Decimal(2), Decimal(20), Decimal(1)]
    assert [line.id for line in half.cost_lines] == [line.id for line in workshops.cost_lines]
    assert (workshops.sessions, workshops.cost_lines[0].quantity) == (4, Decimal(4))

    panel = resized_for_sessions(plan.activities[1], 5)  # the same 10 people, 5 times
    assert (panel.sessions, panel.participants) == (5, 10)
    assert [line.quantity for line in panel.cost_lines] == [Decimal(50), Decimal(6)]

    thirds = resized_for_sessions(workshops, 3)  # 30 people: venue 3, tea 30
    assert [line.quantity for line in thirds.cost_lines] == [Decimal(3), Decimal(30), Decimal(1)]
    none = resized_for_sessions(workshops, 0)
    assert (none.participants, [line.quantity for line in none.cost_lines]) == (
        0,
        [Decimal(0), Decimal(0), Decimal(1)],
    )


def test_a_scenario_plan_keeps_the_chosen_activities_at_their_sessions() -> None:
    plan = _plan()
    lean = Scenario(
        "Lean",
        activities=[
            ScenarioActivity("a-leaf", 1),
            ScenarioActivity("a-work", 2),
            ScenarioActivity("a-gone", 7),  # no longer in the plan: ignored
            ScenarioActivity("a-work", 9),  # a second choice of the same activity: ignored
        ],
    )
    plan.scenarios = [lean]
    made = scenario_plan(plan, lean)
    assert [(a.id, a.sessions) for a in made.activities] == [("a-work", 2), ("a-leaf", 1)]
    assert made.scenarios == [] and made.tasks[0].activity_id == "a-work"
    dropped = scenario_plan(plan, Scenario("Panel only", activities=[ScenarioActivity("a-panel", 3)]))
    assert dropped.tasks[0].activity_id is None  # as deleting the workshops would leave it
    # The plan itself is untouched.
    assert [a.sessions for a in plan.activities] == [4, 3, 1] and plan.tasks[0].activity_id == "a-work"
    assert plan.scenarios == [lean]


def test_comparison_totals_to_the_penny() -> None:
    plan = _plan()
    lean = Scenario("Lean", activities=[ScenarioActivity("a-work", 2), ScenarioActivity("a-leaf", 1)])
    result = compare(plan, lean)
    # Workshops at 2 sessions: hall 2 x £50 = £100.00, tea 20 x £3.50 = £70.00, facilitator £400.00.
    # Leaflet £120.00. Evaluation £100.00 (plan level). Paid = £790.00; contingency £79.00.
    assert result.by_category == {
        CostCategory.VENUE: 10000,
        CostCategory.CATERING: 7000,
        CostCategory.MATERIALS_PRINT: 12000,
        CostCategory.FACILITATION: 40000,
        CostCategory.EVALUATION: 10000,
    }
    assert result.budget.paid == 79000 and result.budget.contingency == 7900
    assert result.total == 86900
    assert result.by_level == {"service": 57000, UNALLOCATED: 12000, PLAN_LEVEL: 10000}
    assert result.budget.participants == 20


def test_standard_matches_the_plan_and_enhanced_rescales() -> None:
    plan = _plan()
    lean, standard, enhanced = usual_scenarios(plan)
    assert [(c.activity_id, c.sessions) for c in standard.activities] == [
        ("a-work", 4),
        ("a-panel", 3),
        ("a-leaf", 1),
    ]
    assert [c.sessions for c in lean.activities] == [2, 2, 1]  # halves, rounded up
    assert [c.sessions for c in enhanced.activities] == [6, 5, 2]  # half as many again, rounded up
    whole = compute_budget(plan)
    same = compare(plan, standard)
    assert same.total == whole.grand_total
    assert same.by_category == {c: s.total for c, s in whole.by_category.items()}
    assert same.by_level == whole.by_level
    # Standard by hand: workshops 200 + 140 + 400 = £740.00; panel 30 x £25 = £750.00 paid and
    # £1,500.00 in kind; leaflet £120.00; evaluation £100.00. Paid £1,710.00, contingency £171.00.
    assert (whole.paid, whole.in_kind, whole.contingency, whole.grand_total) == (
        171000,
        150000,
        17100,
        338100,
    )

    more = compare(plan, enhanced)
    # Workshops x6: hall £300.00, tea 60 x £3.50 = £210.00, facilitator £400.00 = £910.00.
    # Panel x5, same 10 people: 50 x £25 = £1,250.00 paid, staff £1,500.00 in kind (fixed).
    # Leaflet x2: fixed £120.00. Evaluation £100.00. Paid £2,380.00, contingency £238.00.
    assert (more.budget.paid, more.budget.in_kind, more.budget.contingency) == (238000, 150000, 23800)
    assert more.total == 411800
    assert more.by_level == {"service": 91000, "strategic": 275000, UNALLOCATED: 12000, PLAN_LEVEL: 10000}


def test_reach_and_seldom_heard_reach() -> None:
    plan = _plan()
    lean = Scenario("Lean", activities=[ScenarioActivity("a-work", 1), ScenarioActivity("a-leaf", 1)])
    # Workshops at 1 session: 10 people shared by residents and carers, 5 each.
    result = compare(plan, lean)
    assert [(g.name, g.activities, g.participants) for g in result.reach] == [
        ("Residents", 1, 5),
        ("Unpaid carers", 1, 5),
    ]
    assert [g.name for g in result.seldom_heard_reached] == ["Unpaid carers"]

    only_leaflet = compare(plan, Scenario("Leaflet", activities=[ScenarioActivity("a-leaf", 1)]))
    assert only_leaflet.groups_reached == [] and only_leaflet.seldom_heard_reached == []
    assert [g.name for g in only_leaflet.seldom_heard] == ["Unpaid carers"]

    # Odd people go to the first groups; a group listed twice counts once.
    plan.activities[0].participants = 41
    plan.activities[0].group_ids = ["g-res", "g-car", "g-res"]
    assert [(g.activities, g.participants) for g in group_reach(plan)] == [(1, 21), (2, 30)]


def test_findings_are_the_checkers_on_the_scenario_plan_and_compare_by_code() -> None:
    plan = _plan()
    everything = compare(plan, usual_scenarios(plan)[1])
    assert everything.findings == plan_checks(plan)
    leaflet = compare(plan, Scenario("Leaflet only", activities=[ScenarioActivity("a-leaf", 1)]))
    assert leaflet.findings == plan_checks(leaflet.plan)
    # With only the leaflet no activity reaches the seldom-heard carers: the checker says so,
    # and only this scenario has that finding.
    assert ("group.seldom-heard-not-reached", "g-car") in leaflet.codes - everything.codes
    extra = leaflet.findings_not_in(everything)
    assert {(c.code, c.item_id) for c in extra} == leaflet.codes - everything.codes
    assert leaflet.warnings and all(c.severity.value == "warning" for c in leaflet.warnings)
    assert everything.findings_not_in(everything) == []


def test_the_sample_plans_scenarios_are_lean_standard_enhanced_in_order_of_cost() -> None:
    plan = sample_plan()
    results = compare_all(plan)
    assert [r.name for r in results] == ["Lean", "Standard", "Enhanced"]
    lean, standard, enhanced = results
    assert standard.total == compute_budget(plan).grand_total
    # Lean drops activities; Enhanced runs more sessions, so it costs more wherever lines scale.
    assert lean.total < standard.total <= enhanced.total
    assert lean.budget.participants < standard.budget.participants < enhanced.budget.participants
    assert len(lean.seldom_heard_reached) == len(lean.seldom_heard) == 6
    assert find_scenario(plan, "  lean ") is plan.scenarios[0] and find_scenario(plan, "Other") is None


def test_comparison_rows_are_the_figures_in_words() -> None:
    plan = _plan()
    lean, standard, _ = usual_scenarios(plan)
    results = [compare(plan, lean), compare(plan, standard)]
    rows = {row.key: row for row in comparison_rows(plan, results)}
    assert rows["total"].values == ["£2,919.00", "£3,381.00"] and rows["total"].total
    # Lean: workshops 2 sessions (£100 + £70 + £400), panel 2 sessions (20 x £25 paid, £1,500
    # in kind), leaflet £120, evaluation £100: paid £1,290.00, contingency £129.00, so a full
    # cost of £1,290.00 + £129.00 + £1,500.00 = £2,919.00.
    assert rows["paid"].values == ["£1,290.00", "£1,710.00"]
    assert rows["contingency"].words == "Contingency (10%)"
    assert rows["activities"].values == ["3 of 3", "3 of 3"]
    assert rows["sessions"].values == ["5", "8"]
    assert rows["service"].words == "Service outcomes" and rows["service"].values == ["£570.00", "£740.00"]
    assert rows[UNALLOCATED].words == "Not linked to an objective"
    assert rows["venue"].words == "Venue" and rows["venue"].values == ["£100.00", "£200.00"]
    assert rows["seldom_heard"].values == ["1 of 1", "1 of 1"]
    assert rows["seldom_heard"].tips == [
        "Unpaid carers: 20 expected participants in 2 activities",
        "Unpaid carers: 30 expected participants in 2 activities",
    ]
    assert rows["findings"].values == [findings_text(r) for r in results]
    assert [row.words for row in comparison_rows(plan, results) if row.heading] == [
        "By category (full cost)",
        "By outcome level",
        "Reach and findings",
    ]
    leaflet = compare(plan, Scenario("Leaflet", activities=[ScenarioActivity("a-leaf", 1)]))
    (tip,) = comparison_rows(plan, [leaflet])[-1].tips or []
    assert all(f"{c.severity.value.capitalize()}: {c.message}" in tip for c in leaflet.findings)
    assert (
        findings_text(leaflet)
        == f"{len(leaflet.findings)} ({len(leaflet.warnings)} warning"
        + ("" if len(leaflet.warnings) == 1 else "s")
        + ")"
    )
