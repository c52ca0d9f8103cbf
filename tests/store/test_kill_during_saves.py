"""Hundreds of SIGKILLs at random moments during saves: no corrupt file, no edit lost that was
reported saved. A harness process forks one saver per round (cheap, so 200 rounds stay fast),
kills it after a random delay, and checks the file as the next opener would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HARNESS = r"""
import json, os, random, signal, sys, time
from ceplanner.store import PlanStore, PlanFileError
from tests.factories import big_plan

path, rounds, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
plan = big_plan(100, 20)
plan.staff_day_rate = 0
PlanStore.create(path, plan).close()
counter = 0
summary = {"rounds": 0, "corrupt": [], "lost": [], "interrupted": 0, "saves_reported": 0}

for round_no in range(rounds):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the saver: edit, save, report, for ever
        os.close(read_end)
        try:
            store = PlanStore.open(path)
            mine = store.load()
            k = mine.staff_day_rate
            while True:
                k += 1
                mine.staff_day_rate = k
                mine.groups[k % len(mine.groups)].name = f"Edit {k}"
                store.save(mine)
                os.write(write_end, f"{k}\n".encode())
        except BaseException as exc:
            os.write(write_end, f"error {exc!r}\n".encode())
            os._exit(1)
    os.close(write_end)
    # The first report (or failure) arrives before the clock starts, so a busy machine still
    # kills savers in the middle of their later saves rather than while they open the file.
    first = os.read(read_end, 1 << 20).decode()
    time.sleep(rng.uniform(0.01, 0.15))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    reported = [line for line in (first + os.read(read_end, 1 << 20).decode()).split("\n") if line]
    while chunk := os.read(read_end, 1 << 20):
        reported += [line for line in chunk.decode().split("\n") if line]
    os.close(read_end)
    errors = [r for r in reported if r.startswith("error")]
    if errors:
        summary["corrupt"].append(f"round {round_no}: the saver failed: {errors[0]}")
        break
    last = int(reported[-1]) if reported else counter
    summary["saves_reported"] += len(reported)
    if os.path.exists(path + "-journal") and os.path.getsize(path + "-journal") > 0:
        summary["interrupted"] += 1
    try:
        with PlanStore.open(path) as store:  # integrity-checked; a cut-off save is rolled back
            loaded = store.load()
    except PlanFileError as exc:
        summary["corrupt"].append(f"round {round_no}: {exc}")
        break
    found = loaded.staff_day_rate
    if found < last or found > last + 1:
        summary["lost"].append(f"round {round_no}: reported saved {last}, file holds {found}")
    elif found and loaded.groups[found % len(loaded.groups)].name != f"Edit {found}":
        summary["lost"].append(f"round {round_no}: edit {found} is only half there")
    counter = found
    summary["rounds"] += 1
print(json.dumps(summary))
"""


def test_200_kills_during_saves_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.ceplan"
    result = subprocess.run(
        [sys.executable, "-c", HARNESS, str(path), "200", "8"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["corrupt"] == []
    assert summary["lost"] == []
    assert summary["rounds"] == 200
    # The test means something only if many kills landed in the middle of a save.
    assert summary["interrupted"] >= 20, summary
    assert summary["saves_reported"] >= 200, summary
