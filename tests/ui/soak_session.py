"""A long editing session in the real main window; ``tests/ui/test_soak.py`` runs it in a subprocess.

    python -m tests.ui.soak_session FOLDER [--edits N] [--big-groups N]

It opens the sample plan (saved to a real file in FOLDER) and makes at least N edits through
the document and through real widgets: typing into fields and spin boxes, table cells through the
model and through the delegates' editors, amounts in the cost table, drags on the power grid,
undo and redo (the undo stack, the Edit menu's actions and their shortcuts), visiting every step
again and again. It then closes the window, reads the file back and checks that the last value
typed into every field it touched is what the file holds. Finally it opens a plan of many groups,
shows every step and closes it.

Why a subprocess: a Qt binding that frees ``None`` (PySide6 6.12.0 on Python 3.11) aborts the
interpreter ("Fatal Python error: none_dealloc") after a few dozen edits; in a child process that
abort fails one test with its stderr instead of taking the whole run down.

The last line printed is ``SOAK OK edits=N`` when every check passed; anything else (an abort, a
Python error in a slot, a dialog that would block, a value that did not arrive) exits non-zero.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ceplanner.core.library import sample_plan
from ceplanner.core.model import Plan, SixE
from ceplanner.core.scaling import Rescaled, rescaled_lines
from ceplanner.store import PlanStore
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.wizard import step_index
from tests.factories import big_plan
from tests.ui.helpers import drag, type_text

CONTEXT, STAKEHOLDERS, OBJECTIVES, ACTIVITIES, COSTS, EVALUATION, REVIEW = (
    step_index(key) or 0
    for key in ("context", "stakeholders", "objectives", "activities", "costs", "evaluation", "review")
)
FieldPath = tuple[Any, ...]


class SoakFailure(AssertionError):
    """A check of the session failed; the message says which edit and what was found."""


def value_at(plan: Plan, path: FieldPath) -> Any:
    """Follow ``path`` from the plan: attribute names, ids (or six-E keys) in lists, list positions."""
    obj: Any = plan
    for part in path:
        if isinstance(part, int):
            obj = obj[part]
        elif isinstance(obj, list):
            obj = next(
                item for item in obj if getattr(item, "id", None) == part or getattr(item, "e", None) == part
            )
        else:
            obj = getattr(obj, part)
    return obj


def column(model: QAbstractItemModel, header: str) -> int:
    """The column whose header starts with ``header`` (case-insensitive)."""
    for col in range(model.columnCount()):
        text = str(model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        if text.casefold().startswith(header.casefold()):
            return col
    raise SoakFailure(f"No column headed {header!r} in {type(model).__name__}")


def open_editor(view: QAbstractItemView, index: QModelIndex) -> QWidget:
    """Open the delegate's editor on ``index`` as a double-click would, and return it."""
    before = set(view.viewport().findChildren(QWidget))
    view.setCurrentIndex(index)
    view.edit(index)
    QApplication.processEvents()
    opened = [w for w in view.viewport().findChildren(QWidget) if w not in before and w.isVisible()]
    editors = [w for w in opened if isinstance(w, QLineEdit | QAbstractSpinBox | QComboBox)]
    if not editors:
        raise SoakFailure(
            f"No editor opened in {view.objectName()} at row {index.row()}, column {index.column()}"
        )
    # A spin box's own line edit is its child: the outermost editor is the one to type into.
    return next(w for w in editors if not isinstance(w.parent(), QAbstractSpinBox | QComboBox))


