"""What the project team's time costs: each member's days at their own rate or the plan's.

Money stays in integer minor units: a member's cost is their days (a ``Decimal``) times their
day rate, rounded half-up to a whole minor unit once.
"""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.model import Plan, TeamMember
from ceplanner.core.money import round_minor


def day_rate(plan: Plan, member: TeamMember) -> int:
    """The member's day rate, or the plan's staff day rate where they have none of their own."""
    return plan.staff_day_rate if member.day_rate is None else member.day_rate


def member_cost(plan: Plan, member: TeamMember) -> int:
    """The cost of the days the member commits, in minor units."""
    return round_minor(member.days * Decimal(day_rate(plan, member)))


def team_days(plan: Plan) -> Decimal:
    return sum((m.days for m in plan.team), Decimal(0))


def team_cost(plan: Plan) -> int:
    """The cost of every member's committed days, in minor units."""
    return sum(member_cost(plan, m) for m in plan.team)
