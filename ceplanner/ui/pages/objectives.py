"""The Objectives and indicators step of the wizard (first version; being built out)."""

from __future__ import annotations

from ceplanner.ui.pages.base import PlanPage


class ObjectivesPage(PlanPage):
    TITLE = "Objectives and indicators"
    OBJECT_NAME = "page_objectives"
    GUIDANCE = ""

    def refresh(self) -> None:
        """Show the plan's current values."""
