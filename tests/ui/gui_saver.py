"""Edits saved through the GUI's own save path, to be killed at random: run by test_kill_gui_save.py.

    python -m tests.ui.gui_saver

A small fork server: it imports Qt and ceplanner once, then for every ``run PATH`` line on stdin
forks a child and prints ``child PID``. The child opens the plan file as the GUI does
(``PlanStore.open``, a ``PlanDocument`` over it), prints ``ready``, and then edits and saves for
ever: edit ``n`` (numbered on from the file's title) is made through the document, written by
``PlanDocument.flush()``, and ``saved n`` is printed only after the flush succeeded. When the child
ends (killed, as a rule) the server prints ``reaped PID STATUS``. Forking saves a fresh Python and
Qt start-up per kill, so hundreds of kills fit in the test's time.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from ceplanner.core.model import Plan, Risk
from ceplanner.store import PlanStore
from ceplanner.ui.document import PlanDocument

TITLE = "Edit "


def edit_number(plan: Plan) -> int:
    """The number of the last edit a plan holds (0 for the plan as first written)."""
    return int(plan.title.removeprefix(TITLE)) if plan.title.startswith(TITLE) else 0


def changes(plan: Plan, n: int) -> list[tuple[object, str, object]]:
    """Edit ``n`` as (object, attribute, new value) settings; every third edit also adds a risk."""
    group = plan.groups[n % len(plan.groups)]
    activity = plan.activities[n % len(plan.activities)]
    return [
        (plan, "title", f"{TITLE}{n}"),
        (group, "name", f"Group renamed by edit {n} – Łódź"),
        (activity.cost_lines[0], "unit_cost", 1000 + n),
        (activity, "participants", n),
    ]


def new_risk(n: int) -> Risk | None:
    return Risk(description=f"Risk added by edit {n}", id=f"risk-{n}") if n % 3 == 0 else None


def apply_edit(plan: Plan, n: int) -> None:
    """Edit ``n`` made directly on a plan: what the file must hold after it."""
    for obj, attr, value in changes(plan, n):
        setattr(obj, attr, value)
    risk = new_risk(n)
    if risk is not None:
        plan.risks.append(risk)


def edit_and_save(doc: PlanDocument, n: int) -> bool:
    """Edit ``n`` through the document (undoable edits, as the pages make them), then flush."""
    doc.begin_macro(f"Edit {n}")
    for obj, attr, value in changes(doc.plan, n):
        doc.set_value(obj, attr, value)
    risk = new_risk(n)
    if risk is not None:
        doc.append_item(doc.plan, "risks", risk, "Add a risk")
    doc.end_macro()
    return doc.flush()


def say(line: str) -> None:
    """One whole line in one write, so that a kill cannot leave half of it."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def child(path: str) -> None:
    app = QApplication([])
    store = PlanStore.open(path)
    doc = PlanDocument(store.load(), store)
    n = edit_number(doc.plan)
    say("ready")
    while True:
        n += 1
        if not edit_and_save(doc, n):
            say(f"failed {n}")
            os._exit(2)
        say(f"saved {n}")
        app.processEvents()


def serve() -> None:
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command != "run":
            break
        pid = os.fork()
        if pid == 0:
            try:
                child(argument)
            finally:
                os._exit(1)
        print(f"child {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"reaped {pid} {status}", flush=True)


if __name__ == "__main__":
    serve()
