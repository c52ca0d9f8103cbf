"""An activity's lead is chosen from the team, kept, undone, and printed with the activity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox

from ceplanner.core.model import Activity, Plan, TeamMember
from ceplanner.report import build_pdf_bytes
from ceplanner.store import PlanStore
from ceplanner.ui.wizard import step_index
from tests.report.report_fixtures import normalise, read_pdf
from tests.ui.conftest import open_window, reopen


def test_the_lead_is_chosen_from_the_team_and_printed(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "lead.ceplan"
    ana = TeamMember(name="Ana Ruiz <lead>", role="Engagement officer")
    plan = Plan(title="Library redesign", team=[TeamMember(name="Sam Lee"), ana])
    plan.activities = [Activity(title="Drop-in at the library")]
    PlanStore.create(path, plan).close()
    window = open_window(qtbot, path)
    step = step_index("activities")
    window.go_to(step)
    page = window.page(step)
    page.editor.set_activity(window.doc.plan.activities[0])
    lead = page.findChild(QComboBox, "activity_lead")
    assert [lead.itemText(i) for i in range(lead.count())] == [
        "No lead named",
        "Sam Lee",
        "Ana Ruiz <lead> – Engagement officer",
    ]
    lead.setCurrentIndex(2)
    lead.activated.emit(2)
    window.doc.flush()
    assert reopen(path).activities[0].lead_id == ana.id
    text = normalise(" ".join(read_pdf(build_pdf_bytes(window.doc.plan)).pages))
    assert "Led by: Ana Ruiz <lead> – Engagement officer" in text
    window.doc.undo_stack.undo()
    assert window.doc.plan.activities[0].lead_id is None
    qtbot.waitUntil(lambda: lead.currentIndex() == 0)
    # A new team member becomes a choice at once.
    window.doc.append_item(window.doc.plan, "team", TeamMember(name="Jo Park"))
    qtbot.waitUntil(lambda: lead.findText("Jo Park") > 0)


def test_with_no_activity_chosen_the_editor_shows_nothing_of_the_last_one(qtbot: Any, tmp_path: Path) -> None:
    from datetime import date

    path = tmp_path / "none.ceplan"
    plan = Plan(title="Library redesign")
    plan.activities = [Activity(title="Drop-in", start=date(2027, 3, 1), end=date(2027, 3, 5), sessions=4)]
    PlanStore.create(path, plan).close()
    window = open_window(qtbot, path)
    step = step_index("activities")
    window.go_to(step)
    editor = window.page(step).editor
    editor.set_activity(window.doc.plan.activities[0])
    assert editor.start.edit.text() == "1 Mar 2027" and editor.sessions.value() == 4
    editor.set_activity(None)
    assert not editor.isEnabled()
    assert (editor.start.edit.text(), editor.end.edit.text(), editor.title.text()) == ("", "", "")
    assert editor.sessions.value() == editor.sessions.minimum()
