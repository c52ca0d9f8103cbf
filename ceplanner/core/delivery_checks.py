"""Checks of the delivery plan (the Delivery step): tasks that would be done too late."""

from __future__ import annotations

from ceplanner.core.dates import date_text
from ceplanner.core.finding import Check, Severity, quoted
from ceplanner.core.i18n import translate
from ceplanner.core.model import Plan

LATE_TASK = "task.due-after-start"


def late_tasks(plan: Plan) -> dict[str, str]:
    """Task id -> why it is late, for each task still to do that is due on or after the day its
    activity starts (the venue, the interpreters or the translation would not be ready)."""
    found: dict[str, str] = {}
    starts = {a.id: a for a in plan.activities if a.start is not None}
    for task in plan.tasks:
        activity = starts.get(task.activity_id or "")
        if task.done or task.due is None or activity is None or activity.start is None:
            continue
        if task.due >= activity.start:
            what = quoted(task.description, translate("Checks", "without a description"))
            title = quoted(activity.title, translate("Checks", "without a title"))
            found[task.id] = translate(
                "Checks",
                "The task {what} is due on {due}, but its activity {title} starts on {start}: "
                "bring the task forward.",
            ).format(what=what, due=date_text(task.due), title=title, start=date_text(activity.start))
    return found


def delivery_checks(plan: Plan) -> list[Check]:
    return [
        Check(Severity.WARNING, message, "delivery", LATE_TASK, task_id)
        for task_id, message in late_tasks(plan).items()
    ]
