"""Checks of what delivery recorded: activities marked done with no session, dropped with no
reason, sessions whose groups add up to more people than came, themes heard with no response,
and quotations kept without consent. Part of the one checker (core/checks.py); they apply only
once there is delivery to check (:func:`ceplanner.core.delivery.has_delivery`)."""

from __future__ import annotations

from ceplanner.core.dates import date_text
from ceplanner.core.delivery import has_delivery
from ceplanner.core.finding import Check, quoted, warning
from ceplanner.core.model import DeliveryStatus, Plan

STEP = "delivered"  # the Delivery record step, where these are recorded
DONE_NO_SESSIONS = "activity.done-no-sessions"
DROPPED_NO_REASON = "activity.dropped-no-reason"
GROUPS_EXCEED_ATTENDANCE = "session.groups-exceed-attendance"
THEME_NO_RESPONSE = "theme.no-response"
QUOTATION_NO_CONSENT = "quotation.no-consent"


def delivery_record_checks(plan: Plan) -> list[Check]:
    """The findings about the plan's delivery records (none before delivery starts)."""
    if not has_delivery(plan):
        return []
    found: list[Check] = []
    held = {s.activity_id for s in plan.sessions_held}
    for activity in plan.activities:
        title = quoted(activity.title, "without a title")
        if activity.delivery_status is DeliveryStatus.DONE and activity.id not in held:
            found.append(
                warning(
                    STEP,
                    DONE_NO_SESSIONS,
                    f"The activity {title} is marked done but no session is recorded: add the sessions "
                    "held and who came, so its reach is measured.",
                    activity.id,
                )
            )
        if activity.delivery_status is DeliveryStatus.DROPPED and not activity.dropped_reason.strip():
            found.append(
                warning(
                    STEP,
                    DROPPED_NO_REASON,
                    f"The activity {title} was dropped with no reason given: say why, for the report.",
                    activity.id,
                )
            )
    titles = {a.id: a.title for a in plan.activities}
    for session in plan.sessions_held:
        named = sum(part.people for part in session.by_group)
        if named > session.attendance:
            when = date_text(session.held_on) if session.held_on else "on a date not recorded"
            found.append(
                warning(
                    STEP,
                    GROUPS_EXCEED_ATTENDANCE,
                    f"A session of {quoted(titles.get(session.activity_id, ''), 'an activity')} held {when} "
                    f"counts {named:,} people by group but {session.attendance:,} in all: correct one of them.",
                    session.id,
                )
            )
    answered = {r.theme_id for r in plan.responses}
    for theme in plan.themes:
        name = quoted(theme.title, "without a title")
        if theme.id not in answered:
            found.append(
                warning(
                    STEP,
                    THEME_NO_RESPONSE,
                    f"Nothing says what was done about the theme {name}: add a response (“you said, we did” "
                    "or “we did not, and why”).",
                    theme.id,
                )
            )
        if any(q.text.strip() and not q.consent for q in theme.quotations):
            found.append(
                warning(
                    STEP,
                    QUOTATION_NO_CONSENT,
                    f"The theme {name} keeps a quotation without the speaker's consent recorded: record "
                    "consent or remove the quotation; it is not printed without it.",
                    theme.id,
                )
            )
    return found
