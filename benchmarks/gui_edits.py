"""Edit to repaint to saved, on every step of the main window; run in its own process by run.py.

    python -m benchmarks.gui_edits sample|big [--edits 30]

For each step: show it, then edit a value that step shows through the document (as every page's
edits do), process events until the window has repainted, then write the edit to the file as
autosave does (``doc.flush()``, without its 150 ms pause, which is lengthened here so that its
timer never fires inside a slow repaint) and wait for ``saved``. The median over
the edits is reported, split into "to repaint" and "save". The baseline, measured the same way in
the same process, is a bare ``QLabel.setText`` in a shown window until it has repainted.

The last line printed is JSON: {"baseline_ms": ..., "steps": [{"step", "total_ms", "paint_ms",
"save_ms"}, ...]}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ceplanner.core.library import sample_plan
from ceplanner.core.model import Plan, TeamMember
from ceplanner.store import PlanStore
from ceplanner.ui import document
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.main_window import MainWindow
from tests.factories import big_plan

WARM_UP = 3
TIMEOUT_S = 10.0


class RepaintWatch(QObject):
    """Counts the update requests a top-level window has handled (each one repaints it)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.requests = 0
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.requests += 1
        return False

    def wait(self, before: int) -> None:
        """Process events until at least one repaint after ``before`` has been done."""
        deadline = time.perf_counter() + TIMEOUT_S
        while self.requests == before:
            QApplication.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("The window did not repaint after the edit")
        QApplication.processEvents()  # anything the repaint itself asked for


def edits_for(plan: Plan) -> list[tuple[str, Callable[[int], tuple[Any, str, Any]]]]:
    """Per step: its name and, for edit ``i``, (object, attribute, new value) shown on that step."""
    group, objective, activity = plan.groups[0], plan.objectives[0], plan.activities[0]
    line = activity.cost_lines[0]
    return [
        ("1 Context", lambda i: (plan, "title", f"Tenant Voice {i}")),
        (
            "2 Stakeholders",
            lambda i: (group, "power", 1 + i % 5 if 1 + i % 5 != group.power else 1 + (i + 1) % 5),
        ),
        ("3 Objectives", lambda i: (objective, "title", f"Repairs fixed first time {i}")),
        ("4 Activities", lambda i: (activity, "sessions", 2 + i % 20)),
        ("5 Costs", lambda i: (line, "unit_cost", 1000 + i)),
        ("6 Delivery", lambda i: (plan.team[0], "days", Decimal(1 + i % 30))),
        ("7 Evaluation", lambda i: (plan.evaluation, "method", f"Exit surveys, round {i}")),
        ("8 Review", lambda i: (plan, "contingency_percent", Decimal(1 + i % 30))),
    ]


def measure_steps(path: Path, edits: int) -> list[dict[str, Any]]:
    store = PlanStore.open(path)
    doc = PlanDocument(store.load(), store)
    window = MainWindow(doc)
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    watch = RepaintWatch(window)
    saves = [0]
    doc.saved.connect(lambda: saves.__setitem__(0, saves[0] + 1))
    results = []
    for step, (name, change) in enumerate(edits_for(doc.plan)):
        window.go_to(step)
        QTest.qWait(50)
        page = window.current_page()
        if hasattr(page, "charts_drawn"):
            # Review draws its charts in a worker thread when first shown: measured edits start
            # once they are drawn (an edit still redraws them after the pause, in the background).
            deadline = time.perf_counter() + TIMEOUT_S
            while not getattr(page, "_charts_ready", True) and time.perf_counter() < deadline:
                QTest.qWait(20)
        paint, save, total = [], [], []
        for i in range(WARM_UP + edits):
            obj, attr, value = change(i)
            if getattr(obj, attr) == value:
                obj, attr, value = change(i + 1)
            before, saved_before = watch.requests, saves[0]
            start = time.perf_counter()
            doc.set_value(obj, attr, value, "Benchmark edit")
            watch.wait(before)
            painted = time.perf_counter()
            doc.flush()  # what the autosave timer calls
            deadline = painted + TIMEOUT_S
            while saves[0] == saved_before:
                QApplication.processEvents()
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"{name}: the edit was not saved")
            end = time.perf_counter()
            if i >= WARM_UP:
                paint.append((painted - start) * 1000)
                save.append((end - painted) * 1000)
                total.append((end - start) * 1000)
        results.append(
            {
                "step": name,
                "total_ms": statistics.median(total),
                "paint_ms": statistics.median(paint),
                "save_ms": statistics.median(save),
            }
        )
    window.close()
    return results


def measure_baseline(edits: int) -> float:
    """A bare QLabel in a shown window: setText until repainted, median ms."""
    label = QLabel("0")
    label.resize(200, 40)
    label.show()
    QTest.qWaitForWindowExposed(label)
    watch = RepaintWatch(label)
    times = []
    for i in range(WARM_UP + edits):
        before = watch.requests
        start = time.perf_counter()
        label.setText(str(i + 1))
        watch.wait(before)
        if i >= WARM_UP:
            times.append((time.perf_counter() - start) * 1000)
    label.close()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", choices=["sample", "big"])
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["CEPLANNER_DATA_DIR"] = str(folder / "data")
        app = QApplication.instance() or QApplication([])
        QCoreApplication.setOrganizationName("ceplanner-bench")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
        # Autosave's pause is made long so that its timer never fires inside a slow repaint:
        # each save is then timed on its own, by calling flush() as the timer would.
        document.AUTOSAVE_DELAY_MS = 60_000
        plan = sample_plan() if args.plan == "sample" else big_plan(500, 200)
        if not plan.team:  # the Delivery step's edit changes a team member's days
            plan.team.append(TeamMember(name="Engagement lead", days=Decimal(10)))
        path = folder / "plan.ceplan"
        PlanStore.create(path, plan).close()
        baseline = measure_baseline(args.edits)
        steps = measure_steps(path, args.edits)
        del app
    print(json.dumps({"baseline_ms": baseline, "steps": steps}))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
