"""Planned against actual: money, reach and indicators of a plan in delivery.

The planned side is :func:`ceplanner.core.costing.compute_budget` of the **approved** plan (the
snapshot kept when delivery started); the actual side is the delivery records of the current
plan. Rules, the same as the plan's so every table reconciles to the penny:

- every amount is integer minor units; an actual cost is its ``amount``, summed, never rounded;
- variance is actual minus planned (positive: over budget); its percent is of the planned
  amount, rounded half-up to one decimal place, and ``None`` ("n/a") when nothing was planned;
- each breakdown (by activity, category, funder) plus the contingency row adds up exactly to
  the total. The contingency is planned cash held back: nothing is spent "on" it, so its actual
  is 0 and overspending elsewhere shows against the activities, categories and funders;
- actual costs for no activity (``activity_id`` None) fall in the row ``PLAN_WHOLE``, beside
  the plan-level evaluation budget they usually spend; actual costs of no funder fall under
  ``NO_FUNDER`` like planned lines with none.

Reach counts people, not attendances, the way the plan's ``participants`` do:

- expected people per group: an activity's ``expected_by_group`` where the plan states them;
  the rest of its expected participants (all of them when it states none) shared between the
  other groups it serves in proportion to their sizes when every one of them has a size,
  otherwise evenly (as the costing shares cost); whole people, the ones left over going to the
  largest remainders, the first of equal ones (:func:`share_people`), so the shares add up
  exactly to the activity's participants (or to the stated figures, if those are more);
- people reached by an activity, in all and per group: when the same people come to every
  session (``Activity.same_people``) it is the largest attendance of any one session (the
  others are the same people coming back); otherwise each session's people are new, so it is
  the sum of the sessions' attendance. Attendances (people x visits) are always the sum;
- a person who takes part in two different activities is counted in each (the plan keeps no
  names, so nobody can be matched across activities); the plan's expected participants are
  counted the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ceplanner.core.costing import NO_FUNDER, UNALLOCATED, Split, compute_budget, split_evenly
from ceplanner.core.model import (
    Activity,
    ActualCost,
    CostCategory,
    Plan,
    SessionHeld,
    StakeholderGroup,
    label,
)
from ceplanner.core.money import format_money

PLAN_WHOLE = ""
"""Row key of costs for the plan as a whole (the plan-level evaluation, spend on no activity)."""
PLAN_WHOLE_LABEL = "The plan as a whole"
CONTINGENCY_LABEL = "Contingency"
NOT_APPLICABLE = "n/a"
_TENTH = Decimal("0.1")


def percent_of(part: int, whole: int) -> Decimal | None:
    """``part`` as a percentage of ``whole``, half-up to one decimal place; None when whole is 0."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / whole).quantize(_TENTH, rounding=ROUND_HALF_UP)


def percent_text(value: Decimal | None, *, signed: bool = True) -> str:
    """A percentage as shown: "+12.5%", "-3.0%", "0.0%"; "n/a" for None."""
    if value is None:
        return NOT_APPLICABLE
    return f"{value:+}%" if signed and value != 0 else f"{value}%"


def signed_money(amount: int, currency: str) -> str:
    """A variance in money as shown: "+£1,250.00" over budget, "-£80.00" under, "£0.00" on budget
    (the one form for the window, the command line and the engagement report)."""
    return ("+" if amount > 0 else "") + format_money(amount, currency)


@dataclass(frozen=True)
class VarianceRow:
    """One line of a planned-against-actual table; amounts in minor units."""

    key: str
    """An activity's id, a category's value, a funder's name, ``PLAN_WHOLE`` or "total"."""
    label: str
    planned: Split
    actual: Split

    @property
    def variance(self) -> int:
        """Actual minus planned, paid and in kind together (positive: over budget)."""
        return self.actual.total - self.planned.total

    @property
    def percent(self) -> Decimal | None:
        """The variance as a percentage of the planned amount; None when nothing was planned."""
        return percent_of(self.variance, self.planned.total)

    @property
    def paid_variance(self) -> int:
        """Actual paid minus planned paid (cash only)."""
        return self.actual.paid - self.planned.paid

    @property
    def paid_percent(self) -> Decimal | None:
        return percent_of(self.paid_variance, self.planned.paid)


@dataclass(frozen=True)
class GroupReach:
    """People of one stakeholder group expected and reached (``UNALLOCATED``: activities serving
    no group, and attendance recorded for no group)."""

    group_id: str
    name: str
    seldom_heard: bool
    expected: int
    reached: int
    attendances: int

    @property
    def percent(self) -> Decimal | None:
        """People reached as a percentage of those expected; None when none were expected."""
        return percent_of(self.reached, self.expected)


@dataclass(frozen=True)
class ActivityDelivery:
    """One activity's sessions and people, planned against held."""

    activity_id: str
    title: str
    status: str
    """The activity's delivery status, in words."""
    dropped_reason: str
    sessions_planned: int
    sessions_held: int
    expected: int
    reached: int
    attendances: int


