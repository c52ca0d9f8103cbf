"""A task still to do that is due once its activity has started is flagged on the Delivery step."""

from __future__ import annotations

from datetime import date

from ceplanner.core.checks import Severity, plan_checks
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Activity, Plan, Task


def _plan(due: date | None, done: bool = False, activity_id: str | None = "a1") -> Plan:
    plan = Plan(title="Timing")
    plan.activities = [
        Activity(title="Drop-in", start=date(2027, 3, 1), id="a1"),
        Activity(title="Survey", id="a2"),
    ]
    plan.tasks = [
        Task(description="Book BSL interpreters", activity_id=activity_id, due=due, done=done, id="t1")
    ]
    return plan


def _late(plan: Plan) -> list[tuple[str, str | None, str]]:
    return [(c.step, c.item_id, c.message) for c in plan_checks(plan) if c.code == "task.due-after-start"]


def test_a_task_due_on_or_after_its_activitys_start_is_a_warning() -> None:
    for due in (date(2027, 3, 1), date(2027, 3, 20)):
        found = _late(_plan(due))
        assert found == [
            (
                "delivery",
                "t1",
                f"The task “Book BSL interpreters” is due on {due.day} Mar 2027, but its activity “Drop-in” "
                "starts on 1 Mar 2027: bring the task forward.",
            )
        ]
    check = next(c for c in plan_checks(_plan(date(2027, 3, 1))) if c.code == "task.due-after-start")
    assert check.severity is Severity.WARNING


def test_tasks_in_time_done_undated_or_without_a_dated_activity_pass() -> None:
    assert _late(_plan(date(2027, 2, 28))) == []
    assert _late(_plan(date(2027, 3, 20), done=True)) == []
    assert _late(_plan(None)) == []
    assert _late(_plan(date(2027, 3, 20), activity_id=None)) == []  # the whole plan's
    assert _late(_plan(date(2027, 3, 20), activity_id="a2")) == []  # an activity not yet dated


def test_the_sample_plans_tasks_are_all_in_time() -> None:
    plan = sample_plan()
    assert plan.tasks and _late(plan) == []
