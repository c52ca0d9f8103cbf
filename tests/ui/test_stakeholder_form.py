"""The selected group's form: the same checks and undo as the table, kept in step with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox

from ceplanner.core.model import Barrier, IAP2Level, Plan, StakeholderCategory, StakeholderGroup
from ceplanner.ui.pages.stakeholders import FORM_FIELDS, StakeholdersPage
from ceplanner.ui.stakeholder_model import COLUMN
from tests.ui.helpers import open_document, reopen, type_text


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> StakeholdersPage:
    plan = Plan(title="Library redesign")
    plan.groups = [
        StakeholderGroup(name="Library users", power=2, interest=4),
        StakeholderGroup(name="Job seekers", power=1, interest=5, seldom_heard=True),
    ]
    widget = StakeholdersPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    return widget


def _line(page: StakeholdersPage, attr: str) -> QLineEdit:
    return page.findChild(QLineEdit, f"stakeholder_form_{attr}")


def _type(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_form_shows_the_selected_group_and_nothing_when_none_is(page: StakeholdersPage) -> None:
    assert not _line(page, "name").isEnabled() and _line(page, "name").text() == ""
    page.select_ids([page.doc.plan.groups[1].id])
    assert _line(page, "name").text() == "Job seekers"
    assert page.findChild(QCheckBox, "stakeholder_form_seldom_heard").isChecked()
    assert page.findChild(QLabel, "stakeholder_form_quadrant") is None  # derived: not in the form
    assert "quadrant" not in FORM_FIELDS
    page.select_ids([g.id for g in page.doc.plan.groups])  # two rows: no single group to show
    assert _line(page, "name").text() == ""


def test_every_kind_of_field_is_edited_through_the_form_and_kept(page: StakeholdersPage, qtbot: Any) -> None:
    group = page.doc.plan.groups[0]
    page.select_ids([group.id])
    _type(qtbot, _line(page, "name"), "Library users <all ages> & families")
    _type(qtbot, _line(page, "size"), "12,400")
    _type(qtbot, _line(page, "access_needs"), "Large print; hearing loop")
    category = page.findChild(QComboBox, "stakeholder_form_category")
    category.setCurrentIndex(category.findData(StakeholderCategory.RESIDENTS))
    category.activated.emit(category.currentIndex())
    level = page.findChild(QComboBox, "stakeholder_form_target_level")
    level.setCurrentIndex(level.findData(IAP2Level.COLLABORATE))
    level.activated.emit(level.currentIndex())
    power = page.findChild(QSpinBox, "stakeholder_form_power")
    power.setValue(4)
    power.editingFinished.emit()
    page.findChild(QCheckBox, "stakeholder_form_barriers_digital").setChecked(True)
    page.findChild(QCheckBox, "stakeholder_form_seldom_heard").setChecked(True)
    saved = reopen(page.doc).groups[0]
    assert saved.name == "Library users <all ages> & families"
    assert saved.size == 12400
    assert saved.access_needs == "Large print; hearing loop"
    assert saved.category is StakeholderCategory.RESIDENTS
    assert saved.target_level is IAP2Level.COLLABORATE
    assert saved.power == 4
    assert saved.barriers == [Barrier.DIGITAL]
    assert saved.seldom_heard
    # The table shows the form's edits; an edit in the table shows in the form.
    assert page.model.data(page.model.index(0, COLUMN["name"])) == saved.name
    page.model.setData(page.model.index(0, COLUMN["interest"]), 2)
    assert page.findChild(QSpinBox, "stakeholder_form_interest").value() == 2
    # One undo per edit, in the form as in the table.
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert page.findChild(QCheckBox, "stakeholder_form_seldom_heard").isChecked() is False


def test_a_refused_value_is_explained_and_the_typed_text_kept(page: StakeholdersPage, qtbot: Any) -> None:
    page.select_ids([page.doc.plan.groups[0].id])
    _type(qtbot, _line(page, "size"), "about a thousand")
    assert page.doc.plan.groups[0].size is None
    assert page.problem.isVisible() and "Size" in page.problem.text()
    assert _line(page, "size").text() == "about a thousand"
    _type(qtbot, _line(page, "size"), "1000")
    assert page.doc.plan.groups[0].size == 1000
    assert not page.problem.isVisible()


def test_paste_says_which_columns_it_expects_before_and_when_it_fails(qtbot: Any, tmp_path: Path) -> None:
    from ceplanner.ui.stakeholder_model import COLUMNS

    empty = StakeholdersPage(open_document(tmp_path, Plan(title="Library redesign")))
    qtbot.addWidget(empty)
    empty.show()
    empty.refresh()
    hint = empty.findChild(QLabel, "stakeholders_paste_hint")
    assert hint.isVisible()
    headers = [c.header for c in COLUMNS if c.kind != "derived"]
    assert ", ".join(headers) in hint.text()
    empty.paste_rows("Readers\tnot a category\tmany")
    assert empty.doc.plan.groups == []
    assert ", ".join(headers) in empty.problem.text()
    empty.paste_rows("Readers\tResidents\t1200")
    assert [g.name for g in empty.doc.plan.groups] == ["Readers"]
    empty.refresh()
    assert not hint.isVisible()
