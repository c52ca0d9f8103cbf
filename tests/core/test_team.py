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
