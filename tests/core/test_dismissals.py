"""Accepted findings: a dismissal takes its finding out of the open list, and only that one."""

from __future__ import annotations

from datetime import date

from ceplanner.core.checks import findings, open_checks, plan_checks
from ceplanner.core.dismissals import dismissed, restored, split_findings
from ceplanner.core.model import Activity, Dismissal, StakeholderGroup
from tests.core.test_checks import a_good_plan


def _broken():
    plan = a_good_plan()
    plan.activities += [Activity(title="One"), Activity(title="Two")]
    return plan


def test_a_dismissal_accepts_exactly_its_finding() -> None:
    plan = _broken()
    every = plan_checks(plan)
    target = next(c for c in every if c.code == "activity.no-groups" and c.item_id == plan.activities[1].id)
    plan.dismissals = dismissed(plan.dismissals, target, "  Run by volunteers ", date(2027, 1, 5))
    split = findings(plan)
    assert [a.check for a in split.accepted] == [target]
    assert split.accepted[0].reason == "Run by volunteers"
    assert split.accepted[0].dismissal.dismissed_on == date(2027, 1, 5)
    assert target not in split.open
    assert split.open == [c for c in every if c != target], "order kept, nothing else hidden"
    other = next(c for c in split.open if c.code == "activity.no-groups")
    assert other.item_id == plan.activities[2].id, "the same rule for another item stays open"
    assert open_checks(plan) == split.open


def test_a_plan_wide_finding_is_dismissed_by_its_code_and_an_empty_item() -> None:
    plan = a_good_plan()
    plan.activities[0].reports_back = False
    check = next(c for c in plan_checks(plan) if c.code == "plan.no-report-back")
    plan.dismissals = [Dismissal(code="plan.no-report-back", item_id="", reason="Reported by letter")]
    assert findings(plan).open == [] and findings(plan).accepted[0].check == check


def test_a_dismissal_whose_finding_is_gone_is_ignored() -> None:
    plan = a_good_plan()
    plan.dismissals = [
        Dismissal(code="plan.no-report-back", reason="old"),
        Dismissal(code="group.inform-only", item_id="no-such-group", reason="old"),
    ]
    split = findings(plan)
    assert split.open == [] and split.accepted == []


def test_dismissing_again_replaces_the_reason_and_restore_reopens() -> None:
    plan = a_good_plan()
    plan.groups.append(StakeholderGroup(name="Night workers", seldom_heard=True))
    check = next(c for c in plan_checks(plan) if c.code == "group.seldom-heard-not-reached")
    first = dismissed([], check, "first", date(2027, 1, 1))
    second = dismissed(first, check, "second", date(2027, 1, 2))
    assert [d.reason for d in second] == ["second"]
    assert restored(second, check) == []
    assert split_findings([check], second).accepted[0].reason == "second"
    assert split_findings([check], restored(second, check)).open == [check]
