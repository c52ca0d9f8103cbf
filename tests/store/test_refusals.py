"""Files cut short, files that are not files, files locked mid-save, and files that must not be
changed by being read: each refused (or read) with its own words, the bytes left as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from ceplanner.store import (
    NotAFileError,
    NotAPlanError,
    PlanFileError,
    PlanLockedError,
    PlanStore,
    PlanTooShortError,
)
from tests.factories import full_plan

ROOT = Path(__file__).resolve().parents[2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: sha(p) for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def whole_plan(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("whole") / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    return path.read_bytes()


@pytest.mark.parametrize("cut", [*range(1, 65), 4096, 4096 + 17])
def test_a_plan_cut_short_is_refused_with_its_own_error(tmp_path: Path, whole_plan: bytes, cut: int) -> None:
    path = tmp_path / "p.ceplan"
    path.write_bytes(whole_plan[:-cut])
    before = folder_state(tmp_path)
    with pytest.raises(
        PlanTooShortError, match=rf"p\.ceplan is incomplete: it is {cut:,} bytes? shorter"
    ) as info:
        PlanStore.open(path)
    assert "copy or download is cut short" in str(info.value)
    assert folder_state(tmp_path) == before
    with pytest.raises(PlanTooShortError):
        PlanStore.open(path, readonly=True)


def test_a_file_shorter_than_the_header_is_cut_short(tmp_path: Path, whole_plan: bytes) -> None:
    path = tmp_path / "p.ceplan"
    path.write_bytes(whole_plan[:60])
    with pytest.raises(PlanTooShortError, match="40 bytes shorter"):
        PlanStore.open(path)


OPEN_IN_CHILD = """
import sys
from ceplanner.store import PlanStore, PlanFileError
try:
    PlanStore.open(sys.argv[1])
except PlanFileError as exc:
    print(type(exc).__name__, exc)
"""


def test_a_named_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "x.ceplan"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-c", OPEN_IN_CHILD, str(fifo)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == (
        "NotAFileError x.ceplan is a named pipe, not a file: ceplanner opens only plan files kept on a disk. "
        "It was not opened."
    )
    cli = subprocess.run(
        [sys.executable, "-m", "ceplanner", "info", str(fifo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cli.returncode == 1 and "is a named pipe" in cli.stderr and "Traceback" not in cli.stderr


def test_a_device_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAFileError, match="null is a device, not a file"):
        PlanStore.open("/dev/null")
    with pytest.raises(NotAFileError, match="is a folder"):
        PlanStore.open(tmp_path)


# -- a plan locked by another program in the middle of a save -----------------------------------

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")
conn.execute(sys.argv[2])
conn.execute("UPDATE risks SET description = description || 'x'")
conn.execute("INSERT INTO file_info VALUES ('filler', zeroblob(200000))")
print("locked", flush=True)
time.sleep(60)
"""


def _hold(path: Path, begin: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), begin], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


