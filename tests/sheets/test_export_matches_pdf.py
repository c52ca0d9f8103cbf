"""Each budget sheet has the rows of the PDF's table: the same names in the same order, with the
same amounts, read back from the real PDF with pypdf."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ceplanner.core.library import sample_plan
from ceplanner.core.model import Plan
from ceplanner.core.money import format_money, format_quantity
from ceplanner.sheets.export import export_xlsx
from tests.report.report_fixtures import ISSUED, body_text, normalise, read_pdf
from tests.sheets.sheet_reading import minor, open_book, rows


class Reader:
    """Finds texts in the PDF's budget section one after another, as a reader goes down the page."""

    def __init__(self, text: str, start: str) -> None:
        self.text = text
        self.at = text.index(start)

    def then(self, wanted: str) -> None:
        found = self.text.find(normalise(wanted), self.at)
        assert found >= 0, f"“{wanted[:80]}” not found after …{self.text[self.at - 60 : self.at + 60]}…"
        self.at = found + len(normalise(wanted))

    def heading(self, words: str) -> None:
        self.then(words)


def _cell_text(value: Any, currency: str) -> str | None:
    """What the PDF prints for a cell of the sheet (None: nothing to look for)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%B %Y")
    if isinstance(value, str):
        return value
    return format_money(minor(value), currency)


def _share_text(value: Any) -> str | None:
    """A share cell (a fraction, shown as a percentage) as the PDF prints it."""
    if value is None:
        return None
    percent = (Decimal(str(value)) * 100).quantize(Decimal("0.1"))
    return f"{percent}%" if percent else None  # the PDF prints "<0.1%" for a sliver


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, str, Any]:
    from ceplanner.report import build_pdf_bytes

    plan = sample_plan()
    pdf = read_pdf(build_pdf_bytes(plan, issued=ISSUED))
    text = normalise(body_text(pdf, plan))
    book = open_book(export_xlsx(plan, Path(tmp_path_factory.mktemp("parity")) / "b.xlsx"))
    return plan, text, book


# The sheets and the PDF table each matches, in the PDF's order, with the columns to compare
# (the name first, then amounts as the PDF prints them).
SHEETS: list[tuple[str, str, list[int]]] = [
    ("By category", "Summary by category", [0, 1, 2, 3]),
    ("Budget envelope", "Budget envelope", [0, 1]),
    ("By outcome level", "By outcome level", [0, 1, 2]),
    ("By stakeholder group", "By stakeholder group", [0, 1, 2]),
    ("By funder", "By funder", [0, 1, 2, 3, 4]),
    ("Funders' envelopes", "Funders' envelopes", [0, 1, 2, 3]),
    ("Cash flow", "Cash flow", [0, 1, 2]),
]


def test_every_budget_sheet_has_the_pdf_tables_rows_in_order(sample: tuple[Plan, str, Any]) -> None:
    plan, text, book = sample
    reader = Reader(text, "Summary by category")
    compared = 0
    for sheet, heading, columns in SHEETS:
        if sheet == "By outcome level":
            _costs_by_activity(plan, reader, book)
        reader.heading(heading)
        data = rows(book[sheet])
        assert data, sheet
        for row in data:
            for col in columns:
                header = book[sheet].cell(row=1, column=col + 1).value
                text = _share_text(row[col]) if header == "Share" else _cell_text(row[col], plan.currency)
                if text is not None:
                    reader.then(text)
                    compared += 1
    _staff_time(plan, reader, book)
    assert compared > 100


def _costs_by_activity(plan: Plan, reader: Reader, book: Any) -> None:
    """The PDF's one table of activities, their lines and totals is the sheets Cost lines and
    Activity totals: titles, line descriptions and totals, then each activity's total."""
    reader.heading("Costs by activity")
    lines = rows(book["Cost lines"])
    totals = {row[0]: row for row in rows(book["Activity totals"]) if row[0] is not None}
    for number in sorted(totals):
        reader.then(f"{number}. {totals[number][1]}")
        for line in (r for r in lines if r[0] == number):
            reader.then(line[3])
            reader.then(format_money(minor(line[7]), plan.currency))
        reader.then("Activity total")
        reader.then(format_money(minor(totals[number][5]), plan.currency))
    evaluation = next(r for r in lines if r[1] == "Plan-level evaluation")
    reader.then("Plan-level evaluation")
    reader.then(evaluation[3])
    reader.then(format_money(minor(evaluation[7]), plan.currency))


def _staff_time(plan: Plan, reader: Reader, book: Any) -> None:
    reader.heading("Staff time and cost per participant")
    for row in rows(book["Staff time"]):
        reader.then(row[1])
        if row[2] is not None:
            reader.then(format_quantity(Decimal(str(row[2])).normalize()))
            reader.then(format_quantity(Decimal(str(row[3])).normalize()))
        reader.then(format_money(minor(row[4]), plan.currency))
        if row[6] is not None:
            reader.then(format_money(minor(row[6]), plan.currency))


def test_the_register_lists_the_groups_as_the_pdf_does(sample: tuple[Plan, str, Any]) -> None:
    plan, text, book = sample
    reader = Reader(text, "Power and interest of each stakeholder group")
    reader.heading("Stakeholder groups")
    register = rows(book["Stakeholder register"])
    assert len(register) == len(plan.groups)
    for row in register:
        reader.then(f"{row[0]} {row[1]}")  # the # column, then the name
        reader.then(row[6])  # the quadrant
        reader.then(f"power {row[4]}, interest {row[5]}")
        reader.then(row[9])  # the target level
