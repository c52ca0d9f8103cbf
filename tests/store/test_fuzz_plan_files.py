"""Fuzzing plan files: damaged bytes and hostile values. Every file is either opened and read,
or refused with a PlanFileError; a refused file is left byte for byte as it was, with nothing
written beside it."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceplanner.store import PlanFileError, PlanStore
from tests.factories import full_plan

_FOLDER = Path(tempfile.mkdtemp(prefix="ceplanner-fuzz-"))
_ORIGINAL = _FOLDER / "original.ceplan"
PlanStore.create(_ORIGINAL, full_plan()).close()
ORIGINAL = _ORIGINAL.read_bytes()

COLUMNS = [
    (table, column)
    for table in (
        "plan",
        "stakeholder_groups",
        "objectives",
        "activities",
        "cost_lines",
        "methods",
        "vfm",
        "risks",
        "evaluation",
        "indicators",
        "snapshots",
        "file_info",
        "_sqlite_migrations",
    )
    for column in (r[1] for r in sqlite3.connect(_ORIGINAL).execute(f"PRAGMA table_info({table})"))
]

hostile_values = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.binary(max_size=20),
    st.sampled_from(
        [
            "[",
            "[[[]]]",
            "{}",
            "null",
            '["language", 5]',
            "2_5",
            "١٢",
            "20270111",
            "last Tuesday",
            "[" * 5000,
            "consult",
            "-1",
            "1e999",
            '"x"',
        ]
    ),
)


def _open_and_read(path: Path) -> None:
    """Open and read as the window would; the file must be untouched if refused."""
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    names = sorted(p.name for p in path.parent.iterdir())
    try:
        with PlanStore.open(path) as store:
            store.load()
            store.snapshots()
            for snapshot in store.snapshots():
                store.snapshot_plan(snapshot.id)
    except PlanFileError as exc:
        assert str(exc)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
        assert sorted(p.name for p in path.parent.iterdir()) == names


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.integers(0, len(ORIGINAL) - 1), st.integers(0, 255)), min_size=1, max_size=8),
    st.one_of(st.none(), st.integers(0, len(ORIGINAL))),
)
def test_damaged_bytes(changes: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(ORIGINAL)
    for offset, value in changes:
        data[offset] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.ceplan"
        path.write_bytes(bytes(data[:cut] if cut is not None else data))
        _open_and_read(path)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(COLUMNS), hostile_values), min_size=1, max_size=3))
def test_hostile_values(updates: list[tuple[tuple[str, str], object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.ceplan"
        path.write_bytes(ORIGINAL)
        conn = sqlite3.connect(path)
        for (table, column), value in updates:
            with contextlib.suppress(sqlite3.Error):  # a constraint refused it: the file stays as it was
                conn.execute(f'UPDATE {table} SET "{column}" = ?', [value])
        conn.commit()
        conn.close()
        _open_and_read(path)
