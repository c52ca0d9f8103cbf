"""The PDF states the decision date, and lists accepted exceptions with their reasons apart
from the points still to resolve."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ceplanner.core.checks import findings
from ceplanner.core.library import sample_plan
from ceplanner.report.sections.summary import ACCEPTED_TITLE, POINTS_TITLE
from tests.report.report_fixtures import Pdf, normalise


def test_the_decision_date_is_stated(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    plan.decision_date = date(2027, 10, 28)
    text = build(plan).text
    assert "Decision date: 28 October 2027." in text  # the board summary
    assert "Decision date 28 October 2027" in text  # the context table
    plan.decision_date = None
    text = build(plan).text
    assert "Decision date: " not in text and "Decision date Not stated" in text


def test_accepted_exceptions_are_printed_with_reasons_and_not_as_points(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    accepted = findings(plan).accepted
    text = build(plan).text
    points = (
        text.split(f"{POINTS_TITLE}:", 1)[1].split(f"{ACCEPTED_TITLE}:", 1)[0] if POINTS_TITLE in text else ""
    )
    for item in accepted:
        assert normalise(item.check.message) not in points, "an accepted finding is not a point to resolve"
    box = text.split(f"{ACCEPTED_TITLE}:", 1)[1]
    for item in accepted:
        assert normalise(f"{item.check.message} Accepted: {item.reason}") in box
    plan.dismissals = []
    text = build(plan).text
    assert f"{ACCEPTED_TITLE}:" not in text
    points = text.split(f"{POINTS_TITLE}:", 1)[1]
    for item in accepted:
        assert normalise(item.check.message) in points
