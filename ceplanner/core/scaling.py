"""Cost lines that follow their activity: new quantities when sessions or participants change.

Each cost line says how it scales (:class:`~ceplanner.core.model.Scaling`), and so which figure
of its activity its quantity follows (the line's *factor*):

- ``FIXED``: nothing; the quantity never changes (a platform licence, publicity, a translation);
- ``PER_SESSION``: the activity's sessions (venue hire, interpreters, facilitators);
- ``PER_PARTICIPANT``: its expected participants, people counted once (a thank-you voucher);
- ``PER_ATTENDANCE``: its attendances (refreshments, travel, a payment for each session attended).

Attendances are derived, never stored: participants × sessions when the same people come to
every session (``Activity.same_people``), otherwise participants (each comes once).

How a quantity is rescaled: in proportion to its factor, ``quantity × new factor ÷ old factor``,
rounded half-up to the quantity's three decimal places (trailing zeros dropped). So 10 portions
of refreshments for 12 people become 10.833 for 13. When the old factor is 0 (no sessions, or no
participants entered yet) there is nothing to scale from: the line keeps its quantity as typed.
A factor that falls to 0 takes the quantity to 0, and it stays 0 when the factor grows again
(type it again, or undo). A quantity above what a line may hold (10,000,000) is held at that
most and reported as capped. Lines of other activities are never touched.

Rounding at each step means a quantity taken up and back down again may differ from where it
started by a thousandth of a unit; every amount is still quantity × unit cost to the penny.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ceplanner.core.limits import limits_of
from ceplanner.core.model import Activity, CostLine, Scaling

QUANTITY_PLACES = Decimal("0.001")
MAX_QUANTITY = Decimal(limits_of(CostLine, "quantity").maximum or 0)


def attendances(activity: Activity) -> int:
    """Attendances of an activity: participants × sessions for the same people every session,
    otherwise participants (each person comes to one session)."""
    people = max(activity.participants, 0)
    return people * max(activity.sessions, 0) if activity.same_people else people


def factor(activity: Activity, scaling: Scaling) -> int | None:
    """The figure of ``activity`` a line scaling this way follows; None for a fixed line."""
    if scaling == Scaling.PER_SESSION:
        return max(activity.sessions, 0)
    if scaling == Scaling.PER_PARTICIPANT:
        return max(activity.participants, 0)
    if scaling == Scaling.PER_ATTENDANCE:
        return attendances(activity)
    return None


def _tidy(value: Decimal) -> Decimal:
    """Rounded to three places, without trailing zeros or an exponent ("24", not "24.000")."""
    value = value.quantize(QUANTITY_PLACES, rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def rescale_quantity(quantity: Decimal, old_factor: int, new_factor: int) -> Decimal:
    """``quantity`` in proportion to its factor going from ``old_factor`` to ``new_factor``.

    Unchanged when the old factor is 0 or the factor does not change; not capped (see
    :func:`rescaled_lines`).
    """
    if old_factor <= 0 or old_factor == new_factor:
        return quantity
    return _tidy(quantity * max(new_factor, 0) / old_factor)


@dataclass(frozen=True)
class Rescaled:
    """A line of the activity and the quantity it takes; ``capped`` if held at the most a line
    may hold."""

    line: CostLine
    quantity: Decimal
    capped: bool = False


def _resized(
    activity: Activity, sessions: int | None, participants: int | None, same_people: bool | None
) -> Activity:
    """A shallow stand-in for ``activity`` with the given size (its lines are not copied)."""
    return Activity(
        sessions=activity.sessions if sessions is None else sessions,
        participants=activity.participants if participants is None else participants,
        same_people=activity.same_people if same_people is None else same_people,
    )


def rescaled_lines(
    activity: Activity,
    *,
    sessions: int | None = None,
    participants: int | None = None,
    same_people: bool | None = None,
) -> list[Rescaled]:
    """The lines of ``activity`` whose quantity changes when it takes the given size, with the
    new quantities; lines that keep theirs (fixed ones among them) are not listed.

    ``activity`` itself is not changed. Arguments left as None keep the activity's own value.
    """
    new = _resized(activity, sessions, participants, same_people)
    changes: list[Rescaled] = []
    for line in activity.cost_lines:
        old_factor = factor(activity, line.scaling)
        new_factor = factor(new, line.scaling)
        if old_factor is None or new_factor is None:
            continue
        quantity = rescale_quantity(line.quantity, old_factor, new_factor)
        capped = quantity > MAX_QUANTITY
        if capped:
            quantity = _tidy(MAX_QUANTITY)
        if quantity != line.quantity:
            changes.append(Rescaled(line, quantity, capped))
    return changes


def rescaled_activity(
    activity: Activity,
    *,
    sessions: int | None = None,
    participants: int | None = None,
    same_people: bool | None = None,
) -> Activity:
    """A deep copy of ``activity`` with the given size and its lines rescaled to match (ids are
    kept). For costing an option without touching the plan, as budget scenarios do."""
    quantities = {
        id(change.line): change.quantity
        for change in rescaled_lines(
            activity, sessions=sessions, participants=participants, same_people=same_people
        )
    }
    result = copy.deepcopy(activity)
    resized = _resized(activity, sessions, participants, same_people)
    result.sessions, result.participants = resized.sessions, resized.participants
    result.same_people = resized.same_people
    for original, line in zip(activity.cost_lines, result.cost_lines, strict=True):
        if id(original) in quantities:
            line.quantity = quantities[id(original)]
    return result


def participants_for_sessions(activity: Activity, sessions: int) -> int:
    """Expected people if ``activity`` ran ``sessions`` sessions with the same number of people
    in each: unchanged when the same people come to every session, otherwise in proportion
    (rounded half-up); unchanged when it has no sessions now (nothing to scale from)."""
    if activity.same_people or activity.sessions <= 0:
        return activity.participants
    scaled = Decimal(activity.participants) * max(sessions, 0) / activity.sessions
    return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP))
