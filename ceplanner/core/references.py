"""Links between a plan's entities: find broken ones, and delete entities without breaking any.

Objectives link to stakeholder groups; activities link to groups, objectives and a method. A
deletion must take its links with it, or the plan (and every snapshot of it) names things that
no longer exist. The ``remove_*`` functions are pure: they return new lists for the caller to
put in place in one step (one undo step in the window), leaving ``plan`` itself unchanged.

Each problem is a sentence that starts with the field's path, for example
``plan.activities[2].group_ids[0]: no group has id 'a1b2'``.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ceplanner.core.model import Activity, Method, Objective, Plan, Scenario, StakeholderGroup, Task


@dataclass(frozen=True)
class PrunedLists:
    """The plan's lists after a deletion, every link to a deleted entity removed.

    Entities that lost a link are new (deep) copies; the others are the same objects as in the plan.
    """

    groups: list[StakeholderGroup]
    objectives: list[Objective]
    methods: list[Method]
    activities: list[Activity]
    scenarios: list[Scenario]
    tasks: list[Task]

    ATTRS = ("groups", "objectives", "methods", "activities", "scenarios", "tasks")

    def apply(self, plan: Plan) -> None:
        """Put these lists in ``plan`` (the GUI does this inside its one undo step)."""
        for attr in self.ATTRS:
            setattr(plan, attr, getattr(self, attr))


def duplicate_ids(plan: Plan) -> list[str]:
    """Ids used by more than one entity (a plan with these cannot be stored or linked)."""
    problems: list[str] = []
    ids: set[str] = set()
    collections: list[tuple[str, list[Any]]] = [
        ("groups", plan.groups),
        ("objectives", plan.objectives),
        ("methods", plan.methods),
        ("activities", plan.activities),
        ("risks", plan.risks),
        ("funders", plan.funders),
        ("dismissals", plan.dismissals),
        ("sroi_outcomes", plan.sroi_outcomes),
        ("influence", plan.influence),
        ("scenarios", plan.scenarios),
        ("past_engagements", plan.past_engagements),
        ("key_messages", plan.key_messages),
        ("team", plan.team),
        ("tasks", plan.tasks),
        ("readiness", plan.readiness),
        ("communications", plan.communications),
        ("milestones", plan.milestones),
    ]
    for name, items in collections:
        for i, item in enumerate(items):
            if item.id in ids:
                problems.append(f"plan.{name}[{i}].id: {item.id!r} is used twice")
            ids.add(item.id)
    line_ids: set[str] = set()
    owner_lists: tuple[tuple[str, Sequence[Method | Activity]], ...] = (
        ("methods", plan.methods),
        ("activities", plan.activities),
    )
    for name, owners in owner_lists:
        for i, owner in enumerate(owners):
            for j, line in enumerate(owner.cost_lines):
                if line.id in line_ids:
                    problems.append(f"plan.{name}[{i}].cost_lines[{j}].id: {line.id!r} is used twice")
                line_ids.add(line.id)
    indicator_ids: set[str] = set()
    for i, objective in enumerate(plan.objectives):
        for j, indicator in enumerate(objective.indicators):
            if indicator.id in indicator_ids:
                problems.append(f"plan.objectives[{i}].indicators[{j}].id: {indicator.id!r} is used twice")
            indicator_ids.add(indicator.id)
    es = [r.e for r in plan.vfm]
    if len(set(es)) != len(es):
        problems.append("plan.vfm: an E is assessed twice")
    standards = [r.standard for r in plan.standards]
    if len(set(standards)) != len(standards):
        problems.append("plan.standards: a standard is rated twice")
    return problems


def _dangling(plan: Plan) -> Iterable[tuple[str, str, str]]:
    """(field path, problem, what holds the link) for every link to a missing entity."""
    group_ids = {g.id for g in plan.groups}
    objective_ids = {o.id for o in plan.objectives}
    method_ids = {m.id for m in plan.methods}
    for i, objective in enumerate(plan.objectives):
        owner = f"objective “{objective.title or i + 1}”"
        for j, gid in enumerate(objective.group_ids):
            if gid not in group_ids:
                yield f"plan.objectives[{i}].group_ids[{j}]", f"no group has id {gid!r}", owner
    for i, activity in enumerate(plan.activities):
        owner = f"activity “{activity.title or i + 1}”"
        for j, gid in enumerate(activity.group_ids):
            if gid not in group_ids:
                yield f"plan.activities[{i}].group_ids[{j}]", f"no group has id {gid!r}", owner
        for j, oid in enumerate(activity.objective_ids):
            if oid not in objective_ids:
                yield f"plan.activities[{i}].objective_ids[{j}]", f"no objective has id {oid!r}", owner
        if activity.method_id is not None and activity.method_id not in method_ids:
            yield f"plan.activities[{i}].method_id", f"no method has id {activity.method_id!r}", owner
    team_ids = {t.id for t in plan.team}
    for i, activity in enumerate(plan.activities):
        owner = f"activity “{activity.title or i + 1}”"
        if activity.lead_id is not None and activity.lead_id not in team_ids:
            yield f"plan.activities[{i}].lead_id", f"no team member has id {activity.lead_id!r}", owner
        for j, line in enumerate(activity.cost_lines):
            if line.staff_id is not None and line.staff_id not in team_ids:
                yield (
                    f"plan.activities[{i}].cost_lines[{j}].staff_id",
                    f"no team member has id {line.staff_id!r}",
                    owner,
                )
    activity_ids = {a.id for a in plan.activities}
    for i, task in enumerate(plan.tasks):
        if task.activity_id is not None and task.activity_id not in activity_ids:
            owner = f"task “{task.description or i + 1}”"
            yield f"plan.tasks[{i}].activity_id", f"no activity has id {task.activity_id!r}", owner
    for i, scenario in enumerate(plan.scenarios):
        owner = f"scenario “{scenario.name or i + 1}”"
        for j, choice in enumerate(scenario.activities):
            if choice.activity_id not in activity_ids:
                yield (
                    f"plan.scenarios[{i}].activities[{j}].activity_id",
                    f"no activity has id {choice.activity_id!r}",
                    owner,
                )


def dangling_references(plan: Plan) -> list[str]:
    """Every link to a group, objective or method the plan does not hold, with its field path."""
    return [f"{path}: {problem}" for path, problem, _ in _dangling(plan)]


def prune_dangling_references(plan: Plan) -> list[str]:
    """Remove, in place, every link to a missing entity; return one sentence per removal.

    Plans saved before deletions removed their links hold such ids; they are pruned when the
    plan is read rather than refusing the user's file.
    """
    notes = [
        f"Removed from {owner} a link to something deleted earlier ({path}: {problem})."
        for path, problem, owner in _dangling(plan)
    ]
    if not notes:
        return notes
    groups = {g.id for g in plan.groups}
    objectives = {o.id for o in plan.objectives}
    methods = {m.id for m in plan.methods}
    for objective in plan.objectives:
        objective.group_ids = [g for g in objective.group_ids if g in groups]
    for activity in plan.activities:
        activity.group_ids = [g for g in activity.group_ids if g in groups]
        activity.objective_ids = [o for o in activity.objective_ids if o in objectives]
        if activity.method_id is not None and activity.method_id not in methods:
            activity.method_id = None
    activities = {a.id for a in plan.activities}
    for scenario in plan.scenarios:
        scenario.activities = [c for c in scenario.activities if c.activity_id in activities]
    for task in plan.tasks:
        if task.activity_id not in activities:
            task.activity_id = None
    team = {t.id for t in plan.team}
    for activity in plan.activities:
        if activity.lead_id not in team:
            activity.lead_id = None
        for line in activity.cost_lines:
            if line.staff_id not in team:
                line.staff_id = None
    return notes


def _without(items: list[Any], ids: Collection[str]) -> list[Any]:
    return [x for x in items if x.id not in ids]


def _unlinked(items: list[Any], field: str, ids: Collection[str]) -> list[Any]:
    """``items`` with ``ids`` taken out of each one's list ``field``; changed items are copies."""
    result = []
    for item in items:
        links = getattr(item, field)
        kept = [x for x in links if x not in ids]
        if len(kept) != len(links):
            item = copy.deepcopy(item)  # a copy: the old object stays as it was, for undo
            setattr(item, field, kept)
        result.append(item)
    return result


