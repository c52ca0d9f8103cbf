"""Deleting groups, objectives, activities or methods takes every link to them along."""

from __future__ import annotations

import copy
import json

import pytest

from ceplanner.core.library import sample_plan
from ceplanner.core.references import (
    dangling_references,
    duplicate_ids,
    prune_dangling_references,
    remove_activities,
    remove_groups,
    remove_methods,
    remove_objectives,
    remove_team_members,
)
from ceplanner.core.serialize import PlanFormatError, plan_from_json, plan_to_json
from tests.factories import full_plan


def test_removing_a_group_prunes_every_link_and_leaves_the_plan_unchanged() -> None:
    plan = sample_plan()
    before = plan_to_json(plan)
    gone = plan.groups[0].id
    linked = sum(o.group_ids.count(gone) for o in plan.objectives) + sum(
        a.group_ids.count(gone) for a in plan.activities
    )
    assert linked > 0  # the sample links its first group, so the test means something
    lists = remove_groups(plan, [gone])
    assert plan_to_json(plan) == before  # pure: the caller applies it in one undo step
    lists.apply(plan)
    assert gone not in {g.id for g in plan.groups}
    assert dangling_references(plan) == []
    assert all(gone not in o.group_ids for o in plan.objectives)
    assert all(gone not in a.group_ids for a in plan.activities)
    # The exported JSON is accepted by the import.
    assert plan_to_json(plan_from_json(plan_to_json(plan))) == plan_to_json(plan)


def test_every_group_deleted_one_by_one_leaves_no_dangling_id() -> None:
    plan = sample_plan()
    while plan.groups:
        remove_groups(plan, [plan.groups[-1].id]).apply(plan)
        assert dangling_references(plan) == []


def test_untouched_entities_stay_the_same_objects_changed_ones_are_copies() -> None:
    plan = full_plan()
    g1, g2 = plan.groups
    o1, o2 = plan.objectives
    old_activity = plan.activities[0]
    lists = remove_groups(plan, [g1.id])
    assert lists.groups == [g2]
    assert lists.objectives[1] is o2  # o2 had no link to g1
    assert lists.objectives[0] is not o1 and o1.group_ids == [g1.id]  # the old one kept for undo
    assert lists.activities[0].group_ids == [g2.id]
    assert old_activity.group_ids == [g1.id, g2.id]


def test_removing_objectives_activities_and_methods() -> None:
    plan = full_plan()
    o1 = plan.objectives[0]
    lists = remove_objectives(plan, {o1.id})
    assert [o.id for o in lists.objectives] == [plan.objectives[1].id]
    assert lists.activities[0].objective_ids == [plan.objectives[1].id]
    lists = remove_methods(plan, [plan.methods[0].id])
    assert lists.methods == [] and lists.activities[0].method_id is None
    assert plan.activities[0].method_id == plan.methods[0].id
    lists = remove_activities(plan, [plan.activities[0].id])
    assert lists.activities == [] and lists.groups == plan.groups


def test_dangling_references_name_the_field_path() -> None:
    plan = full_plan()
    plan.groups.pop(0)  # the old way of deleting: links left behind
    problems = dangling_references(plan)
    assert problems[0].startswith("plan.objectives[0].group_ids[0]: no group has id")
    assert problems[1].startswith("plan.activities[0].group_ids[0]: no group has id")
    with pytest.raises(PlanFormatError, match=r"plan\.objectives\[0\]\.group_ids\[0\]"):
        plan_from_json(plan_to_json(plan))


def test_pruning_repairs_in_place_and_says_what_it_did() -> None:
    plan = full_plan()
    plan.groups.pop(0)
    plan.methods.clear()
    notes = prune_dangling_references(plan)
    assert len(notes) == 7  # objective; activity group, method, expected; session; theme; quotation
    assert "objective “Tenants feel heard”" in notes[0]
    assert "plan.activities[0].method_id" in notes[2]
    assert dangling_references(plan) == []
    assert plan.activities[0].method_id is None
    repairs: list[str] = []
    broken = full_plan()
    broken.groups.pop(0)
    again = plan_from_json(plan_to_json(broken), repairs)
    assert len(repairs) == 6 and dangling_references(again) == []


def test_duplicates_are_never_pruned_only_refused() -> None:
    plan = full_plan()
    plan.groups.append(copy.deepcopy(plan.groups[0]))
    assert duplicate_ids(plan)[0].startswith("plan.groups[2].id:")
    doc = plan_to_json(plan)
    with pytest.raises(PlanFormatError, match="is used twice"):
        plan_from_json(doc, [])
    assert json.loads(doc)["format"] == "ceplanner-plan"


def test_removing_an_activity_unlinks_its_tasks_and_leaves_scenarios_without_it() -> None:
    plan = full_plan()
    gone = plan.activities[0].id
    assert plan.tasks[0].activity_id == gone and plan.scenarios[0].activities[0].activity_id == gone
    before = plan_to_json(plan)
    lists = remove_activities(plan, [gone])
    assert plan_to_json(plan) == before
    lists.apply(plan)
    assert [t.description for t in plan.tasks] == ["Book BSL interpreters"]  # kept, for the plan
    assert plan.tasks[0].activity_id is None
    assert plan.scenarios[0].activities == []
    assert dangling_references(plan) == []


def test_removing_a_team_member_keeps_their_lines_and_unlinks_them() -> None:
    plan = full_plan()
    member = plan.team[0].id
    line = plan.activities[0].cost_lines[0]
    assert plan.activities[0].lead_id == member and line.staff_id == member
    before = plan_to_json(plan)
    team, lists = remove_team_members(plan, [member])
    assert plan_to_json(plan) == before
    lists.apply(plan)
    plan.team = team
    assert plan.team == []
    assert plan.activities[0].lead_id is None
    assert plan.activities[0].cost_lines[0].staff_id is None
    assert plan.activities[0].cost_lines[0].unit_cost == line.unit_cost
    assert dangling_references(plan) == []


def test_links_to_missing_team_members_tasks_and_scenarios_are_refused_or_pruned() -> None:
    plan = full_plan()
    plan.team = []
    plan.activities = []
    problems = dangling_references(plan)
    assert any(p.startswith("plan.tasks[0].activity_id: no activity") for p in problems)
    assert any(p.startswith("plan.scenarios[0].activities[0].activity_id: no activity") for p in problems)
    with pytest.raises(PlanFormatError, match="no activity has id"):
        plan_from_json(plan_to_json(plan))
    notes = prune_dangling_references(plan)
    assert len(notes) == len(problems)
    assert dangling_references(plan) == []
    other = full_plan()
    other.team = []
    assert [p.split(":")[0] for p in dangling_references(other)] == [
        "plan.activities[0].lead_id",
        "plan.activities[0].cost_lines[0].staff_id",
    ]
    prune_dangling_references(other)
    assert other.activities[0].lead_id is None and other.activities[0].cost_lines[0].staff_id is None
