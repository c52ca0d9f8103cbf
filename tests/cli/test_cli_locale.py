"""The command line prints money in the locale CEPLANNER_LOCALE (or LANG) names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ceplanner.core.library import sample_plan
from ceplanner.store import PlanStore

ROOT = Path(__file__).resolve().parents[2]


def test_info_prints_the_total_in_german(tmp_path: Path) -> None:
    path = tmp_path / "s.ceplan"
    PlanStore.create(path, sample_plan()).close()
    env = {**os.environ, "CEPLANNER_LOCALE": "de_DE"}
    result = subprocess.run(
        [sys.executable, "-m", "ceplanner", "info", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    total = next(line for line in result.stdout.splitlines() if "Full cost (cash and in kind)" in line)
    assert total.rstrip().endswith("67.292,42\u00a0£")
    assert "1.435 expected participants" in result.stdout
    dates = next(line for line in result.stdout.splitlines() if line.strip().startswith("Dates:"))
    assert dates.split(":", 1)[1].strip() == "11. Januar 2027 to 30. September 2027"
