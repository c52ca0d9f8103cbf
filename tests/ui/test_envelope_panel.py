"""The budget envelope and funders' envelopes typed on the Costs step, compared with the costs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from ceplanner.core.model import Activity, CostCategory, CostLine, Funder, Plan, Unit
from ceplanner.store import PlanStore
from ceplanner.ui.pages.costs import CostsPage
from tests.ui.conftest import open_window, reopen
from tests.ui.helpers import type_text


def _plan() -> Plan:
    return Plan(
        title="Repairs",
        contingency_percent=Decimal(10),
        activities=[
            Activity(
                title="Focus groups",
                cost_lines=[
                    CostLine(CostCategory.VENUE, "Room", Unit.SESSION, Decimal(4), 9000, funder="Council"),
                    CostLine(CostCategory.CATERING, "Food", Unit.PERSON, Decimal(40), 600, funder="Lottery"),
                ],
            )
        ],
    )  # paid £600.00, contingency £60.00, cash £660.00; Council £360.00, Lottery £240.00


def _text(page: CostsPage, name: str) -> str:
    found = page.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_envelopes_typed_on_the_costs_step_show_headroom_and_overrun(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, _plan()).close()
    window = open_window(qtbot, path, active=True)
    doc = window.doc
    window.go_to(4)
    page = window.current_page()
    assert isinstance(page, CostsPage)
    assert _text(page, "costs_total_envelope") == "not set"

    field = page.findChild(QLineEdit, "plan_budget_envelope")
    field.setFocus()
    type_text(field, "£650")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert doc.plan.budget_envelope == 65_000
    assert _text(page, "costs_total_envelope") == "£650.00"
    assert _text(page, "costs_total_headroom_words") == "Over budget by"
    assert _text(page, "costs_total_headroom") == "£10.00"
    assert _text(page, "costs_envelope_compared") == (
        "Over budget by £10.00 against a cash budget needed of £660.00"
    )

    field.selectAll()
    type_text(field, "1,000")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert _text(page, "costs_total_headroom_words") == "Headroom"
    assert _text(page, "costs_total_headroom") == "£340.00"

    # Funders: the first one offered is the first name on the cost lines.
    page.findChild(QPushButton, "costs_add_funder").click()
    table = page.findChild(QTableView, "costs_funders")
    editor = table.findChild(QLineEdit, "funder_editor_envelope")
    assert editor is not None  # adding opens the envelope for typing
    type_text(editor, "300")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.findChildren(QLineEdit, "funder_editor_envelope"))
    funders = page.envelope.funders
    assert [(f.name, f.envelope) for f in doc.plan.funders] == [("Council", 30_000)]
    row = [funders.index(0, c).data() for c in range(funders.columnCount())]
    assert row[:4] == ["Council", "£300.00", "£360.00", "Over by £60.00"]

    page.findChild(QPushButton, "costs_add_funder").click()
    table.closeEditor(
        table.findChild(QLineEdit, "funder_editor_envelope"), QAbstractItemDelegate.EndEditHint.NoHint
    )
    assert doc.plan.funders[1].name == "Lottery" and doc.plan.funders[1].envelope is None
    assert funders.index(1, 3).data() == "–"
    # The name is chosen from the lines' funders (or typed).
    index = funders.index(1, 0)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.findChild(QComboBox, "funder_editor_name")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Council", "Lottery"]
    combo.setCurrentText("Lottery fund")
    table.commitData(combo)
    table.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)
    assert doc.plan.funders[1].name == "Lottery fund"
    assert funders.index(1, 2).data() == "£0.00"  # no line names it so

    # A cost line moved to a funder changes what that funder's lines come to.
    doc.set_value(doc.plan.activities[0].cost_lines[1], "funder", "Council")
    assert funders.index(0, 2).data() == "£600.00"

    # Emptying the envelope removes it.
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert doc.plan.budget_envelope is None
    assert _text(page, "costs_total_headroom") == "no envelope set"

    window.close()
    saved = reopen(path)
    assert saved.budget_envelope is None
    assert [(f.name, f.envelope) for f in saved.funders] == [("Council", 30_000), ("Lottery fund", None)]


def test_a_bad_envelope_is_refused_in_words_and_kept_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, _plan()).close()
    window = open_window(qtbot, path, active=True)
    window.go_to(4)
    page = window.current_page()
    field = page.findChild(QLineEdit, "plan_budget_envelope")
    field.setFocus()
    type_text(field, "twelve")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.doc.plan.budget_envelope is None
    assert field.text() == "twelve"
    problem = page.findChild(QLabel, "plan_budget_envelope_problem")
    assert "not an amount of money" in problem.text()
    window.close()


def test_a_funder_needs_a_name_and_an_envelope_in_money(qtbot: QtBot, tmp_path: Path) -> None:
    plan = _plan()
    plan.funders = [Funder("Council", 30_000)]
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, plan).close()
    window = open_window(qtbot, path, active=True)
    window.go_to(4)
    page = window.current_page()
    assert isinstance(page, CostsPage)
    funders = page.envelope.funders
    problem = page.findChild(QLabel, "costs_funders_problem")
    assert not funders.setData(funders.index(0, 0), "  ")
    assert problem.text() == "Funder, funder 1: A funder needs a name, as written on its cost lines."
    assert not funders.setData(funders.index(0, 1), "lots")
    assert "not an amount of money" in problem.text()
    assert [(f.name, f.envelope) for f in window.doc.plan.funders] == [("Council", 30_000)]
    assert funders.setData(funders.index(0, 1), "")  # emptied: no envelope known
    assert window.doc.plan.funders[0].envelope is None and problem.text() == ""
    window.close()
