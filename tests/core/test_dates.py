"""Dates typed in one go, in the ways people write them."""

from __future__ import annotations

from datetime import date

import pytest

from ceplanner.core.dates import DateTextError, date_text, parse_date_text


@pytest.mark.parametrize(
    "text",
    [
        "12/03/2027",
        "12/3/2027",
        "12/03/27",
        "12.03.2027",
        "12-03-2027",
        "12 Mar 2027",
        "12 march 2027",
        "12th March 2027",
        "12-Mar-2027",
        "  12 MAR, 2027 ",
        "2027-03-12",
    ],
)
def test_the_usual_ways_of_writing_a_date(text: str) -> None:
    assert parse_date_text(text) == date(2027, 3, 12)


def test_empty_text_clears_the_date() -> None:
    assert parse_date_text("") is None
    assert parse_date_text("   ") is None


@pytest.mark.parametrize("text", ["31/02/2027", "12/13/2027", "soon", "12 Smarch 2027", "2027", "1/2"])
def test_what_is_not_a_date_is_refused_with_examples(text: str) -> None:
    with pytest.raises(DateTextError, match="for example 12/03/2027"):
        parse_date_text(text)


def test_shown_as_day_month_year() -> None:
    assert date_text(date(2027, 3, 2)) == "2 Mar 2027"
    assert date_text(None) == ""
    assert parse_date_text(date_text(date(2027, 12, 31))) == date(2027, 12, 31)
