"""`ceplanner templates` and `ceplanner new --template`: real processes, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ceplanner.core import templates
from ceplanner.core.costing import compute_budget
from ceplanner.core.money import format_money
from ceplanner.store import PlanStore
from tests.factories import full_plan

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CEPLANNER_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "ceplanner", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_templates_lists_the_shipped_ones_with_their_totals(tmp_path: Path) -> None:
    result = run(tmp_path, "templates")
    assert result.returncode == 0, result.stderr
    for template in templates.builtin_templates():
        total = format_money(compute_budget(template.plan).grand_total)
        assert f"{template.name} (built in)\n" in result.stdout
        assert (
            f"{len(template.plan.groups)} groups, {len(template.plan.activities)} activities, total {total}"
            in (result.stdout)
        )
    assert result.stdout.count("(built in)") == 3


def test_templates_lists_the_users_own_and_notes_a_broken_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CEPLANNER_DATA_DIR", str(tmp_path))
    path = templates.save_user_template(full_plan(), "Repairs", "Our repairs plan")
    (path.parent / "bad.ceplantemplate.json").write_text("[]", encoding="utf-8")
    result = run(tmp_path, "templates")
    assert result.returncode == 0, result.stderr
    assert f"Repairs (yours: {path})" in result.stdout
    assert "bad.ceplantemplate.json is not a ceplanner template" in result.stderr


def test_new_from_a_template_by_name_writes_a_plan(tmp_path: Path) -> None:
    target = tmp_path / "youth.ceplan"
    result = run(tmp_path, "new", "--template", "youth participation PROGRAMME", str(target))
    assert result.returncode == 0, result.stderr
    assert "Youth participation programme" in result.stdout
    with PlanStore.open(target) as store:
        plan = store.load()
    shipped = templates.find_template("Youth participation programme").plan
    assert [g.name for g in plan.groups] == [g.name for g in shipped.groups]
    assert compute_budget(plan).grand_total == compute_budget(shipped).grand_total
    again = run(tmp_path, "new", "--template", "Youth participation programme", str(target))
    assert again.returncode == 1 and "already exists; use --force" in again.stderr


def test_new_from_a_template_file_and_a_blank_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CEPLANNER_DATA_DIR", str(tmp_path / "data"))
    path = templates.save_user_template(full_plan(), "Mine")
    result = run(tmp_path / "elsewhere", "new", "--template", str(path), str(tmp_path / "a.ceplan"))
    assert result.returncode == 0, result.stderr
    with PlanStore.open(tmp_path / "a.ceplan") as store:
        assert store.load().start is None
    blank = run(tmp_path, "new", str(tmp_path / "b.ceplan"))
    assert blank.returncode == 0 and (tmp_path / "b.ceplan").is_file()


def test_an_unknown_template_is_named_with_the_choices(tmp_path: Path) -> None:
    result = run(tmp_path, "new", "--template", "Nope", str(tmp_path / "x.ceplan"))
    assert result.returncode == 1
    assert result.stderr.startswith("ceplanner: There is no template called “Nope”. The templates are: “")
    assert not (tmp_path / "x.ceplan").exists()
    missing = run(
        tmp_path, "new", "--template", str(tmp_path / "gone.ceplantemplate.json"), str(tmp_path / "x.ceplan")
    )
    assert missing.returncode == 1 and "does not exist" in missing.stderr
