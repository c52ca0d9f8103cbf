"""A full disk while saving: the cause in words (not "cannot rollback"), the last saved plan kept,
and saving works again once there is room. A real tiny tmpfs, filled up."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ceplanner.store import DiskFullError, PlanStore
from tests.factories import big_plan, full_plan
from tests.smalldisk import fill, small_disk


def test_saving_onto_a_full_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "2m") as disk:
        path = disk / "p.ceplan"
        plan = full_plan()
        with PlanStore.create(path, plan) as store:
            fill(disk, keep=8192)
            bigger = big_plan(2000, 300)
            with pytest.raises(DiskFullError) as info:
                store.save(bigger)
            assert str(info.value) == (
                "p.ceplan was not saved: the disk is full. Free some space or choose another disk, then try again."
            )
            assert store.load() == plan  # the last saved plan, read through the same store
            with pytest.raises(DiskFullError):
                store.save_as(disk / "copy.ceplan", bigger)
            assert not (disk / "copy.ceplan").exists()
            (disk / "filler").unlink()
            store.save(bigger)  # room again: the same store saves
        with PlanStore.open(path, readonly=True) as again:
            assert len(again.load().groups) == 2000


def test_a_snapshot_on_a_full_disk_is_not_half_kept(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "1m") as disk:
        path = disk / "p.ceplan"
        with PlanStore.create(path, full_plan()) as store:
            fill(disk, keep=0)
            before = hashlib.sha256(path.read_bytes()).hexdigest()
            with pytest.raises(DiskFullError, match="the disk is full"):
                store.take_snapshot("board", big_plan(2000, 300))
            assert hashlib.sha256(path.read_bytes()).hexdigest() == before
            assert store.snapshots() == []
