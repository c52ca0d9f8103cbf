"""The open plan as the GUI sees it: the plan, its file, undoable edits and autosave.

Every change a page makes goes through :class:`PlanDocument` (``set_value``, ``insert_item``,
``remove_item``, ``replace_list``), which records it on a ``QUndoStack`` and schedules a save, so
undo/redo and autosave work the same way on every page. Listeners connect to ``edited`` (the
object and the field that changed) and redraw only when the edit concerns them and they are shown.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ceplanner.core.costing import Budget, affects_budget, compute_budget
from ceplanner.core.model import Plan
from ceplanner.core.references import (
    PrunedLists,
    remove_activities,
    remove_groups,
    remove_objectives,
    remove_team_members,
)
from ceplanner.store import PlanFileError, PlanLockedError, PlanStore, SnapshotInfo
from ceplanner.ui import wording

AUTOSAVE_DELAY_MS = 150
"""A pause in editing this long writes the file."""
AUTOSAVE_MAX_WAIT_MS = 2000
"""While edits keep coming, the file is still written at least this often."""
LOCKED_RETRY_MS = 2000
"""A save refused because another program holds the file's lock is tried again this soon."""


class _SetValue(QUndoCommand):
    def __init__(self, doc: PlanDocument, obj: Any, attr: str, value: Any, text: str) -> None:
        super().__init__(text)
        self.doc, self.obj, self.attr = doc, obj, attr
        self.old, self.new = getattr(obj, attr), value

    def redo(self) -> None:
        setattr(self.obj, self.attr, self.new)
        self.doc._edited(self.obj, self.attr)

    def undo(self) -> None:
        setattr(self.obj, self.attr, self.old)
        self.doc._edited(self.obj, self.attr)


