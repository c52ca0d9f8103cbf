"""Plan files: save, reopen, snapshots, Save As, read-only files."""

from __future__ import annotations

import copy
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from ceplanner.core.model import Plan
from ceplanner.core.serialize import plan_to_json
from ceplanner.store import PlanFileError, PlanStore, ReadOnlyPlanError
from tests.factories import big_plan, full_plan


def test_create_and_reopen_gives_the_same_plan(tmp_path: Path) -> None:
    plan = full_plan()
    path = tmp_path / "tenant voice.ceplan"
    PlanStore.create(path, plan).close()
    with PlanStore.open(path) as store:
        assert store.load() == plan
        assert not store.readonly
    # The file is one self-contained SQLite file with our marks.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tenant voice.ceplan"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x43455041
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_save_replaces_rows_and_keeps_order(tmp_path: Path) -> None:
    plan = full_plan()
    path = tmp_path / "p.ceplan"
    with PlanStore.create(path, plan) as store:
        plan.groups.reverse()
        plan.activities[0].cost_lines.pop()
        plan.title = "Changed 東京"
        store.save(plan)
    with PlanStore.open(path) as store:
        again = store.load()
    assert again.title == "Changed 東京"
    assert [g.name for g in again.groups] == [g.name for g in plan.groups]
    assert len(again.activities[0].cost_lines) == 1


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    with pytest.raises(PlanFileError, match="already exists"):
        PlanStore.create(path, full_plan())


def test_snapshots_list_and_restore(tmp_path: Path) -> None:
    plan = full_plan()
    with PlanStore.create(tmp_path / "p.ceplan", plan) as store:
        sent = store.take_snapshot("Sent to board", plan)
        plan.title = "Version 2"
        store.save(plan)
        assert [s.name for s in store.snapshots()] == ["Sent to board"]
        restored = store.restore_snapshot(sent.id, plan)
        assert restored.title == "Tenant Voice <2027> & beyond"
        assert store.load().title == "Tenant Voice <2027> & beyond"
        names = [s.name for s in store.snapshots()]
        assert names == ["Sent to board", "Before restoring “Sent to board”"]
        assert store.snapshot_plan(store.snapshots()[1].id).title == "Version 2"
        store.delete_snapshot(sent.id)
        assert len(store.snapshots()) == 1


def test_save_as_copies_plan_and_snapshots(tmp_path: Path) -> None:
    plan = full_plan()
    with PlanStore.create(tmp_path / "a.ceplan", plan) as store:
        store.take_snapshot("v1", plan)
        plan.title = "Copy"
        copy = store.save_as(tmp_path / "b.ceplan", plan)
    with copy:
        assert copy.load().title == "Copy"
        assert [s.name for s in copy.snapshots()] == ["v1"]
        assert copy.path == tmp_path / "b.ceplan"


def test_read_only_file_opens_read_only_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    before = path.read_bytes()
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with PlanStore.open(path) as store:
            assert store.readonly
            plan = store.load()
            with pytest.raises(ReadOnlyPlanError, match=r"read-only\. Use Save As"):
                store.save(plan)
            copy = store.save_as(tmp_path / "copy.ceplan", plan)
            copy.close()
    finally:
        os.chmod(path, 0o644)
    assert path.read_bytes() == before
    with PlanStore.open(tmp_path / "copy.ceplan") as copy:
        assert copy.load().title == plan.title


def test_read_only_folder_refuses_new_files_with_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(ReadOnlyPlanError, match="folder is read-only"):
            PlanStore.create(folder / "p.ceplan", full_plan())
    finally:
        os.chmod(folder, 0o755)
    assert list(folder.iterdir()) == []


def test_failed_save_keeps_the_last_committed_plan(tmp_path: Path) -> None:
    plan = full_plan()
    path = tmp_path / "p.ceplan"
    with PlanStore.create(path, plan) as store:
        plan.groups.append(plan.groups[0])  # duplicate id: the insert fails mid-transaction
        with pytest.raises(PlanFileError, match="could not be saved"):
            store.save(plan)
    with PlanStore.open(path) as store:
        assert len(store.load().groups) == 2


