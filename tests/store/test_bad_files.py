"""Files that are not healthy plans are refused with their own error and left untouched."""

from __future__ import annotations

import os
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
)
from tests.factories import full_plan


def _plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, full_plan()).close()
    return path


def _truncated(tmp_path: Path) -> Path:
    path = _plan_file(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _random_bytes(tmp_path: Path) -> Path:
    path = tmp_path / "random.ceplan"
    path.write_bytes(os.urandom(8192))
    return path


def _text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.ceplan"
    path.write_text("Minutes of the tenants' meeting\n", encoding="utf-8")
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.ceplan"
    path.write_bytes(b"")
    return path


def _other_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.ceplan"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann', '0123')")
    conn.commit()
    conn.close()
    return path


def _newer(tmp_path: Path) -> Path:
    path = _plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('ceplanner', '0002_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    return path


def _with_trigger(tmp_path: Path) -> Path:
    path = _plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON risks BEGIN DELETE FROM plan; END")
    conn.commit()
    conn.close()
    return path


def _corrupt_page(tmp_path: Path) -> Path:
    path = _plan_file(tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0xFF if offset % 3 else 0x00
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (_random_bytes, NotSQLiteError, "not a database file of any kind"),
        (_text_file, NotSQLiteError, "not a ceplanner plan"),
        (_empty, NotSQLiteError, "is empty"),
        (_other_sqlite, NotAPlanError, "made by another program"),
        (_newer, NewerVersionError, "newer version of ceplanner"),
        (_with_trigger, NotAPlanError, "triggers or views"),
        (_truncated, CorruptPlanError, "damaged"),
        (_corrupt_page, CorruptPlanError, "damaged"),
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
    path = _plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE stakeholder_groups SET power = 42")
    conn.commit()
    conn.close()
    with PlanStore.open(path) as store, pytest.raises(CorruptPlanError, match="power: 42 is out of range"):
        store.load()
