"""A measured figure as the screen and the PDF print it: one record, so both say the same words."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ceplanner.core.i18n import translate
from ceplanner.core.locale_format import format_number, format_percent


@dataclass(frozen=True)
class Measure:
    """One measured input: what it is, how it reads, and the raw figure behind the words.

    ``value`` is an integer (a count, or an amount in minor units), a ``Decimal`` (a share in
    percent or a rate), text (a list of words), or None when the plan does not yet allow it.
    """

    label: str
    text: str
    value: int | Decimal | str | None = None


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` as a percentage of ``whole`` to one decimal place (half up); None if whole is 0."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def share_text(part: int, whole: int) -> str:
    """Counted share as text: "3 of 4 (75.0%)", or "0 of 0" when there is nothing to count."""
    share = percent(part, whole)
    if share is None:
        return translate("Measures", "{part} of {whole}").format(
            part=format_number(part), whole=format_number(whole)
        )
    return translate("Measures", "{part} of {whole} ({share})").format(
        part=format_number(part), whole=format_number(whole), share=format_percent(share)
    )