class _ListEdit(QUndoCommand):
    """Replace the whole contents of ``owner.attr`` (a list); cheap for the lists a plan holds."""

    def __init__(self, doc: PlanDocument, owner: Any, attr: str, new: list[Any], text: str) -> None:
        super().__init__(text)
        self.doc, self.owner, self.attr = doc, owner, attr
        self.old, self.new = list(getattr(owner, attr)), list(new)

    def _apply(self, items: list[Any]) -> None:
        target: list[Any] = getattr(self.owner, self.attr)
        target[:] = items  # keep the same list object: views may hold it
        self.doc._edited(self.owner, self.attr)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class PlanDocument(QObject):
    """One open plan. ``store`` is None only for a plan not yet saved anywhere (tests, previews)."""

    changed = Signal(object)
    """Emitted after every edit, undo or redo, with the object that changed (or the plan)."""
    edited = Signal(object, str)
    """Emitted with ``changed``: the object and the field (or list) that changed; the field is
    "" when the whole plan was replaced (a restored snapshot)."""
    saved = Signal()
    save_failed = Signal(str)
    """Emitted with a user-readable message when autosave cannot write the file."""
    file_changed = Signal()
    """Emitted after the plan moved to another file (Save As): title, path and read-only state."""

    def __init__(self, plan: Plan, store: PlanStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._budget: Budget | None = None
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._first_unsaved: float | None = None
        self._changes: list[tuple[Any, str]] = []
        """What was edited since the last save, so a save writes only those rows."""

    @property
    def readonly(self) -> bool:
        return self.store is not None and self.store.readonly

    @property
    def budget(self) -> Budget:
        """The plan's costed summary, recomputed once after each edit."""
        if self._budget is None:
            self._budget = compute_budget(self.plan)
        return self._budget

    # -- edits ------------------------------------------------------------------------------

    def set_value(self, obj: Any, attr: str, value: Any, text: str = "") -> None:
        """Set ``obj.attr`` to ``value`` as one undoable edit (nothing happens if unchanged)."""
        if getattr(obj, attr) == value:
            return
        self.undo_stack.push(_SetValue(self, obj, attr, value, text or wording.change_text(obj, attr)))

    def insert_item(self, owner: Any, attr: str, index: int, item: Any, text: str = "") -> None:
        items = list(getattr(owner, attr))
        items.insert(index, item)
        self.undo_stack.push(_ListEdit(self, owner, attr, items, text or wording.list_text("Add", attr)))

    def append_item(self, owner: Any, attr: str, item: Any, text: str = "") -> None:
        self.insert_item(owner, attr, len(getattr(owner, attr)), item, text)

    def remove_item(self, owner: Any, attr: str, index: int, text: str = "") -> None:
        items = list(getattr(owner, attr))
        del items[index]
        self.undo_stack.push(_ListEdit(self, owner, attr, items, text or wording.list_text("Delete", attr)))

    def replace_list(self, owner: Any, attr: str, items: list[Any], text: str = "") -> None:
        """Set a whole list (reorder, delete several, paste rows) as one undoable edit."""
        self.undo_stack.push(_ListEdit(self, owner, attr, items, text or wording.list_change_text(attr)))

    def delete_groups(self, ids: Collection[str], text: str = "") -> None:
        """Delete groups and every link to them, as one undo step."""
        self._apply_pruned(
            remove_groups(self.plan, ids), text or wording.list_text("Delete", "groups", len(ids))
        )

    def delete_objectives(self, ids: Collection[str], text: str = "") -> None:
        """Delete objectives and every link to them, as one undo step."""
        self._apply_pruned(
            remove_objectives(self.plan, ids), text or wording.list_text("Delete", "objectives", len(ids))
        )

    def delete_activities(self, ids: Collection[str], text: str = "") -> None:
        self._apply_pruned(
            remove_activities(self.plan, ids), text or wording.list_text("Delete", "activities", len(ids))
        )

    def delete_team_members(self, ids: Collection[str], text: str = "") -> None:
        """Delete team members, the activities' leads and staff lines' ties to them, as one undo step."""
        team, pruned = remove_team_members(self.plan, ids)
        self.begin_macro(text or wording.list_text("Delete", "team", len(ids)))
        try:
            self.replace_list(self.plan, "team", team)
            self._apply_pruned(pruned, "")
        finally:
            self.end_macro()

    def _apply_pruned(self, pruned: PrunedLists, text: str) -> None:
        """Put the lists a deletion left in place, as one undo step (only those that changed).

        A deletion never leaves a link to what it deleted: a plan with such links could not be
        restored from its snapshots or read back from its JSON.
        """
        self.begin_macro(text)
        try:
            for attr in PrunedLists.ATTRS:
                new, old = getattr(pruned, attr), getattr(self.plan, attr)
                if len(new) != len(old) or any(a is not b for a, b in zip(new, old, strict=True)):
                    self.replace_list(self.plan, attr, new)
        finally:
            self.end_macro()

    def begin_macro(self, text: str) -> None:
        """Group the following edits into one undo step (end with :meth:`end_macro`)."""
        self.undo_stack.beginMacro(text)

    def end_macro(self) -> None:
        self.undo_stack.endMacro()

    def replace_plan(self, plan: Plan) -> None:
        """Swap in a different plan (a restored snapshot); clears undo history."""
        self.plan = plan
        self.undo_stack.clear()
        self._edited(plan, "")

    def _edited(self, obj: Any, attr: str) -> None:
        if affects_budget(obj, attr):
            self._budget = None
        self._dirty = True
        self._changes.append((obj, attr))
        if self.store is not None and not self.store.readonly:
            self._schedule_save()
        self.edited.emit(obj, attr)
        self.changed.emit(obj)

    def _schedule_save(self) -> None:
        """Save after a pause in editing, but never later than the maximum wait."""
        now = time.monotonic()
        if self._first_unsaved is None:
            self._first_unsaved = now
        waited_ms = (now - self._first_unsaved) * 1000
        self._timer.start(int(max(0, min(AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS - waited_ms))))

    # -- saving -----------------------------------------------------------------------------

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def flush(self) -> bool:
        """Write pending edits now; returns False (and emits ``save_failed``) if that fails."""
        self._timer.stop()
        self._first_unsaved = None
        if not self._dirty or self.store is None or self.store.readonly:
            return not self._dirty or self.store is None
        try:
            self.store.save(self.plan, changes=self._changes)
        except PlanLockedError as exc:
            # Another program is writing the file this moment: try again shortly, keep the edits.
            self._timer.start(LOCKED_RETRY_MS)
            self.save_failed.emit(str(exc))
            return False
        except PlanFileError as exc:
            self.save_failed.emit(str(exc))
            return False
        except Exception as exc:  # a defect must not pass for "Saved": say so, keep the edits
            self.save_failed.emit(
                self.tr("The plan could not be saved because of an internal error ({exc!r}).").format(exc=exc)
            )
            return False
        self._dirty = False
        self._changes = []
        self.saved.emit()
        return True

    # -- the file: Save As and snapshots -----------------------------------------------------

    def save_as(self, path: Path) -> None:
        """Write the plan to ``path`` and carry on working there; PlanFileError says why not.

        Saving onto the file already open just saves it. The old file is closed as it is.
        """
        old = self.store
        if old is not None and path.exists() and path.resolve() == old.path.resolve():
            self.flush()
            return
        store = (
            old.save_as(path, self.plan)
            if old is not None
            else PlanStore.create(path, self.plan, overwrite=True)
        )
        self.store = store
        if old is not None:
            old.close()
        self._dirty = True
        self.flush()
        self.file_changed.emit()
        self._edited(self.plan, "")  # pages show the plan as editable again

    def snapshots(self) -> list[SnapshotInfo]:
        return self.store.snapshots() if self.store is not None else []

    def take_snapshot(self, name: str) -> SnapshotInfo | None:
        """Keep the plan as it is now under ``name`` (saving pending edits first)."""
        if self.store is None or self.readonly:
            return None
        self.flush()
        return self.store.take_snapshot(name, self.plan)

    def restore_snapshot(self, snapshot_id: int) -> None:
        """Make a snapshot the current plan; the plan as it was is kept as a snapshot first."""
        if self.store is None or self.readonly:
            return
        self.flush()
        plan = self.store.restore_snapshot(snapshot_id, self.plan)
        self.replace_plan(plan)
        self.flush()

    def delete_snapshot(self, snapshot_id: int) -> None:
        if self.store is not None and not self.readonly:
            self.store.delete_snapshot(snapshot_id)

    def close(self) -> None:
        self.flush()
        if self.store is not None:
            self.store.close()
