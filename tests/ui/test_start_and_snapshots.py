"""The start screen, starting the app with or without a file, and the snapshots dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from ceplanner.core.library import sample_plan
from ceplanner.ui import files
from ceplanner.ui.app import Launcher
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.snapshots_dialog import SnapshotsDialog
from ceplanner.ui.start_screen import StartScreen
from tests.ui.conftest import DialogLog, reopen


def test_first_run_offers_the_sample_plan(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    assert screen.findChild(QLabel, "first_run_message").isVisible()
    sample_button = screen.findChild(QPushButton, "new_sample_button")
    assert sample_button.isDefault()
    target = tmp_path / "My sample"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(screen.opened) as opened:
        sample_button.click()
    doc = opened.args[0]
    assert doc.plan.title == sample_plan().title
    assert doc.store.path == target.with_suffix(".ceplan")
    doc.close()
    assert files.recent_files() == [target.with_suffix(".ceplan").resolve()]
    screen.reload()
    assert not screen.findChild(QLabel, "first_run_message").isVisible()
    assert screen.findChild(QListWidget, "recent_list").count() == 1


def test_new_blank_plan_cancelled_creates_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: ("", ""))
    screen.findChild(QPushButton, "new_plan_button").click()
    assert list(tmp_path.glob("*.ceplan")) == []


def test_launcher_opens_a_plan_or_the_start_screen(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog
) -> None:
    launcher = Launcher()
    window = launcher.start(str(sample_file))  # windows delete themselves on close
    assert isinstance(window, MainWindow)
    window.close()
    bad = tmp_path / "bad.ceplan"
    bad.write_text("not a plan")
    screen = launcher.start(str(bad))
    assert isinstance(screen, StartScreen)
    assert dialogs.titles() == ["Not a ceplanner plan"]
    screen.close()


def test_snapshots_take_restore_and_delete(qtbot: QtBot, sample_file: Path, dialogs: DialogLog) -> None:
    doc = open_plan(None, sample_file)
    assert doc is not None
    dialog = SnapshotsDialog(doc)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "snapshot_empty").isVisibleTo(dialog)
    original = doc.plan.title
    dialog.name.setText("Approved by the board")
    dialog.take_button.click()
    assert dialog.list.count() == 1 and "Approved by the board" in dialog.list.item(0).text()
    doc.set_value(doc.plan, "title", "Changed later")
    dialog.list.setCurrentRow(0)
    dialog.restore_button.click()  # the question is answered Yes by the fixture
    assert doc.plan.title == original
    assert dialog.list.count() == 2  # the plan before restoring was kept too
    assert reopen(sample_file).title == original
    dialog.list.setCurrentRow(0)
    dialog.delete_button.click()
    assert dialog.list.count() == 1
    doc.close()


def test_run_gui_opens_the_plan_and_returns_when_closed(sample_file: Path, tmp_path: Path) -> None:
    """The real start-up, in its own process (it runs and ends the application's event loop)."""
    import subprocess
    import sys

    code = f"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path / "settings")!r})
from PySide6.QtWidgets import QApplication
from ceplanner.ui.app import make_application, run_gui
from ceplanner.ui.main_window import MainWindow
make_application()  # the timer below needs the application; run_gui reuses it
seen = []
def close_all():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            seen.append(widget.windowTitle())
            widget.close()
QTimer.singleShot(300, close_all)
status = run_gui({str(sample_file)!r})
assert status == 0, status
assert QCoreApplication.organizationName() == "ceplanner"
print(seen[0])
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{sample_plan().title}[*] — {sample_file.name} — ceplanner"


def test_an_unexpected_error_is_told_to_the_user(
    dialogs: DialogLog, capsys: pytest.CaptureFixture[str]
) -> None:
    from ceplanner.ui.app import _report_unexpected

    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        _report_unexpected(type(exc), exc, exc.__traceback__)
    assert dialogs.titles() == ["Something went wrong"]
    assert "division by zero" in dialogs.shown[0][1]
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_first_run_opens_the_sample_plan_from_the_users_data_folder(tmp_path: Path) -> None:
    from ceplanner.core.library import sample_plan
    from ceplanner.store import PlanStore
    from ceplanner.ui import files
    from ceplanner.ui.app import first_run_plan

    assert files.recent_files() == []
    path = first_run_plan()
    assert path == tmp_path / "data" / "Sample plan.ceplan"
    with PlanStore.open(path) as store:
        assert store.load().title == sample_plan().title
    assert files.recent_files() == [path]
    assert first_run_plan() is None  # not a first run any more
