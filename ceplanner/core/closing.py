"""Closing the loop: how participants hear what was decided and why ("you said, we did").

The fields are listed once here, with their questions, for the screen and the PDF alike.
"""

from __future__ import annotations

from ceplanner.core.model import Plan

FEEDBACK_FIELDS: list[tuple[str, str, str]] = [
    # attribute, question, hint
    (
        "feedback_how",
        "How will participants hear what was decided, and why?",
        "For example: a letter to everyone who took part and an open meeting, "
        "saying what we heard, what we did, and what we did not do and why.",
    ),
    ("feedback_when", "When?", "For example: within six weeks of the decision."),
    (
        "feedback_channels",
        "Through which channels and formats?",
        "Letter, text, website, newsletter; easy read, large print, community languages, BSL video.",
    ),
    ("feedback_by", "Who is responsible?", "A named role or team."),
]
QUESTIONS_FIELD = (
    "participant_questions",
    "What will participants be asked about the engagement itself?",
    "The exit-card or survey wording, one question per line: for example “Did you feel listened to?”.",
)


def participant_questions(plan: Plan) -> list[str]:
    """The questions for participants, one per line as typed, blank lines left out."""
    return [line.strip() for line in plan.participant_questions.splitlines() if line.strip()]


def feedback_planned(plan: Plan) -> bool:
    """Whether the plan says how participants will hear back (in words or by an activity)."""
    return bool(plan.feedback_how.strip()) or any(a.reports_back for a in plan.activities)
