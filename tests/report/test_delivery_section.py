"""The Delivery plan section: team and the cost of their days, tasks by activity, readiness,
communications, key messages and milestones, read back from the real PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from ceplanner.core.library import sample_plan
from ceplanner.core.model import (
    Communication,
    KeyMessage,
    Milestone,
    MilestoneKind,
    Plan,
    ReadinessItem,
    Risk,
    Task,
    TeamMember,
)
from ceplanner.core.money import format_money
from ceplanner.core.team import team_cost
from ceplanner.report.sections.delivery import tasks_by_activity
from tests.report.report_fixtures import Pdf, make_rich_plan, normalise


def _section(pdf: Pdf) -> str:
    """The text of section 10, from its heading to the appendix."""
    text = pdf.text
    start = text.index("10 Delivery plan Who will run")
    return text[start : text.index("Appendix: cost assumptions", start)]


def test_the_sample_plans_delivery_plan_is_printed_whole(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    section = _section(build(plan))
    assert team_cost(plan) == 3250500
    assert "5 people commit 124.5 days to the engagement, costing £32,505.00" in section
    assert (
        "Dr Helen Rowe Independent evaluator Vale University, Centre for Housing Research 6.5 £450.00 £2,925.00"
        in section
    )
    assert "Priya Shah Involvement Officer Customer Services 60 £250.00 (plan rate) £15,000.00" in section
    assert "Total 124.5 £32,505.00" in section
    # Tasks under their activity's title, with owner, due date and whether done.
    assert (
        "The plan as a whole Plan signed off by the Executive Team Amara Okafor 15 Dec 2026 Done" in section
    )
    assert (
        "Focus groups with seldom-heard tenants Book BSL interpreters for the Deaf tenants' focus group "
        "Priya Shah 1 Feb 2027 To do"
    ) in section
    assert "14 tasks, 2 of them done." in section
    assert "4 of 7 checks done." in section
    assert (
        "Equality impact assessment done Done Signed off by the equality, diversity and inclusion lead"
        in section
    )
    assert "BSL and community-language interpreters are booked Not done" in section
    assert (
        "Deaf tenants BSL video on the website and through Vale Deaf Club January 2027 Grace Mensah"
        in section
    )
    assert "You will be paid for your time and for any care you need to arrange" in section
    assert "Seldom-heard tenants" in section and "Every participant" in section
    # Milestones in date order, the decision among them.
    assert section.index("15 Dec 2026 Executive Team") < section.index("21 Oct 2027 Board decides")
    assert "21 Oct 2027 Board decides the repairs service model Decision" in section
    assert section.index("21 Oct 2027") < section.index("30 Nov 2027 'You said, we did' report published")


def test_the_team_total_is_the_sum_of_whole_pennies(build: Callable[..., Pdf]) -> None:
    plan = Plan(title="Costs of time", staff_day_rate=30000)
    plan.team = [
        TeamMember(name="Ffion Ellis", days=Decimal("2.5"), day_rate=33333),
        TeamMember(name="Jo Brand", days=Decimal("0.25")),
    ]
    section = _section(build(plan))
    assert "Ffion Ellis – – 2.5 £333.33 £833.33" in section
    assert "Jo Brand – – 0.25 £300.00 (plan rate) £75.00" in section
    assert format_money(83333 + 7500) == "£908.33"
    assert "Total 2.75 £908.33" in section


def test_an_empty_delivery_plan_says_what_is_missing(build: Callable[..., Pdf]) -> None:
    section = _section(build(Plan(title="Nothing yet")))
    for words in (
        "No project team recorded yet.",
        "No tasks recorded yet.",
        "No readiness checklist yet.",
        "No communications planned yet.",
        "No key messages yet.",
        "No milestones recorded yet.",
    ):
        assert words in section


def test_tasks_of_a_deleted_activity_are_under_the_whole_plan() -> None:
    plan = make_rich_plan()
    first = plan.activities[0]
    plan.tasks = [
        Task(description="Book hall", activity_id=first.id),
        Task(description="Write privacy notice"),
        Task(description="Orphan", activity_id="gone"),
    ]
    groups = tasks_by_activity(plan)
    assert [(title, [t.description for t in tasks]) for title, tasks in groups] == [
        ("The plan as a whole", ["Write privacy notice", "Orphan"]),
        (first.title, ["Book hall"]),
    ]


def test_risks_print_their_review_date(build: Callable[..., Pdf]) -> None:
    plan = Plan(title="Risky")
    plan.risks = [Risk(description="Venue floods", owner="Sam Patel", review_date=date(2027, 3, 12))]
    plan.communications = [Communication(audience="Everyone", channel="Radio", timing="May", owner="Lee")]
    plan.key_messages = [KeyMessage(message="Your say counts", audience="")]
    plan.milestones = [Milestone(title="Undated meeting", kind=MilestoneKind.COMMITTEE)]
    plan.readiness = [ReadinessItem(description="Hall booked", done=True)]
    text = build(plan).text
    assert "Review" in text and "Venue floods Medium Medium 4 – Sam Patel 12 Mar 2027" in normalise(text)
    section = _section(build(plan))
    assert "Not dated Undated meeting Committee meeting" in section
    assert "1 Your say counts Every participant" in section
    assert "1 of 1 check done." in section
