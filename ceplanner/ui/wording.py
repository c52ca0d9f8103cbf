"""Undo texts in words a user knows: "Change the power of Deaf BSL users", never attribute names.

The Edit menu shows these ("Undo Change the power of Deaf BSL users"), so every edit the
document records is named here, once, from the object it changes and the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
    "staff_day_rate": QT_TRANSLATE_NOOP("Wording", "staff day rate"),
    "contingency_percent": QT_TRANSLATE_NOOP("Wording", "contingency"),
    "value_for_whom": QT_TRANSLATE_NOOP("Wording", "value for whom"),
    "not_negotiable": QT_TRANSLATE_NOOP("Wording", "what is not negotiable"),
    "negotiable": QT_TRANSLATE_NOOP("Wording", "what is negotiable"),
    "decision_maker": QT_TRANSLATE_NOOP("Wording", "decision maker"),
    "start": QT_TRANSLATE_NOOP("Wording", "start date"),
    "end": QT_TRANSLATE_NOOP("Wording", "end date"),
    "seldom_heard": QT_TRANSLATE_NOOP("Wording", "seldom-heard mark"),
    "equity_notes": QT_TRANSLATE_NOOP("Wording", "equity notes"),
    "access_needs": QT_TRANSLATE_NOOP("Wording", "access needs"),
    "target_level": QT_TRANSLATE_NOOP("Wording", "target IAP2 level"),
    "group_ids": QT_TRANSLATE_NOOP("Wording", "groups"),
    "objective_ids": QT_TRANSLATE_NOOP("Wording", "objectives"),
    "level": QT_TRANSLATE_NOOP("Wording", "level"),
    "unit_cost": QT_TRANSLATE_NOOP("Wording", "unit cost"),
    "in_kind": QT_TRANSLATE_NOOP("Wording", "in-kind mark"),
    "source": QT_TRANSLATE_NOOP("Wording", "source of the estimate"),
    "evidence_source": QT_TRANSLATE_NOOP("Wording", "evidence source"),
    "analysed_by": QT_TRANSLATE_NOOP("Wording", "analyst"),
    "collection": QT_TRANSLATE_NOOP("Wording", "collection method"),
    "whose_opinion": QT_TRANSLATE_NOOP("Wording", "whose opinion counts"),
    "relative_or_absolute": QT_TRANSLATE_NOOP("Wording", "relative or absolute measure"),
    "outcomes_for_whom": QT_TRANSLATE_NOOP("Wording", "outcomes for whom"),
    "analysis_by": QT_TRANSLATE_NOOP("Wording", "who analyses"),
    "budget": QT_TRANSLATE_NOOP("Wording", "evaluation budget"),
    "participants": QT_TRANSLATE_NOOP("Wording", "expected participants"),
    "method_id": QT_TRANSLATE_NOOP("Wording", "method"),
    "service_annual_cost": QT_TRANSLATE_NOOP("Wording", "annual cost of the service"),
    "sroi_discount_percent": QT_TRANSLATE_NOOP("Wording", "social-return discount rate"),
    "proxy_value": QT_TRANSLATE_NOOP("Wording", "value a year"),
    "proxy_source": QT_TRANSLATE_NOOP("Wording", "proxy source"),
    "duration_years": QT_TRANSLATE_NOOP("Wording", "years"),
    "deadweight_percent": QT_TRANSLATE_NOOP("Wording", "deadweight"),
    "attribution_percent": QT_TRANSLATE_NOOP("Wording", "attribution"),
    "displacement_percent": QT_TRANSLATE_NOOP("Wording", "displacement"),
    "drop_off_percent": QT_TRANSLATE_NOOP("Wording", "drop-off"),
    "assessed_on": QT_TRANSLATE_NOOP("Wording", "date"),
    "lead_id": QT_TRANSLATE_NOOP("Wording", "lead"),
    "staff_id": QT_TRANSLATE_NOOP("Wording", "whose time"),
    "same_people": QT_TRANSLATE_NOOP("Wording", "same-people mark"),
    "reports_back": QT_TRANSLATE_NOOP("Wording", "report-back mark"),
    "scaling": QT_TRANSLATE_NOOP("Wording", "scaling"),
    "budget_envelope": QT_TRANSLATE_NOOP("Wording", "budget envelope"),
    "envelope": QT_TRANSLATE_NOOP("Wording", "envelope"),
    "days": QT_TRANSLATE_NOOP("Wording", "days committed"),
    "day_rate": QT_TRANSLATE_NOOP("Wording", "day rate"),
    "activity_id": QT_TRANSLATE_NOOP("Wording", "activity"),
    "due": QT_TRANSLATE_NOOP("Wording", "due date"),
    "done": QT_TRANSLATE_NOOP("Wording", "done mark"),
    "review_date": QT_TRANSLATE_NOOP("Wording", "review date"),
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

# The same in sentences, translatable whole: one item with its article, and several.
ONE_WORDS: dict[str, str] = {
    "groups": QT_TRANSLATE_NOOP("Wording", "a stakeholder group"),
    "objectives": QT_TRANSLATE_NOOP("Wording", "an objective"),
    "activities": QT_TRANSLATE_NOOP("Wording", "an activity"),
    "cost_lines": QT_TRANSLATE_NOOP("Wording", "a cost line"),
    "indicators": QT_TRANSLATE_NOOP("Wording", "an indicator"),
    "risks": QT_TRANSLATE_NOOP("Wording", "a risk"),
    "methods": QT_TRANSLATE_NOOP("Wording", "a method"),
    "funders": QT_TRANSLATE_NOOP("Wording", "a funder"),
    "team": QT_TRANSLATE_NOOP("Wording", "a team member"),
    "tasks": QT_TRANSLATE_NOOP("Wording", "a task"),
    "readiness": QT_TRANSLATE_NOOP("Wording", "a readiness check"),
    "communications": QT_TRANSLATE_NOOP("Wording", "a communication"),
    "key_messages": QT_TRANSLATE_NOOP("Wording", "a key message"),
    "milestones": QT_TRANSLATE_NOOP("Wording", "a milestone"),
    "sroi_outcomes": QT_TRANSLATE_NOOP("Wording", "a social-return outcome"),
    "influence": QT_TRANSLATE_NOOP("Wording", "an influence assessment"),
    "standards": QT_TRANSLATE_NOOP("Wording", "a standard rating"),
}
MANY_WORDS: dict[str, str] = {
    "groups": QT_TRANSLATE_NOOP("Wording", "stakeholder groups"),
    "objectives": QT_TRANSLATE_NOOP("Wording", "objectives"),
    "activities": QT_TRANSLATE_NOOP("Wording", "activities"),
    "cost_lines": QT_TRANSLATE_NOOP("Wording", "cost lines"),
    "indicators": QT_TRANSLATE_NOOP("Wording", "indicators"),
    "risks": QT_TRANSLATE_NOOP("Wording", "risks"),
    "methods": QT_TRANSLATE_NOOP("Wording", "methods"),
    "funders": QT_TRANSLATE_NOOP("Wording", "funders"),
    "team": QT_TRANSLATE_NOOP("Wording", "team members"),
    "tasks": QT_TRANSLATE_NOOP("Wording", "tasks"),
    "readiness": QT_TRANSLATE_NOOP("Wording", "readiness checks"),
    "communications": QT_TRANSLATE_NOOP("Wording", "communications"),
    "key_messages": QT_TRANSLATE_NOOP("Wording", "key messages"),
    "milestones": QT_TRANSLATE_NOOP("Wording", "milestones"),
    "sroi_outcomes": QT_TRANSLATE_NOOP("Wording", "social-return outcomes"),
    "influence": QT_TRANSLATE_NOOP("Wording", "influence assessments"),
    "standards": QT_TRANSLATE_NOOP("Wording", "standard ratings"),
}
VERBS = [
    QT_TRANSLATE_NOOP("Wording", "Add"),
    QT_TRANSLATE_NOOP("Wording", "Delete"),
    QT_TRANSLATE_NOOP("Wording", "Duplicate"),
    QT_TRANSLATE_NOOP("Wording", "Paste"),
]
"""The verbs :func:`list_text` is given (in English), marked here so they are translated."""


def translated(text: str) -> str:
    """One of this module's marked words in the user's language."""
    return QCoreApplication.translate("Wording", text)


_tr = translated


def field_words(attr: str) -> str:
    return _tr(FIELD_WORDS[attr]) if attr in FIELD_WORDS else attr.replace("_", " ")


def _quoted(text: str, fallback: str) -> str:
    text = " ".join(text.split())
    if not text:
        return fallback
    if len(text) <= 80:
        return text
    cut = text[:79].rsplit(" ", 1)[0] if " " in text[:79] else text[:79]
    return cut.rstrip(" ,;:(") + "…"  # a menu item, not a document: the whole name is in the plan


def _the(noun_phrase: str, text: str, fallback: str) -> str:
    """ "the cost line “Venue hire”" (``noun_phrase`` holds {text}), or ``fallback`` if untitled."""
    return noun_phrase.format(text=_quoted(text, "")) if text.strip() else fallback


def object_words(obj: Any) -> str:
    """How a sentence names ``obj``: "Deaf BSL users", "the plan", "a cost line"."""
    if isinstance(obj, Plan):
        return QCoreApplication.translate("Wording", "the plan")
    if isinstance(obj, StakeholderGroup):
        return _quoted(obj.name, QCoreApplication.translate("Wording", "a stakeholder group"))
    if isinstance(obj, Activity):
        return _quoted(obj.title, QCoreApplication.translate("Wording", "an untitled activity"))
    if isinstance(obj, Objective):
        return _quoted(obj.title, QCoreApplication.translate("Wording", "an untitled objective"))
    if isinstance(obj, CostLine):
        return _the(
            QCoreApplication.translate("Wording", "the cost line “{text}”"),
            obj.description,
            QCoreApplication.translate("Wording", "a cost line"),
        )
    if isinstance(obj, Indicator):
        return _the(
            QCoreApplication.translate("Wording", "the indicator “{text}”"),
            obj.measure,
            QCoreApplication.translate("Wording", "an indicator"),
        )
    if isinstance(obj, Evaluation):
        return QCoreApplication.translate("Wording", "the evaluation")
    if isinstance(obj, VfmRating):
        return QCoreApplication.translate("Wording", "the {e_name} assessment").format(
            e_name=label(obj.e).lower()
        )
    if isinstance(obj, Risk):
        return _quoted(obj.description, QCoreApplication.translate("Wording", "a risk"))
    if isinstance(obj, Funder):
        return _quoted(obj.name, QCoreApplication.translate("Wording", "a funder"))
    return _delivery_words(obj)


def _delivery_words(obj: Any) -> str:
    """Names for the delivery plan's items: team members, tasks, checks, communications."""
    if isinstance(obj, TeamMember):
        return _quoted(obj.name, QCoreApplication.translate("Wording", "a team member"))
    if isinstance(obj, Task):
        return _the(
            QCoreApplication.translate("Wording", "the task “{text}”"),
            obj.description,
            QCoreApplication.translate("Wording", "a task"),
        )
    if isinstance(obj, ReadinessItem):
        return _the(
            QCoreApplication.translate("Wording", "the readiness check “{text}”"),
            obj.description,
            QCoreApplication.translate("Wording", "a readiness check"),
        )
    if isinstance(obj, KeyMessage):
        return _the(
            QCoreApplication.translate("Wording", "the key message “{text}”"),
            obj.message,
            QCoreApplication.translate("Wording", "a key message"),
        )
    if isinstance(obj, Milestone):
        return _the(
            QCoreApplication.translate("Wording", "the milestone “{text}”"),
            obj.title,
            QCoreApplication.translate("Wording", "a milestone"),
        )
    if isinstance(obj, Communication):
        return _the(
            QCoreApplication.translate("Wording", "the communication to {text}"),
            obj.audience,
            QCoreApplication.translate("Wording", "a communication"),
        )
    return _value_words(obj)


