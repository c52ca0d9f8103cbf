"""The delivered sample from the start screen, File › Export Engagement Report… and Export
"You said, we did"…, and Review's planned-against-actual box, through real widgets and files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ceplanner.cli import main
from ceplanner.core.delivery import planned_part
from ceplanner.core.library import sample_delivered_plan
from ceplanner.core.serialize import plan_to_json
from ceplanner.report.engagement_report import SECTION_TITLES
from ceplanner.store import PlanStore
from ceplanner.ui import files
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.start_screen import StartScreen
from ceplanner.ui.wizard import step_index
from tests.ui.conftest import DialogLog


@pytest.fixture
def delivered_file(tmp_path: Path) -> Path:
    path = tmp_path / "delivered.ceplan"
    assert main(["demo", "--delivered", str(path)]) in (0, None)
    return path


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    return window


def _action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def _save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))


def test_the_start_screen_writes_and_opens_the_delivered_sample(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    target = tmp_path / "My delivered sample"
    _save_to(monkeypatch, target)
    button = screen.findChild(QPushButton, "new_delivered_sample_button")
    assert button.text() == "Open the delivered sample…"
    with qtbot.waitSignal(screen.opened) as opened:
        button.click()
    doc = opened.args[0]
    path = target.with_suffix(".ceplan")
    assert doc.store.path == path
    assert doc.plan.title == sample_delivered_plan().title
    assert doc.plan.responses and doc.plan.themes
    doc.close()
    assert files.recent_files() == [path.resolve()]
    with PlanStore.open(path, readonly=True) as store:
        info = store.approved_snapshot()
        assert info is not None  # kept as `ceplanner demo --delivered` keeps it
        approved = store.snapshot_plan(info.id)
    assert plan_to_json(approved) == plan_to_json(planned_part(sample_delivered_plan()))


def test_the_file_menu_opens_the_delivered_sample(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, sample_file)
    assert not _action(window, "action_export_report").isEnabled()
    target = tmp_path / "from the menu.ceplan"
    _save_to(monkeypatch, target)
    _action(window, "action_new_delivered_sample").trigger()
    assert window.doc.store.path == target
    assert window.doc.plan.title == sample_delivered_plan().title
    assert _action(window, "action_export_report").isEnabled()
    assert _action(window, "action_export_you_said").isEnabled()


def test_the_engagement_report_is_exported_from_the_file_menu(
    qtbot: QtBot, delivered_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, delivered_file)
    target = tmp_path / "report"
    _save_to(monkeypatch, target)
    action = _action(window, "action_export_report")
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=60000)
    saved = target.with_suffix(".pdf")
    assert dialogs.titles() == ["Engagement report saved"], dialogs.text()
    assert str(saved) in dialogs.shown[0][1]
    outline = [item.title for item in PdfReader(saved).outline if not isinstance(item, list)]
    assert outline == list(SECTION_TITLES)


def test_you_said_we_did_is_exported_on_one_page(
    qtbot: QtBot, delivered_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, delivered_file)
    target = tmp_path / "you said.pdf"
    _save_to(monkeypatch, target)
    _action(window, "action_export_you_said").trigger()
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=60000)
    assert dialogs.titles() == ["“You said, we did” saved"], dialogs.text()
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert "You said" in reader.pages[0].extract_text()


def test_the_delivery_exports_are_disabled_for_a_plan_not_delivered(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    for name in ("action_export_report", "action_export_you_said"):
        assert not _action(window, name).isEnabled()
    file_menu = window.menuBar().actions()[0].menu()
    file_menu.aboutToShow.emit()
    assert not _action(window, "action_export_report").isEnabled()


def test_review_shows_the_variance_total_the_command_line_prints(
    qtbot: QtBot, delivered_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", str(delivered_file)]) in (0, None)
    total_line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("  Total "))
    planned, actual, variance, percent = total_line.split()[-4:]
    window = _window(qtbot, delivered_file)
    window.go_to(step_index("review") or 0)
    box = window.findChild(QLabel, "delivery_variance").parentWidget()
    assert box.isVisible()
    shown = {
        key: window.findChild(QLabel, f"delivery_{key}").text()
        for key in ("planned", "actual", "variance", "variance_percent")
    }
    assert shown == {"planned": planned, "actual": actual, "variance": variance, "variance_percent": percent}
    assert "expected" in window.findChild(QLabel, "delivery_seldom_reach").text()


def test_review_has_no_delivery_box_for_a_plan_not_delivered(qtbot: QtBot, sample_file: Path) -> None:
    window = _window(qtbot, sample_file)
    window.go_to(step_index("review") or 0)
    assert not window.findChild(QLabel, "delivery_variance").parentWidget().isVisible()
