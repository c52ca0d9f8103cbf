"""Plain checks of a plan: what is missing or inconsistent, in words. No Qt.

The Review page, the step list, the PDF and ``ceplanner check`` all use :func:`findings`. The
rules are grouped by theme in the ``core/rules_*.py`` modules; this module runs them all.
"""

from __future__ import annotations

from ceplanner.core.content_checks import content_checks
from ceplanner.core.costing import Budget, compute_budget
from ceplanner.core.delivery_checks import delivery_checks
from ceplanner.core.dismissals import Findings, split_findings
from ceplanner.core.finding import Check, Severity
from ceplanner.core.finding import quoted as _name
from ceplanner.core.i18n import translate
from ceplanner.core.model import Activity, Plan
from ceplanner.core.rules_costs import activity_cost_checks, plan_cost_checks
from ceplanner.core.rules_delivery import delivery_record_checks
from ceplanner.core.rules_equity import equity_checks
from ceplanner.core.rules_outcomes import outcome_checks
from ceplanner.core.rules_promise import promise_checks
from ceplanner.core.rules_timing import timing_checks

__all__ = ["Check", "Findings", "Severity", "activity_checks", "findings", "open_checks", "plan_checks"]


def plan_checks(plan: Plan, budget: Budget | None = None) -> list[Check]:
    """Every problem found in ``plan``, warnings first, each saying what to do, including those
    the user has accepted (see :func:`findings` and :func:`open_checks`).

    This is the one judge of a plan: the Review step, the step list's marks, each page's inline
    messages, the PDF and ``ceplanner check`` all show its open findings (docs/architecture.md).
    ``budget`` is the plan's costed budget if the caller has it already.
    """
    budget = compute_budget(plan) if budget is None else budget
    found: list[Check] = []

    def warn(step: str, code: str, message: str, item: str | None = None) -> None:
        found.append(Check(Severity.WARNING, message, step, code, item))

    def note(step: str, code: str, message: str, item: str | None = None) -> None:
        found.append(Check(Severity.NOTE, message, step, code, item))

    if not plan.title.strip():
        warn(
            "context",
            "plan.no-title",
            translate(
                "Checks",
                "The plan has no title. Give it one on the Context and purpose page.",
            ),
        )
    if plan.start and plan.end and plan.end < plan.start:
        warn(
            "context",
            "plan.dates-reversed",
            translate(
                "Checks",
                "The plan ends before it starts. Check its start and end dates.",
            ),
        )
    if not plan.decision.strip():
        note(
            "context",
            "plan.no-decision",
            translate(
                "Checks",
                "The plan does not say what decision the engagement will inform.",
            ),
        )
    if not plan.value_for_whom:
        note(
            "context",
            "plan.no-value-for-whom",
            translate(
                "Checks",
                "The plan does not say whose value it serves (value for whom?).",
            ),
        )

    if not plan.groups:
        warn(
            "stakeholders",
            "groups.none",
            translate(
                "Checks",
                "There are no stakeholder groups. Add the people the engagement involves.",
            ),
        )
    seen: dict[str, str] = {}
    for group in plan.groups:
        key = group.name.strip().casefold()
        if key and key in seen and seen[key] != "reported":
            warn(
                "stakeholders",
                "group.duplicate-name",
                translate(
                    "Checks",
                    "Two or more groups are called {name}; give each a distinct name.",
                ).format(name=_name(group.name, "")),
                group.id,
            )
            seen[key] = "reported"
        seen.setdefault(key, group.id)
    if plan.groups and not any(g.seldom_heard for g in plan.groups):
        warn(
            "stakeholders",
            "groups.none-seldom-heard",
            translate(
                "Checks",
                "No group is marked seldom heard: check who is usually missing from engagement.",
            ),
        )
    if not plan.objectives:
        warn(
            "objectives",
            "objectives.none",
            translate(
                "Checks",
                "There are no objectives. Say what the engagement is meant to achieve.",
            ),
        )
    for objective in plan.objectives:
        name = _name(objective.title, translate("Checks", "without a title"))
        if not objective.indicators:
            warn(
                "objectives",
                "objective.no-indicators",
                translate(
                    "Checks",
                    "The objective {name} has no indicators: add how you will know it has been achieved.",
                ).format(name=name),
                objective.id,
            )
        elif any(not i.measure.strip() for i in objective.indicators):
            warn(
                "objectives",
                "indicator.no-measure",
                translate(
                    "Checks",
                    "The objective {name} has an indicator with no measure: say what will be "
                    "counted or asked.",
                ).format(name=name),
                objective.id,
            )
    if not plan.activities:
        warn(
            "activities",
            "activities.none",
            translate(
                "Checks",
                "There are no engagement activities. Add at least one from the method library.",
            ),
        )

    targeted = {gid for activity in plan.activities for gid in activity.group_ids}
    for group in plan.groups:
        if group.seldom_heard and group.id not in targeted:
            warn(
                "activities",
                "group.seldom-heard-not-reached",
                translate(
                    "Checks",
                    "The seldom-heard group {name} is not targeted by any activity: choose an "
                    "activity that reaches them.",
                ).format(name=_name(group.name, translate("Checks", "without a name"))),
                group.id,
            )

    for activity in plan.activities:
        found.extend(activity_checks(activity, plan))

    has_evaluation_lines = any(
        line.category == "evaluation" for activity in plan.activities for line in activity.cost_lines
    )
    if plan.activities and not plan.evaluation.budget and not has_evaluation_lines:
        note(
            "evaluation",
            "evaluation.not-costed",
            translate(
                "Checks",
                "Evaluation is not costed: set an evaluation budget or add evaluation cost lines.",
            ),
        )
    if all(rating.rating is None for rating in plan.vfm):
        note(
            "evaluation",
            "vfm.not-rated",
            translate(
                "Checks",
                "The six-E value-for-money assessment has not been rated yet.",
            ),
        )

    found.extend(delivery_checks(plan))
    found += delivery_record_checks(plan)
    found.extend(content_checks(plan))
    found += equity_checks(plan, budget)
    found += promise_checks(plan)
    found += timing_checks(plan)
    found += outcome_checks(plan, budget)
    found += plan_cost_checks(plan, budget)

    found.sort(key=lambda c: c.severity != Severity.WARNING)
    return found


