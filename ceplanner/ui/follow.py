"""Redraw only what an edit concerns, and only when it can be seen.

Every edit reaches every listener through ``PlanDocument.edited``. A widget that redrew on each
one, shown or not, made hundreds of Qt calls per edit (and the Review charts took 300 ms). An
:class:`EditFollower` asks the widget whether the edit concerns it; if so it redraws now when the
widget is visible, after a pause in editing when a delay is given, or the next time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from ceplanner.ui.document import PlanDocument

Concerns = Callable[[Any, str], bool]


def always(_obj: Any, _attr: str) -> bool:
    return True


class EditFollower(QObject):
    """Keeps ``widget`` in step with ``doc`` by calling ``redraw`` when it is needed."""

    def __init__(
        self,
        widget: QWidget,
        doc: PlanDocument,
        redraw: Callable[[], None],
        concerns: Concerns = always,
        delay_ms: int = 0,
    ) -> None:
        super().__init__(widget)
        self.widget, self.redraw, self.concerns = widget, redraw, concerns
        self.stale = True  # nothing drawn yet
        self._timer: QTimer | None = None
        if delay_ms:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(delay_ms)
            self._timer.timeout.connect(self._redraw_if_shown)
        doc.edited.connect(self._edited)
        widget.installEventFilter(self)

    def _edited(self, obj: Any, attr: str) -> None:
        if not self.concerns(obj, attr):
            return
        self.stale = True
        if self._timer is not None:
            if self.widget.isVisible():
                self._timer.start()
        elif self.widget.isVisible():
            self._redraw_if_shown()

    def _redraw_if_shown(self) -> None:
        if self.stale and self.widget.isVisible():
            self.stale = False
            self.redraw()

    def redraw_now(self) -> None:
        """Redraw at once (a pending pause is cut short): for a forced refresh."""
        if self._timer is not None:
            self._timer.stop()
        self.stale = False
        self.redraw()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            # Drawn once shown, so the first paint already has the plan's current state.
            self.stale = False
            self.redraw()
        return False
