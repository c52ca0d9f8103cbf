"""Deleting a group, objective or activity takes every link to it along, in one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from ceplanner.core.references import dangling_references
from ceplanner.core.serialize import plan_from_json, plan_to_json
from ceplanner.store import PlanStore
from tests.ui.conftest import open_window, reopen


def test_deleting_a_linked_group_leaves_no_dangling_link_and_undo_restores_it(
    qtbot: QtBot, sample_file: Path
) -> None:
    window = open_window(qtbot, sample_file)
    doc = window.doc
    linked = next(g for g in doc.plan.groups if any(g.id in a.group_ids for a in doc.plan.activities))
    window.go_to(1)
    page = window.current_page()
    row = doc.plan.groups.index(linked)
    page.table.selectionModel().select(
        page.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.delete_button.click()
    assert linked not in doc.plan.groups
    assert dangling_references(doc.plan) == []
    assert doc.flush()
    saved = reopen(sample_file)
    assert dangling_references(saved) == []
    assert all(linked.id not in a.group_ids for a in saved.activities)
    plan_from_json(plan_to_json(saved))  # the JSON export imports again
    info = doc.take_snapshot("After the deletion")
    assert info is not None
    doc.restore_snapshot(info.id)  # a snapshot that was taken can be restored
    assert linked.id not in {g.id for g in doc.plan.groups}
    window.close()


def _content(plan: object) -> str:
    """The plan as JSON, less the time it was last saved."""
    from ceplanner.core.model import Plan

    assert isinstance(plan, Plan)
    text = plan_to_json(plan)
    return text.replace(plan.modified.isoformat(), "")


def test_one_undo_brings_a_deleted_objective_and_its_links_back(qtbot: QtBot, sample_file: Path) -> None:
    window = open_window(qtbot, sample_file)
    doc = window.doc
    objective = next(
        o for o in doc.plan.objectives if any(o.id in a.objective_ids for a in doc.plan.activities)
    )
    before = _content(doc.plan)
    doc.delete_objectives([objective.id])
    assert all(objective.id not in a.objective_ids for a in doc.plan.activities)
    assert doc.undo_stack.undoText() == "Delete an objective"
    doc.undo_stack.undo()
    assert _content(doc.plan) == before
    window.close()
    with PlanStore.open(sample_file, readonly=True) as store:
        assert _content(store.load()) == before
