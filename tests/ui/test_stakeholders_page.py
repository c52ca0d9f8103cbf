"""The stakeholders page: editing the table, refusing bad input, duplicating, deleting, pasting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView

from ceplanner.core.model import Barrier, IAP2Level, Plan, StakeholderCategory, StakeholderGroup
from ceplanner.ui.pages.stakeholders import StakeholdersPage
from ceplanner.ui.stakeholder_model import COLUMN, COLUMNS, groups_from_tsv
from tests.ui.helpers import open_document, reopen, type_text

UNICODE_NAME = "Łódź <b>&amp; 東京"


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> StakeholdersPage:
    plan = Plan(title="Tenant engagement")
    plan.groups = [
        StakeholderGroup(name="Board members", power=5, interest=4),
        StakeholderGroup(name="Unpaid carers", power=1, interest=4, seldom_heard=True),
    ]
    widget = StakeholdersPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def cell(page: StakeholdersPage, row: int, attr: str) -> Any:
    return page.model.index(row, COLUMN[attr])


def test_every_field_is_a_column_and_the_quadrant_is_derived(page: StakeholdersPage) -> None:
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert len(headers) == len(COLUMNS) == 13
    assert page.model.data(cell(page, 0, "quadrant")) == "Manage closely"
    assert page.model.data(cell(page, 1, "quadrant")) == "Keep informed"
    assert not page.model.flags(cell(page, 0, "quadrant")) & Qt.ItemFlag.ItemIsEditable
    assert (
        page.model.data(cell(page, 1, "seldom_heard"), Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )


def test_add_a_group_with_a_unicode_and_markup_name_and_find_it_in_the_file(
    page: StakeholdersPage, qtbot: Any
) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, "stakeholders_add"), Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 3
    table = page.findChild(QTableView, "stakeholders_table")
    editor = table.findChild(QLineEdit, "stakeholder_editor_name")
    assert editor is not None and editor.text() == "New group"
    editor.selectAll()
    type_text(editor, UNICODE_NAME)
    assert editor.text() == UNICODE_NAME, editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.data(cell(page, 2, "name")) == UNICODE_NAME)
    assert page.model.setData(cell(page, 2, "category"), StakeholderCategory.RESIDENTS)
    assert page.model.setData(cell(page, 2, "size"), "1,200")
    assert page.model.setData(cell(page, 2, "barriers"), [Barrier.LANGUAGE, Barrier.DIGITAL])
    assert page.model.setData(cell(page, 2, "target_level"), "Involve")
    assert page.model.setData(
        cell(page, 2, "seldom_heard"), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert page.model.data(cell(page, 2, "barriers")) == "Language, Digital exclusion"

    reopened = reopen(page.doc)
    group = next(g for g in reopened.groups if g.name == UNICODE_NAME)
    assert group.category is StakeholderCategory.RESIDENTS
    assert group.size == 1200
    assert group.barriers == [Barrier.LANGUAGE, Barrier.DIGITAL]
    assert group.target_level is IAP2Level.INVOLVE
    assert group.seldom_heard


@pytest.mark.parametrize(
    ("attr", "value", "words"),
    [
        ("power", 7, "1 (low) to 5 (high); 7 is outside"),
        ("interest", "lots", "whole number"),
        ("name", "   ", "needs a name"),
        ("size", "-4", "cannot be negative"),
        ("size", "many", "number of people"),
        ("category", "Martians", "is not one of"),
    ],
)
def test_bad_input_is_refused_with_a_reason(
    page: StakeholdersPage, attr: str, value: Any, words: str
) -> None:
    before = page.model.data(cell(page, 0, attr), Qt.ItemDataRole.EditRole)
    assert not page.model.setData(cell(page, 0, attr), value)
    problem = page.findChild(QLabel, "stakeholders_problem")
    assert problem.isVisible()
    assert words in problem.text()
    assert page.model.data(cell(page, 0, attr), Qt.ItemDataRole.EditRole) == before
    assert page.doc.undo_stack.count() == 0
    assert page.model.setData(cell(page, 0, "power"), 4)
    assert not problem.isVisible()


def test_edits_undo(page: StakeholdersPage) -> None:
    assert page.model.setData(cell(page, 0, "power"), 2)
    assert page.model.data(cell(page, 0, "quadrant")) == "Keep informed"
    page.doc.undo_stack.undo()
    assert page.model.data(cell(page, 0, "power")) == "5"
    assert page.model.data(cell(page, 0, "quadrant")) == "Manage closely"


def test_duplicate_and_delete_with_undo(page: StakeholdersPage, qtbot: Any) -> None:
    page.select_ids([page.doc.plan.groups[1].id])
    qtbot.mouseClick(page.findChild(QPushButton, "stakeholders_duplicate"), Qt.MouseButton.LeftButton)
    assert [g.name for g in page.doc.plan.groups] == [
        "Board members",
        "Unpaid carers",
        "Unpaid carers (copy)",
    ]
    assert len({g.id for g in page.doc.plan.groups}) == 3
    page.select_ids([page.doc.plan.groups[0].id, page.doc.plan.groups[2].id])
    qtbot.mouseClick(page.findChild(QPushButton, "stakeholders_delete"), Qt.MouseButton.LeftButton)
    assert [g.name for g in page.doc.plan.groups] == ["Unpaid carers"]
    assert [g.name for g in reopen(page.doc).groups] == ["Unpaid carers"]
    page.doc.undo_stack.undo()
    assert page.model.rowCount() == 3
    assert len(reopen(page.doc).groups) == 3


def test_paste_rows_adds_good_rows_in_one_step_and_reports_bad_ones(
    page: StakeholdersPage, qtbot: Any
) -> None:
    text = (
        "Name\tCategory\tSize\tPower\tInterest\n"
        f"{UNICODE_NAME}\tResidents\t1,200\t2\t5\tSupportive\tyes\n"
        "Shop owners\tBusiness\t40\t7\t2\n"
        "Ward councillors\tElected members\t\t4\t3\n"
        "\tStaff\t3\t1\t1\n"
    )
    QGuiApplication.clipboard().setText(text)
    qtbot.mouseClick(page.findChild(QPushButton, "stakeholders_paste"), Qt.MouseButton.LeftButton)
    names = [g.name for g in page.doc.plan.groups]
    assert names == ["Board members", "Unpaid carers", UNICODE_NAME, "Ward councillors"]
    problem = page.findChild(QLabel, "stakeholders_problem")
    assert "Added 2 groups" in problem.text()
    assert "Row 2" in problem.text() and "7 is outside" in problem.text()
    assert "Row 4" in problem.text() and "name" in problem.text()
    pasted = next(g for g in reopen(page.doc).groups if g.name == UNICODE_NAME)
    assert (pasted.size, pasted.power, pasted.interest, pasted.seldom_heard) == (1200, 2, 5, True)
    page.doc.undo_stack.undo()
    assert page.model.rowCount() == 2


def test_paste_nothing_says_so() -> None:
    groups, problems = groups_from_tsv("\n\n")
    assert groups == [] and problems == []


def test_selection_is_shared_with_the_grid(page: StakeholdersPage) -> None:
    carers = page.doc.plan.groups[1]
    page.table.selectRow(1)
    assert page.grid.selected_ids() == [carers.id]
    page.grid.points[page.doc.plan.groups[0].id].setSelected(True)
    assert page.doc.plan.groups[0].id in [page.doc.plan.groups[r].id for r in page.selected_rows()]


def test_inputs_are_named(page: StakeholdersPage) -> None:
    for name in ("stakeholders_add", "stakeholders_duplicate", "stakeholders_delete", "stakeholders_paste"):
        button = page.findChild(QPushButton, name)
        assert button is not None and button.accessibleName()
    assert page.findChild(QTableView, "stakeholders_table").accessibleName()
    assert page.problems() == []


@pytest.mark.parametrize("module", ["stakeholders", "objectives", "activities", "costs"])
def test_every_input_on_my_pages_is_named(qtbot: Any, tmp_path: Path, module: str) -> None:
    import importlib

    from ceplanner.core.library import sample_plan
    from tests.ui.conftest import unnamed_inputs

    pages = importlib.import_module(f"ceplanner.ui.pages.{module}")
    cls = next(v for k, v in vars(pages).items() if k.endswith("Page") and k != "PlanPage")
    widget = cls(open_document(tmp_path, sample_plan()))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    assert widget.objectName() == f"page_{module}"
    assert unnamed_inputs(widget) == []
    assert widget.GUIDANCE and widget.EXAMPLE


def test_editing_through_the_table_editors(page: StakeholdersPage, qtbot: Any) -> None:
    from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QListWidget, QSpinBox

    table = page.table
    for attr, kind in (("category", QComboBox), ("power", QSpinBox), ("barriers", QListWidget)):
        index = cell(page, 0, attr)
        table.setCurrentIndex(index)
        table.edit(index)
        editor = table.findChild(kind, f"stakeholder_editor_{attr}")
        assert editor is not None and editor.accessibleName()
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findText("Regulators"))
        elif isinstance(editor, QSpinBox):
            editor.setValue(2)
        else:
            editor.item(6).setCheckState(Qt.CheckState.Checked)  # Literacy
        table.commitData(editor)
        table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    group = page.doc.plan.groups[0]
    assert group.category is StakeholderCategory.REGULATORS  # a member, not plain text
    assert group.power == 2
    assert group.barriers == [Barrier.LITERACY] and isinstance(group.barriers[0], Barrier)
    assert page.model.data(cell(page, 0, "quadrant")) == "Keep informed"
    saved = reopen(page.doc).groups[0]
    assert (saved.category, saved.power, saved.barriers) == (
        StakeholderCategory.REGULATORS,
        2,
        [Barrier.LITERACY],
    )


def test_ctrl_v_in_the_table_pastes_rows(page: StakeholdersPage, qtbot: Any) -> None:
    QGuiApplication.clipboard().setText("Ward councillors\tElected members\t\t4\t3\n")
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [g.name for g in page.doc.plan.groups][-1] == "Ward councillors"


def test_tab_moves_from_the_buttons_to_the_table_and_grid(page: StakeholdersPage) -> None:
    chain = [page.add_button]
    for _ in range(6):
        chain.append(chain[-1].nextInFocusChain())
    names = [w.objectName() for w in chain]
    order = ["stakeholders_add", "stakeholders_duplicate", "stakeholders_delete", "stakeholders_paste"]
    assert [n for n in names if n in order] == order


def test_delete_key_in_the_table_deletes_the_selected_rows(page: StakeholdersPage, qtbot: Any) -> None:
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [g.name for g in page.doc.plan.groups] == ["Unpaid carers"]


def test_a_read_only_plan_cannot_be_changed_from_the_planning_pages(qtbot: Any, tmp_path: Path) -> None:
    import os

    from ceplanner.core.library import sample_plan
    from ceplanner.store import PlanStore
    from ceplanner.ui.document import PlanDocument
    from ceplanner.ui.pages.activities import ActivitiesPage
    from ceplanner.ui.pages.costs import CostsPage
    from ceplanner.ui.pages.objectives import ObjectivesPage
    from tests.ui.helpers import drag

    path = tmp_path / "locked.ceplan"
    PlanStore.create(path, sample_plan()).close()
    os.chmod(path, 0o444)
    store = PlanStore.open(path)
    assert store.readonly
    doc = PlanDocument(store.load(), store)
    pages = [StakeholdersPage(doc), ObjectivesPage(doc), ActivitiesPage(doc), CostsPage(doc)]
    for widget in pages:
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
    stakeholders, objectives, activities, costs = pages
    assert not stakeholders.model.setData(cell(stakeholders, 0, "power"), 5)
    assert not stakeholders.add_button.isEnabled() and not stakeholders.paste_button.isEnabled()
    point = next(iter(stakeholders.grid.points.values()))
    start = stakeholders.grid.mapFromScene(point.scenePos())
    drag(stakeholders.grid.viewport(), start, start + type(start)(150, 150))
    assert not costs.lines.setData(costs.lines.index(0, 4), "5")
    assert not costs.add_button.isEnabled()
    assert not activities.add_blank.isEnabled() and not activities.library.add_button.isEnabled()
    assert not objectives.add_button.isEnabled()
    assert doc.undo_stack.count() == 0
    store.close()
    os.chmod(path, 0o644)
