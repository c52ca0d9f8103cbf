"""The impact assessment recommends a level of participation, and flags a plan below it."""

from __future__ import annotations

import pytest

from ceplanner.core.impact import recommend
from ceplanner.core.model import Activity, Degree, IAP2Level, ImpactCategory, Plan


def _plan(category: ImpactCategory | None, reach: Degree | None, depth: Degree, contention: Degree) -> Plan:
    return Plan(
        impact_category=category, impact_reach=reach, impact_depth=depth, impact_contention=contention
    )


@pytest.mark.parametrize(
    ("category", "answers", "level"),
    [
        (ImpactCategory.LOCAL, (Degree.LOW, Degree.LOW, Degree.LOW), IAP2Level.INFORM),
        (ImpactCategory.LOCAL, (Degree.LOW, Degree.MEDIUM, Degree.LOW), IAP2Level.INFORM),
        (ImpactCategory.NEIGHBOURHOOD, (Degree.LOW, Degree.MEDIUM, Degree.LOW), IAP2Level.CONSULT),
        (ImpactCategory.SERVICE, (Degree.HIGH, Degree.MEDIUM, Degree.LOW), IAP2Level.INVOLVE),
        (ImpactCategory.POLICY, (Degree.HIGH, Degree.HIGH, Degree.LOW), IAP2Level.COLLABORATE),
        (ImpactCategory.STRATEGIC, (Degree.HIGH, Degree.HIGH, Degree.HIGH), IAP2Level.COLLABORATE),
    ],
)
def test_the_score_bands_give_the_recommended_level(
    category: ImpactCategory, answers: tuple[Degree, Degree, Degree], level: IAP2Level
) -> None:
    result = recommend(_plan(category, *answers))
    assert result.level is level
    assert f"at least {level.value.capitalize()} is recommended" in result.reason


def test_no_recommendation_until_every_question_is_answered() -> None:
    result = recommend(_plan(ImpactCategory.POLICY, None, Degree.HIGH, Degree.HIGH))
    assert result.level is None and "answer the three questions" in result.reason
    assert not result.plan_below
    assert recommend(_plan(None, Degree.HIGH, Degree.HIGH, Degree.HIGH)).level is None


def test_a_plan_below_the_recommendation_is_flagged_and_one_at_it_is_not() -> None:
    plan = _plan(ImpactCategory.SERVICE, Degree.HIGH, Degree.MEDIUM, Degree.LOW)  # Involve
    plan.activities = [Activity(level=IAP2Level.INFORM), Activity(level=IAP2Level.CONSULT)]
    result = recommend(plan)
    assert result.highest_planned is IAP2Level.CONSULT and result.plan_below
    plan.activities.append(Activity(level=IAP2Level.INVOLVE))
    assert not recommend(plan).plan_below
    plan.activities = []
    assert not recommend(plan).plan_below  # nothing planned yet: other checks say so
