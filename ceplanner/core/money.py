"""Money as integer minor units: parsing what people type, and formatting for display."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ceplanner.core.limits import Limits, limits_of
from ceplanner.core.model import CostLine

# Symbol and number of minor-unit digits for the currencies a plan may use.
CURRENCIES: dict[str, tuple[str, int]] = {
    "GBP": ("£", 2),
    "EUR": ("€", 2),
    "USD": ("$", 2),
    "CAD": ("CA$", 2),
    "AUD": ("A$", 2),
    "NZD": ("NZ$", 2),
    "CHF": ("CHF ", 2),
    "SEK": ("SEK ", 2),
    "NOK": ("NOK ", 2),
    "DKK": ("DKK ", 2),
    "PLN": ("PLN ", 2),
    "ZAR": ("R", 2),
    "INR": ("₹", 2),
    "JPY": ("¥", 0),
}

# What a typed amount or quantity may be when the caller names no field: a cost line's.
UNIT_COST_LIMITS = limits_of(CostLine, "unit_cost")
QUANTITY_LIMITS = limits_of(CostLine, "quantity")


class MoneyError(ValueError):
    """A typed amount that cannot be a sum of money; the message says why, for the user."""


def exponent(currency: str) -> int:
    return CURRENCIES.get(currency, ("", 2))[1]


def symbol(currency: str) -> str:
    return CURRENCIES.get(currency, (currency + " ", 2))[0]


def round_minor(value: Decimal) -> int:
    """Round a Decimal number of minor units half-up to a whole minor unit."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


_SYMBOLS = sorted({s.strip() for s, _ in CURRENCIES.values()} | set(CURRENCIES), key=len)


def parse_money(
    text: str, currency: str = "GBP", *, allow_negative: bool = False, bounds: Limits = UNIT_COST_LIMITS
) -> int:
    """Read an amount as people type it ("1,250.50", "£300", "300 GBP") into minor units.

    ``bounds`` are the limits of the field the amount is for, in minor units (see the model).
    """
    raw = text.strip()
    if not raw:
        raise MoneyError("Enter an amount, for example 1,250.50.")
    cleaned = raw.replace("\u00a0", "").replace(" ", "")
    for sym in sorted(_SYMBOLS, key=len, reverse=True):
        if sym and sym in cleaned:
            cleaned = cleaned.replace(sym, "")
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    if cleaned.startswith("-"):
        negative, cleaned = True, cleaned[1:]
    if not re.fullmatch(r"(\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+", cleaned):
        raise MoneyError(f"“{raw}” is not an amount of money; type digits, for example 1,250.50.")
    value = Decimal(cleaned.replace(",", ""))
    digits = exponent(currency)
    exp = value.as_tuple().exponent
    if isinstance(exp, int) and -exp > digits:
        if digits == 0:
            raise MoneyError(f"{currency} amounts have no fractional part.")
        raise MoneyError(f"Use at most {digits} decimal places.")
    if negative and value != 0 and not allow_negative:
        raise MoneyError("A cost cannot be negative.")
    minor = round_minor(value.scaleb(digits))
    if bounds.maximum is not None and minor > bounds.maximum:
        most = format_money(int(bounds.maximum), currency)
        raise MoneyError(
            f"That amount is too large to be a real cost (the most is {most}); check for extra digits."
        )
    minor = -minor if negative else minor
    if not allow_negative and bounds.minimum is not None and minor < bounds.minimum:
        raise MoneyError(f"The least this amount can be is {format_money(int(bounds.minimum), currency)}.")
    return minor


def parse_quantity(text: str, bounds: Limits = QUANTITY_LIMITS) -> Decimal:
    """Read a quantity such as "2", "0.5" or "1,000", within ``bounds`` (a cost line's by default)."""
    raw = text.strip().replace(",", "")
    if not raw:
        raise MoneyError("Enter a quantity, for example 2 or 0.5.")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise MoneyError(f"“{text.strip()}” is not a number.") from None
    if not value.is_finite():
        raise MoneyError(f"“{text.strip()}” is not a number.")
    if value < 0:
        raise MoneyError("A quantity cannot be negative.")
    if bounds.minimum is not None and value < bounds.minimum:
        raise MoneyError(f"A quantity is at least {format_quantity(Decimal(bounds.minimum))}.")
    if bounds.maximum is not None and value > bounds.maximum:
        most = format_quantity(Decimal(bounds.maximum))
        raise MoneyError(f"That quantity is too large (the most is {most}); check for extra digits.")
    exp = value.as_tuple().exponent
    if bounds.places is not None and isinstance(exp, int) and -exp > bounds.places:
        raise MoneyError(f"Use at most {bounds.places} decimal places for a quantity.")
    return value


def format_money(minor: int, currency: str = "GBP", *, symbol_prefix: bool = True) -> str:
    """Format minor units for display: 125050 -> "£1,250.50"."""
    digits = exponent(currency)
    negative = minor < 0
    major = Decimal(abs(minor)).scaleb(-digits)
    text = f"{major:,.{digits}f}"
    if symbol_prefix:
        text = symbol(currency) + text
    return ("-" + text) if negative else text


def format_quantity(value: Decimal) -> str:
    """A quantity without trailing zeros: Decimal("2.500") -> "2.5"."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def to_major_text(minor: int, currency: str = "GBP") -> str:
    """Plain major-unit text with no symbol or grouping, as used in JSON and editors: "1250.50"."""
    digits = exponent(currency)
    return f"{Decimal(minor).scaleb(-digits):.{digits}f}"


def format_money_whole(minor: int, currency: str = "GBP") -> str:
    """Minor units rounded half-up to whole major units, formatted as :func:`format_money`
    does (symbol, grouping): 250000 -> "£2,500", 0 -> "£0". For chart axes and round figures."""
    digits = exponent(currency)
    major = round_minor(Decimal(minor).scaleb(-digits))
    return format_money(major * 10**digits, currency)[: None if digits == 0 else -(digits + 1)]
