"""Level of impact: how far a decision reaches, and the level of participation it calls for.

Council and NHS engagement toolkits place a decision in an impact category (a single site up
to a strategic plan) and ask how many people it affects, how much, and how contentious it is;
the answers recommend a level of participation. The recommendation is advice, never a rule: a
plan whose activities all sit below it is flagged by the checker, and the user may accept
that with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.model import Degree, IAP2Level, ImpactCategory, Plan, label

CATEGORY_WEIGHT: dict[ImpactCategory, int] = {
    ImpactCategory.LOCAL: 0,
    ImpactCategory.NEIGHBOURHOOD: 1,
    ImpactCategory.SERVICE: 1,
    ImpactCategory.POLICY: 2,
    ImpactCategory.STRATEGIC: 2,
}
DEGREE_WEIGHT: dict[Degree, int] = {Degree.LOW: 0, Degree.MEDIUM: 1, Degree.HIGH: 2}
# (lowest score, level) in rising order: 0-1 Inform, 2-3 Consult, 4-5 Involve, 6-8 Collaborate.
# Empower is never recommended: handing the decision over is the decision maker's choice.
THRESHOLDS: list[tuple[int, IAP2Level]] = [
    (0, IAP2Level.INFORM),
    (2, IAP2Level.CONSULT),
    (4, IAP2Level.INVOLVE),
    (6, IAP2Level.COLLABORATE),
]
QUESTIONS: list[tuple[str, str]] = [
    ("impact_reach", QT_TRANSLATE_NOOP("Impact", "How many people does the decision affect?")),
    ("impact_depth", QT_TRANSLATE_NOOP("Impact", "How much does it affect them?")),
    ("impact_contention", QT_TRANSLATE_NOOP("Impact", "How contentious is it?")),
]


@dataclass(frozen=True)
class Recommendation:
    level: IAP2Level | None
    """None until the category and the three questions are answered."""
    reason: str
    """One sentence saying why (or what is still to be answered)."""
    highest_planned: IAP2Level | None
    """The highest level any activity reaches, None without activities."""

    @property
    def plan_below(self) -> bool:
        """Every activity sits below the recommended level."""
        return (
            self.level is not None
            and self.highest_planned is not None
            and self.highest_planned.rank < self.level.rank
        )


def planned_levels(plan: Plan) -> list[IAP2Level]:
    """The IAP2 levels the plan's activities use, lowest first, each once."""
    return sorted({a.level for a in plan.activities}, key=lambda level: level.rank)


def recommend(plan: Plan) -> Recommendation:
    """The level of participation the plan's impact assessment recommends."""
    levels = planned_levels(plan)
    highest = levels[-1] if levels else None
    answers = [getattr(plan, attr) for attr, _q in QUESTIONS]
    if plan.impact_category is None or any(a is None for a in answers):
        return Recommendation(
            None,
            translate(
                "Impact", "Choose the impact category and answer the three questions to get a recommendation."
            ),
            highest,
        )
    score = CATEGORY_WEIGHT[plan.impact_category] + sum(DEGREE_WEIGHT[a] for a in answers)
    level = next(lv for low, lv in reversed(THRESHOLDS) if score >= low)
    reach, depth, contention = (label(a).lower() for a in answers)
    reason = translate(
        "Impact",
        "{category}; reach {reach}, depth {depth}, contention {contention}: at least {level} is recommended.",
    ).format(
        category=label(plan.impact_category),
        reach=reach,
        depth=depth,
        contention=contention,
        level=label(level),
    )
    return Recommendation(level, reason, highest)


def recommendation_sentence(plan: Plan) -> str:
    """The recommendation beside the levels planned, in words (the screen and the PDF say this)."""
    result = recommend(plan)
    if result.level is None:
        return result.reason
    planned = (
        translate("Impact", "The activities reach {level} at most.").format(
            level=label(result.highest_planned)
        )
        if result.highest_planned is not None
        else translate("Impact", "No activities are planned yet.")
    )
    below = translate("Impact", " That is below the recommendation: raise a level or say why.")
    return f"{result.reason} {planned}{below if result.plan_below else ''}"
