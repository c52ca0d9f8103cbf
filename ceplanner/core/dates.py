"""Dates as people type them: "12/03/2027", "12 Mar 2027", "12 March 2027", "2027-03-12".

Numeric dates are read in the order of the user's locale (day first in en_GB and most of
Europe, month first in en_US); month names may be English or the locale's ("12. März 2027");
a two-digit year is in this century. Empty text means "no date". Anything else is refused with a message saying
what would be understood.
"""

from __future__ import annotations

import re
from datetime import date

from ceplanner.core import locale_format
from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate

MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
EXAMPLES = QT_TRANSLATE_NOOP("Dates", "for example 12/03/2027, 12 Mar 2027 or 2027-03-12")
_ISO = re.compile(r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})日?")
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s*[ \-/.]?\s*([^\W\d_]+)\.?,?\s*[ \-/.]?\s*(\d{2}|\d{4})")
_MONTH_FIRST = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2}|\d{4})")


class DateTextError(ValueError):
    """Text that is not a date; ``str()`` says what would be understood."""


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _month(name: str) -> int:
    """The month ``name`` names in English or the user's locale; 0 if none."""
    return MONTHS.get(name) or locale_format.month_names().get(name, 0)


def parse_date_text(text: str) -> date | None:
    """The date ``text`` means, None for empty text; :class:`DateTextError` otherwise."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    if m := _ISO.fullmatch(cleaned):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _NUMERIC.fullmatch(cleaned):
        day, month, year = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        if locale_format.month_first():
            day, month = month, day
    elif (m := _WORDS.fullmatch(cleaned)) and (month := _month(m.group(2))):
        day, year = int(m.group(1)), _year(m.group(3))
    elif (m := _MONTH_FIRST.fullmatch(cleaned)) and (month := _month(m.group(1))):
        day, year = int(m.group(2)), _year(m.group(3))
    else:
        raise DateTextError(
            translate(
                "Dates",
                "“{text}” is not a date ceplanner understands ({examples}).",
            ).format(text=text.strip(), examples=translate("Dates", EXAMPLES))
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError(
            translate(
                "Dates",
                "“{text}” is not a date in the calendar ({examples}).",
            ).format(text=text.strip(), examples=translate("Dates", EXAMPLES))
        ) from None


def date_text(value: date | None) -> str:
    """A date as the screens show it ("12 Mar 2027"); "" for none."""
    return "" if value is None else locale_format.format_date(value, "short")
