"""The strategy states the issue, its scope, the level of impact with its recommendation, and
what earlier engagement heard, in full."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ceplanner.core.impact import recommendation_sentence
from ceplanner.core.model import Activity, Degree, IAP2Level, ImpactCategory, PastEngagement
from tests.report.report_fixtures import Pdf, body_text, make_rich_plan, normalise


def test_issue_scope_impact_and_history_are_printed_whole(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.issue = "Repairs take too long <and> tenants are not told why & when"
    plan.affected = "All 4,200 tenants; older and disabled tenants most"
    plan.in_scope = "Ordering repairs and appointment times"
    plan.out_of_scope = "Rent levels and the repairs budget"
    plan.geography = "Northfield and Łódź Street estates"
    plan.impact_category = ImpactCategory.POLICY
    plan.impact_reach, plan.impact_depth, plan.impact_contention = Degree.HIGH, Degree.HIGH, Degree.MEDIUM
    plan.past_engagements = [
        PastEngagement(
            "Spring 2025", "Repairs survey", "Appointments are too wide", "Morning and afternoon slots"
        )
    ]
    plan.already_known = "The 2025 survey already asked about appointment windows."
    for activity in plan.activities:
        activity.level = IAP2Level.CONSULT if activity.level.rank > 1 else activity.level
    text = normalise(body_text(build(plan), plan))
    for typed in (
        plan.issue,
        plan.affected,
        plan.in_scope,
        plan.out_of_scope,
        plan.geography,
        "Appointments are too wide",
        "Morning and afternoon slots",
        plan.already_known,
    ):
        assert typed in text, typed
    assert "Impact category Policy" in text
    sentence = recommendation_sentence(plan)
    assert "at least Collaborate is recommended" in sentence and "below the recommendation" in sentence
    assert normalise(sentence) in text


def test_without_an_assessment_the_pdf_says_what_is_missing(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.activities.append(Activity(title="Extra", level=IAP2Level.INFORM))
    text = normalise(body_text(build(plan), plan))
    assert "answer the three questions to get a recommendation" in text
    assert "No earlier engagement on this subject is recorded." in text


def test_the_cover_shows_document_control(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.doc_version = "0.3 <draft>"
    plan.approver = "Board of trustees"
    plan.findings_signoff = "Tenant panel chair"
    cover = normalise(build(plan).pages[0])
    assert "Version 0.3 <draft>" in cover
    assert "To be approved by Board of trustees" in cover  # a draft, not yet approved
    assert "Findings signed off by Tenant panel chair" in cover
    plan.approved_on = date(2027, 1, 20)
    cover = normalise(build(plan).pages[0])
    assert "Approved by Board of trustees on 20 January 2027" in cover


def test_closing_the_loop_is_printed_with_every_question(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.feedback_how = "A letter & an open meeting <you said, we did>"
    plan.feedback_when = "Within six weeks of the Board's decision"
    plan.feedback_channels = "Letter, easy read, Polish, BSL video"
    plan.feedback_by = "Involvement Manager"
    plan.participant_questions = "Did you feel listened to?\nWas the venue easy to reach?"
    text = normalise(body_text(build(plan), plan))
    assert "Closing the loop: you said, we did" in text
    for typed in (plan.feedback_how, plan.feedback_when, plan.feedback_channels, plan.feedback_by):
        assert typed in text
    assert "1. Did you feel listened to? 2. Was the venue easy to reach?" in text
    blank = normalise(body_text(build(make_rich_plan()), plan))
    assert "How will participants hear what was decided, and why? Not planned yet." in blank
    assert "No questions for participants yet." in blank
