"""Screens never rewrite a valid value the user did not change (issue 7, item 4).

An activity imported with 5,000 sessions and 2,000,000 participants, both valid in the file
format, was clipped to 1,000 and 1,000,000 by the activity editor's spin boxes on losing focus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QSpinBox, QWidget

from ceplanner.cli import main
from ceplanner.core.limits import limits_of
from ceplanner.core.model import Activity, Plan, StakeholderGroup
from ceplanner.core.serialize import plan_to_json
from ceplanner.store import PlanStore
from ceplanner.ui.activity_editor import ActivityEditor
from ceplanner.ui.document import PlanDocument
from tests.ui.helpers import reopen, type_text

SESSIONS, PARTICIPANTS = 5_000, 2_000_000


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """A plan file made by importing JSON, as a user would, holding the large activity."""
    plan = Plan(title="County-wide survey", groups=[StakeholderGroup(name="Residents")])
    plan.activities = [
        Activity(
            title="Household survey",
            group_ids=[plan.groups[0].id],
            sessions=SESSIONS,
            participants=PARTICIPANTS,
        )
    ]
    source = tmp_path / "survey.json"
    source.write_text(plan_to_json(plan), encoding="utf-8")
    target = tmp_path / "survey.ceplan"
    assert main(["import-json", str(source), "-o", str(target)]) == 0
    return target


def focus(widget: QWidget, qtbot: Any) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_large_valid_sessions_and_participants_survive_focus_and_other_edits(
    imported: Path, qtbot: Any
) -> None:
    store = PlanStore.open(imported)
    doc = PlanDocument(store.load(), store)
    editor = ActivityEditor(doc)
    qtbot.addWidget(editor)
    editor.set_activity(doc.plan.activities[0])
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    focus(editor.sessions, qtbot)
    focus(editor.participants, qtbot)
    focus(editor.title, qtbot)  # the participants box loses focus: its editingFinished fires
    editor.title.selectAll()
    type_text(editor.title, "Household survey, all wards")
    focus(editor.sessions, qtbot)  # the title is committed; the sessions box has focus again
    focus(editor.title, qtbot)
    assert doc.plan.activities[0].title == "Household survey, all wards"
    saved = reopen(doc).activities[0]
    doc.close()
    assert saved.title == "Household survey, all wards"
    assert (saved.sessions, saved.participants) == (SESSIONS, PARTICIPANTS)
    assert (editor.sessions.value(), editor.participants.value()) == (SESSIONS, PARTICIPANTS)


def test_every_spin_box_on_a_model_field_spans_the_model_limits(sample_file: Path, qtbot: Any) -> None:
    """Sessions, participants and contingency: a box narrower than the model would clip."""
    from ceplanner.ui.pages.context import ContextPage

    store = PlanStore.open(sample_file)
    doc = PlanDocument(store.load(), store)
    editor, context = ActivityEditor(doc), ContextPage(doc)
    for widget in (editor, context):
        qtbot.addWidget(widget)
    boxes: list[tuple[QSpinBox | QDoubleSpinBox, type, str]] = [
        (editor.sessions, Activity, "sessions"),
        (editor.participants, Activity, "participants"),
        (context.findChild(QDoubleSpinBox, "plan_contingency"), Plan, "contingency_percent"),
    ]
    for box, cls, attr in boxes:
        bounds = limits_of(cls, attr)
        assert (box.minimum(), box.maximum()) == (bounds.minimum, bounds.maximum), attr
        if isinstance(box, QDoubleSpinBox):
            assert box.decimals() == bounds.places
    doc.close()
    QApplication.processEvents()


def test_stakeholder_and_rating_editors_take_the_model_limits() -> None:
    from ceplanner.core.model import VfmRating
    from ceplanner.ui.pages.evaluation import RATING_WORDS
    from ceplanner.ui.stakeholder_model import convert

    size = limits_of(StakeholderGroup, "size")
    assert size.maximum is not None
    assert convert("size", f"{size.maximum:,}") == size.maximum
    with pytest.raises(ValueError, match="too large"):
        convert("size", str(size.maximum + 1))
    for attr in ("power", "interest"):
        bounds = limits_of(StakeholderGroup, attr)
        assert bounds.minimum is not None and bounds.maximum is not None
        assert convert(attr, str(bounds.maximum)) == bounds.maximum
        with pytest.raises(ValueError, match="outside"):
            convert(attr, str(bounds.maximum + 1))
    rating = limits_of(VfmRating, "rating")
    assert rating.minimum is not None and rating.maximum is not None
    assert list(RATING_WORDS) == list(range(int(rating.minimum), int(rating.maximum) + 1))


LONG = ("Notes from the 2026 residents' survey. " * 1_000).strip()  # valid, and past Qt's 32,767


def test_long_valid_text_survives_focus_in_forms_and_table_cells(tmp_path: Path, qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit, QTableView

    from ceplanner.core.model import CostLine
    from ceplanner.ui.cost_model import LINE_COLUMN
    from ceplanner.ui.pages.costs import CostsPage
    from tests.ui.helpers import open_document

    plan = Plan(title="Survey")
    plan.activities = [Activity(title=LONG, cost_lines=[CostLine(description=LONG, source=LONG)])]
    doc = open_document(tmp_path, plan)
    editor, costs = ActivityEditor(doc), CostsPage(doc)
    for widget in (editor, costs):
        qtbot.addWidget(widget)
    editor.set_activity(doc.plan.activities[0])
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    focus(editor.title, qtbot)
    focus(editor.sessions, qtbot)  # the title loses focus and is committed
    editor.hide()
    costs.show()
    costs.activateWindow()
    qtbot.waitExposed(costs)
    table = costs.findChild(QTableView, "costs_lines")
    for attr in ("description", "source"):
        index = costs.lines.index(0, LINE_COLUMN[attr])
        table.setCurrentIndex(index)
        table.edit(index)
        cell = table.findChild(QLineEdit, f"cost_editor_{attr}")
        assert cell is not None
        qtbot.keyClick(cell, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda a=attr: not table.findChildren(QLineEdit, f"cost_editor_{a}"))
    saved = reopen(doc).activities[0]
    doc.close()
    assert saved.title == LONG
    assert (saved.cost_lines[0].description, saved.cost_lines[0].source) == (LONG, LONG)


def confirm_cell_unchanged(view: Any, index: Any, qtbot: Any) -> None:
    """Open the cell's editor as a double-click would and press Enter without typing."""
    from PySide6.QtWidgets import QLineEdit

    view.setCurrentIndex(index)
    view.edit(index)
    cell = view.findChild(QLineEdit)
    assert cell is not None
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.findChildren(QLineEdit))


