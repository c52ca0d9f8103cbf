"""Costs that learn: what delivered activities really cost, against the method library.

Which activities count: those **done** (``DeliveryStatus.DONE``) with a method, at least one
session held, and actual costs recorded against them. Their figures:

- sessions: the sessions held; people: people reached as :mod:`ceplanner.core.variance` counts
  them (the largest session when the same people come to every session, otherwise the sum);
- actual cost: the activity's actual costs, paid and in kind, summed exactly;
- the library's cost: the method's own cost lines costed for the same sessions, people and
  ``same_people`` through :func:`ceplanner.core.costing.activity_from_method` (so each line
  scales as its ``scaling`` says, by the same rule as a plan).

Staff time is left out on both sides (actual costs and method lines in the category staff time,
and the method's hours): the library costs staff time from the method's hours at each plan's own
staff rate, so it is not a library figure to learn from.

Per session and per person figures are the cost divided by sessions held or people reached,
rounded half-up to a whole minor unit; per person is None when nobody was reached.

Medians (:func:`median`): of an even count, the mean of the two middle values rounded half-up
to a whole minor unit.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from ceplanner.core.costing import activity_cost, activity_from_method, lines_split
from ceplanner.core.limits import limits_of
from ceplanner.core.model import (
    Activity,
    CostCategory,
    CostLine,
    DeliveryStatus,
    Method,
    Plan,
    SessionHeld,
)
from ceplanner.core.money import round_minor
from ceplanner.core.variance import people_reached, percent_of

_MOST = limits_of(CostLine, "unit_cost").maximum
MAX_UNIT_COST: int | None = None if _MOST is None else int(_MOST)


class CostLearningError(ValueError):
    """A suggestion that cannot be applied; the message says why, for the user."""


def per_unit(amount: int, count: int) -> int | None:
    """``amount`` divided by ``count``, rounded half-up to a whole minor unit; None for count 0."""
    if count <= 0:
        return None
    return round_minor(Decimal(amount) / count)


def median(values: Sequence[int]) -> int:
    """The middle value; of an even count, the mean of the two middle ones rounded half-up.

    ``ValueError`` for no values.
    """
    if not values:
        raise ValueError("no values to take the median of")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round_minor(Decimal(ordered[middle - 1] + ordered[middle]) / 2)


@dataclass(frozen=True)
class DeliveredActivity:
    """One delivered activity's real figures (see the module's rules)."""

    activity_id: str
    title: str
    method_id: str
    sessions: int
    people: int
    same_people: bool
    actual: int
    """Actual cost without staff time, minor units."""
    last_held: date | None

    @property
    def per_session(self) -> int | None:
        return per_unit(self.actual, self.sessions)

    @property
    def per_person(self) -> int | None:
        return per_unit(self.actual, self.people)


def _not_staff(category: CostCategory) -> bool:
    return category is not CostCategory.STAFF_TIME


def delivered_activities(plan: Plan) -> list[DeliveredActivity]:
    """The plan's delivered activities with a method, in the plan's order (see the module's rules)."""
    held: dict[str, list[SessionHeld]] = {}
    for session in plan.sessions_held:
        held.setdefault(session.activity_id, []).append(session)
    spent: dict[str, int] = {}
    costed: set[str] = set()
    for cost in plan.actual_costs:
        if cost.activity_id is not None:
            costed.add(cost.activity_id)
            if _not_staff(cost.category):
                spent[cost.activity_id] = spent.get(cost.activity_id, 0) + cost.amount
    result: list[DeliveredActivity] = []
    for activity in plan.activities:
        sessions = held.get(activity.id, [])
        if (
            activity.delivery_status is not DeliveryStatus.DONE
            or not activity.method_id
            or not sessions
            or activity.id not in costed
        ):
            continue
        dates = [s.held_on for s in sessions if s.held_on is not None]
        result.append(
            DeliveredActivity(
                activity.id,
                activity.title,
                activity.method_id,
                len(sessions),
                people_reached(activity, sessions),
                activity.same_people,
                spent.get(activity.id, 0),
                max(dates) if dates else None,
            )
        )
    return result


def _lines_only(method: Method) -> Method:
    """``method`` without its hours and staff-time lines: the part the library learns."""
    return replace(
        method,
        prep_hours=Decimal(0),
        delivery_hours=Decimal(0),
        analysis_hours=Decimal(0),
        cost_lines=[line for line in method.cost_lines if _not_staff(line.category)],
    )


def library_cost(method: Method, plan: Plan, sessions: int, people: int, same_people: bool) -> int:
    """What the library says ``method`` costs (its lines, no staff time) for ``sessions`` sessions
    of ``people`` people, through :func:`activity_from_method`."""
    activity: Activity = activity_from_method(
        _lines_only(method), plan, sessions=sessions, participants=people, same_people=same_people
    )
    return activity_cost(activity).total


@dataclass(frozen=True)
class CostSuggestion:
    """A delivered activity whose actual cost differs from what its library method says."""

    method: Method
    """The library's method as it is now."""
    delivered: DeliveredActivity
    library: int
    """The library's cost for the same sessions and people, minor units."""
    planned: int | None = None
    """What the approved plan budgeted for the activity (its lines, no staff time), when the
    approved version was given and holds the activity."""

    @property
    def actual(self) -> int:
        return self.delivered.actual

    @property
    def difference(self) -> int:
        """Actual minus library (positive: delivery cost more)."""
        return self.actual - self.library

    @property
    def percent(self) -> Decimal | None:
        """The difference as a percentage of the library's cost; None when it says 0."""
        return percent_of(self.difference, self.library)

    @property
    def library_per_session(self) -> int | None:
        return per_unit(self.library, self.delivered.sessions)

    @property
    def library_per_person(self) -> int | None:
        return per_unit(self.library, self.delivered.people)


def planned_cost(approved: Plan, activity_id: str) -> int | None:
    """The approved budget of an activity without staff time; None if ``approved`` lacks it."""
    activity = approved.activity(activity_id)
    if activity is None:
        return None
    lines = [line for line in activity.cost_lines if _not_staff(line.category)]
    return lines_split(lines).total


def cost_suggestions(
    plan: Plan, methods: Iterable[Method], approved: Plan | None = None
) -> list[CostSuggestion]:
    """Per delivered activity whose method is in ``methods`` (the library, e.g.
    :func:`ceplanner.core.library.all_methods`), the library's cost against the actual one;
    activities whose actual cost equals the library's are left out. With ``approved`` (the
    approved version, :func:`ceplanner.core.delivery.planned_part` or the approved snapshot),
    each suggestion also carries what the plan budgeted for the activity."""
    library = {m.id: m for m in methods}
    suggestions: list[CostSuggestion] = []
    for delivered in delivered_activities(plan):
        method = library.get(delivered.method_id)
        if method is None:
            continue
        says = library_cost(method, plan, delivered.sessions, delivered.people, delivered.same_people)
        if says != delivered.actual:
            planned = planned_cost(approved, delivered.activity_id) if approved is not None else None
            suggestions.append(CostSuggestion(method, delivered, says, planned))
    return suggestions


def _day(on: date) -> str:
    return f"{on.day} {on:%B %Y}"


def learned_source(plan: Plan, suggestion: CostSuggestion, today: date) -> str:
    """The source of a learned figure: "Actual cost, <plan title>, delivered <date>; added <today>"
    (delivered: the activity's last session held, else the day delivery started, else today)."""
    delivered = suggestion.delivered.last_held or plan.delivery_started_on or today
    title = plan.title.strip() or "an untitled plan"
    return f"Actual cost, {title}, delivered {_day(delivered)}; added {_day(today)}"


def apply_suggestion(
    methods: list[Method], suggestion: CostSuggestion, plan: Plan, today: date
) -> list[Method]:
    """The user's ``methods`` with ``suggestion``'s method updated to the actual figure.

    How lines are updated: every line the comparison used (all but staff time) keeps its
    quantity and scaling, and its unit cost is multiplied by actual ÷ library, rounded half-up to
    a whole minor unit (held at the most a line may hold). So the method keeps its shape (what
    is per session, per person or fixed) and, costed again for the delivered sessions and
    people, comes to the actual figure (to within the rounding of each unit cost: at most half a
    minor unit per unit of a line's quantity). Hours are not touched. Each
    updated line and the method itself take :func:`learned_source` as their source.

    The method replaces the user's method with its id, or is added (a copy of a built-in one,
    which it then overrides). ``methods`` is not changed. :class:`CostLearningError` when the
    library's cost is 0 (nothing to scale from).
    """
    if suggestion.library <= 0:
        raise CostLearningError(
            f"The library gives no cost for {suggestion.method.name or 'this method'} to scale from; "
            "add its cost lines in the method library by hand."
        )
    source = learned_source(plan, suggestion, today)
    method = copy.deepcopy(suggestion.method)
    for line in method.cost_lines:
        if _not_staff(line.category):
            scaled = round_minor(Decimal(line.unit_cost) * suggestion.actual / suggestion.library)
            line.unit_cost = min(scaled, MAX_UNIT_COST) if MAX_UNIT_COST is not None else scaled
            line.source = source
    method.source = source
    updated = [copy.deepcopy(m) for m in methods]
    for i, existing in enumerate(updated):
        if existing.id == method.id:
            updated[i] = method
            break
    else:
        updated.append(method)
    return updated


@dataclass(frozen=True)
class Spread:
    """Median, lowest and highest of some amounts, minor units."""

    median: int
    low: int
    high: int

    @classmethod
    def of(cls, values: Sequence[int]) -> Spread | None:
        return cls(median(values), min(values), max(values)) if values else None


@dataclass(frozen=True)
class MethodBenchmark:
    """What one method really cost across delivered activities in one currency."""

    method_id: str
    name: str
    currency: str
    count: int
    per_session: Spread | None
    per_person: Spread | None
    """None when no activity reached anyone."""
    plans: list[str] = field(default_factory=list)
    """Titles of the plans the activities come from, in the order first seen."""


def method_benchmarks(plans: Iterable[Plan]) -> list[MethodBenchmark]:
    """Per method (and currency) across ``plans``: delivered activities counted, and the median
    and range of actual cost per session and per person. Sorted by method name, then currency.
    A method's name is the one in the first plan that uses it."""
    names: dict[tuple[str, str], str] = {}
    sessions: dict[tuple[str, str], list[int]] = {}
    people: dict[tuple[str, str], list[int]] = {}
    counts: dict[tuple[str, str], int] = {}
    titles: dict[tuple[str, str], dict[str, None]] = {}
    for plan in plans:
        for delivered in delivered_activities(plan):
            key = (delivered.method_id, plan.currency)
            if key not in names:
                method = plan.method(delivered.method_id)
                names[key] = (method.name if method else "") or delivered.title or delivered.method_id
            counts[key] = counts.get(key, 0) + 1
            titles.setdefault(key, {})[plan.title] = None
            if (value := delivered.per_session) is not None:
                sessions.setdefault(key, []).append(value)
            if (value := delivered.per_person) is not None:
                people.setdefault(key, []).append(value)
    result = [
        MethodBenchmark(
            key[0],
            names[key],
            key[1],
            counts[key],
            Spread.of(sessions.get(key, [])),
            Spread.of(people.get(key, [])),
            list(titles[key]),
        )
        for key in names
    ]
    return sorted(result, key=lambda b: (b.name.casefold(), b.currency))
