"""``ceplanner costs-learn`` and ``ceplanner benchmarks`` run as a user runs them: a real process,
real plan files and a real method library on disk."""

from __future__ import annotations

import copy
import dataclasses
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ceplanner.core import library
from ceplanner.store import PlanStore
from tests import badfiles

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A private user data folder, for the process and for this test's own reading."""
    data = tmp_path / "data"
    monkeypatch.setenv(library.DATA_DIR_ENV, str(data))
    monkeypatch.delenv(library.SHARED_LIBRARY_ENV, raising=False)
    return {**os.environ}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ceplanner", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def delivered(tmp_path: Path, env: dict[str, str]) -> Path:
    path = tmp_path / "plans" / "delivered.ceplan"
    path.parent.mkdir()
    assert run(env, "demo", "--delivered", str(path)).returncode == 0
    return path


def _block(out: str, heading: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    return lines[start : start + 5]


def test_costs_learn_lists_the_differences(delivered: Path, env: dict[str, str]) -> None:
    before = delivered.read_bytes()
    result = run(env, "costs-learn", str(delivered))
    assert result.returncode == 0, result.stderr
    assert _block(result.stdout, "Focus group") == [
        "Focus group (activity “Focus groups with seldom-heard tenants”: 5 sessions, 41 people)",
        "  Library:     £2,302.33 (£460.47 a session, £56.15 a person)",
        "  Planned:     £4,118.00 (the approved budget)",
        "  Delivered:   £3,800.00 (£760.00 a session, £92.68 a person)",
        "  Difference:  +£1,497.67 (+65.1%)",
    ]
    assert "  Delivered:   £8,527.00 (£4,263.50 a session, nobody reached)" in result.stdout
    assert "--apply" in result.stdout
    assert delivered.read_bytes() == before  # the plan is only read
    assert not library.user_methods_path().exists()  # nothing applied


def test_costs_learn_apply_updates_the_users_library(delivered: Path, env: dict[str, str]) -> None:
    result = run(env, "costs-learn", str(delivered), "--apply")
    assert result.returncode == 0, result.stderr
    assert f"Updated 9 methods in {library.user_methods_path()}" in result.stdout
    focus = {m.id: m for m in library.load_user_methods()}["method-focus-group"]
    assert focus.cost_lines[0].unit_cost == 14855  # £90 room x 380000 / 230233, half-up
    today = date.today()
    assert focus.source == (
        "Actual cost, Tenant Voice 2027: a tenant engagement strategy for the repairs service redesign, "
        f"delivered 16 March 2027; added {today.day} {today:%B %Y}"
    )
    assert {m.id: m for m in library.all_methods()}["method-focus-group"] == focus


def test_a_read_only_shared_library_is_refused_and_left_unchanged(
    delivered: Path, env: dict[str, str], tmp_path: Path
) -> None:
    shared = tmp_path / "share" / "methods.json"
    shared.parent.mkdir()
    env[library.SHARED_LIBRARY_ENV] = str(shared)
    shared.write_text('{"format": "ceplanner-methods", "version": 2, "methods": []}\n', encoding="utf-8")
    shared.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = shared.read_bytes()
    try:
        result = run(env, "costs-learn", str(delivered), "--apply")
    finally:
        shared.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.returncode == 1
    assert "cannot save the shared method library" in result.stderr
    assert "read-only for you" in result.stderr and "Traceback" not in result.stderr
    assert shared.read_bytes() == before
    assert sorted(os.listdir(shared.parent)) == ["methods.json"]


def test_benchmarks_prints_each_method_and_notes_unreadable_files(
    delivered: Path, env: dict[str, str]
) -> None:
    badfiles.text_file(delivered.parent)
    result = run(env, "benchmarks", str(delivered.parent))
    assert result.returncode == 0, result.stderr
    assert "left out notes.ceplan" in result.stderr and "not a ceplanner plan" in result.stderr
    assert "from delivered activities in 1 plan file " in result.stdout
    lines = result.stdout.splitlines()
    i = lines.index("Focus group (GBP): 1 delivered activity")
    assert lines[i + 1 : i + 3] == [
        "  Per session:  median £760.00, range £760.00 to £760.00",
        "  Per person:   median £92.68, range £92.68 to £92.68",
    ]
    i = lines.index("Newsletter (GBP): 1 delivered activity")
    assert lines[i + 2] == "  Per person:   no figure (nobody recorded)"


def test_benchmarks_of_a_missing_folder_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    result = run(env, "benchmarks", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"ceplanner: {tmp_path / 'nowhere'} is not a folder: give the folder that holds the plans."
    )


def test_costs_learn_on_a_plan_not_delivered(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, library.sample_plan()).close()
    result = run(env, "costs-learn", str(path))
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip() == "No delivered activity cost differently from what the method library says."
    )


def test_apply_leaves_a_method_used_by_several_activities_for_the_user(
    env: dict[str, str], tmp_path: Path
) -> None:
    from tests.core.test_cost_learning import coffee_plan

    plan = coffee_plan([12, 9])
    second = copy.deepcopy(plan.activities[0])
    second.id, second.title = "a2", "More coffee mornings"
    plan.activities.append(second)
    plan.sessions_held += [
        dataclasses.replace(s, activity_id="a2", id=f"s2-{i}") for i, s in enumerate(plan.sessions_held)
    ]
    plan.actual_costs += [
        dataclasses.replace(c, activity_id="a2", id=f"c2-{i}")
        for i, c in enumerate(plan.actual_costs)
        if c.activity_id
    ]
    path = tmp_path / "two.ceplan"
    PlanStore.create(path, plan).close()
    # The coffee morning is not in the library: add it, as the user's own method.
    from tests.core.test_cost_learning import _method

    library.save_user_methods([_method()])
    before = library.user_methods_path().read_bytes()
    result = run(env, "costs-learn", str(path), "--apply")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Coffee morning (activity") == 2
    assert "Coffee morning is used by several delivered activities; not updated" in result.stderr
    assert result.stdout.rstrip().endswith("No method was updated.")
    assert library.user_methods_path().read_bytes() == before
