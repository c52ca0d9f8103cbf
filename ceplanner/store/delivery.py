"""Starting delivery in a plan file: keep the approved version as a snapshot, then save the plan
as "in delivery". Reading the baseline back for variance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ceplanner.core.delivery import approved_snapshot_name, planned_part, start_delivery
from ceplanner.core.model import Plan
from ceplanner.store.planfile import APPROVED_KIND, PlanStore, SnapshotInfo


def begin_delivery(store: PlanStore, plan: Plan, today: date | None = None) -> SnapshotInfo:
    """Keep ``plan``'s approved version as a snapshot named "Approved version (date)" (the date it
    was approved, else today), then save it as in delivery. ``DeliveryError`` if it is not
    approved; if the snapshot cannot be kept, ``plan`` is left as it was and nothing is saved."""
    today = today or date.today()
    before = (plan.status, plan.delivery_started_on)
    approved = start_delivery(plan, today)
    try:
        info = store.take_snapshot(
            approved_snapshot_name(plan.approved_on or today), approved, kind=APPROVED_KIND
        )
    except BaseException:
        plan.status, plan.delivery_started_on = before
        raise
    store.save(plan)
    return info


def approved_baseline(store: PlanStore, plan: Plan) -> Plan:
    """The plan delivery is measured against: the approved version kept in the file, or, for a
    plan with none (imported from JSON, or put in delivery by hand), the plan itself, whose cost
    lines are its budget (actuals never change them)."""
    info = store.approved_snapshot()
    return store.snapshot_plan(info.id) if info is not None else plan


def keep_approved_version(store: PlanStore, plan: Plan) -> SnapshotInfo:
    """Keep the approved part of a plan already in delivery (:func:`planned_part`) as its approved
    version, for a file made from a delivered plan (the delivered sample, an imported JSON)."""
    when = plan.approved_on or plan.delivery_started_on or date.today()
    return store.take_snapshot(approved_snapshot_name(when), planned_part(plan), kind=APPROVED_KIND)


def create_delivered_sample(path: str | Path, *, overwrite: bool = False) -> PlanStore:
    """Write the delivered sample plan to a new file at ``path``, keeping its approved version as a
    snapshot, and return the open store (``ceplanner demo --delivered`` and the start screen)."""
    from ceplanner.core.library import sample_delivered_plan

    plan = sample_delivered_plan()
    store = PlanStore.create(path, plan, overwrite=overwrite)
    try:
        keep_approved_version(store, plan)
    except BaseException:
        store.close()
        raise
    return store
