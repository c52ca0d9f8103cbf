"""An incomplete plan: no placeholder charts or sentences built on zeros, one list of what is
missing (the application's own checks), and the document headed "Incomplete draft"."""

from __future__ import annotations

import re
from collections.abc import Callable

from ceplanner.core.checks import Severity, open_checks, plan_checks
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Activity, Plan, PlanStatus
from tests.report.report_fixtures import Pdf, make_rich_plan, normalise

POINTS = "Points to resolve before approval:"


def _points(pdf: Pdf) -> list[str]:
    """The bullets of the points-to-resolve box, as printed."""
    text = normalise(pdf.text)
    start = text.index(POINTS) + len(POINTS)
    box = text[start:]
    bullets = [b.strip() for b in box.split("• ")[1:]]
    # The last bullet runs on into the summary: cut it at the end of its own message.
    return bullets


def _assert_points_are_the_checks(pdf: Pdf, plan: Plan) -> None:
    checks = open_checks(plan)
    bullets = _points(pdf)
    assert len(bullets) >= len(checks)
    for bullet, check in zip(bullets, checks, strict=False):
        assert bullet.startswith(normalise(check.message)), (bullet[:80], check.message)
    assert normalise(pdf.text).count(POINTS) == 1


def test_an_empty_plan_prints_no_placeholders(build: Callable[..., Pdf]) -> None:
    plan = Plan()
    pdf = build(plan)
    text = normalise(pdf.text)
    assert "Figure" not in text
    assert not re.search(
        r"\b0 (participants|activities|stakeholder groups|risks|objectives|indicators)", text
    )
    assert "£0.00" not in text
    assert "INCOMPLETE DRAFT" in pdf.pages[0]
    assert "Incomplete draft" in pdf.pages[2]  # the running header
    _assert_points_are_the_checks(pdf, plan)


def test_a_one_activity_plan_says_what_is_missing_once(build: Callable[..., Pdf]) -> None:
    plan = Plan(title="Just one drop-in", activities=[Activity(title="Drop-in at the library")])
    pdf = build(plan)
    text = normalise(pdf.text)
    assert "Figure" not in text  # no dates, no costs, no ratings: no charts
    assert "for about 0 participants" not in text
    assert "No activity has dates yet." in text
    assert "No cost lines yet." in text and "0 distinct sources" not in text
    assert "Scorecard" not in text  # nothing rated or written: no table of "Not assessed"
    _assert_points_are_the_checks(pdf, plan)
    assert any(c.severity is Severity.WARNING for c in plan_checks(plan))
    assert "Incomplete draft" in pdf.pages[2]


def test_the_points_are_exactly_the_checkers_list_with_no_limit(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    for i in range(14):  # fourteen activities with no cost lines: fourteen warnings, all printed
        plan.activities.append(Activity(title=f"Uncosted activity {i}"))
    checks = plan_checks(plan)
    assert len(checks) > 12
    pdf = build(plan)
    _assert_points_are_the_checks(pdf, plan)
    assert "Uncosted activity 13" in " ".join(_points(pdf))


def test_a_complete_plan_is_not_headed_incomplete(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    assert not any(c.severity is Severity.WARNING for c in open_checks(plan))
    pdf = build(plan)
    assert "Incomplete draft" not in pdf.text and "INCOMPLETE" not in pdf.text
    assert "Figure 1." in pdf.text and "Figure 4." in pdf.text
    approved = sample_plan()
    approved.status = PlanStatus.APPROVED
    assert "Approved" in build(approved).pages[2]
