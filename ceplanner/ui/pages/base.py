"""What every wizard page shares: a title, guidance, a worked example, and the document."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ceplanner.core.checks import open_checks
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.follow import EditFollower
from ceplanner.ui.widgets import guard_wheel


class PlanPage(QWidget):
    """A step of the wizard.

    Subclasses set ``TITLE``, ``GUIDANCE`` (a sentence or two: what the page asks and why) and
    ``EXAMPLE`` (a worked example from the sample plan, shown on request), build their widgets
    in ``__init__`` under ``self.body`` and implement :meth:`refresh` to show the plan's values.
    They change the plan only through ``self.doc`` so that undo and autosave work.
    """

    TITLE = ""
    GUIDANCE = ""
    EXAMPLE = ""
    OBJECT_NAME = ""
    STEP = ""
    """The step key the plan's checks use for this page (see ``core.checks.Check.step``)."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName(self.OBJECT_NAME or type(self).__name__)
        outer = QVBoxLayout(self)
        title = QLabel(self.tr(self.TITLE))
        title.setObjectName(f"{self.objectName()}_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(self.tr(self.TITLE))
        outer.addWidget(title)
        guidance = QLabel(self.tr(self.GUIDANCE))
        guidance.setObjectName(f"{self.objectName()}_guidance")
        guidance.setWordWrap(True)
        guidance.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(guidance)
        if self.EXAMPLE:
            self.example_button = QPushButton(self.tr("Show a worked example"))
            self.example_button.setObjectName(f"{self.objectName()}_example_button")
            self.example_button.setCheckable(True)
            self.example = QLabel(self.tr(self.EXAMPLE))
            self.example.setObjectName(f"{self.objectName()}_example")
            self.example.setWordWrap(True)
            self.example.setTextFormat(Qt.TextFormat.PlainText)
            self.example.setFrameShape(QLabel.Shape.StyledPanel)
            self.example.setMargin(8)
            self.example.setVisible(False)
            self.example_button.toggled.connect(self.example.setVisible)
            self.example_button.toggled.connect(
                lambda on: self.example_button.setText(
                    self.tr("Hide the example") if on else self.tr("Show a worked example")
                )
            )
            outer.addWidget(self.example_button, 0, Qt.AlignmentFlag.AlignLeft)
            outer.addWidget(self.example)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.follower = EditFollower(self, doc, self.refresh, self.concerns)
        self._wheel_guarded = False

    def showEvent(self, event: QShowEvent) -> None:
        """Once its widgets exist: a wheel turned over an unfocused combo or spin box never changes it."""
        if not self._wheel_guarded:
            self._wheel_guarded = True
            guard_wheel(self)
        super().showEvent(event)

    def concerns(self, obj: Any, attr: str) -> bool:
        """Whether an edit of ``obj.attr`` changes what this page shows (by default, any edit)."""
        return True

    def refresh(self) -> None:
        """Show the plan's current values. Must not push edits."""
        raise NotImplementedError

    def problems(self) -> list[str]:
        """This step's problems in words: the plan's open findings for this step, then typed
        input that could not be taken. Empty when all is well."""
        checks = [c.message for c in open_checks(self.doc.plan, self.doc.budget) if c.step == self.STEP]
        return checks + self.input_problems()

    def select_item(self, item_id: str) -> bool:
        """Select the group, objective or activity with ``item_id`` (from a Review finding)."""
        return False

    def input_problems(self) -> list[str]:
        """Typed input this page could not take (a half-typed amount): not in the plan, so not
        something the plan's checks can see. Shown inline and in Review."""
        return []
