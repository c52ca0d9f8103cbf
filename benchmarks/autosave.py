"""Autosave of one edit: ``PlanStore.save`` of the sample plan after one change (told what changed,
as the window's autosave does), against a bare
``sqlite3`` single-row UPDATE and COMMIT with the store's durability settings (rollback journal in
DELETE mode, ``synchronous=FULL``, ``BEGIN IMMEDIATE``), in files in the same folder.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from ceplanner.core.library import sample_plan
from ceplanner.store import PlanStore


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def measure(repeat: int = 30) -> tuple[float, float, float, float]:
    """Medians over ``repeat`` saves each, in ms: PlanStore.save and the bare update, wall time,
    then the same two in CPU time (the wall time less waiting for the disk to flush)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "sample.ceplan"
        PlanStore.create(path, sample_plan()).close()
        conn = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE plan (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO plan VALUES (1, '')")
        bare, store_times, bare_cpu, store_cpu = [], [], [], []
        with PlanStore.open(path) as store:
            plan = store.load()
            for i in range(repeat):
                # Alternate the two so that both see the same load on the disk.
                start, cpu = time.perf_counter(), time.process_time()
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("UPDATE plan SET title = ? WHERE id = 1", (f"Tenant Voice {i}",))
                conn.execute("COMMIT")
                bare.append(time.perf_counter() - start)
                bare_cpu.append(time.process_time() - cpu)
                plan.title = f"Tenant Voice {i}"  # the one edit, as the window records it
                start, cpu = time.perf_counter(), time.process_time()
                store.save(plan, changes=[(plan, "title")])
                store_times.append(time.perf_counter() - start)
                store_cpu.append(time.process_time() - cpu)
        conn.close()
    return _median_ms(store_times), _median_ms(bare), _median_ms(store_cpu), _median_ms(bare_cpu)
