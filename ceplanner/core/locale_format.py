"""Numbers, money and dates in the user's locale: one place, no Qt.

The locale decides the look (decimal and group separators, where the symbol goes, month
names, date order); the plan's currency decides the symbol and how many minor digits a sum
has (``core.money.CURRENCIES``). The application calls :func:`set_locale` at start; until
then the locale comes from ``CEPLANNER_LOCALE``, then ``LC_ALL``/``LC_MESSAGES``/``LANG``,
and is British English when those are unset, "C" or "POSIX".

Reading typed numbers back follows the same locale (:func:`plain_number`).
"""

from __future__ import annotations

import copy
import os
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from babel import Locale, UnknownLocaleError, default_locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.dates import format_time as _babel_time
from babel.numbers import NumberPattern, get_decimal_symbol, get_group_symbol

FALLBACK = "en_GB"
ENV_VARIABLE = "CEPLANNER_LOCALE"
_NO_LOCALE = {"", "c", "posix", "en_us_posix"}


class LocaleNameError(ValueError):
    """A locale name babel does not know; the message says what to type instead."""


def _parse(name: str) -> Locale:
    cleaned = name.split(".")[0].split("@")[0].strip().replace("-", "_")
    if cleaned.lower() in _NO_LOCALE:
        return Locale.parse(FALLBACK)
    try:
        return Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError):
        raise LocaleNameError(
            f"“{name}” is not a language and region ceplanner knows; use a name such as en_GB or de_DE."
        ) from None


def locale_from_environment() -> Locale:
    """The locale the environment asks for (``CEPLANNER_LOCALE`` first), else British English."""
    for name in (os.environ.get(ENV_VARIABLE), default_locale(("LC_ALL", "LC_MESSAGES", "LANG"))):
        if name:
            try:
                return _parse(name)
            except LocaleNameError:
                continue
    return Locale.parse(FALLBACK)


_current: Locale = locale_from_environment()


def set_locale(name: str | Locale | None) -> Locale:
    """Format and read everything later in ``name`` ("de_DE"); None: the environment's.

    "C", "POSIX" and "" mean British English. Raises :class:`LocaleNameError` for a name
    babel does not know.
    """
    global _current
    if name is None:
        _current = locale_from_environment()
    elif isinstance(name, Locale):
        _current = name
    else:
        _current = _parse(name)
    return _current


def current_locale() -> Locale:
    return _current


def locale_name() -> str:
    """The current locale as "de_DE"."""
    return str(_current)


def decimal_symbol() -> str:
    return get_decimal_symbol(_current)


def group_symbol() -> str:
    return get_group_symbol(_current)


# --- money ---------------------------------------------------------------------------


def _with_symbol(affix: str, sym: str, before_number: bool) -> str:
    """``affix`` with the pattern's ¤ replaced by ``sym``; a word symbol ("CHF ") keeps its
    space before the number only where the pattern puts none there."""
    if "¤" not in affix:
        return affix
    word = sym.strip()
    if before_number and sym.endswith(" ") and affix.endswith("¤"):
        word += " "
    return affix.replace("¤", word)


def format_amount(major: Decimal, sym: str, digits: int) -> str:
    """``major`` units with exactly ``digits`` decimals, with ``sym`` where the locale puts a
    currency symbol ("" for none): Decimal("1234.5"), "£", 2 -> "£1,234.50" in en_GB."""
    pattern: NumberPattern = copy.copy(_current.currency_formats["standard"])
    positive, negative = pattern.prefix
    before = (_with_symbol(positive, sym, True), _with_symbol(negative, sym, True)) if sym else None
    positive, negative = pattern.suffix
    after = (_with_symbol(positive, sym, False), _with_symbol(negative, sym, False)) if sym else None
    if before is None or after is None:
        pattern.prefix = tuple(a.replace("¤", "").strip("\xa0 ") for a in pattern.prefix)  # type: ignore[assignment]
        pattern.suffix = tuple(a.replace("¤", "").strip("\xa0 ") for a in pattern.suffix)  # type: ignore[assignment]
    else:
        pattern.prefix, pattern.suffix = before, after
    pattern.frac_prec = (digits, digits)
    return str(pattern.apply(major, _current, currency=None))


# --- numbers, percentages, dates -------------------------------------------------------


