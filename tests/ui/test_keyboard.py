"""Keyboard promises: Redo answers Ctrl+Shift+Z and Ctrl+Y, and undo texts name what changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStackedWidget, QTableView
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window, reopen


def test_no_shortcut_is_bound_twice(qtbot: QtBot, sample_file: Path) -> None:
    window = open_window(qtbot, active=True, path=sample_file)
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is bound to both {seen[text]} and {action.objectName()}"
            seen[text] = action.objectName()


def test_ctrl_shift_z_and_ctrl_y_redo(qtbot: QtBot, sample_file: Path) -> None:
    window = open_window(qtbot, active=True, path=sample_file)
    doc = window.doc
    group = doc.plan.groups[0]
    before = group.power
    after = 1 if before != 1 else 2
    doc.set_value(group, "power", after)
    for redo_key in ("Ctrl+Shift+Z", "Ctrl+Y"):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert group.power == before, "Ctrl+Z did not undo"
        sequence = QKeySequence(redo_key)
        combo = sequence[0]
        qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())
        assert group.power == after, f"{redo_key} did not redo"
    window.close()
    assert reopen(sample_file).groups[0].power == after


def test_undo_texts_name_the_thing_and_the_field(qtbot: QtBot, sample_file: Path) -> None:
    window = open_window(qtbot, active=True, path=sample_file)
    doc = window.doc
    group = doc.plan.groups[0]
    group.name = "Deaf BSL users"
    doc.set_value(group, "power", 1 if group.power != 1 else 2)
    assert window.undo_action.text() == "&Undo Change the power of Deaf BSL users"
    window.go_to(1)
    table = window.findChild(QTableView, "stakeholders_table")
    model = table.model()
    model.setData(model.index(0, 7), True, Qt.ItemDataRole.EditRole)  # seldom heard
    model.setData(model.index(0, 10), "Quiet room", Qt.ItemDataRole.EditRole)  # access needs
    assert doc.undo_stack.undoText() == "Change the access needs of Deaf BSL users"
    doc.set_value(group, "name", "A" * 50 + " " + "B" * 50)
    assert doc.undo_stack.undoText() == "Change the name of Deaf BSL users"
    doc.set_value(group, "size", 7)
    assert doc.undo_stack.undoText() == "Change the size of " + "A" * 50 + "…"
    doc.set_value(doc.plan, "title", "A new title")
    assert doc.undo_stack.undoText() == "Change the plan's title"
    activity = doc.plan.activities[0]
    doc.set_value(activity, "sessions", activity.sessions + 1)
    assert doc.undo_stack.undoText() == f"Change the sessions of {activity.title}"
    assert isinstance(window.findChild(QStackedWidget, "page_stack"), QStackedWidget)
