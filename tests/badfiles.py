"""Files that are not healthy plans, made afresh in a folder; shared by the store and UI tests."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ceplanner.store import PlanStore
from tests.factories import full_plan


def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, full_plan()).close()
    return path


def truncated(tmp_path: Path) -> Path:
    path = plan_file(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def random_bytes(tmp_path: Path) -> Path:
    path = tmp_path / "random.ceplan"
    path.write_bytes(os.urandom(8192))
    return path


def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.ceplan"
    path.write_text("Minutes of the tenants' meeting\n", encoding="utf-8")
    return path


def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.ceplan"
    path.write_bytes(b"")
    return path


def other_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.ceplan"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann', '0123')")
    conn.commit()
    conn.close()
    return path


def newer(tmp_path: Path) -> Path:
    path = plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('ceplanner', '0002_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    return path


def with_trigger(tmp_path: Path) -> Path:
    path = plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON risks BEGIN DELETE FROM plan; END")
    conn.commit()
    conn.close()
    return path


def corrupt_page(tmp_path: Path) -> Path:
    path = plan_file(tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0xFF if offset % 3 else 0x00
    path.write_bytes(bytes(data))
    return path


def deeply_nested_list(tmp_path: Path) -> Path:
    """A list column holding 50,000 nested brackets (Python's JSON parser overflows its stack)."""
    path = plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE stakeholder_groups SET barriers = ? WHERE ord = 0", ["[" * 50_000 + "]" * 50_000])
    conn.commit()
    conn.close()
    return path


def snapshot_with_bad_date(tmp_path: Path) -> Path:
    path = plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO snapshots (name, created, format_version, data) VALUES ('Board', 'last Tuesday', 1, '{}')"
    )
    conn.commit()
    conn.close()
    return path


def markers_without_migrations(tmp_path: Path) -> Path:
    """Marked as a plan (application id, file_info, _sqlite_migrations) but recording no migration."""
    path = plan_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations")
    conn.commit()
    conn.close()
    return path
