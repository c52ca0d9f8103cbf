"""Costs that learn: actual against library, suggestions applied, benchmarks; worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ceplanner.core import library
from ceplanner.core.cost_learning import (
    CostLearningError,
    Spread,
    apply_suggestion,
    cost_suggestions,
    delivered_activities,
    library_cost,
    median,
    method_benchmarks,
)
from ceplanner.core.costing import activity_cost, activity_from_method
from ceplanner.core.delivery import planned_part
from ceplanner.core.model import (
    Activity,
    ActualCost,
    CostCategory,
    CostLine,
    DeliveryStatus,
    Method,
    Plan,
    Scaling,
    SessionHeld,
    Unit,
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user library."""
    monkeypatch.setenv(library.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.delenv(library.SHARED_LIBRARY_ENV, raising=False)
    return tmp_path / "data"


def _method() -> Method:
    """Costed for one session of 10 people: venue £100 a session, refreshments £3 an attendance,
    publicity £50 once, and a staff-time line and hours that are left out."""
    return Method(
        id="method-coffee",
        name="Coffee morning",
        group_size_min=5,
        group_size_max=10,
        prep_hours=Decimal(3),
        cost_lines=[
            CostLine(
                CostCategory.VENUE, "Room", Unit.SESSION, Decimal(1), 10000, scaling=Scaling.PER_SESSION
            ),
            CostLine(
                CostCategory.CATERING, "Tea", Unit.PERSON, Decimal(10), 300, scaling=Scaling.PER_ATTENDANCE
            ),
            CostLine(CostCategory.PUBLICITY, "Posters", Unit.LUMP_SUM, Decimal(1), 5000),
            CostLine(
                CostCategory.STAFF_TIME, "Host", Unit.HOUR, Decimal(2), 2000, scaling=Scaling.PER_SESSION
            ),
        ],
        source="Example figures",
    )


def coffee_plan(
    attendance: list[int] = [12, 9],  # noqa: B006 (never changed)
    costs: list[tuple[CostCategory, int, bool]] | None = None,
    *,
    status: DeliveryStatus = DeliveryStatus.DONE,
    currency: str = "GBP",
    title: str = "Parish Voices",
) -> Plan:
    """A delivered plan with one coffee-morning activity, the sessions given, and its costs."""
    if costs is None:
        costs = [
            (CostCategory.VENUE, 25000, False),
            (CostCategory.CATERING, 7000, False),
            (CostCategory.PUBLICITY, 4000, False),
            (CostCategory.CATERING, 1500, True),  # donated cakes, in kind
            (CostCategory.STAFF_TIME, 9999, False),  # left out
        ]
    activity = Activity(
        id="a1", title="Coffee mornings", method_id="method-coffee", sessions=3, participants=30
    )
    activity.delivery_status = status
    plan = Plan(title=title, currency=currency, activities=[activity], methods=[_method()])
    plan.sessions_held = [
        SessionHeld(activity_id="a1", held_on=date(2027, 3, 2 + 7 * i), attendance=n)
        for i, n in enumerate(attendance)
    ]
    plan.actual_costs = [
        ActualCost(activity_id="a1", category=c, amount=amount, in_kind=kind) for c, amount, kind in costs
    ]
    plan.actual_costs.append(ActualCost(activity_id=None, category=CostCategory.EVALUATION, amount=50000))
    return plan


# --- the comparison ---------------------------------------------------------------------------


def test_actual_against_library_worked_by_hand() -> None:
    # Held: 2 sessions of 12 and 9 new people: 21 reached.
    # Library for 2 sessions of 21: room 2 x £100 = £200; tea 10 -> 21 attendances x £3 = £63;
    # posters £50. Total £313.00 (staff time and hours left out).
    # Actual: 250 + 70 + 40 + 15 (in kind) = £375.00 (the £99.99 of staff time left out).
    [suggestion] = cost_suggestions(coffee_plan(), [_method()])
    assert suggestion.delivered.sessions == 2 and suggestion.delivered.people == 21
    assert suggestion.library == 31300
    assert suggestion.actual == 37500
    assert suggestion.difference == 6200
    assert suggestion.percent == Decimal("19.8")  # 6200 / 31300 = 19.808%
    assert suggestion.delivered.per_session == 18750
    assert suggestion.delivered.per_person == 1786  # 37500 / 21 = 1785.71
    assert suggestion.library_per_session == 15650
    assert suggestion.library_per_person == 1490  # 31300 / 21 = 1490.48


def test_the_same_people_every_session_are_counted_once() -> None:
    plan = coffee_plan([12, 9])
    plan.activities[0].same_people = True
    [suggestion] = cost_suggestions(plan, [_method()])
    # 12 people came back: 12 reached, 24 attendances of tea: 200 + 24 x 3 + 50 = £322.
    assert suggestion.delivered.people == 12
    assert suggestion.library == 32200
    assert suggestion.delivered.per_person == 3125


def test_the_library_cost_is_the_method_costed_as_a_plan_would_be() -> None:
    plan = coffee_plan()
    bare = Method(**{**_method().__dict__, "prep_hours": Decimal(0)})
    bare.cost_lines = [line for line in bare.cost_lines if line.category is not CostCategory.STAFF_TIME]
    expected = activity_cost(activity_from_method(bare, plan, sessions=2, participants=21)).total
    assert library_cost(_method(), plan, 2, 21, False) == expected == 31300


@pytest.mark.parametrize(
    "change",
    ["happening", "dropped", "no method", "no sessions", "no costs", "method not in library"],
)
def test_only_done_activities_with_sessions_costs_and_a_known_method_count(change: str) -> None:
    plan = coffee_plan()
    methods = [_method()]
    activity = plan.activities[0]
    if change == "happening":
        activity.delivery_status = DeliveryStatus.HAPPENING
    elif change == "dropped":
        activity.delivery_status = DeliveryStatus.DROPPED
    elif change == "no method":
        activity.method_id = None
    elif change == "no sessions":
        plan.sessions_held = []
    elif change == "no costs":
        plan.actual_costs = [c for c in plan.actual_costs if c.activity_id != "a1"]
    else:
        methods = []
    assert cost_suggestions(plan, methods) == []


def test_no_suggestion_when_delivery_cost_what_the_library_says() -> None:
    plan = coffee_plan(costs=[(CostCategory.VENUE, 31300, False)])
    assert len(delivered_activities(plan)) == 1
    assert cost_suggestions(plan, [_method()]) == []


def test_delivered_sample_focus_groups_worked_by_hand() -> None:
    plan = library.sample_delivered_plan()
    suggestions = {s.method.id: s for s in cost_suggestions(plan, library.builtin_methods())}
    focus = suggestions["method-focus-group"]
    # Five of six sessions held: 9 + 7 + 8 + 7 + 10 = 41 people. The library's focus group
    # (costed for one session of 12): room 5 x 90 = 450; refreshments 10 x 41/12 = 34.167 x 6
    # = 205.00; vouchers 8 x 41/12 = 27.333 x 25 = 683.33; travel 27.333 x 6 = 164.00;
    # childcare 5 x 40 = 200; flyers 5 x 60 = 300; note-taker 15 x 20 = 300: £2,302.33.
    assert (focus.delivered.sessions, focus.delivered.people) == (5, 41)
    assert focus.library == 230233
    # Actual without staff time: 225 + 300 + 1200 + 240 + 240 + 300 + 300 + 225 (in kind)
    # + 270 + 180 + 240 + 80 = £3,800.00.
    assert focus.actual == 380000
    assert focus.difference == 149767
    assert focus.percent == Decimal("65.1")
    assert focus.delivered.per_session == 76000
    assert focus.delivered.per_person == 9268  # 380000 / 41 = 9268.29
    assert focus.planned is None  # no approved version given
    # With it: the approved focus groups' lines without staff time: room 270 + 270, refreshments
    # 360, vouchers 1200, travel 288, childcare 240, flyers 360, note-taker 360, interpreters 270
    # + 180, access 240 + 80 = £4,118.00.
    approved = planned_part(plan)
    with_plan = {s.method.id: s for s in cost_suggestions(plan, library.builtin_methods(), approved)}
    assert with_plan["method-focus-group"].planned == 411800
    assert with_plan["method-focus-group"].library == 230233
    # The dropped street stalls and the stories still happening are not learned from.
    assert "method-street-stall" not in suggestions and "method-stories" not in suggestions


# --- applying a suggestion --------------------------------------------------------------------


def test_applying_scales_every_line_and_sources_it_to_the_plan(data_dir: Path) -> None:
    plan = coffee_plan()
    [suggestion] = cost_suggestions(plan, [_method()])
    mine = Method(id="mine", name="Kept as it is")
    updated = apply_suggestion([mine], suggestion, plan, date(2027, 4, 1))
    assert [m.id for m in updated] == ["mine", "method-coffee"]
    learned = updated[1]
    # Unit costs x 37500 / 31300, half-up: 100 -> 119.81; 3 -> 3.59; 50 -> 59.90.
    room, tea, posters, host = learned.cost_lines
    assert (room.unit_cost, tea.unit_cost, posters.unit_cost) == (11981, 359, 5990)
    assert host.unit_cost == 2000 and host.source == ""  # staff time is not learned
    assert [line.quantity for line in learned.cost_lines] == [Decimal(1), Decimal(10), Decimal(1), Decimal(2)]
    source = "Actual cost, Parish Voices, delivered 9 March 2027; added 1 April 2027"
    assert learned.source == room.source == tea.source == posters.source == source
    # Costed again for what was delivered: 2 x 119.81 + 21 x 3.59 + 59.90 = £374.91 (rounding).
    assert library_cost(learned, plan, 2, 21, False) == 37491
    # The inputs are untouched.
    assert suggestion.method.cost_lines[0].unit_cost == 10000 and mine.cost_lines == []

    library.save_user_methods(updated)
    reloaded = {m.id: m for m in library.load_user_methods()}
    assert reloaded["method-coffee"] == learned
    assert reloaded["method-coffee"].cost_lines[0].unit_cost == 11981
    assert (data_dir / "methods.json").exists()


def test_applying_replaces_the_users_method_with_that_id() -> None:
    plan = coffee_plan()
    [suggestion] = cost_suggestions(plan, [_method()])
    updated = apply_suggestion([_method(), Method(id="other")], suggestion, plan, date(2027, 4, 1))
    assert [m.id for m in updated] == ["method-coffee", "other"]
    assert updated[0].cost_lines[0].unit_cost == 11981


def test_a_built_in_method_learned_overrides_the_built_in_one() -> None:
    plan = library.sample_delivered_plan()
    suggestion = next(
        s for s in cost_suggestions(plan, library.builtin_methods()) if s.method.id == "method-focus-group"
    )
    library.save_user_methods(apply_suggestion([], suggestion, plan, date(2027, 9, 30)))
    merged = {m.id: m for m in library.all_methods()}["method-focus-group"]
    # Room hire £90 x 380000 / 230233 = £148.55 (148.546).
    assert merged.cost_lines[0].unit_cost == 14855
    assert merged.source.startswith("Actual cost, Tenant Voice 2027")
    assert merged.source.endswith("delivered 16 March 2027; added 30 September 2027")


def test_nothing_to_scale_from_is_refused_in_words() -> None:
    plan = coffee_plan()
    empty = Method(id="method-coffee", name="Coffee morning")
    [suggestion] = cost_suggestions(plan, [empty])
    assert suggestion.library == 0
    with pytest.raises(CostLearningError, match="no cost for Coffee morning"):
        apply_suggestion([], suggestion, plan, date(2027, 4, 1))


# --- benchmarks -------------------------------------------------------------------------------


def test_median_rule() -> None:
    assert median([5]) == 5
    assert median([3, 1, 2]) == 2
    assert median([1, 3]) == 2
    assert median([1, 2]) == 2  # 1.5, half-up
    assert median([4, 1, 3, 2]) == 3  # (2 + 3) / 2 = 2.5, half-up
    assert median([10, 10, 20, 21]) == 15
    with pytest.raises(ValueError):
        median([])


def test_benchmarks_across_plans_worked_by_hand() -> None:
    plans = [
        coffee_plan([12, 9]),  # 37500: 18750 a session, 1786 a person
        coffee_plan([10], [(CostCategory.VENUE, 12000, False)]),  # 12000 a session, 1200 a person
        coffee_plan([10, 10, 10, 10], [(CostCategory.VENUE, 50000, False)]),  # 12500, 1250
        coffee_plan([0], [(CostCategory.VENUE, 9000, False)]),  # 9000 a session, nobody reached
        coffee_plan([10], [(CostCategory.VENUE, 1, False)], status=DeliveryStatus.DROPPED),  # not counted
        coffee_plan([5], [(CostCategory.VENUE, 7000, False)], currency="EUR", title="Elsewhere"),
    ]
    eur, gbp = method_benchmarks(plans)  # by name, then currency
    assert (gbp.method_id, gbp.name, gbp.currency, gbp.count) == ("method-coffee", "Coffee morning", "GBP", 4)
    # Per session sorted: 9000, 12000, 12500, 18750: median (12000 + 12500) / 2.
    assert gbp.per_session == Spread(12250, 9000, 18750)
    assert gbp.per_person == Spread(1250, 1200, 1786)
    assert gbp.plans == ["Parish Voices"]
    assert (eur.currency, eur.count, eur.per_session, eur.per_person) == (
        "EUR",
        1,
        Spread(7000, 7000, 7000),
        Spread(1400, 1400, 1400),
    )


def test_benchmarks_of_nothing_are_empty() -> None:
    assert method_benchmarks([]) == []
    assert method_benchmarks([library.sample_plan()]) == []