def test_long_valid_text_survives_the_stakeholder_and_indicator_tables(tmp_path: Path, qtbot: Any) -> None:
    from ceplanner.core.model import Indicator, Objective
    from ceplanner.ui.objective_models import INDICATOR_COLUMNS
    from ceplanner.ui.pages.objectives import ObjectivesPage
    from ceplanner.ui.pages.stakeholders import StakeholdersPage
    from ceplanner.ui.stakeholder_model import COLUMN
    from tests.ui.helpers import open_document

    plan = Plan(title="Survey", groups=[StakeholderGroup(name="Residents", notes=LONG)])
    plan.objectives = [Objective(title="Heard", indicators=[Indicator(measure=LONG)])]
    doc = open_document(tmp_path, plan)
    groups, objectives = StakeholdersPage(doc), ObjectivesPage(doc)
    for page in (groups, objectives):
        qtbot.addWidget(page)
        page.resize(1280, 800)
    groups.show()
    qtbot.waitExposed(groups)
    confirm_cell_unchanged(groups.table, groups.model.index(0, COLUMN["notes"]), qtbot)
    groups.hide()
    objectives.show()
    qtbot.waitExposed(objectives)
    objectives.select_objective(doc.plan.objectives[0])
    measure = [attr for attr, _ in INDICATOR_COLUMNS].index("measure")
    confirm_cell_unchanged(objectives.indicators, objectives.indicator_model.index(0, measure), qtbot)
    saved = reopen(doc)
    doc.close()
    assert (saved.groups[0].notes, saved.objectives[0].indicators[0].measure) == (LONG, LONG)
