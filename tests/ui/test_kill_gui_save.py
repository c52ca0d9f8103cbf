"""Killing the application while it saves through the GUI's own path never loses a saved edit.

A child process edits the sample plan through ``PlanDocument`` and saves with
``PlanDocument.flush()`` over a real ``PlanStore``, printing ``saved n`` after each flush that
succeeded; this test kills it with SIGKILL at random moments, hundreds of times. After every
kill the file must open (``PlanStore.open`` checks its integrity and rolls back a cut-off save)
and hold exactly the plan after edit ``m``, for an ``m`` that is the last edit reported saved or
the one after it (saved, but killed before it could say so): nothing reported saved is lost,
and no edit is half there.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

from ceplanner.core.library import sample_plan
from ceplanner.core.model import Plan
from ceplanner.store import PlanStore
from tests.ui.gui_saver import apply_edit, edit_number

ROOT = Path(__file__).resolve().parents[2]
KILLS = 200
LINE_TIMEOUT_S = 30


class Server:
    """The fork server of tests/ui/gui_saver.py, with its output read on a thread."""

    def __init__(self) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.gui_saver"],
            cwd=ROOT,
            env=env,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("")  # the server ended

    def line(self) -> str:
        try:
            line = self.lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            raise AssertionError("The saver said nothing for 30 s") from None
        if not line:
            assert self.proc.stderr is not None
            raise AssertionError(f"The saver ended ({self.proc.wait()}):\n{self.proc.stderr.read()}")
        return line

    def run_and_kill(self, path: Path, delay: float) -> tuple[int, bool]:
        """One child: wait for it to start saving, kill it after ``delay`` seconds.

        Returns the last edit it reported saved (0 for none) and whether it was killed (not ended).
        """
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"run {path}\n")
        self.proc.stdin.flush()
        first = self.line()
        assert first.startswith("child "), first
        pid = int(first.split()[1])
        ready = self.line()
        assert ready == "ready", ready
        threading.Timer(delay, os.kill, (pid, signal.SIGKILL)).start()
        saved = 0
        while True:
            line = self.line()
            kind, _, rest = line.partition(" ")
            if kind == "saved":
                saved = int(rest)
            elif kind == "reaped":
                status = int(rest.split()[1])
                killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
                return saved, killed
            else:
                raise AssertionError(f"The child said: {line}")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def test_random_kills_during_gui_saves_lose_no_saved_edit(tmp_path: Path) -> None:
    path = tmp_path / "Sample plan.ceplan"
    PlanStore.create(path, sample_plan()).close()
    expected: Plan = sample_plan()  # the plan after edit ``at``, built without Qt or the store
    at = 0
    rng = random.Random(20271)
    server = Server()
    reported = 0
    cut_off = 0
    try:
        for kill in range(KILLS):
            saved, killed = server.run_and_kill(path, rng.uniform(0.0, 0.06))
            assert killed, f"Run {kill}: the child ended by itself"
            reported = max(reported, saved)
            cut_off += path.with_name(path.name + "-journal").exists()
            with PlanStore.open(path) as store:  # integrity-checked; a cut-off save rolled back
                plan = store.load()
            held = edit_number(plan)
            assert reported <= held <= reported + 1, (
                f"Run {kill}: edit {reported} was reported saved, but the file holds edit {held}"
            )
            while at < held:
                at += 1
                apply_edit(expected, at)
            plan.modified = expected.modified  # the save time is the only thing a save adds
            assert plan == expected, f"Run {kill}: the file's plan after edit {held} is not as edited"
            reported = held
    finally:
        server.close()
    assert reported >= KILLS // 2, f"Only {reported} edits were saved in {KILLS} runs: too few to mean much"
    # Some kills must have cut a save off in the middle (a hot journal left behind).
    assert cut_off > 0