@dataclass(frozen=True)
class IndicatorProgress:
    objective: str
    measure: str
    baseline: str
    target: str
    measured: str
    """"" while not measured."""


@dataclass(frozen=True)
class DeliveryFigures:
    """Everything planned against actual, from :func:`delivery_figures`."""

    currency: str
    by_activity: list[VarianceRow]
    by_category: list[VarianceRow]
    by_funder: list[VarianceRow]
    contingency: VarianceRow
    total: VarianceRow
    activities: list[ActivityDelivery]
    reach: list[GroupReach]
    """Per group in the plan's order, then ``UNALLOCATED`` if anyone falls there."""
    indicators: list[IndicatorProgress] = field(default_factory=list)

    @property
    def seldom_heard(self) -> GroupReach:
        """Seldom-heard groups together."""
        return _sum_reach("seldom_heard", "Seldom-heard groups", [r for r in self.reach if r.seldom_heard])

    @property
    def reach_total(self) -> GroupReach:
        return _sum_reach("total", "Everyone", self.reach)


def _sum_reach(key: str, name: str, rows: list[GroupReach]) -> GroupReach:
    return GroupReach(
        key,
        name,
        key == "seldom_heard",
        sum(r.expected for r in rows),
        sum(r.reached for r in rows),
        sum(r.attendances for r in rows),
    )


def actual_split(costs: Iterable[ActualCost]) -> Split:
    """Paid and in-kind parts of actual costs, summed exactly."""
    paid = in_kind = 0
    for cost in costs:
        if cost.in_kind:
            in_kind += cost.amount
        else:
            paid += cost.amount
    return Split(paid, in_kind)


def _part(cost: ActualCost) -> Split:
    return Split(0, cost.amount) if cost.in_kind else Split(cost.amount, 0)


def _rows(
    keys: Iterable[str], labels: dict[str, str], planned: dict[str, Split], actual: dict[str, Split]
) -> list[VarianceRow]:
    return [VarianceRow(k, labels.get(k, k), planned.get(k, Split()), actual.get(k, Split())) for k in keys]


