"""The Costs step of the wizard (first version; being built out)."""

from __future__ import annotations

from ceplanner.ui.pages.base import PlanPage


class CostsPage(PlanPage):
    TITLE = "Costs"
    OBJECT_NAME = "page_costs"
    GUIDANCE = ""

    def refresh(self) -> None:
        """Show the plan's current values."""
