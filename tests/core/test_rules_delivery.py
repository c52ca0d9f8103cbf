"""The delivery rules of the one checker: each fires on the record it names, in words, and none
before delivery starts."""

from __future__ import annotations

from ceplanner.core.checks import open_checks
from ceplanner.core.library import sample_delivered_plan
from ceplanner.core.model import (
    Activity,
    DeliveryStatus,
    GroupCount,
    Plan,
    PlanStatus,
    Quotation,
    Response,
    SessionHeld,
    StakeholderGroup,
    Theme,
)
from ceplanner.core.rules_delivery import (
    DONE_NO_SESSIONS,
    DROPPED_NO_REASON,
    GROUPS_EXCEED_ATTENDANCE,
    QUOTATION_NO_CONSENT,
    THEME_NO_RESPONSE,
    delivery_record_checks,
)
from tests.factories import full_plan

CODES = {
    DONE_NO_SESSIONS,
    DROPPED_NO_REASON,
    GROUPS_EXCEED_ATTENDANCE,
    QUOTATION_NO_CONSENT,
    THEME_NO_RESPONSE,
}


def _plan() -> Plan:
    group = StakeholderGroup(name="Carers", id="g")
    done = Activity(title="Drop-in", delivery_status=DeliveryStatus.DONE, id="done")
    dropped = Activity(title="Pop-up", delivery_status=DeliveryStatus.DROPPED, id="dropped")
    held = Activity(title="Panel", delivery_status=DeliveryStatus.DONE, id="held")
    return Plan(
        title="P",
        status=PlanStatus.IN_DELIVERY,
        groups=[group],
        activities=[done, dropped, held],
        sessions_held=[SessionHeld("held", attendance=5, by_group=[GroupCount("g", 6)], id="s1")],
        themes=[
            Theme(title="Parking", quotations=[Quotation("No spaces", "g", consent=False)], id="t1"),
            Theme(title="Slots", id="t2"),
        ],
        responses=[Response(theme_id="t2", action="Two-hour slots")],
    )


def test_each_rule_names_its_record_and_what_to_do() -> None:
    found = {(c.code, c.item_id): c for c in delivery_record_checks(_plan())}
    assert set(found) == {
        (DONE_NO_SESSIONS, "done"),
        (DROPPED_NO_REASON, "dropped"),
        (GROUPS_EXCEED_ATTENDANCE, "s1"),
        (THEME_NO_RESPONSE, "t1"),
        (QUOTATION_NO_CONSENT, "t1"),
    }
    assert found[(DONE_NO_SESSIONS, "done")].message.startswith("The activity “Drop-in” is marked done")
    assert "counts 6 people by group but 5 in all" in found[(GROUPS_EXCEED_ATTENDANCE, "s1")].message
    assert "“Parking”" in found[(THEME_NO_RESPONSE, "t1")].message
    assert {c.step for c in found.values()} == {"delivered"}


def test_the_rules_are_part_of_the_one_checker_and_wait_for_delivery() -> None:
    plan = _plan()
    assert {c.code for c in open_checks(plan)} >= CODES
    plan.status = PlanStatus.DRAFT
    plan.sessions_held, plan.themes, plan.responses = [], [], []
    assert not {c.code for c in open_checks(plan)} & CODES


def test_fixing_each_record_clears_its_finding() -> None:
    plan = _plan()
    plan.sessions_held.append(SessionHeld("done", attendance=3))
    plan.activities[1].dropped_reason = "The venue closed"
    plan.sessions_held[0].attendance = 6
    plan.themes[0].quotations[0].consent = True
    plan.responses.append(Response(theme_id="t1", action="New bays"))
    assert delivery_record_checks(plan) == []


def test_the_samples_and_the_full_plan() -> None:
    assert delivery_record_checks(full_plan()) == []
    found = delivery_record_checks(sample_delivered_plan())
    assert [c.code for c in found] == [QUOTATION_NO_CONSENT]  # one quotation kept without consent
