from __future__ import annotations

from decimal import Decimal

import pytest

from ceplanner.core.money import MoneyError, format_money, format_quantity, parse_money, parse_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,250.50", 125050),
        ("£300", 30000),
        ("  300 GBP ", 30000),
        ("0.5", 50),
        (".75", 75),
        ("1250", 125000),
        ("£1,000,000", 100000000),
        ("12.", 1200),
    ],
)
def test_parse_money_accepts_what_people_type(text: str, expected: int) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "Enter an amount"),
        ("abc", "not an amount"),
        ("-5", "cannot be negative"),
        ("1.234", "at most 2 decimal places"),
        ("1,25", "not an amount"),
        ("99999999999", "too large"),
        ("1e5", "not an amount"),
        ("nan", "not an amount"),
    ],
)
def test_parse_money_refuses_nonsense_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(MoneyError, match=reason):
        parse_money(text)


def test_currencies_without_minor_units() -> None:
    assert parse_money("¥1,500", "JPY") == 1500
    assert format_money(1500, "JPY") == "¥1,500"
    with pytest.raises(MoneyError, match="no fractional part"):
        parse_money("10.5", "JPY")


def test_format_money() -> None:
    assert format_money(125050) == "£1,250.50"
    assert format_money(-5) == "-£0.05"
    assert format_money(100, "EUR") == "€1.00"


def test_quantities() -> None:
    assert parse_quantity("2.5") == Decimal("2.5")
    assert parse_quantity("1,000") == Decimal(1000)
    assert format_quantity(Decimal("2.500")) == "2.5"
    assert format_quantity(Decimal("1000")) == "1,000"
    for bad in ("", "x", "-1", "inf", "0.0001"):
        with pytest.raises(MoneyError):
            parse_quantity(bad)


def test_format_money_whole_rounds_half_up_and_keeps_the_symbol() -> None:
    from ceplanner.core.money import format_money_whole

    # 2,500 / 7,500 / 12,500 exactly: no round-half-to-even ("£2k", "£8k", "£12k").
    assert [format_money_whole(v * 100) for v in (0, 2500, 7500, 12500)] == [
        "£0",
        "£2,500",
        "£7,500",
        "£12,500",
    ]
    assert format_money_whole(1249950) == "£12,500"  # £12,499.50 rounds up
    assert format_money_whole(49) == "£0" and format_money_whole(50) == "£1"
    assert format_money_whole(1234, "JPY") == "¥1,234"
    assert format_money_whole(100000, "USD") == "$1,000"
