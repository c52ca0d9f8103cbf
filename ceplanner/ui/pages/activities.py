"""The Activities step of the wizard (first version; being built out)."""

from __future__ import annotations

from ceplanner.ui.pages.base import PlanPage


class ActivitiesPage(PlanPage):
    TITLE = "Activities"
    OBJECT_NAME = "page_activities"
    GUIDANCE = ""

    def refresh(self) -> None:
        """Show the plan's current values."""
