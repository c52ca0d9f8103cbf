"""Closing the loop: how participants hear what was decided and why ("you said, we did").

The fields are listed once here, with their questions, for the screen and the PDF alike; the
questions and hints are English sources, shown through :func:`closing_words`.
"""

from __future__ import annotations

from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.model import Plan

FEEDBACK_FIELDS: list[tuple[str, str, str]] = [
    # attribute, question, hint
    (
        "feedback_how",
        QT_TRANSLATE_NOOP("Closing", "How will participants hear what was decided, and why?"),
        QT_TRANSLATE_NOOP(
            "Closing",
            "For example: a letter to everyone who took part and an open meeting, "
            "saying what we heard, what we did, and what we did not do and why.",
        ),
    ),
    (
        "feedback_when",
        QT_TRANSLATE_NOOP("Closing", "When?"),
        QT_TRANSLATE_NOOP("Closing", "For example: within six weeks of the decision."),
    ),
    (
        "feedback_channels",
        QT_TRANSLATE_NOOP("Closing", "Through which channels and formats?"),
        QT_TRANSLATE_NOOP(
            "Closing",
            "Letter, text, website, newsletter; easy read, large print, community languages, BSL video.",
        ),
    ),
    (
        "feedback_by",
        QT_TRANSLATE_NOOP("Closing", "Who is responsible?"),
        QT_TRANSLATE_NOOP("Closing", "A named role or team."),
    ),
]
QUESTIONS_FIELD = (
    "participant_questions",
    QT_TRANSLATE_NOOP("Closing", "What will participants be asked about the engagement itself?"),
    QT_TRANSLATE_NOOP(
        "Closing",
        "The exit-card or survey wording, one question per line: for example “Did you feel listened to?”.",
    ),
)


def closing_words(text: str) -> str:
    """A question or hint of :data:`FEEDBACK_FIELDS` or :data:`QUESTIONS_FIELD` in the user's
    language."""
    return translate("Closing", text)


def participant_questions(plan: Plan) -> list[str]:
    """The questions for participants, one per line as typed, blank lines left out."""
    return [line.strip() for line in plan.participant_questions.splitlines() if line.strip()]


def feedback_planned(plan: Plan) -> bool:
    """Whether the plan says how participants will hear back (in words or by an activity)."""
    return bool(plan.feedback_how.strip()) or any(a.reports_back for a in plan.activities)
