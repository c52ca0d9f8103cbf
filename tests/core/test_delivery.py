"""Approval to delivery: only an approved plan starts delivery; its approved version is kept as a
snapshot, and recording actuals never changes the approved figures."""

from __future__ import annotations

import copy
import random
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from ceplanner.core.costing import compute_budget
from ceplanner.core.delivery import DeliveryError, approved_snapshot_name, delivery_refusal, start_delivery
from ceplanner.core.model import (
    ActualCost,
    CostCategory,
    DeliveryStatus,
    GroupCount,
    Plan,
    PlanStatus,
    Quotation,
    Response,
    SessionHeld,
    Theme,
)
from ceplanner.core.serialize import plan_to_json, to_dict
from ceplanner.core.variance import delivery_figures
from ceplanner.store import PlanStore
from ceplanner.store.delivery import approved_baseline, begin_delivery
from tests.factories import full_plan


def test_only_an_approved_plan_starts_delivery() -> None:
    plan = full_plan()
    plan.status = PlanStatus.DRAFT
    before = plan_to_json(plan)
    with pytest.raises(
        DeliveryError, match="Only an approved plan can go into delivery, and this one is draft"
    ):
        start_delivery(plan, date(2027, 1, 4))
    assert plan_to_json(plan) == before
    plan.status = PlanStatus.IN_DELIVERY
    assert "already past approval" in delivery_refusal(plan)


def test_starting_delivery_returns_the_approved_version_and_marks_the_plan() -> None:
    plan = full_plan()
    approved = start_delivery(plan, date(2027, 1, 4))
    assert approved.status is PlanStatus.APPROVED and approved is not plan
    assert plan.status is PlanStatus.IN_DELIVERY and plan.delivery_started_on == date(2027, 1, 4)
    assert approved_snapshot_name(date(2026, 12, 10)) == "Approved version (10 December 2026)"


def test_the_store_keeps_the_approved_version_as_a_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    plan = full_plan()
    PlanStore.create(path, plan).close()
    with PlanStore.open(path) as store:
        plan = store.load()
        info = begin_delivery(store, plan, date(2027, 1, 4))
        assert info.name == "Approved version (10 December 2026)"  # the plan's approval date
        assert info.kind == "approved"
    with PlanStore.open(path) as store:
        again = store.load()
        assert again.status is PlanStatus.IN_DELIVERY
        assert store.approved_snapshot() == info
        baseline = approved_baseline(store, again)
        assert baseline.status is PlanStatus.APPROVED
        assert to_dict(baseline.activities) == to_dict(again.activities)


def _record_actuals(plan: Plan, rng: random.Random, steps: int) -> list[tuple[object, str]]:
    """A long, random sequence of the edits delivery makes; returns what it changed."""
    changes: list[tuple[object, str]] = []
    activity = plan.activities[0]
    groups = [g.id for g in plan.groups]
    for step in range(steps):
        kind = rng.randrange(7)
        if kind == 0:
            plan.actual_costs.append(
                ActualCost(
                    activity_id=rng.choice([activity.id, None]),
                    category=rng.choice(list(CostCategory)),
                    amount=rng.randrange(0, 10**7),
                    in_kind=rng.random() < 0.3,
                    funder=rng.choice(["", "Community Fund", "Other"]),
                    reference=f"INV-{step}",
                )
            )
            changes.append((plan, "actual_costs"))
        elif kind == 1 and plan.actual_costs:
            cost = rng.choice(plan.actual_costs)
            cost.amount = rng.randrange(0, 10**7)
            changes.append((cost, "amount"))
        elif kind == 2:
            plan.sessions_held.append(
                SessionHeld(
                    activity.id,
                    attendance=rng.randrange(0, 40),
                    by_group=[GroupCount(rng.choice(groups), rng.randrange(0, 20))],
                )
            )
            changes.append((plan, "sessions_held"))
        elif kind == 3:
            activity.delivery_status = rng.choice(list(DeliveryStatus))
            changes.append((activity, "delivery_status"))
        elif kind == 4:
            plan.themes.append(
                Theme(title=f"Theme {step}", quotations=[Quotation(text="said", consent=True)])
            )
            changes.append((plan, "themes"))
        elif kind == 5 and plan.themes:
            plan.responses.append(Response(theme_id=rng.choice(plan.themes).id, action="Done"))
            changes.append((plan, "responses"))
        elif kind == 6:
            plan.objectives[0].indicators[0].measured = f"{rng.randrange(100)}%"
            changes.append((plan.objectives[0].indicators[0], "measured"))
    return changes


def test_recording_actuals_never_changes_the_approved_figures(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    rng = random.Random(20261127)
    with PlanStore.open(path) as store:
        plan = store.load()
        info = begin_delivery(store, plan, date(2027, 1, 4))
        approved_budget = compute_budget(store.snapshot_plan(info.id))
        planned_lines = copy.deepcopy([a.cost_lines for a in plan.activities])
        for _ in range(40):  # 40 saves of 10 edits each, saved as the window saves them
            store.save(plan, changes=_record_actuals(plan, rng, 10))
        assert len(plan.actual_costs) > 20 and len(plan.sessions_held) > 20
    with PlanStore.open(path) as store:
        again = store.load()
        approved = store.snapshot_plan(info.id)
        assert asdict(compute_budget(approved)) == asdict(approved_budget)
        assert asdict(compute_budget(again)) == asdict(approved_budget)
        assert [a.cost_lines for a in again.activities] == planned_lines
        figures = delivery_figures(approved_baseline(store, again), again)
    assert figures.total.planned.total == approved_budget.grand_total
    assert figures.total.actual.total == sum(c.amount for c in again.actual_costs)
