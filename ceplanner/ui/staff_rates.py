"""Staff time costs follow the person's rate, in the same undo step as the edit that changed it.

Tying a staff-time line to a team member, changing that member's day rate, or changing the
plan's staff day rate (which members without their own rate use) sets the unit cost of every
line of theirs to their rate (core.team.rate_changes).
"""

from __future__ import annotations

from typing import Any

from ceplanner.core.team import rate_changes
from ceplanner.ui import wording
from ceplanner.ui.document import PlanDocument

RATE_FIELDS = {("TeamMember", "day_rate"), ("Plan", "staff_day_rate"), ("CostLine", "staff_id")}
RATE_FIELDS |= {("CostLine", "unit"), ("CostLine", "category")}
"""The edits after which a person's staff-time lines may no longer cost their rate."""


def set_with_rates(doc: PlanDocument, obj: Any, attr: str, value: Any) -> None:
    """``doc.set_value(obj, attr, value)``, and the staff-time lines it re-rates, as one undo step."""
    if (type(obj).__name__, attr) not in RATE_FIELDS:
        doc.set_value(obj, attr, value)
        return
    doc.begin_macro(wording.change_text(obj, attr))
    try:
        doc.set_value(obj, attr, value)
        for line, unit_cost, source in rate_changes(doc.plan):
            doc.set_value(line, "unit_cost", unit_cost)
            doc.set_value(line, "source", source)
    finally:
        doc.end_macro()
