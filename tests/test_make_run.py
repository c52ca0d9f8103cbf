"""`make run ARGS="…"` passes a plan path with spaces whole (the default plan name has one)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("{folder}/My plans/Sample plan.ceplan", ["{folder}/My plans/Sample plan.ceplan"]),
        ("info {folder}/plan.ceplan", ["info", "{folder}/plan.ceplan"]),
        ("", []),
    ],
)
def test_make_run_passes_the_plan_path_whole(tmp_path: Path, args: str, expected: list[str]) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    record = tmp_path / "argv.txt"
    # A stand-in interpreter that records what it was given, in place of the application.
    fake = venv / "bin" / "python"
    fake.write_text(f'#!/bin/sh\nshift 2\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{record}"\n')
    fake.chmod(0o755)
    (venv / ".installed").touch()
    (tmp_path / "My plans").mkdir()
    text = args.format(folder=tmp_path)
    if expected and expected[0] == args:
        Path(text).write_bytes(b"")  # an existing file, as when a user names their plan
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "run",
            f"VENV={venv}",
            "SYSTEM_DEPS=true",
            f"ARGS={text}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert record.read_text().splitlines() == [e.format(folder=tmp_path) for e in expected]
