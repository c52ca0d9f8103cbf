"""The Stakeholders step of the wizard (first version; being built out)."""

from __future__ import annotations

from ceplanner.ui.pages.base import PlanPage


class StakeholdersPage(PlanPage):
    TITLE = "Stakeholders"
    OBJECT_NAME = "page_stakeholders"
    GUIDANCE = ""

    def refresh(self) -> None:
        """Show the plan's current values."""
