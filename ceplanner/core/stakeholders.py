"""Stakeholder mapping rules shared by the screens and the PDF (Mendelow's power/interest grid)."""

from __future__ import annotations

from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.model import StakeholderGroup

# On the model's 1-5 scales, a score of 3 or more counts as high.
HIGH_FROM = 3
MANAGE_CLOSELY = QT_TRANSLATE_NOOP("Labels", "Manage closely")
KEEP_SATISFIED = QT_TRANSLATE_NOOP("Labels", "Keep satisfied")
KEEP_INFORMED = QT_TRANSLATE_NOOP("Labels", "Keep informed")
MONITOR = QT_TRANSLATE_NOOP("Labels", "Monitor")
QUADRANTS = (MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR)
"""The quadrants' English names: keys for colours and counts; show :func:`quadrant_label`."""


def quadrant(group: StakeholderGroup) -> str:
    """The Mendelow quadrant of a group from its power and interest scores."""
    if group.power >= HIGH_FROM:
        return MANAGE_CLOSELY if group.interest >= HIGH_FROM else KEEP_SATISFIED
    return KEEP_INFORMED if group.interest >= HIGH_FROM else MONITOR


def quadrant_label(name: str) -> str:
    """A quadrant's name (one of :data:`QUADRANTS`) in the user's language."""
    return translate("Labels", name)


def quadrant_words(group: StakeholderGroup) -> str:
    """The group's quadrant in the user's language, as a screen or a page shows it."""
    return quadrant_label(quadrant(group))
