"""Every schema version's fixture opens, migrates (after a backup copy) and loads."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from ceplanner.core.serialize import plan_from_json, plan_to_json
from ceplanner.store import PlanStore, planfile
from ceplanner.store.migrations import KNOWN_MIGRATIONS, SCHEMA_VERSION, migrations

FIXTURES = Path(__file__).parent / "fixtures"


def test_there_is_a_fixture_for_every_schema_version() -> None:
    versions = sorted(int(p.stem.removeprefix("schema_v")) for p in FIXTURES.glob("schema_v*.ceplan"))
    assert versions == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_v*.ceplan")), ids=lambda p: p.stem)
def test_fixture_opens_migrates_and_loads(tmp_path: Path, fixture: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    expected = plan_from_json(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    with PlanStore.open(path) as store:
        assert plan_to_json(store.load()) == plan_to_json(expected)
        assert [s.name for s in store.snapshots()] == ["Sent to board"]
    conn = sqlite3.connect(path)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    conn.close()
    assert applied == KNOWN_MIGRATIONS


def test_an_older_file_is_backed_up_then_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate a future schema step to check the backup-then-migrate path end to end."""
    path = tmp_path / "old.ceplan"
    shutil.copy(FIXTURES / "schema_v1.ceplan", path)
    original = path.read_bytes()

    def add_table(db: Database) -> None:
        db.execute("CREATE TABLE actuals (activity_id TEXT, spent INTEGER)")

    step = migrations._Migration("9999_test_step", add_table)
    monkeypatch.setattr(migrations, "_migrations", [*migrations._migrations, step])
    monkeypatch.setattr(planfile, "KNOWN_MIGRATIONS", [*KNOWN_MIGRATIONS, step.name])
    monkeypatch.setattr(planfile, "SCHEMA_VERSION", SCHEMA_VERSION + 1)

    with PlanStore.open(path) as store:
        assert store.migrated_backup is not None
        assert store.migrated_backup.read_bytes() == original
        assert store.load().title.startswith("Tenant Voice")
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    assert "actuals" in tables


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION), ids=lambda v: f"schema_v{v}")
def test_each_older_fixture_is_backed_up_before_migrating_and_loses_nothing(
    tmp_path: Path, version: int
) -> None:
    fixture = FIXTURES / f"schema_v{version}.ceplan"
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    original = path.read_bytes()
    expected = plan_from_json(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    with PlanStore.open(path) as store:
        assert store.migrated_backup is not None and store.migrated_backup.read_bytes() == original
        assert plan_to_json(store.load()) == plan_to_json(expected)
        store.save(store.load(), touch=False)  # and it saves in the current schema
    with PlanStore.open(path, readonly=True) as again:
        assert plan_to_json(again.load()) == plan_to_json(expected)