def type_and_enter(widget: QWidget, text: str) -> None:
    """Replace the widget's text by typing ``text`` (Unicode included), then press Enter."""
    widget.setFocus()
    line = widget.lineEdit() if isinstance(widget, QAbstractSpinBox | QComboBox) else widget
    if isinstance(line, QLineEdit):
        line.selectAll()
    type_text(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


class Soak:
    """One window over one plan file, edited many times; ``expect`` holds what the file must say."""

    def __init__(self, path: Path) -> None:
        self.path = path
        store = PlanStore.open(path)
        self.doc = PlanDocument(store.load(), store)
        self.window = MainWindow(self.doc)
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.window.activateWindow()
        QApplication.processEvents()
        self.edits = 0
        self.changes = 0
        self.saves = 0
        self.n = 0
        self.expect: dict[FieldPath, Any] = {}
        self.doc.changed.connect(self._changed)
        self.doc.saved.connect(self._saved)
        actions = {a.objectName(): a for a in self.window.findChildren(QAction)}
        self.undo_action, self.redo_action = actions["action_undo"], actions["action_redo"]

    def _changed(self, _obj: object) -> None:
        self.changes += 1

    def _saved(self) -> None:
        self.saves += 1

    # -- bookkeeping ------------------------------------------------------------------------

    def next_number(self) -> int:
        self.n += 1
        return self.n

    def edit(self, what: str, action: Callable[[], None]) -> None:
        """Do one edit; it must reach the document."""
        before = self.changes
        action()
        QApplication.processEvents()
        if self.changes == before:
            raise SoakFailure(f"Edit {self.edits + 1} ({what}) did not change the plan")
        self.edits += 1

    def record(self, path: FieldPath, value: Any) -> None:
        """The plan's value at ``path`` must be ``value`` now, and in the file at the end."""
        found = value_at(self.doc.plan, path)
        if found != value:
            raise SoakFailure(
                f"{'.'.join(map(str, path))}: the plan holds {found!r} after the edit, not {value!r}"
            )
        self.expect[path] = value

    def record_rescaled(self, activity_id: str, rescaled: list[Rescaled]) -> None:
        """Lines that scale took the quantities ``core.scaling`` gives, in the same edit."""
        for change in rescaled:
            self.record(
                ("activities", activity_id, "cost_lines", change.line.id, "quantity"), change.quantity
            )

    def check(self, plan: Plan, where: str) -> None:
        for path, value in self.expect.items():
            found = value_at(plan, path)
            if found != value:
                raise SoakFailure(
                    f"{where}: {'.'.join(map(str, path))} is {found!r}, but {value!r} was typed"
                )

    def show(self, step: int) -> QWidget:
        self.window.go_to(step)
        QApplication.processEvents()
        if self.window.stack.currentIndex() != step:
            raise SoakFailure(f"Step {step + 1} could not be shown")
        page = self.window.stack.currentWidget()
        assert page is not None
        return page

    @staticmethod
    def find(page: QWidget, cls: type[Any], name: str) -> Any:
        widget = page.findChild(cls, name)
        if widget is None:
            raise SoakFailure(f"{page.objectName()} has no {cls.__name__} named {name}")
        return widget

    # -- the steps --------------------------------------------------------------------------

    def context(self) -> None:
        page = self.show(CONTEXT)
        n = self.next_number()
        title = f"Tenant Voice {n}: Łódź & “Zürich” <b>"
        self.edit("type the title", lambda: type_and_enter(self.find(page, QLineEdit, "plan_title"), title))
        self.record(("title",), title)
        organisation = f"Riverside Vale Homes {n}"
        self.edit(
            "type the organisation",
            lambda: type_and_enter(self.find(page, QLineEdit, "plan_organisation"), organisation),
        )
        self.record(("organisation",), organisation)
        purpose = f"Purpose {n}\nsecond line 東京"
        area = self.find(page, QPlainTextEdit, "plan_purpose")

        def write_purpose() -> None:
            area.setFocus()
            area.setPlainText(purpose)
            self.window.step_list.setFocus()  # leaving the field finishes the edit

        self.edit("write the purpose", write_purpose)
        self.record(("purpose",), purpose)
        percent = Decimal(5 + n % 20) + Decimal("0.5")
        self.edit(
            "type the contingency",
            lambda: type_and_enter(self.find(page, QAbstractSpinBox, "plan_contingency"), str(percent)),
        )
        self.record(("contingency_percent",), percent)
        rate = 20000 + n * 101
        self.edit(
            "type the day rate",
            lambda: type_and_enter(
                self.find(page, QLineEdit, "plan_day_rate"), f"£{rate // 100:,}.{rate % 100:02}"
            ),
        )
        self.record(("staff_day_rate",), rate)

    def stakeholders(self) -> None:
        page = self.show(STAKEHOLDERS)
        n = self.next_number()
        grid = self.find(page, QGraphicsView, "power_grid")
        groups = self.doc.plan.groups
        for k in range(2):
            group = groups[(n * 2 + k) % len(groups)]
            self.drag_group(grid, group.id, n + k)
        table = self.find(page, QAbstractItemView, "stakeholders_table")
        model = table.model()
        row = n % model.rowCount()
        gid = groups[row].id
        name = f"Group {n} – Deaf BSL users <i>"
        self.edit("set a name cell", lambda: model.setData(model.index(row, column(model, "Name")), name))
        self.record(("groups", gid, "name"), name)
        size = 100 + n
        self.edit(
            "set a size cell", lambda: model.setData(model.index(row, column(model, "Size")), str(size))
        )
        self.record(("groups", gid, "size"), size)
        row = (n + 3) % model.rowCount()
        gid = groups[row].id
        power = 1 + (groups[row].power % 5)  # always a different score
        editor = open_editor(table, model.index(row, column(model, "Power")))
        if not isinstance(editor, QSpinBox):
            raise SoakFailure(f"The power cell's editor is a {type(editor).__name__}, not a spin box")
        self.edit("type a power score in the cell editor", lambda: type_and_enter(editor, str(power)))
        self.record(("groups", gid, "power"), power)
        editor = open_editor(table, model.index(row, column(model, "Category")))
        if not isinstance(editor, QComboBox):
            raise SoakFailure(f"The category cell's editor is a {type(editor).__name__}, not a combo box")
        choice = (editor.currentIndex() + 1) % editor.count()

        def choose() -> None:
            editor.setCurrentIndex(choice)
            QTest.keyClick(editor, Qt.Key.Key_Return)

        chosen = editor.itemData(choice)
        self.edit("choose a category in the cell editor", choose)
        self.record(("groups", gid, "category"), chosen)

    def drag_group(self, grid: Any, group_id: str, n: int) -> None:
        """Drag the group's point on the grid to another cell, with the mouse."""
        from ceplanner.ui.power_grid import score_to_scene

        point = grid.points[group_id]
        start = grid.mapFromScene(point.scenePos())
        top = grid.itemAt(start)  # groups sharing a place: the drag moves the one on top
        while top is not None and not hasattr(top, "group"):
            top = top.parentItem()
        if top is None:
            raise SoakFailure("No group under the mouse on the power grid")
        group = top.group
        target = (1 + (group.interest + n) % 5, 1 + (group.power + 2 * n + 1) % 5)
        if target == (group.interest, group.power):
            target = (1 + group.interest % 5, target[1])
        end = grid.mapFromScene(score_to_scene(*target))
        self.edit("drag a group on the power grid", lambda: drag(grid.viewport(), start, end))
        gid = group.id
        self.record(("groups", gid, "interest"), target[0])
        self.record(("groups", gid, "power"), target[1])

    def objectives(self) -> None:
        page = self.show(OBJECTIVES)
        n = self.next_number()
        tree = self.find(page, QAbstractItemView, "objectives_tree")
        objectives = self.doc.plan.objectives
        shown = objectives[n % len(objectives)]
        index = self.find_row(tree.model(), shown.title)
        tree.setCurrentIndex(index)
        QApplication.processEvents()
        title = f"Objective {n}: repairs fixed first time"
        self.edit(
            "type an objective's title",
            lambda: type_and_enter(self.find(page, QLineEdit, "objective_title"), title),
        )
        oid = shown.id
        self.record(("objectives", oid, "title"), title)
        table = self.find(page, QAbstractItemView, "objective_indicators")
        model = table.model()
        target = f"{40 + n % 50}% by March"
        self.edit(
            "set an indicator's target cell",
            lambda: model.setData(model.index(0, column(model, "Target")), target),
        )
        self.record(("objectives", oid, "indicators", 0, "target"), target)

    @staticmethod
    def find_row(model: QAbstractItemModel, text: str, parent: QModelIndex | None = None) -> QModelIndex:
        """The index showing ``text`` anywhere in a list or tree model."""
        parent = parent or QModelIndex()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if text in str(model.data(index) or ""):
                return index
            found = Soak.find_row(model, text, index)
            if found.isValid():
                return found
        return QModelIndex()

    def activities(self) -> None:
        page = self.show(ACTIVITIES)
        n = self.next_number()
        listing = self.find(page, QAbstractItemView, "activities_list")
        row = n % listing.model().rowCount()
        listing.setCurrentIndex(listing.model().index(row, 0))
        QApplication.processEvents()
        aid = self.doc.plan.activities[row].id
        sessions = 1 + n % 40
        if value_at(self.doc.plan, ("activities", aid, "sessions")) == sessions:
            sessions += 1
        activity = self.doc.plan.activities[row]
        rescaled = rescaled_lines(activity, sessions=sessions)  # lines that scale follow
        self.edit(
            "type sessions into the spin box",
            lambda: type_and_enter(self.find(page, QSpinBox, "activity_sessions"), str(sessions)),
        )
        self.record(("activities", aid, "sessions"), sessions)
        self.record_rescaled(aid, rescaled)
        participants = 1000 + n
        rescaled = rescaled_lines(activity, participants=participants)
        self.edit(
            "type participants into the spin box",
            lambda: type_and_enter(self.find(page, QSpinBox, "activity_participants"), str(participants)),
        )
        self.record(("activities", aid, "participants"), participants)
        self.record_rescaled(aid, rescaled)
        title = f"Drop-in {n} at the “hub”"
        self.edit(
            "type an activity title",
            lambda: type_and_enter(self.find(page, QLineEdit, "activity_title"), title),
        )
        self.record(("activities", aid, "title"), title)

    def costs(self) -> None:
        page = self.show(COSTS)
        n = self.next_number()
        listing = self.find(page, QAbstractItemView, "costs_activities")
        row = (n * 3) % listing.model().rowCount()
        listing.setCurrentIndex(listing.model().index(row, 0))
        QApplication.processEvents()
        activity = self.doc.plan.activities[row]
        aid = activity.id
        table = self.find(page, QAbstractItemView, "costs_lines")
        model = table.model()
        line = n % model.rowCount()
        lid = activity.cost_lines[line].id
        amount = 10000 + n * 37

        editor = open_editor(table, model.index(line, column(model, "Unit cost")))
        self.edit(
            "type an amount in the cost table",
            lambda: type_and_enter(editor, f"£{amount // 100:,}.{amount % 100:02}"),
        )
        self.record(("activities", aid, "cost_lines", lid, "unit_cost"), amount)
        quantity = Decimal(n % 30 + 1) + Decimal("0.25")
        self.edit(
            "set a quantity cell",
            lambda: model.setData(model.index(line, column(model, "Quantity")), str(quantity)),
        )
        self.record(("activities", aid, "cost_lines", lid, "quantity"), quantity)
        description = f"Interpreter, session {n} — BSL"
        editor = open_editor(table, model.index(line, column(model, "Description")))
        self.edit("type a description in the cost table", lambda: type_and_enter(editor, description))
        self.record(("activities", aid, "cost_lines", lid, "description"), description)

    def evaluation(self) -> None:
        page = self.show(EVALUATION)
        n = self.next_number()
        method = f"Exit survey {n} and a tenant panel"
        area = self.find(page, QPlainTextEdit, "evaluation_method")

        def write() -> None:
            area.setFocus()
            area.setPlainText(method)
            self.window.step_list.setFocus()

        self.edit("write the evaluation method", write)
        self.record(("evaluation", "method"), method)
        budget = 300000 + n * 100
        self.edit(
            "type the evaluation budget",
            lambda: type_and_enter(self.find(page, QLineEdit, "evaluation_budget"), f"{budget // 100:,}"),
        )
        self.record(("evaluation", "budget"), budget)
        e = list(SixE)[n % len(SixE)]
        combo = self.find(page, QComboBox, f"vfm_{e.value}_rating")
        key = Qt.Key.Key_Down if combo.currentIndex() < combo.count() - 1 else Qt.Key.Key_Up

        def rate() -> None:
            combo.setFocus()
            QTest.keyClick(combo, key)

        self.edit(f"choose the {e.value} rating with the keyboard", rate)
        rating = combo.currentData()
        self.record(("vfm", e, "rating"), rating)

    def review(self, edit: bool) -> None:
        self.show(REVIEW)
        if edit:  # an edit while Review is shown (its charts follow the plan)
            n = self.next_number()
            percent = Decimal(n % 20 + 1)
            if self.doc.plan.contingency_percent == percent:
                percent += 1
            self.edit(
                "change the contingency with Review shown",
                lambda: self.doc.set_value(
                    self.doc.plan, "contingency_percent", percent, "Change contingency"
                ),
            )
            self.record(("contingency_percent",), percent)

    def undo_redo(self) -> None:
        """Undo and redo the last edit three ways: the stack, the Edit menu, the shortcuts."""
        stack = self.doc.undo_stack
        for how, undo, redo in (
            ("undo stack", stack.undo, stack.redo),
            ("Edit menu", self.undo_action.trigger, self.redo_action.trigger),
            ("shortcuts", lambda: self.key(Qt.Key.Key_Z), lambda: self.key(Qt.Key.Key_Z, shift=True)),
        ):
            index = stack.index()
            self.edit(f"undo ({how})", undo)
            if stack.index() != index - 1:
                raise SoakFailure(f"Undo by the {how} did not step back")
            self.edit(f"redo ({how})", redo)
            if stack.index() != index:
                raise SoakFailure(f"Redo by the {how} did not step forward")
        self.check(self.doc.plan, "After undo and redo")

    def key(self, key: Qt.Key, shift: bool = False) -> None:
        """Press Ctrl(+Shift)+key where no text field would take it for itself."""
        self.window.step_list.setFocus()
        modifiers = Qt.KeyboardModifier.ControlModifier
        if shift:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(self.window.step_list, key, modifiers)

    # -- the session ------------------------------------------------------------------------

    def run(self, target: int) -> None:
        rounds = 0
        while self.edits < target:
            rounds += 1
            self.context()
            self.stakeholders()
            self.undo_redo()
            self.objectives()
            self.activities()
            self.costs()
            self.evaluation()
            if rounds % 4 == 0:
                self.undo_redo()
            self.review(edit=rounds % 5 == 0)
            self.check(self.doc.plan, f"Round {rounds}")
            if rounds % 3 == 0:
                QTest.qWait(250)  # long enough for autosave to fire by itself
            elif not self.doc.flush():
                raise SoakFailure(f"Round {rounds}: saving failed")
        if not self.doc.flush():
            raise SoakFailure("The last save failed")

    def close(self) -> None:
        self.window.close()
        QApplication.processEvents()
        if self.window.isVisible():
            raise SoakFailure("The window did not close")
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, 0)
        with PlanStore.open(self.path) as store:
            self.check(store.load(), "In the file")


