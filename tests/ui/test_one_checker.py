"""One checker: Review, the step list and `ceplanner check` show the same findings, and a finding
leads to the step and the row it concerns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from ceplanner.core.checks import Severity, open_checks
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Activity, StakeholderGroup
from ceplanner.store import PlanStore
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.wizard import STEPS, step_index


def _broken_file(tmp_path: Path) -> Path:
    plan = sample_plan()
    plan.groups.append(StakeholderGroup(name="Night-shift workers", seldom_heard=True))
    plan.activities.append(Activity(title="A walkabout"))  # no groups, no promise, no costs
    path = tmp_path / "broken.ceplan"
    PlanStore.create(path, plan).close()
    return path


def test_review_the_step_list_and_the_command_line_agree(qtbot: QtBot, tmp_path: Path) -> None:
    path = _broken_file(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "ceplanner", "check", "--json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, "warnings give a non-zero exit status"
    from_cli = [
        (f["severity"], f["message"], f["step"]) for f in json.loads(result.stdout) if not f["accepted"]
    ]
    doc = open_plan(None, path)
    assert doc is not None
    assert from_cli == [(c.severity.value, c.message, c.step) for c in open_checks(doc.plan)]
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    window.go_to(step_index("review") or 0)
    shown = window.findChild(QListWidget, "review_warnings")
    texts = [shown.item(i).toolTip() for i in range(shown.count())]
    assert texts == [message for _s, message, _step in from_cli]
    window._mark_steps()
    for row, step in enumerate(STEPS):
        expected = sum(1 for s, _m, k in from_cli if k == step.key and s == Severity.WARNING.value)
        assert window.step_list.item(row).data(Qt.ItemDataRole.UserRole) == expected, step.key
    window.close()


def test_a_finding_leads_to_its_row(qtbot: QtBot, tmp_path: Path) -> None:
    path = _broken_file(tmp_path)
    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    window.go_to(step_index("review") or 0)
    shown = window.findChild(QListWidget, "review_warnings")
    item = next(shown.item(i) for i in range(shown.count()) if "Night-shift workers" in shown.item(i).text())
    shown.itemActivated.emit(item)
    page = window.current_page()
    assert page.STEP == "activities"  # a seldom-heard group no activity reaches: fixed on Activities
    item = next(
        shown.item(i)
        for i in range(shown.count())
        if "“A walkabout” has no target group" in shown.item(i).text()
    )
    window.go_to(step_index("review") or 0)
    shown.itemActivated.emit(item)
    page = window.current_page()
    assert page.STEP == "activities"
    assert page.editor.activity is not None and page.editor.activity.title == "A walkabout"
    window.close()
