"""Delivery records' links: deletions take them along, readers refuse or prune broken ones."""

from __future__ import annotations

import pytest

from ceplanner.core.references import (
    dangling_references,
    prune_dangling_references,
    remove_activities,
    remove_groups,
    remove_themes,
)
from ceplanner.core.serialize import PlanFormatError, plan_from_json, plan_to_json
from tests.factories import full_plan


def test_deleting_a_group_unlinks_attendance_themes_quotations_and_expected_people() -> None:
    plan = full_plan()
    gone = plan.groups[0].id
    before = plan_to_json(plan)
    pruned = remove_groups(plan, [gone])
    assert plan_to_json(plan) == before  # the plan itself is unchanged (undo keeps the old objects)
    assert pruned.sessions_held[0].by_group == []
    assert pruned.sessions_held[0].attendance == 9  # everyone who came still counts
    assert gone not in pruned.themes[0].group_ids
    assert pruned.themes[0].quotations[0].group_id is None
    assert pruned.activities[0].expected_by_group == []
    pruned.apply(plan)
    assert dangling_references(plan) == []


def test_deleting_an_activity_takes_its_sessions_and_keeps_its_spend() -> None:
    plan = full_plan()
    activity = plan.activities[0].id
    pruned = remove_activities(plan, [activity])
    assert pruned.sessions_held == []
    assert [c.amount for c in pruned.actual_costs] == [c.amount for c in plan.actual_costs]
    assert all(c.activity_id is None for c in pruned.actual_costs)
    assert activity not in pruned.themes[0].activity_ids
    pruned.apply(plan)
    assert dangling_references(plan) == []


def test_deleting_a_theme_keeps_its_responses() -> None:
    plan = full_plan()
    pruned = remove_themes(plan, [plan.themes[0].id])
    assert pruned.themes == [] and len(pruned.responses) == 1
    assert pruned.responses[0].theme_id is None and plan.responses[0].theme_id == plan.themes[0].id


def test_broken_delivery_links_are_refused_on_import_and_pruned_in_files() -> None:
    plan = full_plan()
    plan.sessions_held[0].activity_id = "nowhere"
    plan.responses[0].theme_id = "no-theme"
    text = plan_to_json(plan)
    with pytest.raises(PlanFormatError, match=r"plan\.sessions_held\[0\]\.activity_id: no activity has id"):
        plan_from_json(text)
    repairs: list[str] = []
    again = plan_from_json(text, repairs)
    assert again.sessions_held == [] and again.responses[0].theme_id is None
    assert len(repairs) == 2
    assert prune_dangling_references(again) == []
