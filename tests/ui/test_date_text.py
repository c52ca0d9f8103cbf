"""Dates typed in one go: day first, month as a number or a word; blank clears; nonsense refused."""

from __future__ import annotations

from datetime import date

import pytest

from ceplanner.ui.date_text import date_text, parse_date_text


@pytest.mark.parametrize(
    "typed",
    [
        "12/03/2027",
        "12/3/27",
        "12.03.2027",
        "12-03-2027",
        "12 Mar 2027",
        "12 march 2027",
        "12th March, 2027",
        "12-Mar-2027",
        "2027-03-12",
        " 12 MAR 2027 ",
    ],
)
def test_the_usual_ways_of_writing_a_date_are_read(typed: str) -> None:
    assert parse_date_text(typed) == date(2027, 3, 12)


def test_blank_clears_and_a_date_passes_through() -> None:
    assert parse_date_text("  ") is None
    assert parse_date_text(None) is None
    assert parse_date_text(date(2027, 1, 2)) == date(2027, 1, 2)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("31/02/2027", "not a date in the calendar"),
        ("soon", "not a date ceplanner can read"),
        ("12 Marchember 2027", "not a date ceplanner can read"),
        ("03/12", "not a date ceplanner can read"),
    ],
)
def test_what_cannot_be_a_date_is_refused_with_an_example(typed: str, words: str) -> None:
    with pytest.raises(ValueError, match=words) as caught:
        parse_date_text(typed)
    assert "12/03/2027" in str(caught.value) and typed in str(caught.value)


def test_dates_are_shown_as_they_are_read_back() -> None:
    assert date_text(date(2027, 3, 2)) == "2 Mar 2027"
    assert parse_date_text(date_text(date(2027, 3, 2))) == date(2027, 3, 2)
    assert date_text(None) == ""