def _release(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    proc.wait(timeout=30)


@pytest.mark.parametrize("begin", ["BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"])
def test_a_plan_being_saved_by_another_process_is_in_use_not_damaged(tmp_path: Path, begin: str) -> None:
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    proc = _hold(path, begin)
    try:
        assert path.with_name("p.ceplan-journal").exists()  # mid-save, not a cut-off save
        for readonly in (False, True):
            with pytest.raises(PlanLockedError) as info:
                PlanStore.open(path, readonly=readonly)
            words = str(info.value)
            assert "in use" in words and "try again" in words
            assert "damaged" not in words and "backup" not in words
    finally:
        _release(proc)
    with PlanStore.open(path) as store:  # the other program's save was rolled back, as SQLite does
        assert store.load().risks[0].description == "Low turnout"


def test_a_lock_held_in_this_process_is_in_use_too(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    plan = full_plan()
    store = PlanStore.create(path, plan)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(PlanLockedError, match="in use"):
            PlanStore.open(tmp_path / "p.ceplan", readonly=True)
        with pytest.raises(PlanLockedError, match="your changes were not saved yet") as info:
            store.save(plan)
        assert "backup" not in str(info.value)
        other.execute("ROLLBACK")
        store.save(plan)  # once the lock is gone, saving works
    finally:
        other.close()
        store.close()


# -- reading never changes a file ------------------------------------------------------------------

KILL_MID_WRITE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")
conn.execute("BEGIN")
for i in range(300):
    conn.execute("INSERT INTO contacts VALUES (?, ?)", [f"name {i}", "0" * 2000])
os.kill(os.getpid(), 9)
"""


def test_a_foreign_file_with_a_hot_journal_is_refused_without_rolling_it_back(tmp_path: Path) -> None:
    path = tmp_path / "contacts.ceplan"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann', '0123')")
    conn.commit()
    conn.close()
    proc = subprocess.run([sys.executable, "-c", KILL_MID_WRITE, str(path)], timeout=60)
    assert proc.returncode == -signal.SIGKILL
    journal = path.with_name("contacts.ceplan-journal")
    assert journal.stat().st_size > 0
    before = folder_state(tmp_path)
    for readonly in (False, True):
        with pytest.raises(NotAPlanError, match="made by another program"):
            PlanStore.open(path, readonly=readonly)
    assert folder_state(tmp_path) == before  # neither the file nor its journal was touched
    # The other program's own recovery still finds its journal and rolls back.
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    conn.close()


def test_our_plan_with_a_hot_journal_is_read_unchanged_and_recovered_only_for_editing(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    script = KILL_MID_WRITE.replace(
        "INSERT INTO contacts VALUES (?, ?)", "INSERT INTO file_info VALUES (?, ?)"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], timeout=60)
    assert path.with_name("p.ceplan-journal").stat().st_size > 0
    before = folder_state(tmp_path)
    info = subprocess.run(
        [sys.executable, "-m", "ceplanner", "info", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert info.returncode == 0, info.stderr
    assert "Tenant Voice" in info.stdout
    assert folder_state(tmp_path) == before
    with PlanStore.open(path) as store:  # for editing: SQLite's own recovery runs on the real file
        assert store.load().title.startswith("Tenant Voice")
    assert not path.with_name("p.ceplan-journal").exists()


WAL_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("UPDATE plan SET title = 'Changed in the WAL'")
os._exit(0)  # leave the -wal file as a crash would
"""


def test_info_on_a_wal_plan_neither_converts_nor_checkpoints_it(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    subprocess.run([sys.executable, "-c", WAL_WRITER, str(path)], timeout=60, check=True)
    wal = path.with_name("p.ceplan-wal")
    assert wal.stat().st_size > 0
    before = folder_state(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "ceplanner", "info", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Changed in the WAL")  # the -wal file's change was read
    assert folder_state(tmp_path) == before
    with PlanStore.open(path, readonly=True) as store:
        assert store.load().title == "Changed in the WAL"
    assert folder_state(tmp_path) == before

    # Opening for editing converts it to one self-contained file, after a backup copy.
    with PlanStore.open(path) as store:
        assert store.load().title == "Changed in the WAL"
        backup = store.migrated_backup
        assert backup is not None and "before-wal-conversion-backup" in backup.name
    assert not wal.exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    copy = tmp_path / "copy" / "b.ceplan"
    copy.parent.mkdir()
    shutil.copy(backup, copy)
    with PlanStore.open(copy, readonly=True) as store:
        assert store.load().title == "Changed in the WAL"


def test_refusals_are_plan_file_errors() -> None:
    for cls in (NotAFileError, PlanTooShortError, PlanLockedError):
        assert issubclass(cls, PlanFileError)


def _hot_journal(original: bytes, page_size: int, pages: list[int]) -> bytes:
    """A rollback journal as SQLite writes it (fileformat2.html), holding ``original``'s
    ``pages`` (1-based) and its size in pages, so that recovery restores ``original``."""
    nonce = 0x12345678
    header = bytes.fromhex("d9d505f920a163d7") + struct.pack(
        ">IIIII", len(pages), nonce, len(original) // page_size, 512, page_size
    )
    journal = header.ljust(512, b"\0")
    for number in pages:
        data = original[(number - 1) * page_size : number * page_size]
        checksum = nonce
        i = page_size - 200
        while i > 0:
            checksum = (checksum + data[i]) & 0xFFFFFFFF
            i -= 200
        journal += struct.pack(">I", number) + data + struct.pack(">I", checksum)
    return journal


def test_a_save_cut_off_while_growing_the_file_is_recovered_not_called_short(tmp_path: Path) -> None:
    """Page 1 (with the new page count) written, the new pages at the end not yet: the file is
    shorter than its header says, but its journal restores it; only the copy is measured."""
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    original = path.read_bytes()
    page_size = struct.unpack(">H", original[16:18])[0]
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO file_info VALUES ('grown', zeroblob(50000))")
    conn.commit()
    conn.close()
    grown = path.read_bytes()
    assert len(grown) > len(original)
    path.write_bytes(grown[:page_size] + original[page_size:])  # the cut-off moment
    path.with_name("p.ceplan-journal").write_bytes(_hot_journal(original, page_size, [1]))
    before = folder_state(tmp_path)
    with PlanStore.open(path, readonly=True) as store:  # inspected and read in a recovered copy
        assert store.load().title.startswith("Tenant Voice")
    assert folder_state(tmp_path) == before
    with PlanStore.open(path) as store:  # for editing: SQLite's own recovery on the real file
        assert store.load().title.startswith("Tenant Voice")
    assert path.read_bytes() == original
    # Without a journal the same bytes are a file cut short.
    path.write_bytes(grown[:page_size] + original[page_size:])
    with pytest.raises(PlanTooShortError):
        PlanStore.open(path)