def test_big_plan_round_trips(tmp_path: Path) -> None:
    plan = big_plan(groups=5000, activities=1000)
    path = tmp_path / "big.ceplan"
    PlanStore.create(path, plan).close()
    with PlanStore.open(path) as store:
        again = store.load()
    assert plan_to_json(again) == plan_to_json(plan)


def _break_links(path: Path) -> str:
    """Delete a group the old way (its ids left in objectives and activities), in the file."""
    conn = sqlite3.connect(path)
    gone = conn.execute("SELECT id FROM stakeholder_groups ORDER BY ord").fetchone()[0]
    conn.execute("DELETE FROM stakeholder_groups WHERE id = ?", [gone])
    conn.commit()
    conn.close()
    return str(gone)


def test_a_plan_with_links_to_deleted_groups_opens_pruned_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    gone = _break_links(path)
    before = path.read_bytes()
    with PlanStore.open(path) as store:
        plan = store.load()
        assert len(store.repairs) == 6  # objective, activity (group, expected), session, theme, quote
        assert "plan.objectives[0].group_ids[0]" in store.repairs[0]
        assert all(gone not in o.group_ids for o in plan.objectives)
        assert all(gone not in a.group_ids for a in plan.activities)
        assert path.read_bytes() == before  # read, not rewritten
        # The repaired plan can be snapshotted, and the snapshot restored.
        snap = store.take_snapshot("after repair", plan)
        assert store.snapshot_plan(snap.id) == plan
        store.save(plan)
    with PlanStore.open(path) as store:
        store.load()
        assert store.repairs == []


def test_old_snapshots_with_dangling_links_still_restore(tmp_path: Path) -> None:
    plan = full_plan()
    broken = copy.deepcopy(plan)
    broken.groups.pop(0)
    with PlanStore.create(tmp_path / "p.ceplan", plan) as store:
        conn = store.conn
        conn.execute(
            "INSERT INTO snapshots (name, created, format_version, data) VALUES ('old', ?, 1, ?)",
            ["2026-01-01T00:00:00+00:00", plan_to_json(broken)],
        )
        old = store.snapshots()[0]
        restored = store.restore_snapshot(old.id, plan)
        assert len(store.repairs) == 6  # objective, activity (group, expected), session, theme, quote
        assert [g.id for g in restored.groups] == [plan.groups[1].id]
        assert restored.objectives[0].group_ids == []
        # The automatic "Before restoring" snapshot restores too.
        safety = store.snapshots()[-1]
        assert store.snapshot_plan(safety.id) == plan


def test_a_snapshot_that_could_not_be_restored_is_not_kept(tmp_path: Path) -> None:
    plan = full_plan()
    with PlanStore.create(tmp_path / "p.ceplan", plan) as store:
        plan.groups.append(copy.deepcopy(plan.groups[0]))  # a defect: the same id twice
        with pytest.raises(
            PlanFileError,
            match=r"snapshot was not kept: it could not be restored later \(plan\.groups\[2\]\.id",
        ):
            store.take_snapshot("broken", plan)
        assert store.snapshots() == []
        plan.groups.pop()
        kept = store.take_snapshot("fine", plan)
        assert store.snapshot_plan(kept.id) == plan


def test_the_schema_names_match_the_migrations() -> None:
    """Opening reads the known migration names from store/schema.py (no sqlite-utils import);
    they must be the migrations' own names, in order."""
    from ceplanner.store import migrations, schema

    assert schema.KNOWN_MIGRATIONS == migrations.KNOWN_MIGRATIONS
    assert schema.SCHEMA_VERSION == migrations.SCHEMA_VERSION
    assert schema.MIGRATION_SET == migrations.MIGRATION_SET


def test_opening_a_current_plan_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "p.ceplan"
    PlanStore.create(path, Plan(title="x")).close()
    code = (
        "import sys\nfrom ceplanner.store import PlanStore\n"
        f"s = PlanStore.open({str(path)!r}); s.load(); s.close()\n"
        "print('sqlite_utils' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