def _value_words(obj: Any) -> str:
    """Names for the value-for-money items: SROI outcomes, standard ratings, influence assessments."""
    if isinstance(obj, SroiOutcome):
        return _the(
            QCoreApplication.translate("Wording", "the outcome “{text}”"),
            obj.description,
            QCoreApplication.translate("Wording", "an outcome"),
        )
    if isinstance(obj, StandardRating):
        return QCoreApplication.translate("Wording", "the {standard} standard").format(
            standard=label(obj.standard)
        )
    if isinstance(obj, InfluenceAssessment):
        if obj.assessed_on:
            return QCoreApplication.translate("Wording", "the influence assessment of {date}").format(
                date=date_text(obj.assessed_on)
            )
        return QCoreApplication.translate("Wording", "the influence assessment")
    return QCoreApplication.translate("Wording", "the plan")


def change_text(obj: Any, attr: str) -> str:
    """ "Change the power of Deaf BSL users"; for the plan itself, "Change the plan's title"."""
    if isinstance(obj, Plan):
        return QCoreApplication.translate("Wording", "Change the plan's {field}").format(
            field=field_words(attr)
        )
    if isinstance(obj, Evaluation | VfmRating):
        return QCoreApplication.translate("Wording", "Change {thing}: {field}").format(
            thing=object_words(obj), field=field_words(attr)
        )
    return QCoreApplication.translate("Wording", "Change the {field} of {thing}").format(
        field=field_words(attr), thing=object_words(obj)
    )


def list_change_text(attr: str) -> str:
    """ "Change the groups": a whole list replaced at once."""
    return QCoreApplication.translate("Wording", "Change the {field}").format(field=field_words(attr))


def list_text(verb: str, attr: str, count: int = 1) -> str:
    """ "Add a stakeholder group", "Delete 3 activities" (``verb``: one of :data:`VERBS`)."""
    noun = LIST_WORDS.get(attr, attr.replace("_", " ").rstrip("s"))
    if count == 1:
        article = "an" if noun[:1] in "aeiou" else "a"
        one = _tr(ONE_WORDS[attr]) if attr in ONE_WORDS else f"{article} {noun}"
        return QCoreApplication.translate("Wording", "{verb} {one}").format(verb=_tr(verb), one=one)
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    many = _tr(MANY_WORDS[attr]) if attr in MANY_WORDS else plural
    return QCoreApplication.translate("Wording", "{verb} {count} {many}").format(
        verb=_tr(verb), count=count, many=many
    )
