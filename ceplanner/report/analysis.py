"""Facts the report states about a plan that are not money: quadrants, periods, risk scores.

Money figures never come from here: they come from :mod:`ceplanner.core.costing`. These
helpers take only core objects, so the GUI can show the same words as the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ceplanner.core import locale_format
from ceplanner.core.costing import ACCESS_CATEGORIES  # noqa: F401 - re-exported for the sections
from ceplanner.core.model import Activity, Plan, Risk, RiskRating
from ceplanner.core.stakeholders import (  # noqa: F401 - re-exported for the report's sections
    HIGH_FROM,
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    QUADRANTS,
    quadrant,
)

_RISK_SCORE = {RiskRating.LOW: 1, RiskRating.MEDIUM: 2, RiskRating.HIGH: 3}


def risk_score(risk: Risk) -> int:
    """Likelihood x impact on a 1-3 scale each: 1 (low, low) to 9 (high, high)."""
    return _RISK_SCORE[risk.likelihood] * _RISK_SCORE[risk.impact]


def risks_by_score(plan: Plan) -> list[Risk]:
    """The plan's risks, highest score first (ties keep the plan's order)."""
    return sorted(plan.risks, key=lambda r: -risk_score(r))


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def describe(self) -> str:
        """'34 weeks' or '10 days', rounded to whole weeks from two weeks up."""
        if self.days < 14:
            return f"{self.days} day" + ("" if self.days == 1 else "s")
        weeks = round(self.days / 7)
        return f"{weeks} weeks"


def plan_period(plan: Plan) -> Period | None:
    """The plan's own dates, else the span of its scheduled activities, else None."""
    if plan.start and plan.end and plan.end >= plan.start:
        return Period(plan.start, plan.end)
    starts = [a.start for a in plan.activities if a.start]
    ends = [a.end or a.start for a in plan.activities if a.end or a.start]
    if not starts:
        return None
    start = plan.start or min(starts)
    end = plan.end if plan.end and plan.end >= start else max(d for d in ends if d is not None)
    return Period(start, max(end, start))


def activities_for_group(plan: Plan, group_id: str) -> list[Activity]:
    return [a for a in plan.activities if group_id in a.group_ids]


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return locale_format.format_date(value, "long")


def format_short_date(value: date | None) -> str:
    if value is None:
        return ""
    return locale_format.format_date(value, "short")


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """'1 activity', '3 activities'."""
    word = singular if n == 1 else (plural_form or singular + "s")
    return f"{locale_format.format_number(n)} {word}"
