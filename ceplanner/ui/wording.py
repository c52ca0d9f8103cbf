"""Undo texts in words a user knows: "Change the power of Deaf BSL users", never attribute names.

The Edit menu shows these ("Undo Change the power of Deaf BSL users"), so every edit the
document records is named here, once, from the object it changes and the field.
"""

from __future__ import annotations

from typing import Any

from ceplanner.core.dates import date_text
from ceplanner.core.model import (
    Activity,
    Communication,
    CostLine,
    Evaluation,
    Funder,
    Indicator,
    InfluenceAssessment,
    KeyMessage,
    Milestone,
    Objective,
    Plan,
    ReadinessItem,
    Risk,
    SroiOutcome,
    StakeholderGroup,
    StandardRating,
    Task,
    TeamMember,
    VfmRating,
    label,
)

# What a field is called in a sentence; fields not listed read as their name with spaces.
FIELD_WORDS: dict[str, str] = {
    "staff_day_rate": "staff day rate",
    "contingency_percent": "contingency",
    "value_for_whom": "value for whom",
    "not_negotiable": "what is not negotiable",
    "negotiable": "what is negotiable",
    "decision_maker": "decision maker",
    "start": "start date",
    "end": "end date",
    "seldom_heard": "seldom-heard mark",
    "equity_notes": "equity notes",
    "access_needs": "access needs",
    "target_level": "target IAP2 level",
    "group_ids": "groups",
    "objective_ids": "objectives",
    "level": "level",
    "unit_cost": "unit cost",
    "in_kind": "in-kind mark",
    "source": "source of the estimate",
    "evidence_source": "evidence source",
    "analysed_by": "analyst",
    "collection": "collection method",
    "whose_opinion": "whose opinion counts",
    "relative_or_absolute": "relative or absolute measure",
    "outcomes_for_whom": "outcomes for whom",
    "analysis_by": "who analyses",
    "budget": "evaluation budget",
    "participants": "expected participants",
    "method_id": "method",
    "service_annual_cost": "annual cost of the service",
    "sroi_discount_percent": "social-return discount rate",
    "proxy_value": "value a year",
    "proxy_source": "proxy source",
    "duration_years": "years",
    "deadweight_percent": "deadweight",
    "attribution_percent": "attribution",
    "displacement_percent": "displacement",
    "drop_off_percent": "drop-off",
    "assessed_on": "date",
    "lead_id": "lead",
    "staff_id": "whose time",
    "same_people": "same-people mark",
    "reports_back": "report-back mark",
    "scaling": "scaling",
    "budget_envelope": "budget envelope",
    "envelope": "envelope",
    "days": "days committed",
    "day_rate": "day rate",
    "activity_id": "activity",
    "due": "due date",
    "done": "done mark",
    "review_date": "review date",
}

LIST_WORDS: dict[str, str] = {
    "groups": "stakeholder group",
    "objectives": "objective",
    "activities": "activity",
    "cost_lines": "cost line",
    "indicators": "indicator",
    "risks": "risk",
    "methods": "method",
    "funders": "funder",
    "team": "team member",
    "tasks": "task",
    "readiness": "readiness check",
    "communications": "communication",
    "key_messages": "key message",
    "milestones": "milestone",
    "sroi_outcomes": "social-return outcome",
    "influence": "influence assessment",
    "standards": "standard rating",
}


def field_words(attr: str) -> str:
    return FIELD_WORDS.get(attr, attr.replace("_", " "))


def _quoted(text: str, fallback: str) -> str:
    text = " ".join(text.split())
    if not text:
        return fallback
    if len(text) <= 80:
        return text
    cut = text[:79].rsplit(" ", 1)[0] if " " in text[:79] else text[:79]
    return cut.rstrip(" ,;:(") + "…"  # a menu item, not a document: the whole name is in the plan


def object_words(obj: Any) -> str:
    """How a sentence names ``obj``: "Deaf BSL users", "the plan", "a cost line"."""
    if isinstance(obj, Plan):
        return "the plan"
    if isinstance(obj, StakeholderGroup):
        return _quoted(obj.name, "a stakeholder group")
    if isinstance(obj, Activity):
        return _quoted(obj.title, "an untitled activity")
    if isinstance(obj, Objective):
        return _quoted(obj.title, "an untitled objective")
    if isinstance(obj, CostLine):
        return f"the cost line “{_quoted(obj.description, '')}”" if obj.description.strip() else "a cost line"
    if isinstance(obj, Indicator):
        return f"the indicator “{_quoted(obj.measure, '')}”" if obj.measure.strip() else "an indicator"
    if isinstance(obj, Evaluation):
        return "the evaluation"
    if isinstance(obj, VfmRating):
        return f"the {label(obj.e).lower()} assessment"
    if isinstance(obj, Risk):
        return _quoted(obj.description, "a risk")
    if isinstance(obj, Funder):
        return _quoted(obj.name, "a funder")
    return _delivery_words(obj)


def _delivery_words(obj: Any) -> str:
    """Names for the delivery plan's items: team members, tasks, checks, communications."""
    if isinstance(obj, TeamMember):
        return _quoted(obj.name, "a team member")
    named: list[tuple[type, str, str]] = [
        (Task, "description", "task"),
        (ReadinessItem, "description", "readiness check"),
        (KeyMessage, "message", "key message"),
        (Milestone, "title", "milestone"),
    ]
    for cls, attr, noun in named:
        if isinstance(obj, cls):
            text = getattr(obj, attr)
            return f"the {noun} “{_quoted(text, '')}”" if text.strip() else f"a {noun}"
    if isinstance(obj, Communication):
        return (
            f"the communication to {_quoted(obj.audience, '')}" if obj.audience.strip() else "a communication"
        )
    return _value_words(obj)


def _value_words(obj: Any) -> str:
    """Names for the value-for-money items: SROI outcomes, standard ratings, influence assessments."""
    if isinstance(obj, SroiOutcome):
        return f"the outcome “{_quoted(obj.description, '')}”" if obj.description.strip() else "an outcome"
    if isinstance(obj, StandardRating):
        return f"the {label(obj.standard)} standard"
    if isinstance(obj, InfluenceAssessment):
        when = f" of {date_text(obj.assessed_on)}" if obj.assessed_on else ""
        return f"the influence assessment{when}"
    return "the plan"


def change_text(obj: Any, attr: str) -> str:
    """ "Change the power of Deaf BSL users"; for the plan itself, "Change the plan's title"."""
    if isinstance(obj, Plan):
        return f"Change the plan's {field_words(attr)}"
    if isinstance(obj, Evaluation | VfmRating):
        return f"Change {object_words(obj)}: {field_words(attr)}"
    return f"Change the {field_words(attr)} of {object_words(obj)}"


def list_text(verb: str, attr: str, count: int = 1) -> str:
    """ "Add a stakeholder group", "Delete 3 activities"."""
    noun = LIST_WORDS.get(attr, attr.replace("_", " ").rstrip("s"))
    if count == 1:
        article = "an" if noun[:1] in "aeiou" else "a"
        return f"{verb} {article} {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{verb} {count} {plural}"
