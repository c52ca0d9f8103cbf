"""`ceplanner check`: open findings first, accepted ones after with their reasons; the exit
status follows the open warnings only."""

from __future__ import annotations

import json
from pathlib import Path

from ceplanner.core.checks import findings
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Dismissal
from ceplanner.store import PlanStore
from tests.cli.test_cli import run


def _file(tmp_path: Path, report_back: bool) -> Path:
    plan = sample_plan()
    for activity in plan.activities:
        activity.reports_back = report_back and activity.reports_back
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, plan, overwrite=True).close()
    return path


def test_the_sample_has_no_open_warning_and_exits_zero(tmp_path: Path) -> None:
    result = run("check", str(_file(tmp_path, report_back=True)))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.startswith("warning: ")]
    assert "Accepted exceptions:" in lines
    accepted = [line for line in lines if line.startswith("accepted: ")]
    assert len(accepted) == len(findings(sample_plan()).accepted) == 3
    assert any("Reason: Repairs staff take part in paid working time" in line for line in accepted)


def test_an_open_warning_fails_and_accepting_it_passes(tmp_path: Path) -> None:
    path = _file(tmp_path, report_back=False)
    result = run("check", "--json", str(path))
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    opened = [r for r in rows if not r["accepted"]]
    assert [r["code"] for r in opened if r["severity"] == "warning"] == ["plan.no-report-back"]
    assert not any("reason" in r for r in opened)
    assert all(r["reason"] for r in rows if r["accepted"])

    with PlanStore.open(path) as store:
        plan = store.load()
        plan.dismissals.append(Dismissal(code="plan.no-report-back", reason="Told by letter"))
        store.save(plan)
    result = run("check", "--json", str(path))
    assert result.returncode == 0
    row = next(r for r in json.loads(result.stdout) if r["code"] == "plan.no-report-back")
    assert row["accepted"] is True and row["reason"] == "Told by letter"
