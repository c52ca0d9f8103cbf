"""Reading exported workbooks back as a user's spreadsheet would: cells, numbers, formats."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet


def open_book(path: Path) -> Any:
    return load_workbook(path)


def rows(ws: Worksheet) -> list[list[Any]]:
    """The sheet's rows below the header, as values."""
    return [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]


def column(ws: Worksheet, header: str) -> int:
    """The 0-based index of the column headed ``header``."""
    headers = [c.value for c in ws[1]]
    return headers.index(header)


def minor(value: Any, digits: int = 2) -> int:
    """A money cell's number as exact minor units (cells hold the major-unit number)."""
    assert isinstance(value, int | float | Decimal) and not isinstance(value, bool), value
    exact = Decimal(str(value)).scaleb(digits)
    assert exact == exact.to_integral_value(), value
    return int(exact)


def total_of(values: list[Any], digits: int = 2) -> int:
    return sum((minor(v, digits) for v in values if v is not None), 0)