def findings(plan: Plan, budget: Budget | None = None) -> Findings:
    """The plan's findings split into open ones and those accepted with a reason (plan.dismissals)."""
    return split_findings(plan_checks(plan, budget), plan.dismissals)


def open_checks(plan: Plan, budget: Budget | None = None) -> list[Check]:
    """The findings the user has not accepted: what Review, the step list, the PDF and
    ``ceplanner check`` report as still to resolve."""
    return findings(plan, budget).open


def activity_checks(activity: Activity, plan: Plan) -> list[Check]:
    """The problems of one activity (the Activities and Costs steps show these beside it)."""
    found: list[Check] = []
    title = _name(activity.title, translate("Checks", "without a title"))

    def warn(step: str, code: str, message: str) -> None:
        found.append(Check(Severity.WARNING, message, step, code, activity.id))

    if activity.start and activity.end and activity.end < activity.start:
        warn(
            "activities",
            "activity.dates-reversed",
            translate(
                "Checks",
                "The activity {title} ends before it starts.",
            ).format(title=title),
        )
    if activity.start and plan.start and activity.start < plan.start:
        warn(
            "activities",
            "activity.starts-before-plan",
            translate(
                "Checks",
                "The activity {title} starts before the plan does.",
            ).format(title=title),
        )
    if activity.end and plan.end and activity.end > plan.end:
        warn(
            "activities",
            "activity.ends-after-plan",
            translate(
                "Checks",
                "The activity {title} ends after the plan does.",
            ).format(title=title),
        )
    if not activity.group_ids:
        warn(
            "activities",
            "activity.no-groups",
            translate(
                "Checks",
                "The activity {title} has no target group: choose who it is for.",
            ).format(title=title),
        )
    if not activity.promise.strip():
        warn(
            "activities",
            "activity.no-promise",
            translate(
                "Checks",
                "The activity {title} makes no promise to participants: say what will happen to their views.",
            ).format(title=title),
        )
    if not activity.cost_lines:
        warn(
            "costs",
            "activity.no-cost-lines",
            translate(
                "Checks",
                "The activity {title} has no cost lines, so it costs nothing in the budget.",
            ).format(title=title),
        )
    elif any(line.unit_cost == 0 and not line.in_kind for line in activity.cost_lines):
        warn(
            "costs",
            "activity.zero-paid-line",
            translate(
                "Checks",
                "The activity {title} has a paid line costed at zero: enter its unit cost.",
            ).format(title=title),
        )
    found += activity_cost_checks(activity)
    return found


def checks_for_step(plan: Plan, step: str) -> list[Check]:
    """The open findings of one step."""
    return [check for check in open_checks(plan) if check.step == step]
