"""Qt fixtures: isolated settings and data folder, real plan files, and patched modal dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from ceplanner.core.library import sample_plan
from ceplanner.core.model import Plan
from ceplanner.store import PlanStore


@pytest.fixture(autouse=True)
def isolated_settings(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings and the user data folder live in tmp_path: the user's own are never touched."""
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName("ceplanner-tests")
    QCoreApplication.setApplicationName("ceplanner-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("CEPLANNER_DATA_DIR", str(tmp_path / "data"))
    QSettings().clear()
    yield folder
    QSettings().clear()


class DialogLog:
    """Every message box the code under test opened: (title, text)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def titles(self) -> list[str]:
        return [title for title, _ in self.shown]

    def text(self) -> str:
        return "\n".join(f"{t}: {x}" for t, x in self.shown)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    """Message boxes never block a test: they are recorded and answered at once."""
    log = DialogLog()

    def exec_box(self: QMessageBox) -> int:
        log.shown.append((self.windowTitle(), self.text()))
        return int(QMessageBox.StandardButton.Ok.value)

    def static(kind: str) -> Any:
        def show(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            log.shown.append((title, text))
            return log.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: log.shown.append((title, text)))
    return log


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.ceplan"
    PlanStore.create(path, sample_plan()).close()
    return path


@pytest.fixture
def blank_file(tmp_path: Path) -> Path:
    path = tmp_path / "blank.ceplan"
    PlanStore.create(path, Plan()).close()
    return path


def reopen(path: Path) -> Plan:
    """The plan as it is stored in the file now."""
    with PlanStore.open(path, readonly=True) as store:
        return store.load()


def unnamed_inputs(root: Any) -> list[str]:
    """Inputs under ``root`` lacking an objectName or an accessible name (should be none)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    inputs = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, inputs) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox) or type(widget).__name__ in (
            "QScrollBar",
            "QTabBar",
            "QToolButton",
            "QCalendarWidget",
        ):
            continue
        if widget.parent() is not None and not isinstance(widget.parent(), QWidget):
            continue
        # A button's text is its accessible name unless one is set.
        spoken = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not widget.objectName() or not spoken:
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', lambda: '')()!r}"
            )
    return missing


def open_window(qtbot: Any, path: Path, *, active: bool = False) -> Any:
    """The main window with the plan at ``path`` open, shown (and made active: for key presses)."""
    from ceplanner.ui.main_window import MainWindow
    from ceplanner.ui.open_errors import open_plan

    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if active:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return window
