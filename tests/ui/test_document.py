"""PlanDocument: undoable edits written to the real file, and save failures reported."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ceplanner.core.model import Plan, PlanStatus, StakeholderGroup
from ceplanner.store import PlanStore
from ceplanner.ui.document import PlanDocument


def _open(tmp_path: Path) -> PlanDocument:
    path = tmp_path / "d.ceplan"
    PlanStore.create(path, Plan(title="Start")).close()
    store = PlanStore.open(path)
    return PlanDocument(store.load(), store)


def _title_in_file(path: Path) -> str:
    with PlanStore.open(path, readonly=True) as store:
        return store.load().title


def test_edits_autosave_and_undo_redo_reach_the_file(tmp_path: Path, qtbot: QtBot) -> None:
    doc = _open(tmp_path)
    path = tmp_path / "d.ceplan"
    with qtbot.waitSignal(doc.saved, timeout=3000):
        doc.set_value(doc.plan, "title", "Tenant Voice 東京 <b>")
    assert _title_in_file(path) == "Tenant Voice 東京 <b>"
    doc.append_item(doc.plan, "groups", StakeholderGroup(name="Carers"), "Add group")
    assert doc.budget.grand_total == 0
    doc.undo_stack.undo()  # the group
    doc.undo_stack.undo()  # the title
    assert doc.flush()
    with PlanStore.open(path, readonly=True) as store:
        again = store.load()
    assert (again.title, again.groups) == ("Start", [])
    doc.undo_stack.redo()
    assert doc.flush()
    assert _title_in_file(path) == "Tenant Voice 東京 <b>"
    doc.close()


def test_an_internal_error_while_saving_is_reported_not_called_saved(tmp_path: Path, qtbot: QtBot) -> None:
    doc = _open(tmp_path)
    messages: list[str] = []
    doc.save_failed.connect(messages.append)
    doc.set_value(doc.plan, "status", "not-a-status")  # a wrong type slipped in by a defect
    assert doc.flush() is False
    assert doc.has_unsaved_changes
    assert messages and "could not be saved" in messages[0]
    doc.set_value(doc.plan, "status", PlanStatus.APPROVED)
    assert doc.flush() is True
    doc.close()
