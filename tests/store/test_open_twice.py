"""One plan open in two places: the second is told who has it, and no save overwrites changes it
has not seen (two processes, and two stores in one process)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ceplanner.store import PlanChangedElsewhereError, PlanInUseError, PlanStore
from ceplanner.store.lock import lock_path, read_lock
from tests.factories import full_plan

ROOT = Path(__file__).resolve().parents[2]

EDITOR = """
import sys
from ceplanner.store import PlanStore, PlanFileError
store = PlanStore.open(sys.argv[1])
print("open", flush=True)
for line in sys.stdin:
    command = line.strip()
    try:
        if command == "save":
            plan = store.load() if not hasattr(store, "_plan") else store._plan
            plan.title = "Saved by the other process"
            store.save(plan)
            print("saved", flush=True)
        elif command.startswith("hold"):
            store._plan = store.load()
            print("held", flush=True)
        elif command == "close":
            store.close()
            print("closed", flush=True)
            break
    except PlanFileError as exc:
        print(type(exc).__name__, exc, flush=True)
"""


class Editor:
    """Another process with the plan open for editing, driven line by line."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(path)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.read() == "open"

    def read(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def tell(self, command: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.read()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "p.ceplan"
    PlanStore.create(path, full_plan()).close()
    return path


def test_a_plan_open_in_another_process_is_refused_with_who_and_when(path: Path) -> None:
    other = Editor(path)
    try:
        owner = read_lock(path)
        assert owner is not None and owner.pid == other.proc.pid and owner.host == socket.gethostname()
        with pytest.raises(PlanInUseError) as info:
            PlanStore.open(path)
        words = str(info.value)
        assert words.startswith("p.ceplan is already open for editing by ")
        assert f"on this computer (program {other.proc.pid}) since " in words
        assert "Open it read-only" in words
        assert info.value.owner == owner
        with PlanStore.open(path, readonly=True) as viewer:  # read-only is always possible
            assert viewer.readonly and viewer.load().title.startswith("Tenant Voice")
    finally:
        assert other.tell("close") == "closed"
        other.proc.wait(timeout=30)
    assert not lock_path(path).exists()
    PlanStore.open(path).close()


def test_a_lock_left_by_a_killed_process_is_taken_over(path: Path) -> None:
    other = Editor(path)
    other.kill()
    assert lock_path(path).exists()  # the crash left it
    with PlanStore.open(path) as store:
        assert read_lock(path).pid == os.getpid()  # type: ignore[union-attr]
        store.save(store.load())
    assert not lock_path(path).exists()


def test_two_processes_never_overwrite_each_others_saves(path: Path) -> None:
    """The reported lost update: both windows said "Saved", the last writer won."""
    other = Editor(path)
    assert other.tell("hold") == "held"
    with PlanStore.open(path, take_over=True) as mine:  # the user chose to take it over
        plan = mine.load()
        plan.title = "Mine"
        mine.save(plan)
        # The other process's next save is refused: its lock was taken over.
        answer = other.tell("save")
        assert answer.startswith("PlanChangedElsewhereError p.ceplan was taken over by ")
        assert mine.load().title == "Mine"
    assert other.tell("close") == "closed"
    other.proc.wait(timeout=30)
    assert not lock_path(path).exists()  # the taker's close removed it; the other left it alone


def test_a_write_by_another_process_is_never_overwritten(path: Path) -> None:
    with PlanStore.open(path) as mine:
        plan = mine.load()
        # Another program ignores the lock file (an older ceplanner, a copy tool) and writes.
        script = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute(\"UPDATE plan SET title = 'Theirs'\"); c.commit()"
        )
        subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
        assert mine.changed_elsewhere()
        plan.title = "Mine"
        with pytest.raises(PlanChangedElsewhereError, match="changed by another window or program") as info:
            mine.save(plan)
        assert "Save As" in str(info.value)
        assert mine.load().title == "Theirs"  # their change survived
        theirs = mine.reload()
        assert theirs.title == "Theirs" and not mine.changed_elsewhere()
        theirs.title = "Mine, after seeing theirs"
        mine.save(theirs)
    with PlanStore.open(path) as store:
        assert store.load().title == "Mine, after seeing theirs"


def test_two_stores_in_one_process(path: Path) -> None:
    first = PlanStore.open(path)
    try:
        with pytest.raises(PlanInUseError, match="in another window of ceplanner on this computer"):
            PlanStore.open(path)
        second = PlanStore.open(path, take_over=True)
        plan = second.load()
        plan.title = "Second"
        second.save(plan)
        stale = first.load()
        stale.title = "First"
        with pytest.raises(PlanChangedElsewhereError):
            first.save(stale)
        second.close()
        # Even with the lock gone, the first store has not seen the second's save.
        with pytest.raises(PlanChangedElsewhereError, match="was taken over by another window or program"):
            first.save(stale)
        first.save(stale, overwrite_other_changes=True)  # only when the user chooses to
        assert first.load().title == "First"
        assert first.lock is not None and first.lock.held()  # and the plan is the first's again
        first.save(stale)
    finally:
        first.close()


def test_a_file_put_in_the_plans_place_is_noticed(path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.ceplan"
    PlanStore.create(other, full_plan()).close()
    with PlanStore.open(path) as mine:
        os.replace(other, path)
        assert mine.changed_elsewhere()
        with pytest.raises(PlanChangedElsewhereError):
            mine.save(mine.load())


def test_replacing_a_plan_open_elsewhere_is_refused(path: Path, tmp_path: Path) -> None:
    other = Editor(path)
    try:
        before = path.read_bytes()
        with pytest.raises(PlanInUseError):
            PlanStore.create(path, full_plan(), overwrite=True)
        with PlanStore.create(tmp_path / "b.ceplan", full_plan()) as b, pytest.raises(PlanInUseError):
            b.save_as(path, b.load())
        result = subprocess.run(
            [sys.executable, "-m", "ceplanner", "demo", str(path), "--force"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1 and "already open for editing" in result.stderr
        assert path.read_bytes() == before
    finally:
        other.tell("close")
        other.proc.wait(timeout=30)


def test_the_lock_file_says_who_where_and_when(path: Path) -> None:
    with PlanStore.open(path):
        raw = json.loads(lock_path(path).read_text(encoding="utf-8"))
        assert set(raw) == {"app", "host", "pid", "user", "opened_at", "token"}
        assert raw["pid"] == os.getpid()
    lock_path(path).write_text("not json", encoding="utf-8")  # unreadable: held by someone unknown
    with pytest.raises(PlanInUseError, match="by another program on another computer"):
        PlanStore.open(path)
    PlanStore.open(path, take_over=True).close()
    assert not lock_path(path).exists()


def test_save_as_onto_its_own_file_is_refused_in_words(path: Path) -> None:
    from ceplanner.store import OutputRefusedError

    with PlanStore.open(path) as store, pytest.raises(OutputRefusedError, match="this plan's own file"):
        store.save_as(path, store.load())
