"""A plan open in one window and opened again: the user chooses read-only or take over, and a
window that lost its plan to another never saves over the other's changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ceplanner.ui import open_errors
from ceplanner.ui.open_errors import open_plan
from tests.ui.conftest import DialogLog, reopen


def test_a_plan_open_elsewhere_opens_read_only_when_the_user_says_so(
    qtbot: QtBot, sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_plan(None, sample_file)
    assert first is not None and not first.readonly
    asked: list[str] = []

    def answer(parent: object, error: Exception) -> str:
        asked.append(str(error))
        return open_errors.READ_ONLY

    monkeypatch.setattr(open_errors, "ask_in_use", answer)
    second = open_plan(None, sample_file)
    assert second is not None and second.readonly
    assert asked and "already open for editing" in asked[0]
    # The first window keeps editing and saving; the read-only one never writes.
    first.set_value(first.plan, "title", "Edited in the first window")
    assert first.flush()
    second.set_value(second.plan, "title", "Typed in the read-only window")
    second.flush()
    assert reopen(sample_file).title == "Edited in the first window"
    first.close()
    second.close()


def test_cancel_opens_nothing(qtbot: QtBot, sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = open_plan(None, sample_file)
    monkeypatch.setattr(open_errors, "ask_in_use", lambda parent, error: open_errors.CANCEL)
    assert open_plan(None, sample_file) is None
    assert first is not None
    first.close()


def test_a_window_whose_plan_was_taken_over_does_not_save_over_the_other(
    qtbot: QtBot, sample_file: Path, monkeypatch: pytest.MonkeyPatch, dialogs: DialogLog
) -> None:
    first = open_plan(None, sample_file)
    assert first is not None
    monkeypatch.setattr(open_errors, "ask_in_use", lambda parent, error: open_errors.TAKE_OVER)
    second = open_plan(None, sample_file)
    assert second is not None and not second.readonly
    second.set_value(second.plan, "title", "Saved by the window that took over")
    assert second.flush()
    failures: list[str] = []
    first.save_failed.connect(failures.append)
    first.set_value(first.plan, "organisation", "Typed in the old window")
    assert not first.flush(), "the old window saved over changes it had not seen"
    assert failures and "not saved over it" in failures[0]
    saved = reopen(sample_file)
    assert saved.title == "Saved by the window that took over"
    assert saved.organisation != "Typed in the old window"
    assert first.plan.organisation == "Typed in the old window"  # nothing typed is lost
    second.close()
    first.close()
