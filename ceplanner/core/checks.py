"""Plain checks of a plan: what is missing or inconsistent, in words. No Qt.

The Review page, the PDF and later value-for-money checks all use :func:`plan_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ceplanner.core.model import Plan


class Severity(StrEnum):
    WARNING = "warning"
    """Something that weakens the plan and should be fixed before it is approved."""
    NOTE = "note"
    """Worth a look; the plan may be fine as it is."""


@dataclass(frozen=True)
class Check:
    severity: Severity
    message: str
    step: str
    """The wizard step where it can be fixed: context, stakeholders, objectives, activities,
    costs or evaluation."""


def _name(text: str, fallback: str) -> str:
    return f"“{text.strip()}”" if text.strip() else fallback


def plan_checks(plan: Plan) -> list[Check]:
    """Every problem found in ``plan``, warnings first, each saying what to do."""
    found: list[Check] = []

    def warn(step: str, message: str) -> None:
        found.append(Check(Severity.WARNING, message, step))

    def note(step: str, message: str) -> None:
        found.append(Check(Severity.NOTE, message, step))

    if not plan.title.strip():
        warn("context", "The plan has no title. Give it one on the Context and purpose page.")
    if plan.start and plan.end and plan.end < plan.start:
        warn("context", "The plan ends before it starts. Check its start and end dates.")
    if not plan.decision.strip():
        note("context", "The plan does not say what decision the engagement will inform.")
    if not plan.value_for_whom:
        note("context", "The plan does not say whose value it serves (value for whom?).")

    if not plan.groups:
        warn("stakeholders", "There are no stakeholder groups. Add the people the engagement involves.")
    if not plan.objectives:
        warn("objectives", "There are no objectives. Say what the engagement is meant to achieve.")
    for objective in plan.objectives:
        if not objective.indicators:
            warn(
                "objectives",
                f"The objective {_name(objective.title, 'without a title')} has no indicators: "
                "add how you will know it has been achieved.",
            )
    if not plan.activities:
        warn("activities", "There are no engagement activities. Add at least one from the method library.")

    targeted = {gid for activity in plan.activities for gid in activity.group_ids}
    for group in plan.groups:
        if group.seldom_heard and group.id not in targeted:
            warn(
                "activities",
                f"The seldom-heard group {_name(group.name, 'without a name')} is not targeted by any "
                "activity: choose an activity that reaches them.",
            )

    for activity in plan.activities:
        title = _name(activity.title, "without a title")
        if not activity.cost_lines:
            warn("costs", f"The activity {title} has no cost lines, so it costs nothing in the budget.")
        if activity.start and activity.end and activity.end < activity.start:
            warn("activities", f"The activity {title} ends before it starts.")
        outside = [
            d
            for d in (activity.start, activity.end)
            if d is not None and ((plan.start and d < plan.start) or (plan.end and d > plan.end))
        ]
        if outside:
            warn("activities", f"The activity {title} has dates outside the plan's start and end dates.")

    has_evaluation_lines = any(
        line.category == "evaluation" for activity in plan.activities for line in activity.cost_lines
    )
    if plan.activities and not plan.evaluation.budget and not has_evaluation_lines:
        note("evaluation", "Evaluation is not costed: set an evaluation budget or add evaluation cost lines.")
    if all(rating.rating is None for rating in plan.vfm):
        note("evaluation", "The six-E value-for-money assessment has not been rated yet.")

    found.sort(key=lambda c: c.severity != Severity.WARNING)
    return found
