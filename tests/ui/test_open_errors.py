"""Opening bad files: each shows its own dialog and leaves the file byte-for-byte as it was."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ceplanner.core.model import Plan
from ceplanner.store import PlanStore
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from tests import badfiles
from tests.ui.conftest import DialogLog


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "gone.ceplan"


CASES: list[tuple[Callable[[Path], Path], str, str]] = [
    (badfiles.random_bytes, "Not a ceplanner plan", "not a database file"),
    (badfiles.other_sqlite, "Not a ceplanner plan", "made by another program"),
    (badfiles.truncated, "The plan is incomplete", "cut short"),
    (badfiles.newer, "Made by a newer ceplanner", "Install the latest version"),
    (_missing, "Plan not found", "There is no file"),
]


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.mark.parametrize(("make", "title", "words"), CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_bad_file_shows_its_dialog_and_is_untouched(
    tmp_path: Path, dialogs: DialogLog, make: Callable[[Path], Path], title: str, words: str
) -> None:
    path = make(tmp_path)
    before = _digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    assert open_plan(None, path) is None
    assert dialogs.titles() == [title]
    assert words in dialogs.shown[0][1]
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no journal, backup or temp file left


@pytest.fixture
def readonly_plan(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "locked.ceplan"
    PlanStore.create(path, Plan(title="Locked plan")).close()
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    path.chmod(0o644)


def test_read_only_plan_opens_read_only_with_a_banner(
    qtbot: QtBot, readonly_plan: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Tests run as root, for whom os.access says everything is writable; PlanStore honours the
    # read-only mode bits as well, so the plan still opens read-only.
    before = _digest(readonly_plan)
    doc = open_plan(None, readonly_plan)
    assert doc is not None and doc.readonly
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    assert "[read-only]" in window.windowTitle()
    assert window.banner.isVisible()
    from PySide6.QtWidgets import QLineEdit

    assert window.findChild(QLineEdit, "plan_title").isReadOnly()
    doc.set_value(doc.plan, "title", "Edited while read-only")
    assert doc.flush() is False or doc.readonly
    assert _digest(readonly_plan) == before

    copy = tmp_path / "editable.ceplan"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.banner_save_as.click()
    assert not window.doc.readonly
    assert not window.banner.isVisible()
    assert "[read-only]" not in window.windowTitle()
    from PySide6.QtWidgets import QLineEdit

    assert not window.findChild(QLineEdit, "plan_title").isReadOnly()
    window.close()
    with PlanStore.open(copy) as store:
        assert store.load().title == "Edited while read-only"
    assert _digest(readonly_plan) == before


def test_a_plan_being_saved_by_another_program_is_in_use_not_damaged(
    tmp_path: Path, dialogs: DialogLog
) -> None:
    import sqlite3

    path = badfiles.plan_file(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program in the middle of a save
    try:
        assert open_plan(None, path) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dialogs.titles() == ["The plan is in use"]
    text = dialogs.text()
    assert "try again" in text and "backup" not in text and "damaged" not in text


def test_a_pipe_named_like_a_plan_is_refused_at_once(tmp_path: Path, dialogs: DialogLog) -> None:
    import os

    path = tmp_path / "pipe.ceplan"
    os.mkfifo(path)
    assert open_plan(None, path) is None  # returns: opening a pipe would wait for a writer
    assert dialogs.titles() == ["Not a plan file"]
