"""An installation that lost its built-in data says so in one line, not a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_an_installation_without_its_data_says_so_in_one_line(tmp_path: Path) -> None:
    # A copy of the package without ceplanner/data, as a broken install would be.
    shutil.copytree(
        ROOT / "ceplanner", tmp_path / "ceplanner", ignore=shutil.ignore_patterns("data", "__pycache__")
    )
    result = subprocess.run(
        [sys.executable, "-m", "ceplanner", "demo", "s.ceplan"],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"ceplanner: {tmp_path / 'ceplanner' / 'data' / 'sample-plan.json'}: ")
    assert "cannot read the built-in resource" in result.stderr and "reinstall" in result.stderr
    assert not (tmp_path / "s.ceplan").exists()
