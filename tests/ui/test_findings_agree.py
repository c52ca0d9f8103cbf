"""Review, the step list's marks, the PDF and `ceplanner check --json` hold exactly the same
findings, open and accepted, for the sample plan and for a plan built to break many rules."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from ceplanner.core.library import sample_plan
from ceplanner.core.model import (
    Activity,
    Barrier,
    Dismissal,
    Funder,
    IAP2Level,
    Objective,
    Plan,
    StakeholderGroup,
)
from ceplanner.report import build_pdf_bytes
from ceplanner.report.sections.summary import ACCEPTED_TITLE, POINTS_TITLE
from ceplanner.store import PlanStore
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.wizard import STEPS, step_index
from tests.report.report_fixtures import normalise, read_pdf


def broken_plan() -> Plan:
    """The sample plan made to break many rules, one of the new findings accepted."""
    plan = sample_plan()
    plan.groups.append(StakeholderGroup(name="Night-shift workers", barriers=[Barrier.TIME]))
    plan.groups.append(StakeholderGroup(name="Housing ombudsman", power=5, interest=5))
    informed = StakeholderGroup(name="Boat dwellers", seldom_heard=True, barriers=[Barrier.LANGUAGE])
    plan.groups.append(informed)
    plan.activities.append(Activity(title="A walkabout"))  # no groups, promise or costs
    plan.activities.append(Activity(title="Leaflet drop", level=IAP2Level.INFORM, group_ids=[informed.id]))
    survey = next(a for a in plan.activities if a.method_id == "method-online-survey")
    survey.level = IAP2Level.COLLABORATE  # a survey cannot deliver it
    plan.objectives.append(Objective(title="An objective nobody serves"))
    plan.decision_date = date(2027, 9, 10)  # too soon after the consultation ends
    plan.region = "SCT"
    plan.contingency_percent = Decimal(0)
    plan.evaluation.whose_opinion = ""
    plan.evaluation_min_percent = Decimal(50)
    for activity in plan.activities:
        activity.reports_back = False
    plan.objectives[0].indicators[0].baseline = ""
    survey.cost_lines[0].funder = ""
    plan.activities[1].cost_lines.pop(0)  # the focus groups' staff time
    plan.budget_envelope = 100_00
    plan.funders = [Funder(name="Community Fund grant", envelope=5_00)]
    plan.dismissals.append(
        Dismissal(code="consultation.no-analysis-time", item_id="", reason="The Board meets early this year.")
    )
    return plan


def _pdf_lists(path: Path) -> tuple[list[str], list[str]]:
    """The bullets of the PDF's points to resolve and accepted exceptions, as printed."""
    with PlanStore.open(path, readonly=True) as store:
        plan = store.load()
    pages = []
    for page in read_pdf(build_pdf_bytes(plan)).pages:
        lines = page.splitlines()
        top = next((i for i, line in enumerate(lines[:6]) if re.fullmatch(r"Page \d+ of \d+", line)), -1)
        pages.append("\n".join(lines[top + 1 :]))  # without the running header
    text = normalise(" ".join(pages))
    points: list[str] = []
    if f"{POINTS_TITLE}:" in text:
        assert text.count(f"{POINTS_TITLE}:") == 1
        box = text.split(f"{POINTS_TITLE}:", 1)[1].split(f"{ACCEPTED_TITLE}:", 1)[0]
        points = [b.strip() for b in box.split("• ")[1:]]
    after = [b.strip() for b in text.split(f"{ACCEPTED_TITLE}:", 1)[1].split("• ")[1:]]
    # The box's bullets each say "Accepted:"; bullets after it (the top risks) do not.
    count = next((i for i, bullet in enumerate(after) if " Accepted: " not in bullet), len(after))
    assert not any(" Accepted: " in bullet for bullet in after[count:])
    return points, after[:count]


@pytest.mark.parametrize("make", [sample_plan, broken_plan], ids=["sample", "broken"])
def test_every_view_holds_the_same_findings(make: object, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    plan = make()  # type: ignore[operator]
    PlanStore.create(path, plan).close()
    result = subprocess.run(
        [sys.executable, "-m", "ceplanner", "check", "--json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    rows = json.loads(result.stdout)
    open_rows = [r for r in rows if not r["accepted"]]
    accepted_rows = [r for r in rows if r["accepted"]]
    assert accepted_rows, "each plan has accepted exceptions"
    assert result.returncode == (1 if any(r["severity"] == "warning" for r in open_rows) else 0)
    if make is broken_plan:
        codes = {r["code"] for r in open_rows}
        assert len(codes) >= 19, codes
        assert "consultation.no-analysis-time" in {r["code"] for r in accepted_rows}

    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    window.go_to(step_index("review") or 0)
    shown = window.findChild(QListWidget, "review_warnings")
    review = [shown.item(i).toolTip() for i in range(shown.count()) if shown.item(i).toolTip()]
    assert review == [r["message"] for r in open_rows]
    accepted_list = window.findChild(QListWidget, "review_accepted")
    assert [accepted_list.item(i).toolTip() for i in range(accepted_list.count())] == [
        r["message"] for r in accepted_rows
    ]
    window._mark_steps()
    for row, step in enumerate(STEPS):
        expected = sum(1 for r in open_rows if r["step"] == step.key and r["severity"] == "warning")
        assert window.step_list.item(row).data(Qt.ItemDataRole.UserRole) == expected, step.key
    window.close()

    points, accepted = _pdf_lists(path)
    assert len(points) == len(open_rows)
    for bullet, row in zip(points, open_rows, strict=True):
        assert bullet == normalise(row["message"]), (bullet, row["message"])
    assert len(accepted) == len(accepted_rows)
    for bullet, row in zip(accepted, accepted_rows, strict=True):
        assert bullet.startswith(normalise(f"{row['message']} Accepted: {row['reason']}")), bullet
