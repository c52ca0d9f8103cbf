"""What the team's days cost: own rate or the plan's, rounded once to a whole penny."""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.model import Plan, TeamMember
from ceplanner.core.team import day_rate, member_cost, team_cost, team_days


def test_a_member_without_a_rate_costs_the_plans_rate() -> None:
    plan = Plan(staff_day_rate=25000)
    member = TeamMember(name="Priya", days=Decimal("3"))
    assert day_rate(plan, member) == 25000
    assert member_cost(plan, member) == 75000


def test_a_rate_of_zero_is_the_members_own_not_the_plans() -> None:
    plan = Plan(staff_day_rate=25000)
    volunteer = TeamMember(name="Panel chair", days=Decimal(10), day_rate=0)
    assert member_cost(plan, volunteer) == 0


def test_part_days_are_costed_in_whole_pennies_rounded_half_up() -> None:
    plan = Plan(staff_day_rate=25000)
    plan.team = [
        TeamMember(name="A", days=Decimal("2.5"), day_rate=33333),  # 833.325 -> 833.33
        TeamMember(name="B", days=Decimal("0.25"), day_rate=None),  # 62.50
    ]
    assert [member_cost(plan, m) for m in plan.team] == [83333, 6250]
    assert team_cost(plan) == 89583 and isinstance(team_cost(plan), int)
    assert team_days(plan) == Decimal("2.75")


def test_an_empty_team_costs_nothing() -> None:
    assert team_cost(Plan()) == 0 and team_days(Plan()) == 0


def test_staff_lines_tied_to_a_person_cost_their_rate_in_hours_days_or_weeks() -> None:
    from decimal import Decimal

    from ceplanner.core.costing import hourly_rate
    from ceplanner.core.model import Activity, CostCategory, CostLine, Unit
    from ceplanner.core.team import rate_changes, rate_source

    ana = TeamMember(name="Ana", day_rate=30000)
    sam = TeamMember(name="Sam")  # the plan's rate
    hours = CostLine(CostCategory.STAFF_TIME, "Ana's hours", Unit.HOUR, Decimal(6), 1000, staff_id=ana.id)
    days = CostLine(CostCategory.STAFF_TIME, "Sam's days", Unit.DAY, Decimal(2), 1000, staff_id=sam.id)
    weeks = CostLine(CostCategory.STAFF_TIME, "Ana's weeks", Unit.WEEK, Decimal(1), 1000, staff_id=ana.id)
    lump = CostLine(
        CostCategory.STAFF_TIME, "Ana, fixed fee", Unit.LUMP_SUM, Decimal(1), 1000, staff_id=ana.id
    )
    venue = CostLine(CostCategory.VENUE, "Hall", Unit.HOUR, Decimal(2), 1000, staff_id=ana.id)
    nobody = CostLine(CostCategory.STAFF_TIME, "Someone", Unit.HOUR, Decimal(2), 1000)
    plan = Plan(staff_day_rate=22500, team=[ana, sam])
    plan.activities = [Activity(cost_lines=[hours, days, weeks, lump, venue, nobody])]
    changes = {line.description: (cost, source) for line, cost, source in rate_changes(plan)}
    assert changes == {
        "Ana's hours": (4000, rate_source(ana)),  # £300 / 7.5
        "Sam's days": (22500, rate_source(sam)),
        "Ana's weeks": (150000, rate_source(ana)),
    }
    assert changes["Sam's days"][0] == plan.staff_day_rate
    assert hourly_rate(Plan(staff_day_rate=30000)) == changes["Ana's hours"][0]  # the same rounding
    for line, cost, source in rate_changes(plan):
        line.unit_cost, line.source = cost, source
    assert rate_changes(plan) == []  # applied: nothing more to change
    plan.staff_day_rate = 24000  # Sam follows the plan's rate; Ana keeps her own
    assert [(line.description, cost) for line, cost, _ in rate_changes(plan)] == [("Sam's days", 24000)]
