"""Start-up to an interactive window with the sample plan, against a bare seven-page QWizard.

Both are timed the same way: a new Python process, from launch until its window is shown and the
event loop has gone idle (a zero-delay timer fires), then it quits. Runs alternate between the two
so that both see the same load on the machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ceplanner.core.library import sample_plan
from ceplanner.store import PlanStore

ROOT = Path(__file__).resolve().parents[1]

APP = """
import sys
from PySide6.QtCore import QTimer
from ceplanner.ui.app import make_application

app = make_application([])
from ceplanner.store import PlanStore
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.main_window import MainWindow

store = PlanStore.open(sys.argv[1])
window = MainWindow(PlanDocument(store.load(), store))
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

WIZARD = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

app = QApplication([])
wizard = QWizard()
for number in range(1, 8):
    page = QWizardPage()
    page.setTitle(f"Step {number}")
    wizard.addPage(page)
wizard.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _run(code: str, *args: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return (time.perf_counter() - start) * 1000


def measure(repeat: int = 7) -> tuple[float, float]:
    """(application ms, bare wizard ms), medians over ``repeat`` alternating runs each."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "Sample plan.ceplan"
        PlanStore.create(path, sample_plan()).close()
        # Fresh settings and data folders: no remembered geometry or page, no user's files.
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            XDG_CONFIG_HOME=str(folder / "config"),
            CEPLANNER_DATA_DIR=str(folder / "data"),
        )
        _run(WIZARD, env=env)  # warm the file cache for both
        _run(APP, str(path), env=env)
        app, wizard = [], []
        for _ in range(repeat):
            wizard.append(_run(WIZARD, env=env))
            app.append(_run(APP, str(path), env=env))
    return statistics.median(app), statistics.median(wizard)
