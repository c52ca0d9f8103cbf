"""Outcomes and evaluation: can the plan show what it achieved, and has it paid to find out? No Qt."""

from __future__ import annotations

from ceplanner.core.costing import Budget
from ceplanner.core.finding import Check, join_words, note, quoted, warning
from ceplanner.core.model import EVALUATION_QUESTIONS, Indicator, OutcomeLevel, Plan, label

INDICATOR_PARTS: tuple[tuple[str, str], ...] = (
    ("baseline", "baseline"),
    ("target", "target"),
    ("evidence_source", "evidence source"),
    ("analysed_by", "analyst"),
)
"""The parts of an indicator that must be filled in, with their words (the measure has its own rule)."""


def missing_parts(indicator: Indicator) -> list[str]:
    return [words for attr, words in INDICATOR_PARTS if not str(getattr(indicator, attr)).strip()]


def outcome_checks(plan: Plan, budget: Budget) -> list[Check]:
    found: list[Check] = []
    if plan.objectives:
        present = {o.level for o in plan.objectives}
        for level in OutcomeLevel:
            if level not in present:
                found.append(
                    note(
                        "objectives",
                        "outcome-level.no-objective",
                        f"No objective is at the {label(level).lower()} outcome level: check whether the "
                        "engagement should achieve something there too.",
                        level.value,
                    )
                )
    served = {oid for a in plan.activities for oid in a.objective_ids}
    for objective in plan.objectives:
        name = quoted(objective.title, "without a title")
        gaps = [
            f"{quoted(i.measure, 'an indicator')} has no {join_words(parts)}"
            for i in objective.indicators
            if i.measure.strip() and (parts := missing_parts(i))
        ]
        if gaps:
            found.append(
                warning(
                    "objectives",
                    "indicator.incomplete",
                    f"In the objective {name}, {'; '.join(gaps)}: fill them in so progress can be shown.",
                    objective.id,
                )
            )
        if plan.activities and objective.id not in served:
            found.append(
                warning(
                    "activities",
                    "objective.not-served",
                    f"No activity serves the objective {name}: link an activity to it, or drop it.",
                    objective.id,
                )
            )
    share = budget.evaluation_share
    if budget.evaluation_total > 0 and share is not None and share < plan.evaluation_min_percent:
        found.append(
            warning(
                "evaluation",
                "evaluation.below-minimum",
                f"Evaluation is {share}% of the full cost, under the {plan.evaluation_min_percent}% the "
                "plan sets: raise the evaluation budget, or change the minimum in Check settings.",
            )
        )
    unanswered = [q for attr, q in EVALUATION_QUESTIONS if not getattr(plan.evaluation, attr).strip()]
    if unanswered and plan.activities:  # an empty plan is told to add activities first
        found.append(
            warning(
                "evaluation",
                "evaluation.unanswered",
                f"{len(unanswered)} of the {len(EVALUATION_QUESTIONS)} evaluation questions "
                f"{'is' if len(unanswered) == 1 else 'are'} not answered yet: {' '.join(unanswered)}",
            )
        )
    if plan.activities and not any(a.reports_back for a in plan.activities):
        found.append(
            warning(
                "activities",
                "plan.no-report-back",
                "No activity tells participants what was decided and why (“you said, we did”): mark "
                "the activity that reports back, or add one.",
            )
        )
    return found