def show_big_plan(folder: Path, groups: int) -> dict[str, float]:
    """Open a plan of ``groups`` groups, show every step, close; seconds each took."""
    path = folder / "big.ceplan"
    PlanStore.create(path, big_plan(groups, 1000)).close()
    timings: dict[str, float] = {}
    start = time.perf_counter()
    store = PlanStore.open(path)
    doc = PlanDocument(store.load(), store)
    window = MainWindow(doc)
    window.show()
    QTest.qWaitForWindowExposed(window)
    QApplication.processEvents()
    timings["open"] = time.perf_counter() - start
    for step in range(window.stack.count()):
        begin = time.perf_counter()
        window.go_to(step)
        QApplication.processEvents()
        window.grab()  # paint it all
        if window.stack.currentIndex() != step:
            raise SoakFailure(f"Step {step + 1} of the big plan could not be shown")
        if step == STAKEHOLDERS:
            table = Soak.find(window.stack.currentWidget(), QAbstractItemView, "stakeholders_table")
            if table.model().rowCount() != groups:
                raise SoakFailure(
                    f"The big plan's table lists {table.model().rowCount()} groups, not {groups}"
                )
        timings[f"step {step + 1}"] = time.perf_counter() - begin
    begin = time.perf_counter()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)
    QApplication.processEvents()
    timings["close"] = time.perf_counter() - begin
    if len(doc.plan.groups) != groups:
        raise SoakFailure(f"The big plan shows {len(doc.plan.groups)} groups, not {groups}")
    return timings


