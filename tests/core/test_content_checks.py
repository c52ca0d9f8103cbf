"""The plan-content rules fire where they should and stay quiet where they should not."""

from __future__ import annotations

from datetime import date

from ceplanner.core.content_checks import (
    ACTIVITY_NO_LEAD,
    BELOW_RECOMMENDED,
    NO_FEEDBACK,
    READINESS_OPEN,
    RISK_NO_OWNER,
    RISK_NO_REVIEW,
    content_checks,
)
from ceplanner.core.library import sample_plan
from ceplanner.core.model import (
    Activity,
    Degree,
    IAP2Level,
    ImpactCategory,
    Plan,
    ReadinessItem,
    Risk,
    TeamMember,
)


def _codes(plan: Plan) -> list[tuple[str, str | None]]:
    return [(c.code, c.item_id) for c in content_checks(plan)]


def _good() -> Plan:
    lead = TeamMember(name="Ana")
    return Plan(
        title="Library redesign",
        impact_category=ImpactCategory.SERVICE,
        impact_reach=Degree.HIGH,
        impact_depth=Degree.MEDIUM,
        impact_contention=Degree.LOW,  # recommends Involve
        activities=[Activity(title="Co-design workshop", level=IAP2Level.INVOLVE, lead_id=lead.id)],
        team=[lead],
        readiness=[ReadinessItem(description="EIA done", done=True)],
        risks=[Risk(description="Low turnout", owner="Ana", review_date=date(2027, 3, 1))],
        feedback_how="A letter to everyone who took part.",
    )


def test_a_complete_plan_raises_none_of_them() -> None:
    assert _codes(_good()) == []


def test_the_sample_plan_raises_only_what_a_draft_should() -> None:
    codes = {code for code, _ in _codes(sample_plan())}
    assert codes <= {READINESS_OPEN}  # a draft may still have checks to tick off


def test_a_plan_below_its_recommended_level_is_flagged() -> None:
    plan = _good()
    plan.activities[0].level = IAP2Level.CONSULT
    (check,) = content_checks(plan)
    assert check.code == BELOW_RECOMMENDED and check.severity == "warning"
    assert "at least Involve" in check.message and "above Consult" in check.message
    plan.impact_reach = None  # not assessed: no recommendation, nothing to flag
    assert _codes(plan) == []


def test_readiness_risks_leads_and_feedback() -> None:
    plan = _good()
    plan.readiness.append(ReadinessItem(description="Interpreters booked"))
    plan.risks.append(Risk(description="Venue floods"))
    plan.activities.append(Activity(title="Survey", level=IAP2Level.CONSULT))
    plan.feedback_how = " "
    codes = _codes(plan)
    risk = plan.risks[1].id
    assert (READINESS_OPEN, None) in codes
    assert (RISK_NO_OWNER, risk) in codes and (RISK_NO_REVIEW, risk) in codes
    assert (ACTIVITY_NO_LEAD, plan.activities[1].id) in codes
    assert (ACTIVITY_NO_LEAD, plan.activities[0].id) not in codes
    assert (NO_FEEDBACK, None) in codes
    message = next(c.message for c in content_checks(plan) if c.code == READINESS_OPEN)
    assert message.startswith("1 of 2 readiness checks are not done yet: “Interpreters booked”")


def test_without_a_team_no_lead_is_asked_for() -> None:
    plan = _good()
    plan.team = []
    plan.activities[0].lead_id = None
    assert _codes(plan) == []
