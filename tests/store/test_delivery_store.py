"""Delivery records are saved and read back, whole and by partial saves, and approved snapshots
are marked and kept."""

from __future__ import annotations

import copy
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from ceplanner.core.model import (
    ActualCost,
    CostCategory,
    DeliveryStatus,
    GroupCount,
    Quotation,
    Response,
    SessionHeld,
    Theme,
)
from ceplanner.core.serialize import plan_to_json
from ceplanner.store import PlanFileError, PlanStore
from tests.factories import full_plan


def test_every_delivery_field_round_trips_through_the_file(tmp_path: Path) -> None:
    plan = full_plan()
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, plan).close()
    with PlanStore.open(path) as store:
        again = store.load()
    assert again == plan
    assert again.sessions_held[0].by_group == [GroupCount(plan.groups[0].id, 7)]
    assert again.themes[0].quotations[0].consent is True
    assert again.responses[0].fed_back is True


def test_partial_saves_write_each_delivery_record(tmp_path: Path) -> None:
    plan = full_plan()
    path = tmp_path / "p.ceplan"
    with PlanStore.create(path, plan) as created:
        created.close()
    with PlanStore.open(path) as store:
        plan = store.load()
        activity = plan.activities[0]
        plan.sessions_held.append(
            SessionHeld(activity_id=activity.id, held_on=date(2027, 2, 17), attendance=11,
                        by_group=[GroupCount(plan.groups[1].id, 2)])
        )  # fmt: skip
        plan.actual_costs.append(
            ActualCost(activity_id=None, description="Survey printing", category=CostCategory.EVALUATION,
                       amount=45_000, reference="INV-7")
        )  # fmt: skip
        plan.themes.append(Theme(title="Parking", quotations=[Quotation(text="No spaces", consent=False)]))
        plan.responses.append(Response(theme_id=plan.themes[-1].id, action="New bays", owner="Estates"))
        activity.delivery_status = DeliveryStatus.DONE
        plan.objectives[0].indicators[0].measured = "55%"
        plan.vfm[2].rating_at_end = 2
        plan.evaluation.lessons = "Start recruiting earlier"
        changes = [
            (plan, "sessions_held"),
            (plan, "actual_costs"),
            (plan, "themes"),
            (plan, "responses"),
            (activity, "delivery_status"),
            (plan.objectives[0].indicators[0], "measured"),
            (plan.vfm[2], "rating_at_end"),
            (plan.evaluation, "lessons"),
        ]
        store.save(plan, changes=changes)
        expected = plan_to_json(plan)
    with PlanStore.open(path, readonly=True) as again:
        assert plan_to_json(again.load()) == expected


def test_an_approved_snapshot_is_marked_and_cannot_be_deleted(tmp_path: Path) -> None:
    plan = full_plan()
    with PlanStore.create(tmp_path / "p.ceplan", plan) as store:
        assert store.approved_snapshot() is None
        store.take_snapshot("Sent to board", plan)
        approved = store.take_snapshot(
            "Approved version (10 December 2026)", copy.deepcopy(plan), kind="approved"
        )
        assert [s.kind for s in store.snapshots()] == ["", "approved"]
        assert store.approved_snapshot() == approved
        with pytest.raises(PlanFileError, match="approved version"):
            store.delete_snapshot(approved.id)
        assert store.approved_snapshot() == approved
    conn = sqlite3.connect(tmp_path / "p.ceplan")
    assert conn.execute("SELECT kind FROM snapshots ORDER BY id").fetchall() == [("",), ("approved",)]
    conn.close()
