"""Hostile values inside a plan file, and values SQLite cannot store: a clean refusal naming the
field, never a traceback, and the file left as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ceplanner.store import CorruptPlanError, PlanFileError, PlanStore
from tests import badfiles
from tests.factories import full_plan


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_list_column_of_50000_nested_brackets(tmp_path: Path) -> None:
    path = badfiles.deeply_nested_list(tmp_path)
    before = sha(path)
    with (
        PlanStore.open(path, readonly=True) as store,
        pytest.raises(CorruptPlanError, match=r"plan\.groups\[0\]\.barriers: the stored list cannot be read"),
    ):
        store.load()
    assert sha(path) == before


def test_a_snapshot_with_a_bad_date_is_named(tmp_path: Path) -> None:
    path = badfiles.snapshot_with_bad_date(tmp_path)
    with PlanStore.open(path) as store:
        assert store.load().title  # the plan itself opens
        with pytest.raises(
            CorruptPlanError,
            match=r"snapshot, “Board”, whose date cannot be read \(snapshots\[id=1\]\.created: \"last Tuesday\"",
        ):
            store.snapshots()


def test_markers_without_migrations_are_refused_and_no_backup_is_left(tmp_path: Path) -> None:
    path = badfiles.markers_without_migrations(tmp_path)
    before = sha(path)
    for _ in range(2):
        with pytest.raises(CorruptPlanError, match="does not record how its tables were made"):
            PlanStore.open(path)
    assert sha(path) == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no *.schema0-backup-*.ceplan


@pytest.mark.parametrize("field", ["notes", "name"])
def test_the_store_never_crashes_on_a_lone_surrogate(tmp_path: Path, field: str) -> None:
    plan = full_plan()
    path = tmp_path / "p.ceplan"
    with PlanStore.create(path, plan) as store:
        before = sha(path)
        setattr(plan.groups[1], field, "half \udc80 a character")
        with pytest.raises(
            PlanFileError,
            match=rf"plan could not be saved: plan\.groups\[1\]\.{field} holds half of a character pair",
        ):
            store.save(plan)
        with pytest.raises(PlanFileError, match=r"snapshot was not kept: plan\.groups\[1\]"):
            store.take_snapshot("with a surrogate", plan)
        assert store.snapshots() == []
        assert sha(path) == before
        setattr(plan.groups[1], field, "retyped")
        store.save(plan)  # the store is still usable


def test_an_integer_beyond_64_bits_is_named_not_crashed(tmp_path: Path) -> None:
    plan = full_plan()
    with PlanStore.create(tmp_path / "p.ceplan", plan) as store:
        plan.activities[0].participants = 2**70
        with pytest.raises(
            PlanFileError, match=r"plan\.activities\[0\]\.participants holds a number too large"
        ):
            store.save(plan)


def test_text_that_is_not_utf8_is_named_not_crashed(tmp_path: Path) -> None:
    path = badfiles.plan_file(tmp_path)
    conn = __import__("sqlite3").connect(path)
    conn.execute("UPDATE risks SET owner = CAST(X'41FF42' AS TEXT)")
    conn.commit()
    conn.close()
    with (
        PlanStore.open(path) as store,
        pytest.raises(
            CorruptPlanError, match=r"plan\.risks\[0\]\.owner: holds \\udcff, half of a character pair"
        ),
    ):
        store.load()
