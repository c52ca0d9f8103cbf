"""The allowed values of a model field, stated once as dataclass field metadata.

The model declares a field's limits with :func:`limits`; the JSON checks, money and quantity
parsing, table editors and spin boxes all read them back with :func:`limits_of`, so a value
one part accepts is never refused, clipped or rewritten by another.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

_KEY = "ceplanner.limits"

Number = int | Decimal


@dataclass(frozen=True)
class Limits:
    """Bounds of one field: ``minimum``/``maximum`` inclusive, ``places`` after the point."""

    minimum: Number | None = None
    maximum: Number | None = None
    places: int | None = None
    """Most digits after the decimal point (decimal fields only); None means any."""

    def problem(self, value: Number) -> str:
        """What is wrong with ``value`` in words, or "" when it is allowed."""
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            return f"{_text(value)} is out of range (allowed {self.range_text()})"
        if self.places is not None and isinstance(value, Decimal):
            exp = value.as_tuple().exponent
            if isinstance(exp, int) and -exp > self.places:
                return f"{value} has more than {self.places} decimal places"
        return ""

    def range_text(self) -> str:
        """The allowed range as people read it: "1 to 5", "at least 0"."""
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            return f"{_text(low)} to {_text(high)}"
        if low is not None:
            return f"at least {_text(low)}"
        return f"at most {_text(high)}" if high is not None else "any value"


def _text(value: Number) -> str:
    return f"{value:,}"


def limits(
    *,
    minimum: Number | None = None,
    maximum: Number | None = None,
    places: int | None = None,
) -> Mapping[str, Any]:
    """Field metadata stating a field's limits: ``field(default=1, metadata=limits(minimum=0))``."""
    return {_KEY: Limits(minimum, maximum, places)}


def field_limits(f: dataclasses.Field[Any]) -> Limits | None:
    """The limits a dataclass field states, or None when it states none."""
    found = f.metadata.get(_KEY)
    return found if isinstance(found, Limits) else None


def limits_of(cls: type, attr: str) -> Limits:
    """The limits of ``cls.attr``; KeyError if the model states none (a programming slip)."""
    for f in dataclasses.fields(cls):
        if f.name == attr:
            found = field_limits(f)
            if found is None:
                break
            return found
    raise KeyError(f"{cls.__name__}.{attr} states no limits")


def limited_fields(cls: type) -> list[tuple[str, Limits]]:
    """(field name, limits) for each field of ``cls`` that states limits, in declaration order."""
    return [(f.name, lim) for f in dataclasses.fields(cls) if (lim := field_limits(f)) is not None]
