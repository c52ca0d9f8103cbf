"""Templates in the window: New from template on the start screen and the File menu, and Save as
Template, through real widgets and real files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from ceplanner.core import templates
from ceplanner.core.costing import compute_budget
from ceplanner.core.money import format_money
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.start_screen import StartScreen
from ceplanner.ui.template_dialog import SaveTemplateDialog, TemplateDialog
from tests.ui.conftest import DialogLog, reopen

YOUTH = "Youth participation programme"


def when_shown(qtbot: QtBot, cls: type, act: Callable[[object], None]) -> list[object]:
    """Run ``act`` on the modal dialog of ``cls`` once it is shown (it would block otherwise)."""
    seen: list[object] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls):
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def pick(name: str) -> Callable[[object], None]:
    def act(dialog: object) -> None:
        assert isinstance(dialog, TemplateDialog)
        dialog.select(name)
        dialog.findChild(QPushButton, "use_template_button").click()

    return act


def test_the_start_screen_starts_a_plan_from_the_youth_template(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    target = tmp_path / "Our youth panel"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    seen = when_shown(qtbot, TemplateDialog, pick(YOUTH))
    with qtbot.waitSignal(screen.opened, timeout=10000) as opened:
        screen.findChild(QPushButton, "new_template_button").click()
    assert seen
    doc = opened.args[0]
    path = target.with_suffix(".ceplan")
    assert doc.store.path == path and path.is_file()
    window = MainWindow(doc)
    qtbot.addWidget(window)
    shipped = templates.find_template(YOUTH).plan
    assert [g.name for g in window.doc.plan.groups] == [g.name for g in shipped.groups]
    window.close()
    saved = reopen(path)
    assert [g.name for g in saved.groups] == [g.name for g in shipped.groups]
    assert compute_budget(saved).grand_total == compute_budget(shipped).grand_total


def test_the_dialog_lists_each_template_with_its_size_and_total(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    shipped = templates.builtin_templates()
    assert [t.name for t in dialog.templates()] == [t.name for t in shipped]
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    for template in shipped:
        total = format_money(compute_budget(template.plan).grand_total)
        counts = (
            f"{len(template.plan.groups)} groups · {len(template.plan.activities)} activities · total {total}"
        )
        assert f"{template.name}\n{counts}\n{template.description}" in texts
    assert "Your templates" in texts
    assert dialog.grab().save(str(tmp_path / "template-dialog.png"))


def test_save_as_template_then_it_is_listed_and_starts_a_plan(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = open_plan(None, sample_file)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    told: list[str] = []

    def fill(dialog: object) -> None:
        assert isinstance(dialog, SaveTemplateDialog)
        told.append(dialog.findChild(QLabel, "template_removed").text())
        dialog.findChild(QLineEdit, "template_name").setText("Tenant repairs")
        dialog.findChild(QLineEdit, "template_description").setText("Our repairs engagement")
        dialog.grab().save(str(tmp_path / "save-template.png"))
        dialog.findChild(QPushButton, "save_template_button").click()

    when_shown(qtbot, SaveTemplateDialog, fill)
    window.findChild(QAction, "action_save_template").trigger()
    dates, names = templates.removal_counts(doc.plan)
    assert told and f"every date ({dates} in this plan)" in told[0] and f"({names} in this plan)" in told[0]
    path = templates.user_templates_dir() / "Tenant repairs.ceplantemplate.json"
    assert path.is_file()
    assert "Tenant repairs" in window.statusBar().currentMessage()
    saved = templates.read_template_file(path)
    assert saved.plan.start is None and saved.plan.author == ""

    listed: list[list[str]] = []

    def look(dialog: object) -> None:
        assert isinstance(dialog, TemplateDialog)
        listed.append([t.name for t in dialog.templates()])
        pick("Tenant repairs")(dialog)

    target = tmp_path / "from my template"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    when_shown(qtbot, TemplateDialog, look)
    window.findChild(QAction, "action_new_template").trigger()
    assert listed and listed[0][-1] == "Tenant repairs" and len(listed[0]) == 4
    assert window.doc.store.path == target.with_suffix(".ceplan")
    assert window.doc.plan.title == saved.plan.title and window.doc.plan.start is None
    window.close()


def test_an_empty_template_name_is_refused_in_words_and_kept_open(qtbot: QtBot, sample_file: Path) -> None:
    doc = open_plan(None, sample_file)
    assert doc is not None
    dialog = SaveTemplateDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("   ")
    dialog.description.setText("kept")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.problem.text() == "Give the template a name."
    assert dialog.description.text() == "kept"
    assert not templates.user_templates_dir().exists()
    doc.close()


def test_saving_over_a_template_asks_first(qtbot: QtBot, sample_file: Path, dialogs: DialogLog) -> None:
    doc = open_plan(None, sample_file)
    assert doc is not None
    templates.save_user_template(doc.plan, "Mine", "old")
    dialog = SaveTemplateDialog(doc)
    qtbot.addWidget(dialog)
    dialog.name.setText("Mine")
    dialog.description.setText("new")
    dialogs.answer = QMessageBox.StandardButton.No
    dialog.save_button.click()
    assert dialogs.titles() == ["Replace the template?"]
    assert templates.find_template("Mine").description == "old"
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialog.save_button.click()
    assert templates.find_template("Mine").description == "new"
    assert dialog.saved_path == templates.user_templates_dir() / "Mine.ceplantemplate.json"
    doc.close()
