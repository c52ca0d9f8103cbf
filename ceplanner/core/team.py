"""What the project team's time costs: each member's days at their own rate or the plan's.

Money stays in integer minor units: a member's cost is their days (a ``Decimal``) times their
day rate, rounded half-up to a whole minor unit once.
"""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.costing import HOURS_PER_DAY
from ceplanner.core.model import CostCategory, CostLine, Plan, TeamMember, Unit
from ceplanner.core.money import round_minor


def member_label(member: TeamMember) -> str:
    """How a team member is named wherever one is chosen or printed: "Ana Ruiz – Engagement lead"."""
    return " – ".join(part for part in (member.name or "(no name)", member.role) if part)


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


def rate_for(plan: Plan, member: TeamMember, unit: Unit) -> int | None:
    """The member's rate for one ``unit`` of their time, as the plan's own hourly rate is worked
    out (a 7.5-hour day, a five-day week); None for a unit that is not time."""
    rate = Decimal(day_rate(plan, member))
    per_unit = {Unit.HOUR: rate / HOURS_PER_DAY, Unit.DAY: rate, Unit.WEEK: rate * 5}.get(unit)
    return None if per_unit is None else round_minor(per_unit)


def rate_source(member: TeamMember) -> str:
    return f"Day rate of {member.name or 'a team member'} (team)"


def rate_changes(plan: Plan) -> list[tuple[CostLine, int, str]]:
    """(line, unit cost, source) for every staff-time line tied to a team member whose unit cost
    is not that person's rate: their time costs what their day rate says, in hours, days or
    weeks. Applied by the window in the same undo step as the edit that caused it."""
    members = {m.id: m for m in plan.team}
    changes = []
    for activity in plan.activities:
        for line in activity.cost_lines:
            member = members.get(line.staff_id or "")
            if member is None or line.category is not CostCategory.STAFF_TIME:
                continue
            rate = rate_for(plan, member, line.unit)
            if rate is not None and (rate != line.unit_cost or line.source != rate_source(member)):
                changes.append((line, rate, rate_source(member)))
    return changes
