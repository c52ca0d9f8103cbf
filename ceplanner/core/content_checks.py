"""Checks of what a plan says beyond its costs: the level of impact, readiness, risks, who
leads each activity, and how participants hear back. Part of the one checker (core/checks.py)."""

from __future__ import annotations

from ceplanner.core.finding import Check, Severity, quoted
from ceplanner.core.i18n import translate
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
                translate(
                    "Checks",
                    "The level of impact recommends at least {level}, but no activity goes above "
                    "{highest_planned}: raise an activity's level, or accept this with the "
                    "reason.",
                ).format(level=label(result.level), highest_planned=label(result.highest_planned)),
                "activities",
                BELOW_RECOMMENDED,
            )
        )
    open_items = [r for r in plan.readiness if not r.done]
    if plan.activities and open_items:
        names = "; ".join(
            quoted(r.description, translate("Checks", "an unnamed check")) for r in open_items[:3]
        )
        more = (
            translate("Checks", " and {n} more").format(n=len(open_items) - 3) if len(open_items) > 3 else ""
        )
        found.append(
            Check(
                Severity.NOTE,
                translate(
                    "Checks",
                    "{n_open_items} of {n_readiness} readiness checks are not done yet: "
                    "{names}{more}. Tick them off before the engagement starts.",
                ).format(
                    n_open_items=len(open_items),
                    n_readiness=len(plan.readiness),
                    names=names,
                    more=more,
                ),
                "delivery",
                READINESS_OPEN,
            )
        )
    for risk in plan.risks:
        what = quoted(risk.description, translate("Checks", "without a description"))
        if not risk.owner.strip():
            found.append(
                Check(
                    Severity.NOTE,
                    translate(
                        "Checks",
                        "The risk {what} has no owner: name who watches it.",
                    ).format(what=what),
                    "delivery",
                    RISK_NO_OWNER,
                    risk.id,
                )
            )
        if risk.review_date is None:
            found.append(
                Check(
                    Severity.NOTE,
                    translate(
                        "Checks",
                        "The risk {what} has no review date: say when it will be looked at again.",
                    ).format(what=what),
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
                        translate(
                            "Checks",
                            "The activity {title} has no lead: choose who in the team leads it.",
                        ).format(title=quoted(activity.title, translate("Checks", "without a title"))),
                        "activities",
                        ACTIVITY_NO_LEAD,
                        activity.id,
                    )
                )
    if plan.activities and not plan.feedback_how.strip():
        found.append(
            Check(
                Severity.NOTE,
                translate(
                    "Checks",
                    "The plan does not say how participants will hear what was decided and why: "
                    "describe it under Closing the loop on the Evaluation step.",
                ),
                "evaluation",
                NO_FEEDBACK,
            )
        )
    return found
