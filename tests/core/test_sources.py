"""A cost line's source stops vouching for a figure the user has changed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ceplanner.core.model import CostCategory, CostLine, Unit
from ceplanner.core.sources import SET_BY_USER, figure_text, source_after_amount_change

NUBSLI = "NUBSLI-based guidance: BSL interpreter about GBP 120 a half day"


def interpreter(source: str = NUBSLI, quantity: Decimal = Decimal(1)) -> CostLine:
    return CostLine(CostCategory.ACCESSIBILITY, "BSL interpreter", Unit.HOUR, quantity, 8500, source=source)


def test_a_new_unit_cost_marks_the_source_with_the_previous_figure() -> None:
    assert source_after_amount_change(interpreter(), 9000, Decimal(1), "GBP") == (
        f"Amount changed by the user (previous figure: £85.00 per hour, source: {NUBSLI})"
    )


def test_a_new_quantity_marks_it_too_and_names_the_quantity() -> None:
    line = interpreter(quantity=Decimal(2))
    assert source_after_amount_change(line, 8500, Decimal(3), "GBP") == (
        f"Amount changed by the user (previous figure: 2 × £85.00 per hour, source: {NUBSLI})"
    )


@pytest.mark.parametrize("source", [NUBSLI, "", "Example figure", "Example figure: sessional note-taker"])
def test_the_same_amount_leaves_the_source_alone(source: str) -> None:
    line = interpreter(source)
    assert source_after_amount_change(line, line.unit_cost, line.quantity, "GBP") == source
    assert (
        source_after_amount_change(line, 8500, Decimal("1.000"), "GBP") == source
    )  # equal, written otherwise


def test_marking_twice_does_not_stack() -> None:
    line = interpreter()
    line.source = source_after_amount_change(line, 9000, Decimal(1), "GBP")
    line.unit_cost = 9000
    assert source_after_amount_change(line, 9500, Decimal(1), "GBP") == line.source
    assert line.source.count("Amount changed by the user") == 1
    assert "£85.00" in line.source  # still the figure the library quoted


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("", SET_BY_USER),
        ("Example figure", "Amount changed by the user (example figure: £85.00 per hour)"),
        ("Example figures", "Amount changed by the user (example figure: £85.00 per hour)"),
        (
            "Example figure: sessional note-taker",
            "Amount changed by the user (example figure: £85.00 per hour, sessional note-taker)",
        ),
    ],
)
def test_lines_with_no_source_or_an_example_figure(source: str, expected: str) -> None:
    changed = source_after_amount_change(interpreter(source), 1, Decimal(1), "GBP")
    assert changed == expected
    line = interpreter(changed)
    assert source_after_amount_change(line, 2, Decimal(1), "GBP") == changed


def test_figures_in_words() -> None:
    lump = CostLine(unit=Unit.LUMP_SUM, unit_cost=50000)
    assert figure_text(lump, "GBP") == "£500.00 as a lump sum"
    assert (
        figure_text(CostLine(unit=Unit.DAY, quantity=Decimal("2.5"), unit_cost=1500), "JPY")
        == "2.5 × ¥1,500 per day"
    )
