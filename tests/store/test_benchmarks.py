"""Cost benchmarks over a folder of real plan files: read-only, and a bad file never stops them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceplanner.core.cost_learning import Spread, method_benchmarks
from ceplanner.core.library import sample_delivered_plan
from ceplanner.core.model import CostCategory
from ceplanner.store import PlanFileError, PlanStore
from ceplanner.store.benchmarks import cost_benchmarks, plan_files
from tests import badfiles
from tests.core.test_cost_learning import coffee_plan


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    plans = {
        "a.ceplan": coffee_plan([12, 9]),  # 18750 a session, 1786 a person
        "B.ceplan": coffee_plan([10], [(CostCategory.VENUE, 12000, False)]),  # 12000, 1200
        "c.CEPLAN": coffee_plan([10, 10, 10, 10], [(CostCategory.VENUE, 50000, False)]),  # 12500, 1250
    }
    for name, plan in plans.items():
        PlanStore.create(folder / name, plan).close()
    (folder / "notes.txt").write_text("not a plan, not looked at", encoding="utf-8")
    inner = folder / "older"
    inner.mkdir()
    PlanStore.create(inner / "d.ceplan", coffee_plan([1], [(CostCategory.VENUE, 1, False)])).close()
    badfiles.text_file(folder)  # notes.ceplan
    badfiles.newer(tmp_path).rename(folder / "newer.ceplan")
    return folder


def test_benchmarks_over_a_folder_worked_by_hand(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    report = cost_benchmarks(folder)
    assert [p.name for p in report.read] == ["a.ceplan", "B.ceplan", "c.CEPLAN"]
    [benchmark] = report.benchmarks
    assert benchmark.count == 3
    # Per session 12000, 12500, 18750: median 12500. Per person 1200, 1250, 1786: median 1250.
    assert benchmark.per_session == Spread(12500, 12000, 18750)
    assert benchmark.per_person == Spread(1250, 1200, 1786)
    # Files that cannot be read are listed with the words opening them gives, never a crash.
    reasons = {u.path.name: u.reason for u in report.unreadable}
    assert sorted(reasons) == ["newer.ceplan", "notes.ceplan"]
    assert "not a ceplanner plan" in reasons["notes.ceplan"]
    assert "newer" in reasons["newer.ceplan"]
    # Read-only: nothing in the folder changed, nothing was added (no lock, no backup).
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_the_delivered_sample_in_a_folder_agrees_with_core(tmp_path: Path) -> None:
    plan = sample_delivered_plan()
    PlanStore.create(tmp_path / "delivered.ceplan", plan).close()
    report = cost_benchmarks(tmp_path)
    assert report.benchmarks == method_benchmarks([plan])
    focus = next(b for b in report.benchmarks if b.method_id == "method-focus-group")
    assert focus.per_session == Spread(76000, 76000, 76000)  # £3,800.00 over 5 sessions
    assert focus.per_person == Spread(9268, 9268, 9268)  # over 41 people


def test_a_missing_folder_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="is not a folder: give the folder that holds the plans"):
        plan_files(tmp_path / "nowhere")
    assert cost_benchmarks(tmp_path).benchmarks == []
