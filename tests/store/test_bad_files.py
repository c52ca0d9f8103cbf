"""Files that are not healthy plans are refused with their own error and left untouched."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from ceplanner.store import (
    CorruptPlanError,
    NewerVersionError,
    NotAPlanError,
    NotSQLiteError,
    PlanFileError,
    PlanFileMissingError,
    PlanStore,
    PlanTooShortError,
)
from tests import badfiles


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (badfiles.random_bytes, NotSQLiteError, "not a database file of any kind"),
        (badfiles.text_file, NotSQLiteError, "not a ceplanner plan"),
        (badfiles.empty, NotSQLiteError, "is empty"),
        (badfiles.other_sqlite, NotAPlanError, "made by another program"),
        (badfiles.newer, NewerVersionError, "newer version of ceplanner"),
        (badfiles.with_trigger, NotAPlanError, "triggers or views"),
        (badfiles.truncated, PlanTooShortError, "is incomplete: it is [0-9,]+ bytes shorter"),
        (badfiles.corrupt_page, CorruptPlanError, "damaged"),
    ],
)
def test_refused_with_a_distinct_error_and_untouched(
    tmp_path: Path, make: Callable[[Path], Path], error: type[PlanFileError], words: str
) -> None:
    path = make(tmp_path)
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    with pytest.raises(error, match=words) as info:
        PlanStore.open(path)
    assert type(info.value) is error
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no journal, no backup left


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileMissingError, match="There is no file"):
        PlanStore.open(tmp_path / "nowhere.ceplan")


def test_folder_is_not_a_plan(tmp_path: Path) -> None:
    with pytest.raises(NotSQLiteError, match="is a folder"):
        PlanStore.open(tmp_path)


def test_invalid_values_inside_a_plan_are_reported_not_crashed(tmp_path: Path) -> None:
    path = badfiles.plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE stakeholder_groups SET power = 42")
    conn.commit()
    conn.close()
    with PlanStore.open(path) as store, pytest.raises(CorruptPlanError, match="power: 42 is out of range"):
        store.load()
