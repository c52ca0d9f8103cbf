"""Percentages as the report prints them: one decimal place, adding up to 100.0% in a table.

The numbers come from :func:`ceplanner.core.costing.shares`; this only writes them, so that a
funder with real money never reads "0.0%" (it reads "<0.1%").
"""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core import locale_format
from ceplanner.core.costing import shares

PLACES = 1


def _text(value: Decimal, part: int) -> str:
    if part > 0 and value == 0:
        return "<" + locale_format.format_percent(Decimal(1).scaleb(-PLACES), PLACES)
    return locale_format.format_percent(value, PLACES)


def percent(part: int, whole: int) -> str:
    """``part`` as a percentage of ``whole``, half-up to one decimal place ("–" if whole is 0)."""
    if whole <= 0:
        return "–"
    return _text(shares([part], whole, PLACES)[0], part)


def percent_column(parts: list[int], whole: int) -> list[str]:
    """The parts of ``whole`` as percentages that add up to exactly 100.0% (largest remainder)."""
    if whole <= 0:
        return ["–" for _ in parts]
    return [_text(value, part) for value, part in zip(shares(parts, whole, PLACES), parts, strict=True)]
