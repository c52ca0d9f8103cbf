"""``ceplanner demo --delivered`` and ``ceplanner info`` for a plan in delivery, run as a user runs
them: a real process, real files, figures checked against core.variance."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ceplanner.core.delivery import planned_part
from ceplanner.core.library import SAMPLE_DELIVERED_RESOURCE, resource_path, sample_delivered_plan
from ceplanner.core.money import format_money
from ceplanner.core.variance import delivery_figures, percent_text
from ceplanner.store import PlanStore

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ceplanner", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def _line(text: str, start: str) -> list[str]:
    return next(line for line in text.splitlines() if line.strip().startswith(start)).split()


def test_demo_delivered_writes_the_delivered_sample_with_its_approved_version(tmp_path: Path) -> None:
    path = tmp_path / "delivered.ceplan"
    result = run("demo", "--delivered", str(path))
    assert result.returncode == 0, result.stderr
    assert "Wrote the delivered sample plan" in result.stdout
    with PlanStore.open(path, readonly=True) as store:
        plan = store.load()
        approved_info = store.approved_snapshot()
        assert approved_info is not None and approved_info.name == "Approved version (15 December 2026)"
        approved = store.snapshot_plan(approved_info.id)
    assert plan.actual_costs and plan.sessions_held and plan.themes and plan.responses
    assert approved.status.value == "approved" and not approved.actual_costs
    assert run("demo", "--delivered", str(path)).returncode == 1  # no overwrite without --force

    info = run("info", str(path))
    assert info.returncode == 0, info.stderr
    out = info.stdout
    figures = delivery_figures(approved, plan)
    money = [format_money(x) for x in (figures.total.planned.total, figures.total.actual.total)]
    assert _line(out, "Total")[1:] == [
        *money,
        format_money(figures.total.variance),
        percent_text(figures.total.percent),
    ]
    assert "measured against “Approved version (15 December 2026)”" in out
    seldom = figures.seldom_heard
    assert _line(out, "Seldom-heard groups")[2:] == [f"{seldom.expected:,}", f"{seldom.reached:,}",
                                                     percent_text(seldom.percent, signed=False), f"{seldom.attendances:,}"]  # fmt: skip
    assert "Dropped: Pop-ups with young tenants" in out and "Vale College closed" in out
    co_design = next(r for r in figures.by_activity if r.key == "activity-co-design")
    assert _line(out, "Repairs co-design group")[-2:] == [f"+{format_money(co_design.variance)}", "+17.2%"]
    assert "1 dropped" in out and "6 themes" in out


def test_info_of_a_plan_not_in_delivery_has_no_delivery_section(tmp_path: Path) -> None:
    path = tmp_path / "s.ceplan"
    assert run("demo", str(path)).returncode == 0
    info = run("info", str(path))
    assert info.returncode == 0 and "Planned against actual" not in info.stdout


def test_info_of_a_delivered_plan_with_no_approved_version_uses_its_own_budget(tmp_path: Path) -> None:
    path = tmp_path / "imported.ceplan"
    source = str(resource_path(SAMPLE_DELIVERED_RESOURCE))
    assert run("import-json", source, "-o", str(path)).returncode == 0
    info = run("info", str(path))
    assert info.returncode == 0, info.stderr
    assert "measured against the plan's own budget (no approved version kept)" in info.stdout
    plan = sample_delivered_plan()
    total = delivery_figures(planned_part(plan), plan).total
    assert _line(info.stdout, "Total")[1:3] == [
        format_money(total.planned.total),
        format_money(total.actual.total),
    ]
