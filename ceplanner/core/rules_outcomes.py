"""Outcomes and evaluation: can the plan show what it achieved, and has it paid to find out? No Qt."""

from __future__ import annotations

from ceplanner.core.costing import Budget
from ceplanner.core.finding import Check, join_words, note, quoted, warning
from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.locale_format import format_percent
from ceplanner.core.model import EVALUATION_QUESTIONS, Indicator, OutcomeLevel, Plan, label

INDICATOR_PARTS: tuple[tuple[str, str], ...] = (
    ("baseline", QT_TRANSLATE_NOOP("Checks", "baseline")),
    ("target", QT_TRANSLATE_NOOP("Checks", "target")),
    ("evidence_source", QT_TRANSLATE_NOOP("Checks", "evidence source")),
    ("analysed_by", QT_TRANSLATE_NOOP("Checks", "analyst")),
)
"""The parts of an indicator that must be filled in, with their words (the measure has its own rule)."""


def missing_parts(indicator: Indicator) -> list[str]:
    return [
        translate("Checks", words)
        for attr, words in INDICATOR_PARTS
        if not str(getattr(indicator, attr)).strip()
    ]


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
                        translate(
                            "Checks",
                            "No objective is at the {level} outcome level: check whether the "
                            "engagement should achieve something there too.",
                        ).format(level=label(level).lower()),
                        level.value,
                    )
                )
    served = {oid for a in plan.activities for oid in a.objective_ids}
    for objective in plan.objectives:
        name = quoted(objective.title, translate("Checks", "without a title"))
        gaps = [
            translate("Checks", "{indicator} has no {parts}").format(
                indicator=quoted(i.measure, translate("Checks", "an indicator")), parts=join_words(parts)
            )
            for i in objective.indicators
            if i.measure.strip() and (parts := missing_parts(i))
        ]
        if gaps:
            found.append(
                warning(
                    "objectives",
                    "indicator.incomplete",
                    translate(
                        "Checks",
                        "In the objective {name}, {gaps}: fill them in so progress can be shown.",
                    ).format(name=name, gaps="; ".join(gaps)),
                    objective.id,
                )
            )
        if plan.activities and objective.id not in served:
            found.append(
                warning(
                    "activities",
                    "objective.not-served",
                    translate(
                        "Checks",
                        "No activity serves the objective {name}: link an activity to it, or drop it.",
                    ).format(name=name),
                    objective.id,
                )
            )
    share = budget.evaluation_share
    if budget.evaluation_total > 0 and share is not None and share < plan.evaluation_min_percent:
        found.append(
            warning(
                "evaluation",
                "evaluation.below-minimum",
                translate(
                    "Checks",
                    "Evaluation is {share} of the full cost, under the "
                    "{evaluation_min_percent} the plan sets: raise the evaluation budget, or "
                    "change the minimum in Check settings.",
                ).format(
                    share=format_percent(share),
                    evaluation_min_percent=format_percent(plan.evaluation_min_percent),
                ),
            )
        )
    unanswered = [
        translate("Labels", q)
        for attr, q in EVALUATION_QUESTIONS
        if not getattr(plan.evaluation, attr).strip()
    ]
    if unanswered and plan.activities:  # an empty plan is told to add activities first
        found.append(
            warning(
                "evaluation",
                "evaluation.unanswered",
                translate(
                    "Checks",
                    "{n_unanswered} of the {total} evaluation questions "
                    "{verb} not answered yet: {unanswered}",
                ).format(
                    n_unanswered=len(unanswered),
                    total=len(EVALUATION_QUESTIONS),
                    verb="is" if len(unanswered) == 1 else "are",
                    unanswered=" ".join(unanswered),
                ),
            )
        )
    if plan.activities and not any(a.reports_back for a in plan.activities):
        found.append(
            warning(
                "activities",
                "plan.no-report-back",
                translate(
                    "Checks",
                    "No activity tells participants what was decided and why (“you said, we "
                    "did”): mark the activity that reports back, or add one.",
                ),
            )
        )
    return found
