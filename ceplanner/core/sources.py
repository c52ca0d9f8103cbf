"""Where a cost line's figure comes from, kept honest when the user changes the figure.

A line copied from the method library quotes its source ("NUBSLI-based guidance: ..."). Once the
user types a different unit cost or quantity that source no longer backs the figure, so the
source is rewritten to say the amount is the user's and what the earlier figure was.
"""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.model import TEXT_LIMIT, CostLine, Unit, label
from ceplanner.core.money import format_money, format_quantity

CHANGED_BY_USER = "Amount changed by the user"
SET_BY_USER = "Amount set by the user."
_EXAMPLE = "example figure"


def figure_text(line: CostLine, currency: str) -> str:
    """A line's amount in words: "£85.00 per hour", "2 × £85.00 per hour", "£500.00 as a lump sum"."""
    money = format_money(line.unit_cost, currency)
    each = f"{money} as a lump sum" if line.unit is Unit.LUMP_SUM else f"{money} per {label(line.unit)}"
    return each if line.quantity == 1 else f"{format_quantity(line.quantity)} × {each}"


def is_marked(source: str) -> bool:
    """Whether ``source`` already says the amount is the user's."""
    text = source.strip()
    return text.startswith(CHANGED_BY_USER) or text == SET_BY_USER


def source_after_amount_change(line: CostLine, unit_cost: int, quantity: Decimal, currency: str) -> str:
    """The source ``line`` should have once its amount becomes ``quantity`` × ``unit_cost``.

    Unchanged when the amount is the same or the source already says the amount is the user's
    (so applying it twice changes nothing); otherwise one sentence naming the earlier figure
    and its source, for example "Amount changed by the user (previous figure: £85.00 per hour,
    source: NUBSLI guidance)".
    """
    source = line.source.strip()
    if (unit_cost, quantity) == (line.unit_cost, line.quantity) or is_marked(source):
        return line.source
    if not source:
        return SET_BY_USER
    figure = figure_text(line, currency)
    if source.casefold().startswith(_EXAMPLE):
        detail = source[len(_EXAMPLE) :].lstrip("s").lstrip(":").strip()
        quoted = f"example figure: {figure}" + (f", {detail}" if detail else "")
    else:
        quoted = f"previous figure: {figure}, source: {source}"
    text = f"{CHANGED_BY_USER} ({quoted})"
    if len(text) > TEXT_LIMIT:  # keep within what a plan file may hold
        text = text[: TEXT_LIMIT - 2] + "…)"
    return text


def is_example_figure(source: str) -> bool:
    """Whether ``source`` still says its figure is an example from the library (not the user's own)."""
    return source.strip().casefold().startswith(_EXAMPLE)
