"""Cost lines follow their activity's sessions, participants and attendances, to the penny."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ceplanner.core import library
from ceplanner.core.costing import activity_from_method, compute_budget, line_total, suggested_participants
from ceplanner.core.model import Activity, CostCategory, CostLine, Plan, Scaling, Unit
from ceplanner.core.scaling import (
    attendances,
    factor,
    participants_for_sessions,
    rescale_quantity,
    rescaled_activity,
    rescaled_lines,
)


def _line(scaling: Scaling, quantity: str, unit_cost: int, description: str = "") -> CostLine:
    return CostLine(
        category=CostCategory.OTHER,
        description=description or scaling.value,
        unit=Unit.ITEM,
        quantity=Decimal(quantity),
        unit_cost=unit_cost,
        scaling=scaling,
    )


def _activity(sessions: int = 2, participants: int = 12, same_people: bool = False) -> Activity:
    return Activity(
        title="Focus groups",
        sessions=sessions,
        participants=participants,
        same_people=same_people,
        cost_lines=[
            _line(Scaling.PER_SESSION, "1", 9000, "room"),  # £90 a session
            _line(Scaling.PER_PARTICIPANT, "12", 2500, "voucher"),  # £25 a person
            _line(Scaling.PER_ATTENDANCE, "10", 600, "refreshments"),  # £6 a portion
            _line(Scaling.FIXED, "3", 15000, "translation"),  # £150 a language
        ],
    )


def test_attendances_count_each_session_only_for_the_same_people() -> None:
    assert attendances(Activity(sessions=4, participants=10)) == 10
    assert attendances(Activity(sessions=4, participants=10, same_people=True)) == 40
    assert attendances(Activity(sessions=0, participants=10, same_people=True)) == 0
    activity = Activity(sessions=3, participants=7, same_people=True)
    assert factor(activity, Scaling.PER_SESSION) == 3
    assert factor(activity, Scaling.PER_PARTICIPANT) == 7
    assert factor(activity, Scaling.PER_ATTENDANCE) == 21
    assert factor(activity, Scaling.FIXED) is None


def test_quantities_rescale_in_proportion_rounded_to_three_places() -> None:
    assert rescale_quantity(Decimal(10), 12, 13) == Decimal("10.833")  # 10.8333…
    assert rescale_quantity(Decimal(10), 12, 14) == Decimal("11.667")  # 11.6666… half up
    assert rescale_quantity(Decimal("0.0005"), 1, 1) == Decimal("0.0005")  # same factor: as it is
    assert rescale_quantity(Decimal(1), 2000, 1) == Decimal("0.001")  # 0.0005 rounds half up
    assert str(rescale_quantity(Decimal(8), 12, 36)) == "24"  # no trailing zeros
    assert str(rescale_quantity(Decimal(1), 1, 100)) == "100"  # and no exponent
    # Nothing to scale from: the quantity stays as typed.
    assert rescale_quantity(Decimal(7), 0, 5) == Decimal(7)
    assert rescale_quantity(Decimal(7), 5, 0) == Decimal(0)


def test_sessions_and_participants_rescale_their_lines_to_the_penny() -> None:
    activity = _activity(sessions=2, participants=12)
    room, voucher, food, translation = activity.cost_lines
    changes = {c.line.description: c.quantity for c in rescaled_lines(activity, sessions=4, participants=20)}
    # room follows sessions, voucher participants, refreshments attendances (= participants
    # when different people come to each session); translation is fixed and not listed.
    assert changes == {"room": Decimal(2), "voucher": Decimal(20), "refreshments": Decimal("16.667")}

    moved = rescaled_activity(activity, sessions=4, participants=20)
    assert (moved.sessions, moved.participants) == (4, 20)
    assert [line_total(line) for line in moved.cost_lines] == [18000, 50000, 10000, 45000]
    # 16.667 × £6.00 = £100.002 -> £100.00
    assert moved.cost_lines[3] == translation
    # The activity itself is untouched; the copy keeps the ids.
    assert (activity.sessions, room.quantity, voucher.quantity, food.quantity) == (
        2,
        Decimal(1),
        Decimal(12),
        Decimal(10),
    )
    assert [line.id for line in moved.cost_lines] == [line.id for line in activity.cost_lines]


def test_same_people_makes_attendance_lines_follow_sessions_too() -> None:
    activity = _activity(sessions=2, participants=12, same_people=True)  # 24 attendances
    moved = rescaled_activity(activity, sessions=6)  # 72 attendances
    room, voucher, food, translation = moved.cost_lines
    assert room.quantity == Decimal(3)  # 1 × 6 / 2
    assert voucher.quantity == Decimal(12)  # the same twelve people: one voucher each
    assert food.quantity == Decimal(30)  # 10 × 72 / 24
    assert line_total(food) == 18000
    assert translation.quantity == Decimal(3)
    # Ticking "same people" alone multiplies attendances by the sessions.
    ticked = rescaled_lines(_activity(sessions=3, participants=12), same_people=True)
    assert [(c.line.description, c.quantity) for c in ticked] == [("refreshments", Decimal(30))]


def test_a_factor_of_zero_keeps_what_was_typed_and_nothing_else_moves() -> None:
    activity = _activity(sessions=2, participants=0)
    changes = rescaled_lines(activity, participants=15)
    assert changes == []  # no participants before: nothing to scale from
    moved = rescaled_activity(activity, sessions=0)
    assert [line.quantity for line in moved.cost_lines] == [Decimal(0), Decimal(12), Decimal(10), Decimal(3)]
    assert rescaled_lines(activity) == []


def test_quantities_are_held_at_the_most_a_line_may_hold() -> None:
    activity = Activity(sessions=1, participants=10, cost_lines=[_line(Scaling.PER_ATTENDANCE, "100", 1)])
    (change,) = rescaled_lines(activity, participants=2_000_000)
    assert change.capped and change.quantity == Decimal(10_000_000)
    (change,) = rescaled_lines(activity, participants=20)
    assert not change.capped and change.quantity == Decimal(200)


def test_lines_of_other_activities_do_not_change() -> None:
    first, second = _activity(), _activity()
    plan = Plan(activities=[first, second])
    before = compute_budget(plan).by_activity[second.id]
    plan.activities[0] = rescaled_activity(first, sessions=5, participants=40)
    budget = compute_budget(plan)
    assert budget.by_activity[second.id] == before
    assert budget.by_activity[first.id].total > before.total


def test_participants_for_sessions_keeps_the_group_size() -> None:
    assert participants_for_sessions(Activity(sessions=4, participants=48), 2) == 24
    assert participants_for_sessions(Activity(sessions=3, participants=10), 1) == 3  # 3.33
    assert participants_for_sessions(Activity(sessions=3, participants=10, same_people=True), 1) == 10
    assert participants_for_sessions(Activity(sessions=0, participants=10), 2) == 10


def test_adding_a_method_counts_people_and_scales_its_lines() -> None:
    method = next(m for m in library.builtin_methods() if m.id == "method-focus-group")
    plan = Plan(staff_day_rate=30000)  # £40 an hour
    assert suggested_participants(method, 3) == 36  # twelve new people each session
    assert suggested_participants(method, 3, same_people=True) == 12

    series = activity_from_method(method, plan, 3, same_people=True)
    assert (series.participants, series.same_people, attendances(series)) == (12, True, 36)
    by_name = {line.description: line for line in series.cost_lines}
    assert by_name["Accessible community room hire"].quantity == 3  # per session
    assert by_name["Thank-you voucher for each participant"].quantity == 8  # per person, once
    assert by_name["Refreshments"].quantity == 30  # 10 for 12 attendances -> 36
    staff = by_name["Staff time: preparation and delivery (Focus group)"]
    assert (
        staff.scaling is Scaling.PER_SESSION
        and staff.quantity == (method.prep_hours + method.delivery_hours) * 3
    )
    analysis = by_name["Staff time: analysis and reporting (Focus group)"]
    assert analysis.scaling is Scaling.FIXED and analysis.quantity == method.analysis_hours

    # Fewer people than the library's typical group: the people-lines shrink with them.
    small = activity_from_method(method, plan, 2, participants=6)
    by_name = {line.description: line for line in small.cost_lines}
    assert small.participants == 6
    assert by_name["Refreshments"].quantity == 5  # 10 × 6 / 12
    assert by_name["Thank-you voucher for each participant"].quantity == 4
    assert by_name["Accessible community room hire"].quantity == 2
    assert line_total(by_name["Refreshments"]) == 3000


def test_adding_with_the_suggested_size_keeps_the_library_figures() -> None:
    """The library's lines are for one session of a typical group: added as such, their
    quantities are the template's, fixed lines included."""
    plan = Plan()
    for method in library.builtin_methods():
        activity = activity_from_method(method, plan, 1)
        templates = [line.quantity for line in method.cost_lines]
        assert [line.quantity for line in activity.cost_lines[-len(templates) :]] == templates, method.name


