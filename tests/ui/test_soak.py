"""The soak test: a thousand edits in the real main window, then a 5,000-group plan, in a subprocess.

Why: with a Qt binding that leaks references to ``None`` the application aborted after a few dozen
edits ("Fatal Python error: none_dealloc"), and no test made more than a handful of edits in a
row. The session itself is ``tests/ui/soak_session.py``; it runs in a child process so that an
abort fails this test, with the child's stderr, instead of ending the whole test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EDITS = 1000
BIG_GROUPS = 5000


def test_a_thousand_edits_then_a_big_plan_run_clean_and_reach_the_file(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.soak_session",
            str(tmp_path),
            "--edits",
            str(EDITS),
            "--big-groups",
            str(BIG_GROUPS),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = f"stdout:\n{result.stdout[-4000:]}\nstderr:\n{result.stderr[-8000:]}"
    assert "Fatal Python error" not in result.stderr, report
    assert result.returncode == 0, report
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("SOAK OK edits="), report
    assert int(last.removeprefix("SOAK OK edits=")) >= EDITS, report
    assert f"{BIG_GROUPS}-group plan:" in result.stdout, report