def _lists(plan: Plan, **changes: list[Any]) -> PrunedLists:
    current: dict[str, list[Any]] = {
        "groups": plan.groups,
        "objectives": plan.objectives,
        "methods": plan.methods,
        "activities": plan.activities,
        "scenarios": plan.scenarios,
        "tasks": plan.tasks,
    }
    return PrunedLists(**{**{k: list(v) for k, v in current.items()}, **changes})


def remove_groups(plan: Plan, ids: Collection[str]) -> PrunedLists:
    """The plan's lists without the groups ``ids`` and without every objective's and activity's
    link to them."""
    ids = set(ids)
    return _lists(
        plan,
        groups=_without(plan.groups, ids),
        objectives=_unlinked(plan.objectives, "group_ids", ids),
        activities=_unlinked(plan.activities, "group_ids", ids),
    )


def remove_objectives(plan: Plan, ids: Collection[str]) -> PrunedLists:
    """The plan's lists without the objectives ``ids`` and without activities' links to them."""
    ids = set(ids)
    return _lists(
        plan,
        objectives=_without(plan.objectives, ids),
        activities=_unlinked(plan.activities, "objective_ids", ids),
    )


def remove_activities(plan: Plan, ids: Collection[str]) -> PrunedLists:
    """The plan's lists without the activities ``ids`` and without scenarios' choices of them."""
    ids = set(ids)
    scenarios = []
    for scenario in plan.scenarios:
        if any(c.activity_id in ids for c in scenario.activities):
            scenario = copy.deepcopy(scenario)  # a copy: the old object stays as it was, for undo
            scenario.activities = [c for c in scenario.activities if c.activity_id not in ids]
        scenarios.append(scenario)
    tasks = [dataclasses.replace(t, activity_id=None) if t.activity_id in ids else t for t in plan.tasks]
    return _lists(plan, activities=_without(plan.activities, ids), scenarios=scenarios, tasks=tasks)


def remove_team_members(plan: Plan, ids: Collection[str]) -> tuple[list[Any], PrunedLists]:
    """The team without the members ``ids``, and the plan's lists with activities no longer led
    by them and their staff-time lines no longer tied to them (the lines and their costs stay)."""
    ids = set(ids)
    activities = []
    for activity in plan.activities:
        if activity.lead_id in ids or any(line.staff_id in ids for line in activity.cost_lines):
            activity = copy.deepcopy(activity)  # a copy: the old object stays as it was, for undo
            if activity.lead_id in ids:
                activity.lead_id = None
            for line in activity.cost_lines:
                if line.staff_id in ids:
                    line.staff_id = None
        activities.append(activity)
    return _without(plan.team, ids), _lists(plan, activities=activities)


def remove_methods(plan: Plan, ids: Collection[str]) -> PrunedLists:
    """The plan's lists without the methods ``ids``; activities that used one keep their costs
    and no longer name a method."""
    ids = set(ids)
    activities = [
        dataclasses.replace(copy.deepcopy(a), method_id=None) if a.method_id in ids else a
        for a in plan.activities
    ]
    return _lists(plan, methods=_without(plan.methods, ids), activities=activities)
