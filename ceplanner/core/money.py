"""Money as integer minor units: parsing what people type, and formatting for display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ceplanner.core import locale_format
from ceplanner.core.i18n import translate
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


def _example() -> str:
    """A typed amount as the locale writes it: "1,250.50" (en_GB), "1.250,50" (de_DE)."""
    return locale_format.format_amount(Decimal("1250.50"), "", 2)


def parse_money(
    text: str, currency: str = "GBP", *, allow_negative: bool = False, bounds: Limits = UNIT_COST_LIMITS
) -> int:
    """Read an amount as people type it ("1,250.50", "£300", "300 GBP") into minor units.

    Separators follow the user's locale first, then English where that is unambiguous
    (:func:`ceplanner.core.locale_format.plain_number`): in de_DE "1.234,56" and "1,234.56"
    are both 1234.56, and in fr_FR "1 234,56" (any kind of space) is too.
    ``bounds`` are the limits of the field the amount is for, in minor units (see the model).
    """
    raw = text.strip()
    if not raw:
        raise MoneyError(
            translate("Money", "Enter an amount, for example {example}.").format(example=_example())
        )
    cleaned = locale_format.SPACES.sub("", raw)
    for sym in sorted(_SYMBOLS, key=len, reverse=True):
        if sym and sym in cleaned:
            cleaned = cleaned.replace(sym, "")
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    if cleaned.startswith("-"):
        negative, cleaned = True, cleaned[1:]
    plain = locale_format.plain_number(cleaned)
    if plain is None:
        raise MoneyError(
            translate(
                "Money",
                "“{raw}” is not an amount of money; type digits, for example {example}.",
            ).format(raw=raw, example=_example())
        )
    value = Decimal(plain)
    digits = exponent(currency)
    exp = value.as_tuple().exponent
    if isinstance(exp, int) and -exp > digits:
        if digits == 0:
            raise MoneyError(
                translate(
                    "Money",
                    "{currency} amounts have no fractional part.",
                ).format(currency=currency)
            )
        raise MoneyError(translate("Money", "Use at most {digits} decimal places.").format(digits=digits))
    if negative and value != 0 and not allow_negative:
        raise MoneyError(translate("Money", "A cost cannot be negative."))
    minor = round_minor(value.scaleb(digits))
    if bounds.maximum is not None and minor > bounds.maximum:
        most = format_money(int(bounds.maximum), currency)
        raise MoneyError(
            translate(
                "Money",
                "That amount is too large to be a real cost (the most is {most}); check for extra digits.",
            ).format(most=most)
        )
    minor = -minor if negative else minor
    if not allow_negative and bounds.minimum is not None and minor < bounds.minimum:
        raise MoneyError(
            translate(
                "Money",
                "The least this amount can be is {least}.",
            ).format(least=format_money(int(bounds.minimum), currency))
        )
    return minor


def parse_quantity(text: str, bounds: Limits = QUANTITY_LIMITS) -> Decimal:
    """Read a quantity such as "2", "0.5" or "1,000", within ``bounds`` (a cost line's by default).

    Separators follow the locale as :func:`parse_money` describes ("0,5" and "1.000" in de_DE).
    """
    raw = text.strip()
    if not raw:
        raise MoneyError(translate("Money", "Enter a quantity, for example 2 or 0.5."))
    negative = raw.startswith("-")
    plain = locale_format.plain_number(raw[1:] if negative else raw)
    if plain is None:
        raise MoneyError(translate("Money", "“{text}” is not a number.").format(text=text.strip()))
    value = Decimal(plain)
    if negative and value != 0:
        raise MoneyError(translate("Money", "A quantity cannot be negative."))
    if bounds.minimum is not None and value < bounds.minimum:
        raise MoneyError(
            translate(
                "Money",
                "A quantity is at least {least}.",
            ).format(least=format_quantity(Decimal(bounds.minimum)))
        )
    if bounds.maximum is not None and value > bounds.maximum:
        most = format_quantity(Decimal(bounds.maximum))
        raise MoneyError(
            translate(
                "Money",
                "That quantity is too large (the most is {most}); check for extra digits.",
            ).format(most=most)
        )
    exp = value.as_tuple().exponent
    if bounds.places is not None and isinstance(exp, int) and -exp > bounds.places:
        raise MoneyError(
            translate(
                "Money",
                "Use at most {places} decimal places for a quantity.",
            ).format(places=bounds.places)
        )
    return value


def format_money(minor: int, currency: str = "GBP", *, symbol_prefix: bool = True) -> str:
    """Format minor units for display in the user's locale: 125050 -> "£1,250.50" (en_GB),
    "1.250,50 £" (de_DE). The currency decides the symbol and the minor digits;
    ``symbol_prefix=False`` leaves the symbol out ("1,250.50")."""
    digits = exponent(currency)
    major = Decimal(minor).scaleb(-digits)
    return locale_format.format_amount(major, symbol(currency) if symbol_prefix else "", digits)


def format_quantity(value: Decimal) -> str:
    """A quantity without trailing zeros: Decimal("2.500") -> "2.5" ("2,5" in de_DE)."""
    return locale_format.format_number(value)


def to_major_text(minor: int, currency: str = "GBP") -> str:
    """Plain major-unit text with no symbol or grouping, as used in JSON and editors: "1250.50"."""
    digits = exponent(currency)
    return f"{Decimal(minor).scaleb(-digits):.{digits}f}"


def format_money_whole(minor: int, currency: str = "GBP") -> str:
    """Minor units rounded half-up to whole major units, formatted as :func:`format_money`
    does (symbol, grouping, locale): 250000 -> "£2,500", 0 -> "£0". For chart axes and round figures."""
    digits = exponent(currency)
    major = round_minor(Decimal(minor).scaleb(-digits))
    return locale_format.format_amount(Decimal(major), symbol(currency), 0)
