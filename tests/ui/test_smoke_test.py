"""``ceplanner gui --smoke-test`` (what the bundle test runs) and the application icon."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ceplanner.core.library import sample_plan
from ceplanner.ui.app import make_application
from ceplanner.ui.app_icon import SIZES
from ceplanner.ui.wizard import STEPS


def test_the_application_has_its_icon_at_every_size() -> None:
    app = make_application()
    assert isinstance(app, QApplication)
    sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
    assert sizes == {(s, s) for s in SIZES}


def test_smoke_test_opens_the_plan_shows_every_step_and_exits_0(tmp_path: Path, sample_file: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-m", "ceplanner", "gui", "--smoke-test", str(sample_file)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (
        f"opened “{sample_plan().title} — sample.ceplan — ceplanner” and showed its {len(STEPS)} steps"
        in result.stdout
    )
    assert "drew page 1 of the " in result.stdout  # pypdfium2 loaded and drew the exported PDF
