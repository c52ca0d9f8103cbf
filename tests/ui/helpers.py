"""Helpers for the page tests: a real plan file, reopening it, and typing Unicode."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from ceplanner.core.model import Plan
from ceplanner.store import PlanStore
from ceplanner.ui.document import PlanDocument


def open_document(tmp_path: Path, plan: Plan, name: str = "plan.ceplan") -> PlanDocument:
    """A document over a real .ceplan file written to ``tmp_path``."""
    store = PlanStore.create(tmp_path / name, plan)
    return PlanDocument(plan, store)


def reopen(doc: PlanDocument) -> Plan:
    """Write pending edits, then read the plan back from its file as a fresh store would."""
    assert doc.flush()
    assert doc.store is not None
    store = PlanStore.open(doc.store.path, readonly=True)
    try:
        return store.load()
    finally:
        store.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Unicode included (``qtbot.keyClicks`` aborts on non-ASCII)."""
    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def mouse(widget: QWidget, kind: QMouseEvent.Type, pos: QPoint, held: bool = True) -> None:
    """Send one left-button mouse event at ``pos`` (buttons held while ``held``)."""
    button = Qt.MouseButton.LeftButton
    buttons = button if held else Qt.MouseButton.NoButton
    if kind == QMouseEvent.Type.MouseMove:
        button = Qt.MouseButton.NoButton
    point = QPointF(pos)
    global_point = QPointF(widget.mapToGlobal(pos))
    event = QMouseEvent(kind, point, global_point, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 5) -> None:
    """Press at ``start``, move in steps to ``end`` with the button held, release there."""
    mouse(widget, QMouseEvent.Type.MouseButtonPress, start)
    for i in range(1, steps + 1):
        mouse(widget, QMouseEvent.Type.MouseMove, start + (end - start) * i / steps)
    mouse(widget, QMouseEvent.Type.MouseButtonRelease, end, held=False)