def format_number(value: int | Decimal, places: int | None = None) -> str:
    """A number with the locale's grouping: 1234 -> "1,234" (en_GB), "1.234" (de_DE).

    ``places`` fixes the decimals; None keeps every significant decimal and no trailing zero.
    """
    pattern: NumberPattern = copy.copy(_current.decimal_formats[None])
    number = Decimal(value)
    if places is None:
        number = number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
        pattern.frac_prec = (0, 0)
        return str(pattern.apply(number, _current, decimal_quantization=False))
    pattern.frac_prec = (places, places)
    return str(pattern.apply(number, _current))


def format_percent(percent: int | Decimal, places: int | None = None) -> str:
    """A percentage given in percent (12.5 means 12.5%): "12.5%" (en_GB), "12,5 %" (de_DE).

    ``places`` None keeps the decimals the number has (Decimal("5.0") -> "5.0%").
    """
    pattern: NumberPattern = copy.copy(_current.percent_formats[None])
    if places is None:
        exp = Decimal(percent).as_tuple().exponent
        places = -exp if isinstance(exp, int) and exp < 0 else 0
    number = format_number(percent, places)
    sign = _current.number_symbols["latn"].get("percentSign", "%")
    return pattern.prefix[0].replace("%", sign) + number + pattern.suffix[0].replace("%", sign)


DateForm = Literal["long", "short", "numeric"]
_FORMS = {"long": "long", "short": "medium", "numeric": "short"}


def format_date(value: date, form: DateForm = "long") -> str:
    """A date for people: long "12 March 2027", short "12 Mar 2027", numeric "12/03/2027"
    (en_GB; "12. März 2027", "12.03.2027", "12.03.27" in de_DE)."""
    return _babel_date(value, _FORMS[form], locale=_current)


def format_time(value: datetime) -> str:
    """The time of day in the locale's short form ("09:05" en_GB, "9:05 AM" en_US)."""
    return _babel_time(value.time(), "short", locale=_current)


def format_datetime(value: datetime) -> str:
    """A moment for people: short date and the locale's short time ("12 Mar 2027 09:05")."""
    return f"{format_date(value.date(), 'short')} {format_time(value)}"


def format_month(value: date, with_year: bool = True) -> str:
    """A month as a timeline labels it: "Mar 2027" or "Mar" (en_GB), "März 2027" (de_DE)."""
    if with_year:
        return format_skeleton("yMMM", value, locale=_current)
    return _babel_date(value, "LLL", locale=_current)


def month_names() -> dict[str, int]:
    """Every way the locale names a month (wide and abbreviated, lower case, no final dot)."""
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in _current.months[context][width].items():
                names[name.lower().rstrip(".")] = number
    return names


def month_first() -> bool:
    """Whether the locale writes numeric dates month first (en_US "3/12/27")."""
    pattern: str = _current.date_formats["short"].pattern
    return pattern.find("M") < pattern.find("d")


# --- reading numbers back ----------------------------------------------------------------

SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")


def _plain(text: str, decimal: str, group: str) -> str | None:
    """``text`` as Python's Decimal reads it if it is a number written with ``decimal`` and
    ``group`` (groups of three digits), else None."""
    d = re.escape(decimal)
    if SPACES.fullmatch(group) or not group:
        pattern = rf"\d+({d}\d*)?|{d}\d+"
    else:
        g = re.escape(group)
        pattern = rf"(\d{{1,3}}({g}\d{{3}})+|\d+)({d}\d*)?|{d}\d+"
    if not re.fullmatch(pattern, text):
        return None
    if group and not SPACES.fullmatch(group):
        text = text.replace(group, "")
    return text.replace(decimal, ".")


def plain_number(text: str) -> str | None:
    """A typed unsigned number in Python's form ("1234.56"), or None if it is not one.

    The rule: spaces of any kind are ignored (they can only be grouping). The text is read
    first as the locale writes numbers (de_DE "1.234,56": "." groups, "," is the decimal
    point); if that fails, as English does ("1,234.56"). So where the two disagree the locale
    wins (de_DE "1,234" is one point two three four), and English text that cannot be the
    locale's ("1,234.56" or "1.5" in de_DE) is still understood.
    """
    compact = SPACES.sub("", text)
    for decimal, group in ((decimal_symbol(), group_symbol()), (".", ",")):
        if (plain := _plain(compact, decimal, group)) is not None:
            return plain
    return None


def whole_number(text: str) -> int | None:
    """A typed whole number, signed, as :func:`plain_number` reads it ("1.200" in de_DE,
    "1,200" in en_GB); None if it is not one."""
    raw = text.strip()
    negative = raw.startswith("-")
    plain = plain_number(raw[1:] if negative else raw)
    if plain is None or "." in plain:
        return None
    return -int(plain) if negative else int(plain)