def test_every_library_line_says_how_it_scales() -> None:
    raw = json.loads(library.resource_path(library.METHODS_RESOURCE).read_text(encoding="utf-8"))
    for method in raw["methods"]:
        for line in method["cost_lines"]:
            assert line["scaling"] in {s.value for s in Scaling}, line["description"]


@pytest.mark.parametrize("sessions", [1, 2, 5])
def test_a_new_group_each_session_multiplies_all_but_fixed_lines(sessions: int) -> None:
    for method in library.builtin_methods():
        activity = activity_from_method(method, Plan(), sessions)
        for template, line in zip(reversed(method.cost_lines), reversed(activity.cost_lines), strict=False):
            if template.unit is Unit.LUMP_SUM:
                assert template.scaling is Scaling.FIXED, template.description
            expected = (
                template.quantity if template.scaling is Scaling.FIXED else template.quantity * sessions
            )
            assert line.quantity == expected, (method.name, template.description)


def test_every_sample_plan_line_says_how_it_scales_and_follows_its_activity() -> None:
    raw = json.loads(library.resource_path(library.SAMPLE_PLAN_RESOURCE).read_text(encoding="utf-8"))
    plan_lines = [line for a in raw["plan"]["activities"] for line in a["cost_lines"]]
    plan_lines += [line for m in raw["plan"]["methods"] for line in m["cost_lines"]]
    assert all(line["scaling"] in {s.value for s in Scaling} for line in plan_lines)

    plan = library.sample_plan()
    co_design = next(a for a in plan.activities if a.id == "activity-co-design")
    assert co_design.same_people and attendances(co_design) == 96  # 16 people at six sessions
    longer = rescaled_activity(co_design, sessions=8)
    lunch = {line.description: line for line in longer.cost_lines}["Lunch and refreshments"]
    assert lunch.quantity == 128 and line_total(lunch) == 102_400  # 16 × 8 at £8.00
    focus = next(a for a in plan.activities if a.id == "activity-focus-groups")
    more = rescaled_activity(focus, sessions=8, participants=64)
    fixed = [(line.id, line.quantity) for line in focus.cost_lines if line.scaling is Scaling.FIXED]
    assert len(fixed) == 5
    assert fixed == [(line.id, line.quantity) for line in more.cost_lines if line.scaling is Scaling.FIXED]
    moved = {line.description: line.quantity for line in more.cost_lines}
    assert moved["Recruitment flyers and adverts"] == 8  # per session
    assert moved["Thank-you voucher for each participant"] == 64  # per participant
