"""Everything a real engagement plan holds, built through the widgets from an empty plan: the file
reopened holds every value, and the exported PDF prints every one of them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QTabWidget, QWidget

from ceplanner.core.model import Activity, Degree, ImpactCategory, Plan
from ceplanner.report import build_pdf_bytes
from ceplanner.store import PlanStore
from ceplanner.ui.pages.delivery import TAB_OF
from ceplanner.ui.wizard import step_index
from tests.report.report_fixtures import normalise, read_pdf
from tests.ui.conftest import open_window, reopen
from tests.ui.helpers import type_text
from tests.ui.test_delivery_page import add_row, choose_cell, tick, type_cell

TEXTS = {
    "issue": "Branch libraries open three days a week & footfall is falling",
    "affected": "Families, older readers and job seekers who use the branches",
    "in_scope": "Opening hours and what the branches offer",
    "out_of_scope": "Closing any branch",
    "already_known": "The 2025 library survey asked about opening hours already",
    "feedback_how": "A leaflet in every branch and a letter to everyone who took part",
    "feedback_when": "Within six weeks of the Cabinet decision",
    "feedback_channels": "Leaflet, website, easy read and Welsh versions",
    "feedback_by": "Libraries engagement lead",
}


def _area(window: Any, name: str, text: str) -> None:
    area = window.findChild(QPlainTextEdit, name)
    assert area is not None, name
    area.setPlainText("")
    type_text(area, text)
    area.editingFinished.emit()


def _line(qtbot: Any, window: Any, name: str, text: str) -> None:
    edit = window.findChild(QLineEdit, name)
    assert edit is not None, name
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _choose(window: Any, name: str, value: object) -> None:
    combo = window.findChild(QComboBox, name)
    index = next(i for i in range(combo.count()) if combo.itemData(i) == value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _step(window: Any, key: str) -> Any:
    index = step_index(key)
    assert index is not None
    window.go_to(index)
    return window.page(index)


def test_a_plan_using_every_new_field_is_kept_and_printed(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "library.ceplan"
    PlanStore.create(path, Plan(title="Library redesign", activities=[Activity(title="Drop-in day")])).close()
    window = open_window(qtbot, path, active=True)

    # Context: the issue and its scope, level of impact, history, approval, decision date.
    context = _step(window, "context")
    tabs = context.findChild(QTabWidget, "context_tabs")
    tabs.setCurrentIndex(2)
    for attr in ("issue", "affected", "in_scope", "out_of_scope"):
        _area(window, f"plan_{attr}", TEXTS[attr])
    _line(qtbot, window, "plan_geography", "Northfield, Riverside & Łódź Street")
    _choose(window, "plan_impact_category", ImpactCategory.NEIGHBOURHOOD)
    _choose(window, "plan_impact_reach", Degree.MEDIUM)
    _choose(window, "plan_impact_depth", Degree.HIGH)
    _choose(window, "plan_impact_contention", Degree.HIGH)
    tabs.setCurrentIndex(3)
    window.findChild(QPushButton, "past_add").click()
    history = context.history.table
    model = history.model()
    for attr, text in (("when", "Spring 2025"), ("heard", "Evenings matter most")):
        index = model.index(0, model.column_of[attr])
        history.setCurrentIndex(index)
        history.edit(index)
        editor = history.findChild(QLineEdit, f"past_editor_{attr}")
        editor.selectAll()
        type_text(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda a=attr: not history.findChildren(QLineEdit, f"past_editor_{a}"))
    _area(window, "plan_already_known", TEXTS["already_known"])
    tabs.setCurrentIndex(4)
    _line(qtbot, window, "plan_doc_version", "0.4")
    _line(qtbot, window, "plan_approver", "Communities Cabinet member")
    _line(qtbot, window, "plan_findings_signoff", "Head of Libraries")
    approved = window.findChild(QWidget, "plan_approved_on_field")
    approved.edit.setFocus()
    type_text(approved.edit, "20/01/2027")
    qtbot.keyClick(approved.edit, Qt.Key.Key_Return)

    # Delivery: the team, tasks, readiness, communications, key messages, milestones, risks.
    delivery = _step(window, "delivery")
    delivery.tabs.setCurrentIndex(TAB_OF["team"])
    team = delivery.tables["team"]
    add_row(team, qtbot, "Siân Lloyd")
    type_cell(team, 0, "role", "Engagement lead")
    type_cell(team, 0, "days", "10")
    type_cell(team, 0, "day_rate", "£300")
    delivery.tabs.setCurrentIndex(TAB_OF["tasks"])
    tasks = delivery.tables["tasks"]
    add_row(tasks, qtbot, "Book the BSL interpreters")
    choose_cell(tasks, 0, "activity_id", "Drop-in day")
    type_cell(tasks, 0, "owner", "Siân")
    type_cell(tasks, 0, "due", "1 Feb 2027")
    readiness = delivery.tables["readiness"]
    delivery.findChild(QPushButton, "readiness_add_usual").click()
    tick(readiness, 0, "done", qtbot)
    delivery.tabs.setCurrentIndex(TAB_OF["communications"])
    add_row(delivery.tables["communications"], qtbot, "Library users")
    type_cell(delivery.tables["communications"], 0, "channel", "Posters in every branch")
    add_row(delivery.tables["key_messages"], qtbot, "No branch will close")
    add_row(delivery.tables["milestones"], qtbot, "Cabinet decision")
    type_cell(delivery.tables["milestones"], 0, "due", "15/06/2027")
    delivery.tabs.setCurrentIndex(TAB_OF["risks"])
    risks = delivery.tables["risks"]
    add_row(risks, qtbot, "Few young people take part")
    type_cell(risks, 0, "owner", "Siân")
    type_cell(risks, 0, "review_date", "01/03/2027")

    # Activities: who leads the drop-in. Costs: her time at her rate.
    activities = _step(window, "activities")
    activities.editor.set_activity(window.doc.plan.activities[0])
    lead = activities.findChild(QComboBox, "activity_lead")
    lead.setCurrentIndex(1)
    lead.activated.emit(1)
    costs = _step(window, "costs")
    costs.add_button.click()
    costs.table.selectRow(0)
    line = window.doc.plan.activities[0].cost_lines[0]
    window.doc.set_value(line, "category", line.category.STAFF_TIME)
    window.doc.set_value(line, "unit", line.unit.DAY)
    who = costs.findChild(QComboBox, "cost_form_staff_id")
    who.setCurrentIndex(1)
    who.activated.emit(1)

    # Evaluation: closing the loop.
    _step(window, "evaluation")
    for attr in ("feedback_how", "feedback_when", "feedback_channels", "feedback_by"):
        _area(window, f"plan_{attr}", TEXTS[attr])
    _area(window, "plan_participant_questions", "Did you feel listened to?")

    window.doc.flush()
    plan = reopen(path)
    for attr, text in TEXTS.items():
        assert getattr(plan, attr) == text, attr
    assert plan.geography == "Northfield, Riverside & Łódź Street"
    assert (plan.impact_category, plan.impact_reach, plan.impact_depth, plan.impact_contention) == (
        ImpactCategory.NEIGHBOURHOOD,
        Degree.MEDIUM,
        Degree.HIGH,
        Degree.HIGH,
    )
    assert (plan.past_engagements[0].when, plan.past_engagements[0].heard) == (
        "Spring 2025",
        "Evenings matter most",
    )
    assert (plan.doc_version, plan.approver, plan.findings_signoff) == (
        "0.4",
        "Communities Cabinet member",
        "Head of Libraries",
    )
    assert plan.approved_on == date(2027, 1, 20)
    siân = plan.team[0]
    assert (siân.name, siân.role, siân.day_rate) == ("Siân Lloyd", "Engagement lead", 30000)
    task = plan.tasks[0]
    assert (task.description, task.activity_id, task.owner, task.due) == (
        "Book the BSL interpreters",
        plan.activities[0].id,
        "Siân",
        date(2027, 2, 1),
    )
    assert plan.readiness[0].done
    assert plan.communications[0].channel == "Posters in every branch"
    assert plan.key_messages[0].message == "No branch will close"
    assert plan.milestones[0].due == date(2027, 6, 15)
    assert (plan.risks[0].owner, plan.risks[0].review_date) == ("Siân", date(2027, 3, 1))
    assert plan.activities[0].lead_id == siân.id
    staff = plan.activities[0].cost_lines[0]
    assert (staff.staff_id, staff.unit_cost) == (siân.id, 30000)
    assert plan.participant_questions == "Did you feel listened to?"

    text = normalise(" ".join(read_pdf(build_pdf_bytes(plan)).pages))
    printed = [
        *TEXTS.values(),
        "Northfield, Riverside & Łódź Street",
        "Neighbourhood",
        "Evenings matter most",
        "Version 0.4",
        "Approved by Communities Cabinet member on 20 January 2027",
        "Findings signed off by Head of Libraries",
        "Siân Lloyd",
        "Engagement lead",
        "Book the BSL interpreters",
        "Posters in every branch",
        "No branch will close",
        "Cabinet decision",
        "Few young people take part",
        "Led by: Siân Lloyd – Engagement lead",
        "1. Did you feel listened to?",
    ]
    missing = [words for words in printed if normalise(words) not in text]
    assert missing == []
