"""The Context step's Issue and scope and History tabs: typed, chosen, saved, undone."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)

from ceplanner.core.model import Activity, Degree, IAP2Level, ImpactCategory, Plan
from ceplanner.store import PlanStore
from tests.ui.conftest import open_window, reopen
from tests.ui.helpers import type_text


def _type_area(qtbot: Any, window: Any, name: str, text: str) -> None:
    area = window.findChild(QPlainTextEdit, name)
    assert area is not None, name
    type_text(area, text)
    area.editingFinished.emit()  # as focus leaving the field does


def _choose(window: Any, name: str, value: object) -> None:
    combo = window.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def test_issue_scope_and_impact_are_typed_saved_and_recommend_a_level(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "scope.ceplan"
    PlanStore.create(
        path, Plan(title="Library redesign", activities=[Activity(level=IAP2Level.CONSULT)])
    ).close()
    window = open_window(qtbot, path, active=True)
    tabs = window.findChild(QTabWidget, "context_tabs")
    tabs.setCurrentIndex(1)
    _type_area(qtbot, window, "plan_issue", "Branch libraries <open> 3 days & closing")
    _type_area(qtbot, window, "plan_affected", "Older readers, families, job seekers")
    _type_area(qtbot, window, "plan_in_scope", "Opening hours")
    _type_area(qtbot, window, "plan_out_of_scope", "Closing branches")
    geography = window.findChild(QLineEdit, "plan_geography")
    geography.setFocus()
    type_text(geography, "Łódź Street and Northfield")
    qtbot.keyClick(geography, Qt.Key.Key_Return)
    recommendation = window.findChild(QLabel, "impact_recommendation")
    assert "answer the three questions" in recommendation.text()
    _choose(window, "plan_impact_category", ImpactCategory.SERVICE)
    _choose(window, "plan_impact_reach", Degree.HIGH)
    _choose(window, "plan_impact_depth", Degree.MEDIUM)
    _choose(window, "plan_impact_contention", Degree.LOW)
    qtbot.waitUntil(lambda: "Involve is recommended" in recommendation.text())
    assert "reach Consult at most" in recommendation.text()
    assert "below the recommendation" in recommendation.text()

    window.doc.flush()
    plan = reopen(path)
    assert plan.issue == "Branch libraries <open> 3 days & closing"
    assert plan.affected == "Older readers, families, job seekers"
    assert (plan.in_scope, plan.out_of_scope) == ("Opening hours", "Closing branches")
    assert plan.geography == "Łódź Street and Northfield"
    assert (plan.impact_category, plan.impact_reach, plan.impact_depth, plan.impact_contention) == (
        ImpactCategory.SERVICE,
        Degree.HIGH,
        Degree.MEDIUM,
        Degree.LOW,
    )
    # Raising an activity's level clears the flag; undo brings it back.
    window.doc.set_value(window.doc.plan.activities[0], "level", IAP2Level.INVOLVE)
    qtbot.waitUntil(lambda: "below" not in recommendation.text())
    window.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: "below the recommendation" in recommendation.text())
    for _ in range(4):
        window.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: "answer the three questions" in recommendation.text())
    assert window.findChild(QComboBox, "plan_impact_category").currentData() is None


def test_past_engagements_and_what_is_known_are_kept(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "history.ceplan"
    PlanStore.create(path, Plan(title="Library redesign")).close()
    window = open_window(qtbot, path, active=True)
    window.findChild(QTabWidget, "context_tabs").setCurrentIndex(2)
    table = window.findChild(QTableView, "past_engagements")
    window.findChild(QPushButton, "past_add").click()
    texts = {
        "when": "Spring 2025",
        "about": "Library survey",
        "heard": "Evenings matter",
        "changed": "Late Thursdays",
    }
    model = table.model()
    for attr, text in texts.items():
        index = model.index(0, model.column_of[attr])
        table.setCurrentIndex(index)
        table.edit(index)
        editor = table.findChild(QLineEdit, f"past_editor_{attr}")
        assert editor is not None
        editor.selectAll()
        type_text(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda a=attr: not table.findChildren(QLineEdit, f"past_editor_{a}"))
    _type_area(qtbot, window, "plan_already_known", "2024 survey: 61% want Saturday opening")
    window.doc.flush()
    plan = reopen(path)
    assert len(plan.past_engagements) == 1
    past = plan.past_engagements[0]
    assert (past.when, past.about, past.heard, past.changed) == tuple(texts.values())
    assert plan.already_known == "2024 survey: 61% want Saturday opening"
    table.selectRow(0)
    window.findChild(QPushButton, "past_delete").click()
    assert window.doc.plan.past_engagements == []
    window.doc.undo_stack.undo()
    assert window.doc.plan.past_engagements[0].heard == "Evenings matter"


def test_document_control_is_typed_saved_and_undone(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "approval.ceplan"
    PlanStore.create(path, Plan(title="Library redesign")).close()
    window = open_window(qtbot, path, active=True)
    window.findChild(QTabWidget, "context_tabs").setCurrentIndex(3)
    for name, text in (
        ("plan_doc_version", "0.3 <draft>"),
        ("plan_approver", "Communities Committee"),
        ("plan_findings_signoff", "Head of Libraries"),
    ):
        edit = window.findChild(QLineEdit, name)
        edit.setFocus()
        type_text(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    approved = window.findChild(QWidget, "plan_approved_on_field")
    approved.edit.setFocus()
    type_text(approved.edit, "20/01/2027")
    qtbot.keyClick(approved.edit, Qt.Key.Key_Return)
    window.doc.flush()
    plan = reopen(path)
    assert (plan.doc_version, plan.approver, plan.findings_signoff) == (
        "0.3 <draft>",
        "Communities Committee",
        "Head of Libraries",
    )
    assert plan.approved_on == date(2027, 1, 20)
    window.doc.undo_stack.undo()
    assert window.doc.plan.approved_on is None
    qtbot.waitUntil(lambda: approved.edit.text() == "")
