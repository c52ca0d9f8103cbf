"""From approval to delivery: an approved plan keeps its approved version and goes into delivery.

The approved version is kept as a snapshot of the plan file (the store does that, see
``ceplanner.store.delivery``); it is the baseline every variance is measured against. Actuals
(sessions held, actual costs, findings, responses) are recorded beside the plan's cost lines,
never over them, so the approved figures stay readable in both places.
"""

from __future__ import annotations

import copy
from datetime import date

from ceplanner.core.i18n import translate
from ceplanner.core.model import EVALUATION_QUESTIONS, DeliveryStatus, Plan, PlanStatus, label

AT_END_QUESTIONS: list[str] = [f"{key}_at_end" for key, _question in EVALUATION_QUESTIONS]
"""The :class:`~ceplanner.core.model.Evaluation` fields answering the five evaluation questions at
the end of delivery, in the order of ``EVALUATION_QUESTIONS``."""


class DeliveryError(ValueError):
    """A plan that cannot go into delivery; the message says why and what to do, for the user."""


def approved_snapshot_name(on: date) -> str:
    """The name of the approved version's snapshot: "Approved version (10 December 2026)"."""
    return f"Approved version ({on.day} {on:%B %Y})"


def delivery_refusal(plan: Plan) -> str:
    """Why ``plan`` cannot go into delivery, in words; "" when it can."""
    if plan.status is PlanStatus.APPROVED:
        return ""
    status = label(plan.status).lower()
    if plan.status in (PlanStatus.IN_DELIVERY, PlanStatus.EVALUATED):
        return translate("Delivery", "This plan is already past approval (its status is {status}).").format(
            status=status
        )
    return translate(
        "Delivery",
        "Only an approved plan can go into delivery, and this one is {status}. "
        "Record its approval first: set its status to Approved, with who approved it and when.",
    ).format(status=status)


def start_delivery(plan: Plan, today: date) -> Plan:
    """Put an approved ``plan`` into delivery and return its approved version to keep.

    The returned plan is a separate copy, as approved (status approved, no delivery date): the
    baseline to keep as a snapshot. ``plan`` itself becomes "in delivery" from ``today``.
    :class:`DeliveryError` if the plan is not approved (``plan`` is then unchanged).
    """
    problem = delivery_refusal(plan)
    if problem:
        raise DeliveryError(problem)
    approved = copy.deepcopy(plan)
    plan.status = PlanStatus.IN_DELIVERY
    plan.delivery_started_on = today
    return approved


def planned_part(plan: Plan) -> Plan:
    """A copy of ``plan`` as it was approved, before delivery: every delivery record removed
    (sessions, actual costs, themes, responses, statuses, measured values, answers at the end)
    and its status approved. The cost lines are untouched: actuals never change them."""
    approved = copy.deepcopy(plan)
    approved.status = PlanStatus.APPROVED
    approved.delivery_started_on = None
    approved.sessions_held, approved.actual_costs, approved.themes, approved.responses = [], [], [], []
    for activity in approved.activities:
        activity.delivery_status, activity.dropped_reason = DeliveryStatus.PLANNED, ""
    for objective in approved.objectives:
        for indicator in objective.indicators:
            indicator.measured, indicator.measured_on = "", None
    for rating in approved.vfm:
        rating.rating_at_end, rating.evidence_at_end, rating.commentary_at_end = None, "", ""
    evaluation = approved.evaluation
    for key in (*AT_END_QUESTIONS, "lessons"):
        setattr(evaluation, key, "")
    return approved


def in_delivery(plan: Plan) -> bool:
    """Whether the plan has started delivery (in delivery, or delivered and evaluated)."""
    return plan.status in (PlanStatus.IN_DELIVERY, PlanStatus.EVALUATED)


def has_delivery(plan: Plan) -> bool:
    """Whether there is delivery to show: the plan is in delivery or holds delivery records."""
    return in_delivery(plan) or bool(plan.sessions_held or plan.actual_costs or plan.themes or plan.responses)
