"""Checks of what a plan says beyond its costs: the level of impact, readiness, risks, who
leads each activity, and how participants hear back. Part of the one checker (core/checks.py)."""

from __future__ import annotations

from ceplanner.core.finding import Check, Severity, quoted
from ceplanner.core.impact import recommend
from ceplanner.core.model import Plan, label

BELOW_RECOMMENDED = "plan.below-recommended-level"
READINESS_OPEN = "readiness.not-done"
RISK_NO_OWNER = "risk.no-owner"
RISK_NO_REVIEW = "risk.no-review-date"
ACTIVITY_NO_LEAD = "activity.no-lead"
NO_FEEDBACK = "plan.no-feedback-route"


def content_checks(plan: Plan) -> list[Check]:
    found: list[Check] = []
    result = recommend(plan)
    if result.plan_below and result.level is not None and result.highest_planned is not None:
        found.append(
            Check(
                Severity.WARNING,
                f"The level of impact recommends at least {label(result.level)}, but no activity goes "
                f"above {label(result.highest_planned)}: raise an activity's level, or accept this with "
                "the reason.",
                "activities",
                BELOW_RECOMMENDED,
            )
        )
    open_items = [r for r in plan.readiness if not r.done]
    if plan.activities and open_items:
        names = "; ".join(quoted(r.description, "an unnamed check") for r in open_items[:3])
        more = f" and {len(open_items) - 3} more" if len(open_items) > 3 else ""
        found.append(
            Check(
                Severity.NOTE,
                f"{len(open_items)} of {len(plan.readiness)} readiness checks are not done yet: "
                f"{names}{more}. Tick them off before the engagement starts.",
                "delivery",
                READINESS_OPEN,
            )
        )
    for risk in plan.risks:
        what = quoted(risk.description, "without a description")
        if not risk.owner.strip():
            found.append(
                Check(
                    Severity.NOTE,
                    f"The risk {what} has no owner: name who watches it.",
                    "delivery",
                    RISK_NO_OWNER,
                    risk.id,
                )
            )
        if risk.review_date is None:
            found.append(
                Check(
                    Severity.NOTE,
                    f"The risk {what} has no review date: say when it will be looked at again.",
                    "delivery",
                    RISK_NO_REVIEW,
                    risk.id,
                )
            )
    if plan.team:
        for activity in plan.activities:
            if activity.lead_id is None:
                found.append(
                    Check(
                        Severity.NOTE,
                        f"The activity {quoted(activity.title, 'without a title')} has no lead: choose "
                        "who in the team leads it.",
                        "activities",
                        ACTIVITY_NO_LEAD,
                        activity.id,
                    )
                )
    if plan.activities and not plan.feedback_how.strip():
        found.append(
            Check(
                Severity.NOTE,
                "The plan does not say how participants will hear what was decided and why: describe it "
                "under Closing the loop on the Evaluation step.",
                "evaluation",
                NO_FEEDBACK,
            )
        )
    return found
