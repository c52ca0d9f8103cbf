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

from ceplanner.core.model import (
    Activity,
    ActualCost,
    Method,
    Objective,
    Plan,
    Response,
    Scenario,
    SessionHeld,
    StakeholderGroup,
    Task,
    Theme,
)


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
    sessions_held: list[SessionHeld]
    actual_costs: list[ActualCost]
    themes: list[Theme]
    responses: list[Response]

    ATTRS = (
        "groups",
        "objectives",
        "methods",
        "activities",
        "scenarios",
        "tasks",
        "sessions_held",
        "actual_costs",
        "themes",
        "responses",
    )

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
        ("sessions_held", plan.sessions_held),
        ("actual_costs", plan.actual_costs),
        ("themes", plan.themes),
        ("responses", plan.responses),
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
        for j, part in enumerate(activity.expected_by_group):
            if part.group_id not in group_ids:
                yield (
                    f"plan.activities[{i}].expected_by_group[{j}].group_id",
                    f"no group has id {part.group_id!r}",
                    owner,
                )
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
    yield from _dangling_delivery(plan, group_ids, activity_ids)


def _dangling_delivery(
    plan: Plan, group_ids: set[str], activity_ids: set[str]
) -> Iterable[tuple[str, str, str]]:
    """Broken links of the delivery records: sessions, actual costs, themes and responses."""
    for i, session in enumerate(plan.sessions_held):
        owner = f"session held on {session.held_on or 'an unknown date'}"
        if session.activity_id not in activity_ids:
            yield f"plan.sessions_held[{i}].activity_id", f"no activity has id {session.activity_id!r}", owner
        for j, part in enumerate(session.by_group):
            if part.group_id not in group_ids:
                yield (
                    f"plan.sessions_held[{i}].by_group[{j}].group_id",
                    f"no group has id {part.group_id!r}",
                    owner,
                )
    for i, cost in enumerate(plan.actual_costs):
        if cost.activity_id is not None and cost.activity_id not in activity_ids:
            owner = f"actual cost “{cost.description or i + 1}”"
            yield f"plan.actual_costs[{i}].activity_id", f"no activity has id {cost.activity_id!r}", owner
    for i, theme in enumerate(plan.themes):
        owner = f"theme “{theme.title or i + 1}”"
        for j, gid in enumerate(theme.group_ids):
            if gid not in group_ids:
                yield f"plan.themes[{i}].group_ids[{j}]", f"no group has id {gid!r}", owner
        for j, aid in enumerate(theme.activity_ids):
            if aid not in activity_ids:
                yield f"plan.themes[{i}].activity_ids[{j}]", f"no activity has id {aid!r}", owner
        for j, quote in enumerate(theme.quotations):
            if quote.group_id is not None and quote.group_id not in group_ids:
                yield (
                    f"plan.themes[{i}].quotations[{j}].group_id",
                    f"no group has id {quote.group_id!r}",
                    owner,
                )
    theme_ids = {t.id for t in plan.themes}
    for i, response in enumerate(plan.responses):
        if response.theme_id is not None and response.theme_id not in theme_ids:
            owner = f"response “{response.action or i + 1}”"
            yield f"plan.responses[{i}].theme_id", f"no theme has id {response.theme_id!r}", owner


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
        activity.expected_by_group = [part for part in activity.expected_by_group if part.group_id in groups]
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
    plan.sessions_held = [s for s in plan.sessions_held if s.activity_id in activities]
    for session in plan.sessions_held:
        session.by_group = [part for part in session.by_group if part.group_id in groups]
    for cost in plan.actual_costs:
        if cost.activity_id not in activities:
            cost.activity_id = None
    for theme in plan.themes:
        theme.group_ids = [g for g in theme.group_ids if g in groups]
        theme.activity_ids = [a for a in theme.activity_ids if a in activities]
        for quote in theme.quotations:
            if quote.group_id not in groups:
                quote.group_id = None
    themes = {t.id for t in plan.themes}
    for response in plan.responses:
        if response.theme_id not in themes:
            response.theme_id = None
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
        "sessions_held": plan.sessions_held,
        "actual_costs": plan.actual_costs,
        "themes": plan.themes,
        "responses": plan.responses,
    }
    return PrunedLists(**{**{k: list(v) for k, v in current.items()}, **changes})


def remove_groups(plan: Plan, ids: Collection[str]) -> PrunedLists:
    """The plan's lists without the groups ``ids`` and without every objective's and activity's
    link to them."""
    ids = set(ids)
    sessions = []
    for session in plan.sessions_held:
        if any(part.group_id in ids for part in session.by_group):
            session = copy.deepcopy(session)  # a copy: the old object stays as it was, for undo
            session.by_group = [part for part in session.by_group if part.group_id not in ids]
        sessions.append(session)
    themes = []
    for theme in _unlinked(plan.themes, "group_ids", ids):
        if any(q.group_id in ids for q in theme.quotations):
            theme = copy.deepcopy(theme)
            for quote in theme.quotations:
                if quote.group_id in ids:
                    quote.group_id = None
        themes.append(theme)
    activities = []
    for activity in _unlinked(plan.activities, "group_ids", ids):
        if any(part.group_id in ids for part in activity.expected_by_group):
            activity = copy.deepcopy(activity)  # a copy: the old object stays as it was, for undo
            activity.expected_by_group = [p for p in activity.expected_by_group if p.group_id not in ids]
        activities.append(activity)
    return _lists(
        plan,
        groups=_without(plan.groups, ids),
        objectives=_unlinked(plan.objectives, "group_ids", ids),
        activities=activities,
        sessions_held=sessions,
        themes=themes,
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
    # Its sessions go with it; money spent on it stays in the plan's actual total.
    sessions = [s for s in plan.sessions_held if s.activity_id not in ids]
    costs = [
        dataclasses.replace(c, activity_id=None) if c.activity_id in ids else c for c in plan.actual_costs
    ]
    return _lists(
        plan,
        activities=_without(plan.activities, ids),
        scenarios=scenarios,
        tasks=tasks,
        sessions_held=sessions,
        actual_costs=costs,
        themes=_unlinked(plan.themes, "activity_ids", ids),
    )


def remove_themes(plan: Plan, ids: Collection[str]) -> PrunedLists:
    """The plan's lists without the themes ``ids``; responses to them stay, answering no theme."""
    ids = set(ids)
    responses = [dataclasses.replace(r, theme_id=None) if r.theme_id in ids else r for r in plan.responses]
    return _lists(plan, themes=_without(plan.themes, ids), responses=responses)


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
