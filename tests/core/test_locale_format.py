"""Money, numbers and dates in the user's locale; typed amounts read back in it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.numbers import format_currency
from hypothesis import given
from hypothesis import strategies as st

from ceplanner.core import locale_format
from ceplanner.core.dates import date_text, parse_date_text
from ceplanner.core.locale_format import LocaleNameError, format_date, format_number, format_percent
from ceplanner.core.money import (
    MoneyError,
    format_money,
    format_money_whole,
    format_quantity,
    parse_money,
    parse_quantity,
)

NBSP, NNBSP = "\u00a0", "\u202f"
# Locale, currency, and what 123456 minor units look like there, checked by hand.
HAND_CHECKED = [
    ("en_GB", "GBP", "£1,234.56"),
    ("de_DE", "GBP", f"1.234,56{NBSP}£"),
    ("de_DE", "EUR", f"1.234,56{NBSP}€"),
    ("fr_FR", "EUR", f"1{NNBSP}234,56{NBSP}€"),
    ("en_US", "USD", "$1,234.56"),
    ("ja_JP", "JPY", "¥123,456"),
]


@pytest.mark.parametrize(("name", "currency", "expected"), HAND_CHECKED)
def test_money_looks_as_the_locale_writes_it(name: str, currency: str, expected: str) -> None:
    locale_format.set_locale(name)
    assert format_money(123456, currency) == expected


@pytest.mark.parametrize(
    ("name", "currency"),
    [("de_DE", "GBP"), ("de_DE", "EUR"), ("fr_FR", "EUR"), ("en_US", "USD"), ("en_GB", "GBP")],
)
def test_money_matches_babel_where_the_symbols_agree(name: str, currency: str) -> None:
    locale_format.set_locale(name)
    for minor in (123456, -123456, 0, 5, 100000000):
        assert format_money(minor, currency) == format_currency(
            Decimal(minor).scaleb(-2), currency, locale=name
        )


def test_british_english_output_is_what_it_always_was() -> None:
    assert format_money(125050) == "£1,250.50"
    assert format_money(-5) == "-£0.05"
    assert format_money(100, "EUR") == "€1.00"
    assert format_money(123456, "CHF") == "CHF 1,234.56"
    assert format_money(123456, "ZAR") == "R1,234.56"
    assert format_money(125050, symbol_prefix=False) == "1,250.50"
    assert format_money(1500, "JPY") == "¥1,500"
    assert format_money_whole(1249950) == "£12,500"
    assert format_quantity(Decimal("2.500")) == "2.5"
    assert format_quantity(Decimal("1000")) == "1,000"
    assert format_date(date(2027, 3, 12)) == "12 March 2027"
    assert date_text(date(2027, 3, 12)) == "12 Mar 2027"
    assert format_percent(Decimal("12.5")) == "12.5%"


def test_the_plan_currency_decides_symbol_and_digits_in_every_locale() -> None:
    locale_format.set_locale("ja_JP")
    assert format_money(1500, "JPY") == "¥1,500"  # no minor digits; the plan's ¥, not babel's ￥
    locale_format.set_locale("de_DE")
    assert format_money(1500, "JPY") == f"1.500{NBSP}¥"
    assert format_money(123456, "CHF") == f"1.234,56{NBSP}CHF"
    assert format_money(-123456, "GBP") == f"-1.234,56{NBSP}£"
    assert format_money_whole(1249950, "GBP") == f"12.500{NBSP}£"
    assert format_money(125050, symbol_prefix=False) == "1.250,50"
    locale_format.set_locale("fr_FR")
    assert format_money(123456, "GBP") == f"1{NNBSP}234,56{NBSP}£"  # babel alone would say "£GB"


def test_numbers_percentages_and_dates_in_german_and_french() -> None:
    locale_format.set_locale("de_DE")
    assert format_number(1234567) == "1.234.567"
    assert format_quantity(Decimal("2.50")) == "2,5"
    assert format_percent(Decimal("12.5")) == f"12,5{NBSP}%"
    assert format_date(date(2027, 3, 12)) == "12. März 2027"
    assert date_text(date(2027, 3, 12)) == "12.03.2027"
    locale_format.set_locale("fr_FR")
    assert format_number(1234567) == f"1{NNBSP}234{NNBSP}567"
    assert format_date(date(2027, 3, 12)) == "12 mars 2027"
    locale_format.set_locale("en_US")
    assert format_date(date(2027, 3, 12)) == "March 12, 2027"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("de_DE", "1.234,56", 123456),
        ("de_DE", "1.234,56 £", 123456),
        ("de_DE", "1234,5", 123450),
        ("de_DE", "1,234.56", 123456),  # English form: cannot be German, so it is read as English
        ("de_DE", "0,75", 75),
        ("fr_FR", f"1{NNBSP}234,56", 123456),
        ("fr_FR", f"1{NBSP}234,56{NBSP}€", 123456),
        ("fr_FR", "1 234,56", 123456),
        ("fr_FR", "1,234.56", 123456),
        ("en_GB", "1,234.56", 123456),
        ("en_US", "$1,234.56", 123456),
    ],
)
def test_typed_amounts_follow_the_locale(name: str, text: str, expected: int) -> None:
    locale_format.set_locale(name)
    assert parse_money(text) == expected


def test_where_the_two_readings_disagree_the_locale_wins() -> None:
    locale_format.set_locale("de_DE")
    with pytest.raises(MoneyError, match="at most 2 decimal places"):
        parse_money("1,234")  # one point two three four in German
    assert parse_quantity("1.000") == Decimal(1000)
    assert parse_quantity("0,5") == Decimal("0.5")
    with pytest.raises(MoneyError, match=r"for example 1\.250,50"):
        parse_money("abc")
    locale_format.set_locale("en_GB")
    with pytest.raises(MoneyError, match="not an amount"):
        parse_money("1,25")
    assert parse_quantity("1,000") == Decimal(1000)


LOCALES = [("en_GB", "GBP"), ("de_DE", "EUR"), ("fr_FR", "GBP"), ("ja_JP", "JPY"), ("en_US", "USD")]


@pytest.mark.parametrize(("name", "currency"), LOCALES)
@given(minor=st.integers(min_value=0, max_value=999_999_999))
def test_reading_back_what_was_written_gives_the_same_amount(name: str, currency: str, minor: int) -> None:
    locale_format.set_locale(name)
    try:
        assert parse_money(format_money(minor, currency), currency) == minor
        assert parse_money(format_money(minor, currency, symbol_prefix=False), currency) == minor
        quantity = Decimal(minor).scaleb(-2)
        assert parse_quantity(format_quantity(quantity)) == quantity
    finally:
        locale_format.set_locale("en_GB")


@pytest.mark.parametrize(("name", "currency"), LOCALES)
def test_negative_amounts_read_back(name: str, currency: str) -> None:
    locale_format.set_locale(name)
    assert parse_money(format_money(-123400, currency), currency, allow_negative=True) == -123400


@pytest.mark.parametrize("name", ["en_GB", "de_DE", "fr_FR", "ja_JP", "en_US"])
def test_dates_read_back_in_every_form(name: str) -> None:
    locale_format.set_locale(name)
    for day in (date(2027, 3, 12), date(2027, 9, 5), date(2028, 12, 31)):
        for form in ("long", "short", "numeric"):
            assert parse_date_text(format_date(day, form)) == day, (name, form)  # type: ignore[arg-type]
        assert parse_date_text(day.isoformat()) == day


def test_locale_names() -> None:
    assert str(locale_format.set_locale("C")) == "en_GB"
    assert str(locale_format.set_locale("POSIX")) == "en_GB"
    assert str(locale_format.set_locale("de_DE.UTF-8")) == "de_DE"
    with pytest.raises(LocaleNameError, match="such as en_GB"):
        locale_format.set_locale("xx_QQ")


def test_the_environment_decides_when_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("CEPLANNER_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "LC_CTYPE"):
        monkeypatch.delenv(var, raising=False)
    assert str(locale_format.locale_from_environment()) == "en_GB"
    monkeypatch.setenv("LANG", "C")
    assert str(locale_format.locale_from_environment()) == "en_GB"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert str(locale_format.locale_from_environment()) == "fr_FR"
    monkeypatch.setenv("CEPLANNER_LOCALE", "de_DE")
    assert str(locale_format.locale_from_environment()) == "de_DE"


def test_whole_numbers_follow_the_locale() -> None:
    from ceplanner.core.locale_format import whole_number

    assert [whole_number(t) for t in ("1,200", "1200", "-5", "1.5", "abc", "")] == [
        1200,
        1200,
        -5,
        None,
        None,
        None,
    ]
    locale_format.set_locale("de_DE")
    assert [whole_number(t) for t in ("1.200", "1,5", "-3")] == [1200, None, -3]
    assert whole_number(format_number(1234567)) == 1234567
