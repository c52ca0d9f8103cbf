"""Dates typed in one go, as people write them: "12/03/2027", "12 Mar 2027", "2027-03-12".

Day before month, as in the UK; a blank clears the date. Anything else is refused with an
example of what would be read.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

MONTHS = {
    name: number
    for number, names in enumerate(
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
EXAMPLE = "for example 12/03/2027 or 12 Mar 2027"


def date_text(value: date | None) -> str:
    """A date as shown in tables: "12 Mar 2027"; None as blank."""
    return "" if value is None else f"{value.day} {value:%b %Y}"


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def parse_date_text(value: Any) -> date | None:
    """The date in ``value`` (a date, or typed text); None for a blank. ValueError says why not."""
    if value is None or isinstance(value, date):
        return value
    raw = str(value).strip()
    if not raw:
        return None
    text = raw.casefold().replace(",", " ")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})", text):
            return date(_year(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s*[\s\-]\s*([a-z]+)\.?\s*[\s\-]\s*(\d{2}|\d{4})", text)
        if m and m[2] in MONTHS:
            return date(_year(m[3]), MONTHS[m[2]], int(m[1]))
    except ValueError:
        raise ValueError(f"“{raw}” is not a date in the calendar; {EXAMPLE}.") from None
    raise ValueError(f"“{raw}” is not a date ceplanner can read; type it {EXAMPLE}.")
