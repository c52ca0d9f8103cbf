"""The main window: steps, the title gate, menus, undo, Save As, settings, save failures, closing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from ceplanner.store import PlanFileError, PlanStore
from ceplanner.ui import files
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.wizard import STEPS, step_index
from tests.ui.conftest import DialogLog, reopen


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _set_title(window: MainWindow, text: str) -> None:
    edit = window.findChild(QLineEdit, "plan_title")
    edit.setText(text)
    edit.editingFinished.emit()


def test_start_up_does_not_load_matplotlib_or_reportlab() -> None:
    code = (
        "import sys, ceplanner.ui.main_window, ceplanner.ui.app, ceplanner.ui.start_screen\n"
        "assert 'matplotlib' not in sys.modules and 'reportlab' not in sys.modules, "
        "[m for m in sys.modules if m.startswith(('matplotlib', 'reportlab'))]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_steps_in_order(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    steps = window.findChild(QListWidget, "step_list")
    assert [steps.item(i).text() for i in range(steps.count())] == [
        f"{i}. {s.name}" for i, s in enumerate(STEPS, 1)
    ]
    assert window.stack.count() == len(STEPS)
    assert window.current_page().objectName() == "page_context"
    next_button = window.findChild(QPushButton, "next_button")
    for i in range(1, len(STEPS)):
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentIndex() == i
    assert not next_button.isEnabled()
    assert window.current_page().objectName() == "page_review"
    qtbot.mouseClick(window.findChild(QPushButton, "back_button"), Qt.MouseButton.LeftButton)
    assert window.current_page().objectName() == "page_evaluation"


def test_other_steps_wait_for_a_title(qtbot: QtBot, blank_file: Path) -> None:
    window = _window(qtbot, blank_file)
    assert window.windowTitle() == "Untitled plan[*] — blank.ceplan — ceplanner"
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == 0
    assert window.title_message.isVisible() and "title" in window.title_message.text()
    window.step_list.setCurrentRow(3)
    assert window.stack.currentIndex() == 0 and window.step_list.currentRow() == 0
    _set_title(window, "Łódź & <Co>")
    assert not window.title_message.isVisible()
    assert window.windowTitle() == "Łódź & <Co>[*] — blank.ceplan — ceplanner"
    window.step_list.setCurrentRow(3)
    assert window.stack.currentIndex() == 3
    window.close()
    assert reopen(blank_file).title == "Łódź & <Co>"


def test_undo_and_redo_from_the_edit_menu(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    original = window.doc.plan.title
    _set_title(window, "Changed")
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    window.undo_action.trigger()
    assert window.doc.plan.title == original
    window.redo_action.trigger()
    assert window.doc.plan.title == "Changed"
    window.close()
    assert reopen(sample_file).title == "Changed"


def test_menus_have_standard_shortcuts(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    from PySide6.QtGui import QAction

    shortcuts = {
        a.objectName(): a.shortcut().toString() for a in window.findChildren(QAction) if a.objectName()
    }
    assert shortcuts["action_new"] == "Ctrl+N"
    assert shortcuts["action_open"] == "Ctrl+O"
    assert shortcuts["action_save_as"] == "Ctrl+Shift+S"
    assert shortcuts["action_export_pdf"] == "Ctrl+E"
    assert shortcuts["action_print"] == "Ctrl+P"
    assert shortcuts["action_quit"] == "Ctrl+Q"


def test_save_as_writes_a_copy_and_continues_in_it(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, sample_file)
    copy = tmp_path / "copy"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.findChild(type(window.undo_action), "action_save_as").trigger()
    copy = copy.with_suffix(".ceplan")
    assert window.doc.store.path == copy
    _set_title(window, "Only in the copy")
    window.close()
    assert reopen(copy).title == "Only in the copy"
    assert reopen(sample_file).title != "Only in the copy"
    assert files.recent_files()[0] == copy.resolve()


def test_window_remembers_its_last_page(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    window.go_to(5)
    window.close()
    assert QSettings().value("main_window/last_page") in (5, "5")
    again = _window(qtbot, sample_file)
    assert again.stack.currentIndex() == 5


def test_recent_files_are_capped_and_pruned(tmp_path: Path) -> None:
    paths = []
    for i in range(10):
        path = tmp_path / f"plan{i}.ceplan"
        path.write_bytes(b"x")
        files.add_recent(path)
        paths.append(path.resolve())
    assert files.recent_files() == list(reversed(paths))[:8]
    paths[9].unlink()
    assert files.recent_files() == list(reversed(paths[2:9]))


def test_a_failed_autosave_says_so_and_keeps_the_edit(
    qtbot: QtBot, sample_file: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, sample_file)

    def refuse(self: PlanStore, plan: object, touch: bool = True, changes: object = None) -> None:
        raise PlanFileError(self.path, "The disk is full.")

    monkeypatch.setattr(PlanStore, "save", refuse)
    _set_title(window, "Kept in memory")
    assert window.doc.flush() is False
    assert "Not saved: The disk is full." in window.save_status.text()
    assert "Your changes could not be saved" in dialogs.titles()
    assert "Save As" in dialogs.text()
    assert window.doc.plan.title == "Kept in memory"
    _set_title(window, "Still failing")
    assert window.doc.flush() is False
    assert dialogs.titles().count("Your changes could not be saved") == 1  # not a dialog per edit
    _set_title(window, "Kept in memory")
    monkeypatch.undo()
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.exec", lambda self: 0)
    assert window.doc.flush() is True
    assert window.save_status.text() == "Saved"
    window.close()
    assert reopen(sample_file).title == "Kept in memory"


def test_closing_saves_the_field_being_typed(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    window.activateWindow()
    edit = window.findChild(QLineEdit, "plan_organisation")
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClicks(edit, "Typed then closed")
    window.close()
    assert reopen(sample_file).organisation == "Typed then closed"


def test_review_warning_leads_to_its_step(qtbot: QtBot, blank_file: Path) -> None:
    window = _window(qtbot, blank_file)
    _set_title(window, "Titled")
    window.go_to(step_index("review") or 0)
    warnings = window.findChild(QListWidget, "review_warnings")
    texts = [warnings.item(i).text() for i in range(warnings.count())]
    assert any("no stakeholder groups" in t for t in texts)
    item = next(warnings.item(i) for i in range(warnings.count()) if "stakeholder" in warnings.item(i).text())
    warnings.itemActivated.emit(item)
    assert window.stack.currentIndex() == 1


def test_unicode_typed_with_key_events_reaches_the_file(qtbot: QtBot, blank_file: Path) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    window = _window(qtbot, blank_file)
    edit = window.findChild(QLineEdit, "plan_title")
    text = "Łódź <b>&amp; 東京"
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    QApplication.sendEvent(
        edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    )
    assert window.doc.plan.title == text
    window.close()
    assert reopen(blank_file).title == text


def test_replacing_an_unsaved_plan_can_be_cancelled(
    qtbot: QtBot, sample_file: Path, blank_file: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = _window(qtbot, sample_file)
    monkeypatch.setattr(
        PlanStore,
        "save",
        lambda self, plan, touch=True: (_ for _ in ()).throw(PlanFileError(self.path, "The disk is full.")),
    )
    _set_title(window, "Not yet saved")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.files.open_path(blank_file)
    assert "Keep your changes?" in dialogs.titles()
    assert window.doc.store.path == sample_file  # still the same plan, edit intact
    assert window.doc.plan.title == "Not yet saved"
    monkeypatch.undo()


def test_window_chrome_inputs_are_named(qtbot: QtBot, sample_file: Path) -> None:
    from tests.ui.conftest import unnamed_inputs

    window = _window(qtbot, sample_file)
    for widget in (window.step_list, window.back_button, window.next_button, window.banner_save_as):
        assert widget.objectName() and widget.accessibleName(), widget
    assert window.stack.objectName() == "page_stack"
    window.go_to(step_index("review") or 0)
    assert unnamed_inputs(window.pages[6]) == []


def test_guide_lists_every_step() -> None:
    from ceplanner.ui.guide import guide_html

    html = guide_html()
    for step in STEPS:
        assert step.name in html


def test_review_shows_a_half_typed_amount_from_another_page(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    rate = window.findChild(QLineEdit, "plan_day_rate")
    rate.setText("two hundred")
    rate.editingFinished.emit()
    window.go_to(step_index("review") or 0)
    warnings = window.findChild(QListWidget, "review_warnings")
    texts = [warnings.item(i).text() for i in range(warnings.count())]
    assert any("Staff day rate" in t and "not an amount of money" in t for t in texts), texts


def test_context_tab_order_follows_the_form(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    title = window.findChild(QLineEdit, "plan_title")
    organisation = window.findChild(QLineEdit, "plan_organisation")
    author = window.findChild(QLineEdit, "plan_author")
    chain, widget = [], title
    while len(chain) < 3:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == [title, organisation, author]


def test_steps_with_warnings_are_flagged(qtbot: QtBot, blank_file: Path) -> None:
    window = _window(qtbot, blank_file)
    _set_title(window, "Flags")
    stakeholders = window.step_list.item(1)
    qtbot.waitUntil(lambda: stakeholders.data(Qt.ItemDataRole.UserRole) is not None)  # marked after a pause
    assert stakeholders.data(Qt.ItemDataRole.UserRole) == 1
    assert "no stakeholder groups" in stakeholders.toolTip()
    assert "1 warning" in stakeholders.data(Qt.ItemDataRole.AccessibleTextRole)
    evaluation = window.step_list.item(5)  # notes only, no warnings
    assert evaluation.data(Qt.ItemDataRole.UserRole) == 0 and evaluation.toolTip() == ""


def test_a_read_only_plan_without_a_title_can_still_be_read(qtbot: QtBot, blank_file: Path) -> None:
    window = _window(qtbot, blank_file)
    window.doc.store.readonly = True
    window.go_to(3)
    assert window.stack.currentIndex() == 3


def test_the_title_marks_an_edit_until_it_is_saved(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    assert sample_file.name in window.windowTitle()
    assert not window.isWindowModified()
    window.doc.set_value(window.doc.plan, "organisation", "Marked until saved")
    assert window.isWindowModified(), "an edit waiting for its save shows the modified mark"
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=5_000)  # autosaved
    assert reopen(sample_file).organisation == "Marked until saved"
