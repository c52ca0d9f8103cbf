"""Stakeholder mapping rules shared by the screens and the PDF (Mendelow's power/interest grid)."""

from __future__ import annotations

from ceplanner.core.model import StakeholderGroup

# On the model's 1-5 scales, a score of 3 or more counts as high.
HIGH_FROM = 3
MANAGE_CLOSELY = "Manage closely"
KEEP_SATISFIED = "Keep satisfied"
KEEP_INFORMED = "Keep informed"
MONITOR = "Monitor"
QUADRANTS = (MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR)


def quadrant(group: StakeholderGroup) -> str:
    """The Mendelow quadrant of a group from its power and interest scores."""
    if group.power >= HIGH_FROM:
        return MANAGE_CLOSELY if group.interest >= HIGH_FROM else KEEP_SATISFIED
    return KEEP_INFORMED if group.interest >= HIGH_FROM else MONITOR