def _ordered(*key_lists: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for keys in key_lists:
        for key in keys:
            seen.setdefault(key, None)
    return list(seen)


def money_variance(
    approved: Plan, plan: Plan
) -> tuple[list[VarianceRow], list[VarianceRow], list[VarianceRow], VarianceRow, VarianceRow]:
    """(by activity, by category, by funder, contingency, total) of ``plan``'s actual costs
    against ``approved``'s budget."""
    budget = compute_budget(approved)

    # By activity: the approved activities, then any added since, then the plan as a whole.
    planned_activity: dict[str, Split] = dict(budget.by_activity)
    if budget.evaluation_budget:
        planned_activity[PLAN_WHOLE] = Split(budget.evaluation_budget, 0)
    actual_activity: dict[str, Split] = {}
    actual_category: dict[str, Split] = {}
    actual_funder: dict[str, Split] = {}
    for cost in plan.actual_costs:
        part = _part(cost)
        key = cost.activity_id if cost.activity_id is not None else PLAN_WHOLE
        actual_activity[key] = actual_activity.get(key, Split()) + part
        actual_category[cost.category.value] = actual_category.get(cost.category.value, Split()) + part
        funder = cost.funder.strip() or NO_FUNDER
        actual_funder[funder] = actual_funder.get(funder, Split()) + part
    titles = {a.id: a.title for a in approved.activities} | {a.id: a.title for a in plan.activities}
    titles = {k: v or "Untitled activity" for k, v in titles.items()} | {PLAN_WHOLE: PLAN_WHOLE_LABEL}
    activity_keys = _ordered(
        [a.id for a in approved.activities],
        [a.id for a in plan.activities],
        [k for k in (*planned_activity, *actual_activity) if k == PLAN_WHOLE],
        actual_activity,  # spend on an activity deleted since (kept in its own row)
    )
    titles = {k: titles.get(k, "An activity deleted since") for k in activity_keys}
    by_activity = _rows(activity_keys, titles, planned_activity, actual_activity)

    planned_category = {c.value: s for c, s in budget.by_category.items()}
    category_keys = [
        c.value for c in CostCategory if c.value in planned_category or c.value in actual_category
    ]
    by_category = _rows(
        category_keys, {c.value: label(c) for c in CostCategory}, planned_category, actual_category
    )

    funder_keys = _ordered(
        [f.name for f in approved.funders if f.name in budget.funder_splits or f.name in actual_funder],
        [k for k in budget.funder_splits if k != NO_FUNDER],
        [k for k in actual_funder if k != NO_FUNDER],
        [k for k in (*budget.funder_splits, *actual_funder) if k == NO_FUNDER],
    )
    by_funder = _rows(funder_keys, {}, budget.funder_splits, actual_funder)

    contingency = VarianceRow("contingency", CONTINGENCY_LABEL, Split(budget.contingency, 0), Split())
    total = VarianceRow(
        "total",
        "Total",
        Split(budget.paid + budget.contingency, budget.in_kind),
        actual_split(plan.actual_costs),
    )
    return by_activity, by_category, by_funder, contingency, total


def people_reached(activity: Activity, sessions: list[SessionHeld]) -> int:
    """People an activity reached: its largest session when the same people come to every session,
    otherwise every session's people added up (see the module's rules)."""
    counts = [s.attendance for s in sessions]
    return _people(activity, counts)


def _people(activity: Activity, counts: list[int]) -> int:
    if not counts:
        return 0
    return max(counts) if activity.same_people else sum(counts)


def share_people(people: int, groups: list[StakeholderGroup]) -> dict[str, int]:
    """``people`` shared between ``groups`` (see the module's rules); {} for no groups."""
    if not groups:
        return {}
    sizes = [g.size or 0 for g in groups]
    if any(size <= 0 for size in sizes):
        return split_evenly(people, [g.id for g in groups])
    whole = sum(sizes)
    floors = [people * size // whole for size in sizes]
    remainders = [people * size % whole for size in sizes]
    for i in sorted(range(len(groups)), key=lambda i: -remainders[i])[: people - sum(floors)]:
        floors[i] += 1
    shares: dict[str, int] = {}
    for group, share in zip(groups, floors, strict=True):
        shares[group.id] = shares.get(group.id, 0) + share
    return shares


def reach(approved: Plan, plan: Plan) -> tuple[list[ActivityDelivery], list[GroupReach]]:
    """Per activity and per group: expected people (from ``approved``) against people reached
    (from ``plan``'s sessions held)."""
    sessions_of: dict[str, list[SessionHeld]] = {}
    for session in plan.sessions_held:
        sessions_of.setdefault(session.activity_id, []).append(session)

    group_ids = [g.id for g in plan.groups] + [g.id for g in approved.groups if plan.group(g.id) is None]
    known = set(group_ids)
    expected: dict[str, int] = {}
    for activity in approved.activities:
        stated: dict[str, int] = {}
        for part in activity.expected_by_group:
            key = part.group_id if part.group_id in known else UNALLOCATED
            stated[key] = stated.get(key, 0) + part.people
        groups = [
            g
            for gid in activity.group_ids
            if gid not in stated and (g := approved.group(gid) or plan.group(gid)) is not None
        ]
        rest = max(activity.participants - sum(stated.values()), 0)
        shares = share_people(rest, groups) or ({UNALLOCATED: rest} if rest else {})
        for gid, share in [*stated.items(), *shares.items()]:
            expected[gid] = expected.get(gid, 0) + share

    reached: dict[str, int] = {}
    attendances: dict[str, int] = {}
    activities: list[ActivityDelivery] = []
    planned_of = {a.id: a for a in approved.activities}
    for activity in plan.activities:
        held = sessions_of.get(activity.id, [])
        per_group: dict[str, list[int]] = {}
        for session in held:
            named = 0
            for part in session.by_group:
                key = part.group_id if part.group_id in known else UNALLOCATED
                per_group.setdefault(key, []).append(part.people)
                named += part.people
            if session.attendance > named:  # people in no group of the plan
                per_group.setdefault(UNALLOCATED, []).append(session.attendance - named)
        for gid, counts in per_group.items():
            reached[gid] = reached.get(gid, 0) + _people(activity, counts)
            attendances[gid] = attendances.get(gid, 0) + sum(counts)
        approved_activity = planned_of.get(activity.id)
        activities.append(
            ActivityDelivery(
                activity.id,
                activity.title,
                label(activity.delivery_status),
                activity.dropped_reason,
                approved_activity.sessions if approved_activity else 0,
                len(held),
                approved_activity.participants if approved_activity else 0,
                people_reached(activity, held),
                sum(s.attendance for s in held),
            )
        )

    rows = []
    for gid in [*group_ids, UNALLOCATED]:
        if gid == UNALLOCATED and not (expected.get(gid) or reached.get(gid)):
            continue
        group = plan.group(gid) or approved.group(gid)
        rows.append(
            GroupReach(
                gid,
                (group.name or "Unnamed group") if group else "No group named",
                bool(group and group.seldom_heard),
                expected.get(gid, 0),
                reached.get(gid, 0),
                attendances.get(gid, 0),
            )
        )
    return activities, rows


def indicator_progress(plan: Plan) -> list[IndicatorProgress]:
    """Every indicator with its baseline, target and measured value, objective by objective."""
    return [
        IndicatorProgress(o.title, i.measure, i.baseline, i.target, i.measured)
        for o in plan.objectives
        for i in o.indicators
    ]


def delivery_figures(approved: Plan, plan: Plan) -> DeliveryFigures:
    """Planned (``approved``, the baseline) against actual (``plan``) in money, reach and indicators."""
    by_activity, by_category, by_funder, contingency, total = money_variance(approved, plan)
    activities, groups = reach(approved, plan)
    return DeliveryFigures(
        plan.currency,
        by_activity,
        by_category,
        by_funder,
        contingency,
        total,
        activities,
        groups,
        indicator_progress(plan),
    )
