"""The delivered sample shipped with ceplanner: built from the sample plan, realistic, current."""

from __future__ import annotations

from dataclasses import asdict

from ceplanner.core.costing import compute_budget
from ceplanner.core.delivery import planned_part
from ceplanner.core.library import (
    SAMPLE_DELIVERED_RESOURCE,
    resource_path,
    sample_delivered_plan,
    sample_plan,
)
from ceplanner.core.model import DeliveryStatus, PlanStatus, ResponseKind
from ceplanner.core.serialize import plan_to_json
from ceplanner.core.variance import delivery_figures
from tests.delivered_sample import delivered_sample


def test_the_shipped_file_is_what_the_builder_makes() -> None:
    shipped = resource_path(SAMPLE_DELIVERED_RESOURCE).read_text(encoding="utf-8")
    assert shipped == plan_to_json(delivered_sample()) + "\n", (
        "ceplanner/data/sample-delivered.json is out of date: run `python -m tests.delivered_sample`"
    )


def test_it_is_the_sample_plan_approved_with_the_same_budget() -> None:
    delivered = sample_delivered_plan()
    sample = sample_plan()
    assert delivered.status is PlanStatus.IN_DELIVERY and delivered.approved_on is not None
    assert [a.id for a in delivered.activities] == [a.id for a in sample.activities]
    assert [[line.id for line in a.cost_lines] for a in delivered.activities] == [
        [line.id for line in a.cost_lines] for a in sample.activities
    ]
    assert asdict(compute_budget(planned_part(delivered))) == asdict(compute_budget(sample))


def test_it_has_activities_over_and_under_budget_one_dropped_and_answers_every_theme() -> None:
    delivered = sample_delivered_plan()
    figures = delivery_figures(planned_part(delivered), delivered)
    activity_rows = [r for r in figures.by_activity if r.key]
    assert sum(r.variance > 0 for r in activity_rows) >= 3
    assert sum(r.variance < 0 for r in activity_rows) >= 3
    dropped = [a for a in delivered.activities if a.delivery_status is DeliveryStatus.DROPPED]
    assert len(dropped) == 1 and len(dropped[0].dropped_reason) > 50
    assert {r.theme_id for r in delivered.responses} == {t.id for t in delivered.themes}
    assert {r.kind for r in delivered.responses} == set(ResponseKind)
    assert all(q.text for t in delivered.themes for q in t.quotations)
    assert figures.seldom_heard.reached > 0 and figures.total.actual.in_kind > 0
    assert all(r.rating_at_end for r in delivered.vfm) and delivered.evaluation.lessons


def test_planned_part_removes_every_delivery_record_and_keeps_the_budget() -> None:
    delivered = sample_delivered_plan()
    planned = planned_part(delivered)
    assert planned.status is PlanStatus.APPROVED and planned.delivery_started_on is None
    assert not (planned.sessions_held or planned.actual_costs or planned.themes or planned.responses)
    assert {a.delivery_status for a in planned.activities} == {DeliveryStatus.PLANNED}
    assert not any(i.measured for o in planned.objectives for i in o.indicators)
    assert not any(r.rating_at_end for r in planned.vfm) and not planned.evaluation.lessons
    assert asdict(compute_budget(planned)) == asdict(compute_budget(delivered))
    assert delivered.actual_costs  # the original is untouched