_errors: list[str] = []


def _record_error(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A Python error in a Qt slot is printed and fails the session (Qt would carry on)."""
    text = "".join(traceback.format_exception(kind, error, tb))
    _errors.append(text)
    print(text, file=sys.stderr, flush=True)


def _refuse_dialogs() -> None:
    """A modal dialog would wait for a click forever: report it and stop."""
    box = QApplication.activeModalWidget()
    if box is not None:
        text = getattr(box, "text", lambda: "")()
        print(f"SOAK FAILED: a dialog opened: {box.windowTitle()!r}: {text}", file=sys.stderr, flush=True)
        os._exit(3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--big-groups", type=int, default=5000)
    args = parser.parse_args(argv)
    folder: Path = args.folder
    os.environ["CEPLANNER_DATA_DIR"] = str(folder / "data")
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("ceplanner-soak")
    QCoreApplication.setApplicationName("ceplanner-soak")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    sys.excepthook = _record_error
    watchdog = QTimer()
    watchdog.timeout.connect(_refuse_dialogs)
    watchdog.start(500)

    path = folder / "sample.ceplan"
    PlanStore.create(path, sample_plan()).close()
    began = time.perf_counter()
    soak = Soak(path)
    try:
        soak.run(args.edits)
        soak.close()
    except SoakFailure as exc:
        print(f"SOAK FAILED after {soak.edits} edits: {exc}", file=sys.stderr, flush=True)
        stack = soak.doc.undo_stack  # the last edits, to see what led there
        recent = [stack.text(i) for i in range(max(stack.count() - 12, 0), stack.count())]
        print(f"Last undo steps: {recent}; at {stack.index()} of {stack.count()}", file=sys.stderr)
        return 1
    edited = time.perf_counter() - began
    print(
        f"edits: {soak.edits} in {edited:.1f} s, {soak.saves} saves, {len(soak.expect)} values checked in the file"
    )
    try:
        timings = show_big_plan(folder, args.big_groups)
    except SoakFailure as exc:
        print(f"SOAK FAILED on the big plan: {exc}", file=sys.stderr, flush=True)
        return 1
    print(f"{args.big_groups}-group plan: " + ", ".join(f"{k} {v:.2f} s" for k, v in timings.items()))
    watchdog.stop()
    del app
    if _errors:
        print(f"SOAK FAILED: {len(_errors)} Python errors in Qt slots (printed above)", file=sys.stderr)
        return 1
    print(f"SOAK OK edits={soak.edits}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
