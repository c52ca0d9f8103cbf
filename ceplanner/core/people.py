"""Which fields of the model hold a person's name: the one list, for templates and anything else
that must leave people out of a plan (see :mod:`ceplanner.core.templates`).

Fields whose answer is a role, a body or a group of people (who decides, who analyses, who gives
feedback) are listed apart in :data:`ROLE_OR_BODY_FIELDS`, so that every field whose name suggests
a person is classified one way or the other (a test keeps it so when fields are added).
"""

from __future__ import annotations

from ceplanner.core.model import (
    Communication,
    Evaluation,
    Indicator,
    InfluenceAssessment,
    Plan,
    Response,
    Risk,
    SroiOutcome,
    Task,
    TeamMember,
)

PERSON_NAME_FIELDS: tuple[tuple[type, str], ...] = (
    (Plan, "author"),
    (Plan, "approver"),
    (Plan, "findings_signoff"),
    (TeamMember, "name"),
    (Task, "owner"),
    (Risk, "owner"),
    (Communication, "owner"),
    (InfluenceAssessment, "who_took_part"),
    (Response, "owner"),
)
"""(class, field) of every text field that holds one or more people's names."""

ROLE_OR_BODY_FIELDS: tuple[tuple[type, str], ...] = (
    (Plan, "decision_maker"),
    (Plan, "feedback_by"),
    (Indicator, "analysed_by"),
    (Evaluation, "analysis_by"),
    (Evaluation, "analysis_by_at_end"),
    (SroiOutcome, "who"),
)
"""Fields that name a role, a body or a group rather than a person: kept in a template (any team
member's name typed into them is replaced by their role)."""
