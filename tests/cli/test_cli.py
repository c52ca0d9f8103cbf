"""The command line, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ceplanner.cli import main
from ceplanner.core.costing import compute_budget
from ceplanner.core.money import format_money
from ceplanner.core.serialize import plan_to_json
from ceplanner.store import PlanStore
from tests.factories import full_plan

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ceplanner", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_demo_then_info_prints_the_plan_and_its_costed_total(tmp_path: Path) -> None:
    path = tmp_path / "s.ceplan"
    result = run("demo", str(path))
    assert result.returncode == 0, result.stderr
    info = run("info", str(path))
    assert info.returncode == 0, info.stderr
    with PlanStore.open(path) as store:
        plan = store.load()
    budget = compute_budget(plan)
    assert plan.title in info.stdout
    total_line = next(line for line in info.stdout.splitlines() if "Full cost (cash and in kind)" in line)
    assert total_line.split()[-1] == format_money(budget.grand_total)
    assert f"{len(plan.groups)} groups" in info.stdout
    # demo refuses to overwrite without --force
    again = run("demo", str(path))
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_json_round_trip_reproduces_the_plan_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = full_plan()
    source = tmp_path / "a.ceplan"
    PlanStore.create(source, plan).close()
    assert main(["export-json", str(source), "-o", str(tmp_path / "a.json")]) == 0
    assert main(["import-json", str(tmp_path / "a.json"), "-o", str(tmp_path / "b.ceplan")]) == 0
    assert main(["export-json", str(tmp_path / "b.ceplan"), "-o", str(tmp_path / "b.json")]) == 0
    first = (tmp_path / "a.json").read_text(encoding="utf-8")
    assert first == (tmp_path / "b.json").read_text(encoding="utf-8")
    assert first.strip() == plan_to_json(plan)
    with PlanStore.open(tmp_path / "b.ceplan") as store:
        assert store.load() == plan


def test_import_errors_name_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(plan_to_json(full_plan()))
    doc["plan"]["activities"][0]["cost_lines"][0]["unit_cost"] = 12.5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import-json", str(bad), "-o", str(tmp_path / "x.ceplan")]) == 1
    err = capsys.readouterr().err
    assert "plan.activities[0].cost_lines[0].unit_cost: expected a whole number, got 12.5" in err
    assert not (tmp_path / "x.ceplan").exists()

    bad.write_text("{ not json", encoding="utf-8")
    assert main(["import-json", str(bad), "-o", str(tmp_path / "x.ceplan")]) == 1
    assert "not valid JSON" in capsys.readouterr().err


def test_bad_plan_files_get_one_clear_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ceplan"
    junk.write_bytes(os.urandom(3000))
    before = junk.read_bytes()
    result = run("info", str(junk))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "ceplanner: junk.ceplan is not a ceplanner plan: it is not a database file of any kind."
    )
    assert junk.read_bytes() == before
    assert "Traceback" not in result.stderr


def test_info_of_a_plan_with_no_costs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ceplanner.core.model import Plan

    path = tmp_path / "empty.ceplan"
    PlanStore.create(path, Plan(title="Nothing yet")).close()
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Nothing yet" in out
    assert "£0.00" in out


def test_info_of_a_scenario_prints_its_totals_and_refuses_an_unknown_name(tmp_path: Path) -> None:
    from ceplanner.core.scenarios import compare

    path = tmp_path / "s.ceplan"
    assert run("demo", str(path)).returncode == 0
    with PlanStore.open(path) as store:
        plan = store.load()
    for scenario in plan.scenarios:
        result = compare(plan, scenario)
        info = run("info", str(path), "--scenario", scenario.name.upper())
        assert info.returncode == 0, info.stderr
        lines = info.stdout.splitlines()
        assert lines[0] == f"Scenario: {scenario.name}"
        total_line = next(line for line in lines if "Full cost (cash and in kind)" in line)
        assert total_line.split()[-1] == format_money(result.total)
        cash_line = next(line for line in lines if "Cash budget needed" in line)
        assert cash_line.split()[-1] == format_money(result.budget.cash_total)
        assert f"Activities:     {len(result.plan.activities)} " in info.stdout
        seldom = next(line for line in lines if "Seldom-heard groups reached" in line)
        assert seldom.split()[-3:] == [
            str(len(result.seldom_heard_reached)),
            "of",
            str(len(result.seldom_heard)),
        ]
    totals = {run("info", str(path), "--scenario", s.name).stdout for s in plan.scenarios}
    assert len(totals) == len(plan.scenarios)

    unknown = run("info", str(path), "--scenario", "Gold plated")
    assert unknown.returncode == 1 and unknown.stdout == ""
    assert "no scenario called “Gold plated”" in unknown.stderr
    assert "“Lean”, “Standard”, “Enhanced”" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    none = tmp_path / "none.ceplan"
    plan.scenarios = []
    PlanStore.create(none, plan).close()
    result = run("info", str(none), "--scenario", "Lean")
    assert result.returncode == 1 and "It has no scenarios yet." in result.stderr
