"""Reading what people type into the value-for-money tables: ratings, percentages, dates, counts.

Each parser returns the value to store or raises ValueError saying, in plain words, what to type.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from ceplanner.core import locale_format
from ceplanner.core.limits import limits_of
from ceplanner.core.model import SroiOutcome, StandardRating
from ceplanner.core.money import MoneyError, format_quantity, parse_quantity

_RATING = limits_of(StandardRating, "rating")
LOW, HIGH = int(_RATING.minimum or 1), int(_RATING.maximum or 6)


def to_rating(value: Any) -> int | None:
    """A rating from 1 to 6, or None when the cell is cleared."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    try:
        rating = int(text)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate(
                "VfmFields", "A rating is a whole number from {LOW} to {HIGH}, not “{text}”."
            ).format(LOW=LOW, HIGH=HIGH, text=text)
        ) from None
    if not LOW <= rating <= HIGH:
        raise ValueError(
            QCoreApplication.translate(
                "VfmFields", "A rating is from {LOW} (poor) to {HIGH} (excellent); {rating} is outside that."
            ).format(LOW=LOW, HIGH=HIGH, rating=rating)
        )
    return rating


def rating_text(value: int | None) -> str:
    return "" if value is None else str(value)


def to_percent(attr: str) -> Any:
    """A parser for a percentage field of an SROI outcome ("20", "12.5%")."""
    bounds = limits_of(SroiOutcome, attr)

    def parse(value: Any) -> Decimal:
        text = str(value).strip().rstrip("%").strip()
        try:
            return parse_quantity(text, bounds)
        except MoneyError as exc:
            raise ValueError(
                QCoreApplication.translate(
                    "VfmFields", "{exc} Type a percentage from 0 to 100, for example 25."
                ).format(exc=exc)
            ) from None

    return parse


def percent_text(value: Decimal) -> str:
    return f"{format_quantity(value)}%"


def to_count(attr: str, cls: type = SroiOutcome) -> Any:
    """A parser for a whole-number field within the model's limits ("1,200")."""
    bounds = limits_of(cls, attr)

    def parse(value: Any) -> int:
        number = locale_format.whole_number(str(value))
        if number is None:
            raise ValueError(
                QCoreApplication.translate(
                    "VfmFields", "Type a whole number, for example 12, not “{value}”."
                ).format(value=value)
            )
        if bounds.problem(number):
            raise ValueError(
                QCoreApplication.translate("VfmFields", "Type a whole number, {range_text}.").format(
                    range_text=bounds.range_text()
                )
            )
        return number

    return parse


def count_text(value: int) -> str:
    return locale_format.format_number(value)


def to_date(value: Any) -> date | None:
    """A date typed as 2027-01-14 (or cleared)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate(
                "VfmFields", "Type the date as year-month-day, for example 2027-01-14, not “{text}”."
            ).format(text=text)
        ) from None


def date_text(value: date | None) -> str:
    return "" if value is None else value.isoformat()
