"""Saving only what changed writes exactly the plan: random edit sessions, checked in the file.

The document tells the store which objects and lists each edit touched, and the store writes
only those rows. Any slip there would leave the file different from the plan the user sees, so
every session below compares the whole file with the plan after each save.
"""

from __future__ import annotations

import copy
import random
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ceplanner.core.library import sample_plan
from ceplanner.core.model import CostLine, Indicator, Risk, StakeholderGroup
from ceplanner.core.serialize import plan_to_json
from ceplanner.store import PlanStore
from ceplanner.ui.document import PlanDocument


def in_file(path: Path) -> str:
    with PlanStore.open(path, readonly=True) as store:
        return plan_to_json(store.load())


def one_edit(doc: PlanDocument, rng: random.Random, n: int) -> None:
    plan = doc.plan
    group = rng.choice(plan.groups) if plan.groups else None
    activity = rng.choice(plan.activities) if plan.activities else None
    objective = rng.choice(plan.objectives) if plan.objectives else None
    kind = rng.randrange(16)
    if kind == 0 and group is not None:
        doc.set_value(group, "power", rng.randint(1, 5))
    elif kind == 1 and group is not None:
        doc.set_value(group, "name", f"Group {n} «ü» <b>")
    elif kind == 2:
        doc.append_item(plan, "groups", StakeholderGroup(name=f"New {n}", seldom_heard=True))
    elif kind == 3 and len(plan.groups) > 1:
        doc.delete_groups([rng.choice(plan.groups).id])
    elif kind == 4 and activity is not None:
        doc.set_value(activity, "sessions", rng.randint(1, 20))
    elif kind == 5 and activity is not None and activity.cost_lines:
        doc.set_value(rng.choice(activity.cost_lines), "unit_cost", rng.randint(0, 10**7))
    elif kind == 6 and activity is not None:
        doc.append_item(
            activity, "cost_lines", CostLine(description=f"Line {n}", quantity=Decimal("2.5"), unit_cost=1234)
        )
    elif kind == 7 and activity is not None and activity.cost_lines:
        doc.remove_item(activity, "cost_lines", 0)
    elif kind == 8 and len(plan.activities) > 1:
        doc.delete_activities([rng.choice(plan.activities).id])
    elif kind == 9 and plan.activities:
        twin = copy.deepcopy(rng.choice(plan.activities))
        twin.id = f"act-{n}"
        for i, line in enumerate(twin.cost_lines):
            line.id = f"line-{n}-{i}"
        doc.append_item(plan, "activities", twin)
    elif kind == 10 and objective is not None:
        doc.append_item(objective, "indicators", Indicator(measure=f"Measure {n}"))
    elif kind == 11 and objective is not None and objective.indicators:
        doc.set_value(objective.indicators[0], "target", f"Target {n}")
    elif kind == 12:
        doc.set_value(plan, "title", f"Title {n}")
        doc.set_value(plan.evaluation, "budget", n * 100)
    elif kind == 13:
        doc.append_item(plan, "risks", Risk(description=f"Risk {n}"))
        if plan.vfm:
            doc.set_value(plan.vfm[n % len(plan.vfm)], "rating", n % 6 + 1)
    elif kind == 14 and doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    elif kind == 15 and doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    else:
        doc.set_value(plan, "start", date(2027, 1 + n % 12, 1))


@pytest.mark.parametrize("seed", range(6))
def test_random_sessions_leave_the_file_equal_to_the_plan(qapp: object, tmp_path: Path, seed: int) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, sample_plan()).close()
    store = PlanStore.open(path)
    doc = PlanDocument(store.load(), store)
    rng = random.Random(seed)
    for n in range(150):
        one_edit(doc, rng, n)
        if rng.random() < 0.3:
            assert doc.flush()
            assert in_file(path) == plan_to_json(doc.plan), f"seed {seed}, after edit {n}"
    assert doc.flush()
    assert in_file(path) == plan_to_json(doc.plan)
    doc.close()


def test_an_edit_to_an_object_not_in_the_file_saves_the_whole_plan(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, sample_plan()).close()
    store = PlanStore.open(path)
    doc = PlanDocument(store.load(), store)
    stray = StakeholderGroup(name="Never added")
    doc.plan.groups.append(stray)  # behind the document's back, as a defect might
    doc.set_value(stray, "power", 1)
    assert doc.flush()
    assert in_file(path) == plan_to_json(doc.plan)
    doc.close()
