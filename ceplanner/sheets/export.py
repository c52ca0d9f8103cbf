"""The budget and the stakeholder register as spreadsheets: an XLSX workbook and CSV files.

The workbook holds one sheet per table of the PDF's budget section (same rows, same order) and
the stakeholder register. Every figure comes from :mod:`ceplanner.core.costing` (and
:mod:`ceplanner.core.envelope`), as the PDF's do: nothing is recomputed here. Money stays integer
minor units until a cell is written: an XLSX cell gets the exact decimal number with the plan's
currency format, a CSV field the exact major-unit text ("1250.50").

Typed text never runs: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is written with a leading ``'`` (and, in XLSX, as a string cell with Excel's
quote prefix), so no spreadsheet reads it as a formula. Numbers, negative ones included, are
written as numbers.

Both formats are written through :func:`ceplanner.store.safe_write.atomic_write`: a failure
part-way never leaves half a file in place of an earlier one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from ceplanner.core import costing
from ceplanner.core.envelope import funder_costed, funder_envelopes, plan_envelope
from ceplanner.core.i18n import translate
from ceplanner.core.model import CostCategory, OutcomeLevel, Plan, label
from ceplanner.core.money import CURRENCIES, exponent, format_money, to_major_text
from ceplanner.core.stakeholders import quadrant_words
from ceplanner.report.errors import ReportError
from ceplanner.store.errors import WriteFailedError
from ceplanner.store.safe_write import atomic_write

Progress = Callable[[float, str], None]
CSV_TABLES = ("budget", "groups")
"""What ``export_csv`` can write: the budget's cost lines, or the stakeholder register."""

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell beginning with one of these could be read as a formula (CSV/formula injection)."""
EXCEL_TEXT_MAX = 32767
"""The most characters an Excel cell holds."""


class SheetExportError(ReportError):
    """The spreadsheet could not be written; ``str()`` says why, for the user."""


# -- cells and tables ------------------------------------------------------------------------


@dataclass(frozen=True)
class Money:
    """An amount in minor units of the plan's currency."""

    minor: int


@dataclass(frozen=True)
class Share:
    """A share of a total in percent, as :func:`ceplanner.core.costing.shares` gives it."""

    percent: Decimal


@dataclass(frozen=True)
class Month:
    """A calendar month (its first day): shown as "February 2027"."""

    first_day: date


Cell = str | int | Decimal | date | Money | Share | Month | None


@dataclass
class Table:
    """One sheet: a header row, rows, and which of them are totals (bold)."""

    sheet: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    total_rows: set[int] = field(default_factory=set)
    empty: str = ""
    """What the sheet says when it has no rows but totals: "No costs are entered yet."."""

    @property
    def data_rows(self) -> list[list[Cell]]:
        return [row for i, row in enumerate(self.rows) if i not in self.total_rows]


def neutralised(text: str) -> str:
    """``text`` made safe from being read as a formula: a leading ``'`` when it begins with a
    character a spreadsheet could take as the start of one."""
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text


def _name(text: str, fallback: str) -> str:
    return text if text.strip() else fallback


def _shares(amounts: list[int], whole: int) -> list[Share | None]:
    if whole <= 0:
        return [None for _ in amounts]
    return [Share(value) for value in costing.shares(amounts, whole, 1)]


# -- the budget section's tables, in the PDF's order ------------------------------------------


def category_table(plan: Plan, b: costing.Budget) -> Table:
    """Summary by category, then the subtotal, the contingency and the grand total."""
    rows: list[list[Cell]] = [
        [label(category), Money(split.paid), Money(split.in_kind), Money(split.total)]
        for category, split in b.by_category.items()
    ]
    pct = f"{plan.contingency_percent.normalize():f}%"
    first = len(rows)
    rows += [
        [
            translate("Spreadsheet", "Subtotal before contingency"),
            Money(b.paid),
            Money(b.in_kind),
            Money(b.subtotal),
        ],
        [
            translate("Spreadsheet", "Contingency ({pct} of paid costs)").format(pct=pct),
            Money(b.contingency),
            None,
            Money(b.contingency),
        ],
        [
            translate("Spreadsheet", "Grand total"),
            Money(b.cash_total),
            Money(b.in_kind),
            Money(b.grand_total),
        ],
    ]
    return Table(
        translate("Spreadsheet", "By category"),
        [
            translate("Spreadsheet", "Category"),
            translate("Spreadsheet", "Paid"),
            translate("Spreadsheet", "In kind"),
            translate("Spreadsheet", "Total"),
        ],
        rows,
        {first, first + 1, first + 2},
        translate("Spreadsheet", "No costs are entered yet."),
    )


def envelope_table(plan: Plan, b: costing.Budget) -> Table | None:
    """The plan's budget envelope against the cash budget (None when no envelope is set)."""
    compared = plan_envelope(plan, b)
    if compared is None:
        return None
    rows: list[list[Cell]] = [
        [translate("Spreadsheet", "Cash budget needed (paid costs and contingency)"), Money(compared.costed)],
        [translate("Spreadsheet", "Budget envelope"), Money(compared.envelope)],
        [compared.words, Money(compared.difference)],
    ]
    return Table(
        translate("Spreadsheet", "Budget envelope"),
        [translate("Spreadsheet", "Against the money available"), translate("Spreadsheet", "Amount")],
        rows,
        {2},
    )


def cost_lines_table(plan: Plan, b: costing.Budget) -> Table:
    """Every cost line, one row each, in the PDF's order; then the plan-level evaluation; then
    the total before contingency (the budget's subtotal)."""
    code = plan.currency
    rows: list[list[Cell]] = []
    for number, activity in enumerate(plan.activities, start=1):
        title = _name(activity.title, translate("Spreadsheet", "(untitled activity)"))
        for line in activity.cost_lines:
            rows.append(
                [
                    number,
                    title,
                    label(line.category),
                    _name(line.description, translate("Spreadsheet", "(no description)")),
                    line.quantity,
                    label(line.unit),
                    Money(line.unit_cost),
                    Money(costing.line_total(line)),
                    translate("Spreadsheet", "In kind") if line.in_kind else translate("Spreadsheet", "Paid"),
                    line.funder.strip(),
                    line.source,
                ]
            )
    if b.evaluation_budget:
        rows.append(
            [
                None,
                translate("Spreadsheet", "Plan-level evaluation"),
                label(CostCategory.EVALUATION),
                _name(plan.evaluation.method, translate("Spreadsheet", "Evaluation of the whole plan")),
                None,
                None,
                None,
                Money(b.evaluation_budget),
                translate("Spreadsheet", "Paid"),
                "",
                "",
            ]
        )
    rows.append(
        [
            None,
            translate("Spreadsheet", "Total before contingency"),
            *[None] * 5,
            Money(b.subtotal),
            None,
            None,
            None,
        ]
    )
    return Table(
        translate("Spreadsheet", "Cost lines"),
        [
            translate("Spreadsheet", "#"),
            translate("Spreadsheet", "Activity"),
            translate("Spreadsheet", "Category"),
            translate("Spreadsheet", "Description"),
            translate("Spreadsheet", "Quantity"),
            translate("Spreadsheet", "Unit"),
            translate("Spreadsheet", "Unit cost ({code})").format(code=code),
            translate("Spreadsheet", "Total ({code})").format(code=code),
            translate("Spreadsheet", "Paid / in kind"),
            translate("Spreadsheet", "Funder"),
            translate("Spreadsheet", "Source"),
        ],
        rows,
        {len(rows) - 1},
        translate("Spreadsheet", "No costs are entered yet."),
    )


def activity_totals_table(plan: Plan, b: costing.Budget) -> Table:
    """Each activity's total (the PDF's "Activity total" rows), the plan-level evaluation and the
    total before contingency."""
    rows: list[list[Cell]] = []
    for number, activity in enumerate(plan.activities, start=1):
        cost = costing.activity_cost(activity)
        rows.append(
            [
                number,
                _name(activity.title, translate("Spreadsheet", "(untitled activity)")),
                activity.start,
                Money(cost.paid),
                Money(cost.in_kind),
                Money(cost.total),
            ]
        )
    if b.evaluation_budget:
        rows.append(
            [
                None,
                translate("Spreadsheet", "Plan-level evaluation"),
                None,
                Money(b.evaluation_budget),
                Money(0),
                Money(b.evaluation_budget),
            ]
        )
    rows.append(
        [
            None,
            translate("Spreadsheet", "Total before contingency"),
            None,
            Money(b.paid),
            Money(b.in_kind),
            Money(b.subtotal),
        ]
    )
    return Table(
        translate("Spreadsheet", "Activity totals"),
        [
            translate("Spreadsheet", "#"),
            translate("Spreadsheet", "Activity"),
            translate("Spreadsheet", "Starts"),
            translate("Spreadsheet", "Paid"),
            translate("Spreadsheet", "In kind"),
            translate("Spreadsheet", "Total"),
        ],
        rows,
        {len(rows) - 1},
        translate("Spreadsheet", "No activities are entered yet."),
    )


def _share_table(sheet: str, heading: str, b: costing.Budget, items: list[tuple[str, int]]) -> Table:
    """Amounts and their shares of the total cost, the contingency a row of its own, as the PDF."""
    if b.contingency:
        items = [*items, (translate("Spreadsheet", "Contingency (not allocated)"), b.contingency)]
    shares = _shares([amount for _, amount in items], b.grand_total)
    rows: list[list[Cell]] = [
        [name, Money(amount), share] for (name, amount), share in zip(items, shares, strict=True)
    ]
    rows.append(
        [
            translate("Spreadsheet", "Total cost"),
            Money(b.grand_total),
            Share(Decimal(100)) if b.grand_total else None,
        ]
    )
    return Table(
        sheet,
        [heading, translate("Spreadsheet", "Amount"), translate("Spreadsheet", "Share")],
        rows,
        {len(rows) - 1},
        translate("Spreadsheet", "No costs are entered yet."),
    )


def _key_name(key: str) -> str:
    return {
        costing.UNALLOCATED: translate("Spreadsheet", "Not linked"),
        costing.PLAN_LEVEL: translate("Spreadsheet", "Plan-level evaluation"),
    }.get(key, key)


def level_table(plan: Plan, b: costing.Budget) -> Table:
    names = {
        lvl.value: translate("Spreadsheet", "{level} outcomes").format(level=label(lvl))
        for lvl in OutcomeLevel
    }
    items = [(names.get(key, _key_name(key)), amount) for key, amount in b.by_level.items()]
    return _share_table(
        translate("Spreadsheet", "By outcome level"), translate("Spreadsheet", "Outcome level"), b, items
    )


def group_budget_table(plan: Plan, b: costing.Budget) -> Table:
    items: list[tuple[str, int]] = [
        (_name(group.name, translate("Spreadsheet", "(unnamed group)")), b.by_group[group.id])
        for group in plan.groups
        if group.id in b.by_group
    ]
    for key in (costing.UNALLOCATED, costing.PLAN_LEVEL):
        if key in b.by_group:
            words = (
                translate("Spreadsheet", "Activities with no group")
                if key == costing.UNALLOCATED
                else _key_name(key)
            )
            items.append((words, b.by_group[key]))
    return _share_table(
        translate("Spreadsheet", "By stakeholder group"),
        translate("Spreadsheet", "Stakeholder group"),
        b,
        items,
    )


def funder_table(plan: Plan, b: costing.Budget) -> Table:
    """Who pays for what: named funders by total, then what no funder pays for yet."""
    named = sorted(
        ((name, split) for name, split in b.funder_splits.items() if name != costing.NO_FUNDER),
        key=lambda kv: -kv[1].total,
    )
    items: list[tuple[str, costing.Split]] = list(named)
    none = b.funder_splits.get(costing.NO_FUNDER)
    if none is not None and none.total:
        items.append((translate("Spreadsheet", "No funder yet: cost lines and plan-level evaluation"), none))
    if b.contingency:
        items.append(
            (translate("Spreadsheet", "No funder yet: contingency"), costing.Split(b.contingency, 0))
        )
    shares = _shares([split.total for _, split in items], b.grand_total)
    rows: list[list[Cell]] = [
        [name, Money(split.paid), Money(split.in_kind), Money(split.total), share]
        for (name, split), share in zip(items, shares, strict=True)
    ]
    rows.append(
        [
            translate("Spreadsheet", "Total cost"),
            Money(b.cash_total),
            Money(b.in_kind),
            Money(b.grand_total),
            Share(Decimal(100)) if b.grand_total else None,
        ]
    )
    return Table(
        translate("Spreadsheet", "By funder"),
        [
            translate("Spreadsheet", "Funder"),
            translate("Spreadsheet", "Paid"),
            translate("Spreadsheet", "In kind"),
            translate("Spreadsheet", "Total"),
            translate("Spreadsheet", "Share"),
        ],
        rows,
        {len(rows) - 1},
        translate("Spreadsheet", "No costs are entered yet."),
    )


def funder_envelopes_table(plan: Plan, b: costing.Budget) -> Table | None:
    """Each funder the plan lists: their envelope against the full cost of the lines naming
    them (None when the plan lists no funder)."""
    funders = [f for f in plan.funders if f.name.strip() or f.notes.strip()]
    if not funders:
        return None
    compared = {id(item.funder): item.comparison for item in funder_envelopes(plan, b)}
    rows: list[list[Cell]] = []
    for funder in funders:
        c = compared.get(id(funder))
        rows.append(
            [
                _name(funder.name, translate("Spreadsheet", "(unnamed funder)")),
                Money(funder.envelope)
                if funder.envelope is not None
                else translate("Spreadsheet", "not set"),
                Money(funder_costed(b, funder.name)),
                Money(c.headroom) if c is not None and not c.over else None,
                Money(c.overrun) if c is not None and c.over else None,
                funder.notes,
            ]
        )
    return Table(
        translate("Spreadsheet", "Funders' envelopes"),
        [
            translate("Spreadsheet", "Funder"),
            translate("Spreadsheet", "Envelope"),
            translate("Spreadsheet", "Their lines"),
            translate("Spreadsheet", "Headroom"),
            translate("Spreadsheet", "Over budget by"),
            translate("Spreadsheet", "Notes"),
        ],
        rows,
    )


def _period(key: str) -> Cell:
    if key[:4].isdigit() and key[4:5] == "-":
        return Month(date(int(key[:4]), int(key[5:7]), 1))
    if key[:4].isdigit():
        return key  # "2027 Q1"
    return {
        costing.UNSCHEDULED: translate("Spreadsheet", "Activities not yet scheduled"),
        costing.PLAN_LEVEL: translate("Spreadsheet", "Plan-level evaluation"),
    }.get(key, key)


def cash_flow_table(plan: Plan, b: costing.Budget) -> Table | None:
    """The full cost by the month (or, past a year, the quarter) each activity starts, with the
    running total (None when no activity has a date, as in the PDF)."""
    from ceplanner.report.sections.budget import MONTHS_SHOWN

    dated = [k for k in b.by_month if k[:4].isdigit()]
    if not dated:
        return None
    by_quarter = len(dated) > MONTHS_SHOWN
    periods = b.by_quarter if by_quarter else b.by_month
    items: list[tuple[Cell, int]] = [(_period(key), amount) for key, amount in periods.items()]
    if b.contingency:
        items.append((translate("Spreadsheet", "Contingency (if needed)"), b.contingency))
    totals = costing.running_totals([amount for _, amount in items])
    rows: list[list[Cell]] = [
        [name, Money(amount), Money(total)] for (name, amount), total in zip(items, totals, strict=True)
    ]
    rows.append([translate("Spreadsheet", "Total cost"), Money(b.grand_total), None])
    return Table(
        translate("Spreadsheet", "Cash flow"),
        [
            translate("Spreadsheet", "Quarter") if by_quarter else translate("Spreadsheet", "Month"),
            translate("Spreadsheet", "Cost"),
            translate("Spreadsheet", "Running total"),
        ],
        rows,
        {len(rows) - 1},
    )


def staff_time_table(plan: Plan, b: costing.Budget) -> Table:
    """Staff time and the cost per participant of each activity."""
    rows: list[list[Cell]] = []
    for number, activity in enumerate(plan.activities, start=1):
        hours = costing.staff_hours(activity)
        per_person = costing.cost_per_participant(activity)
        rows.append(
            [
                number,
                _name(activity.title, translate("Spreadsheet", "(untitled activity)")),
                hours.quantize(Decimal("0.1")) if hours else None,
                costing.staff_days(hours) if hours else None,
                Money(costing.activity_cost(activity).total),
                activity.participants or None,
                Money(per_person) if per_person is not None else None,
            ]
        )
    return Table(
        translate("Spreadsheet", "Staff time"),
        [
            translate("Spreadsheet", "#"),
            translate("Spreadsheet", "Activity"),
            translate("Spreadsheet", "Staff hours"),
            translate("Spreadsheet", "Staff days"),
            translate("Spreadsheet", "Cost"),
            translate("Spreadsheet", "People"),
            translate("Spreadsheet", "Cost per person"),
        ],
        rows,
        empty=translate("Spreadsheet", "No activities are entered yet."),
    )


def budget_tables(plan: Plan, budget: costing.Budget | None = None) -> list[Table]:
    """Every table of the PDF's budget section, in its order (those the PDF leaves out for this
    plan, such as the envelope when none is set, are left out too)."""
    b = budget or costing.compute_budget(plan)
    tables = [
        category_table(plan, b),
        envelope_table(plan, b),
        cost_lines_table(plan, b),
        activity_totals_table(plan, b),
        level_table(plan, b),
        group_budget_table(plan, b),
        funder_table(plan, b),
        funder_envelopes_table(plan, b),
        cash_flow_table(plan, b),
        staff_time_table(plan, b),
    ]
    return [t for t in tables if t is not None]


def register_table(plan: Plan) -> Table:
    """The stakeholder register: every field of every group, with its power/interest quadrant."""
    rows: list[list[Cell]] = [
        [
            number,
            _name(g.name, translate("Spreadsheet", "(unnamed group)")),
            label(g.category),
            g.size,
            g.power,
            g.interest,
            quadrant_words(g),
            label(g.position),
            translate("Spreadsheet", "Yes") if g.seldom_heard else translate("Spreadsheet", "No"),
            label(g.target_level),
            ", ".join(label(barrier) for barrier in g.barriers),
            g.access_needs,
            g.equity_notes,
            g.notes,
        ]
        for number, g in enumerate(plan.groups, start=1)
    ]
    return Table(
        translate("Spreadsheet", "Stakeholder register"),
        [
            translate("Spreadsheet", "#"),
            translate("Spreadsheet", "Group"),
            translate("Spreadsheet", "Category"),
            translate("Spreadsheet", "Size (people)"),
            translate("Spreadsheet", "Power (1-5)"),
            translate("Spreadsheet", "Interest (1-5)"),
            translate("Spreadsheet", "Quadrant"),
            translate("Spreadsheet", "Position"),
            translate("Spreadsheet", "Seldom heard"),
            translate("Spreadsheet", "Target level"),
            translate("Spreadsheet", "Barriers"),
            translate("Spreadsheet", "Access needs"),
            translate("Spreadsheet", "Equity notes"),
            translate("Spreadsheet", "Notes"),
        ],
        rows,
        empty=translate("Spreadsheet", "No stakeholder groups are entered yet."),
    )


# -- XLSX -------------------------------------------------------------------------------------


def currency_format(currency: str) -> str:
    """The Excel number format for amounts of ``currency``: '"£"#,##0.00', '"¥"#,##0'."""
    sign, digits = CURRENCIES.get(currency, (currency + " ", 2))
    decimals = "." + "0" * digits if digits else ""
    return f'"{sign}"#,##0{decimals}'


PERCENT_FORMAT = "0.0%"
MONTH_FORMAT = "mmmm yyyy"
DATE_FORMAT = "yyyy-mm-dd"
WIDEST = 60
"""Columns grow to fit their text up to this many characters; longer text wraps."""


def major(minor: int, currency: str) -> Decimal:
    """Minor units as an exact decimal number of major units (125050 -> Decimal("1250.50"))."""
    return Decimal(minor).scaleb(-exponent(currency))


def _shown_width(value: Cell, currency: str) -> int:
    if isinstance(value, Money):
        return len(format_money(value.minor, currency))
    if isinstance(value, Share):
        return len(f"{value.percent}%")
    if isinstance(value, Month):
        return 14
    if isinstance(value, date):
        return 10
    if value is None:
        return 0
    if isinstance(value, int):
        return len(f"{value:,}")
    return max((len(part) for part in str(value).split("\n")), default=0)


def _write_sheet(ws: object, table: Table, currency: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(ws, Worksheet)
    money_format = currency_format(currency)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")  # a row's cells line up with its wrapped text
    widths = [len(h) for h in table.headers]
    lines: dict[int, int] = {}

    def put(row: int, col: int, value: Cell, *, strong: bool = False) -> None:
        cell = ws.cell(row=row, column=col)
        cell.alignment = top
        widths[col - 1] = max(widths[col - 1], min(_shown_width(value, currency), WIDEST))
        if isinstance(value, Money):
            cell.value = major(value.minor, currency)
            cell.number_format = money_format
        elif isinstance(value, Share):
            cell.value = value.percent / 100
            cell.number_format = PERCENT_FORMAT
        elif isinstance(value, Month):
            cell.value = value.first_day
            cell.number_format = MONTH_FORMAT
        elif isinstance(value, date):
            cell.value = value
            cell.number_format = DATE_FORMAT
        elif isinstance(value, int | Decimal):
            cell.value = value
            cell.number_format = "#,##0" if isinstance(value, int) else "General"  # 1, 1.5, 0.125
        elif isinstance(value, str):
            text = _xml_safe(value)
            safe = neutralised(text)
            if len(safe) > EXCEL_TEXT_MAX:
                safe = safe[: EXCEL_TEXT_MAX - 1] + "…"
            cell.value = safe
            cell.data_type = "s"  # text, whatever it looks like
            if text.startswith(DANGEROUS_STARTS):
                cell.quotePrefix = True
            if _shown_width(safe, currency) > WIDEST or "\n" in safe:
                cell.alignment = wrap
                lines[row] = max(lines.get(row, 1), _wrapped_lines(safe))
        if strong:
            cell.font = bold

    for col, header in enumerate(table.headers, start=1):
        put(1, col, header, strong=True)
    ws.freeze_panes = "A2"
    row = 2
    if not table.data_rows and table.empty:
        note = ws.cell(row=row, column=1, value=table.empty)
        note.font = Font(italic=True)
        row += 1
    for index, values in enumerate(table.rows):
        for col, value in enumerate(values, start=1):
            put(row, col, value, strong=index in table.total_rows)
        row += 1
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(width, 4) + 2
    for number, count in lines.items():  # not every spreadsheet grows a row to fit wrapped text
        ws.row_dimensions[number].height = min(count * LINE_HEIGHT, ROW_HEIGHT_MAX)


LINE_HEIGHT = 15
"""Points per line of 11-point text."""
ROW_HEIGHT_MAX = 409
"""The tallest row Excel allows, in points."""


def _wrapped_lines(text: str) -> int:
    """Lines ``text`` takes wrapped in a column ``WIDEST`` characters wide (a generous guess:
    words wrap early and wide letters take more room)."""
    per_line = WIDEST * 5 // 6
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


SHEET_NAME_MAX = 31
_SHEET_NAME_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})


def _sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unused sheet name: Excel allows 31 characters and none of []:*?/\\."""
    base = name.translate(_SHEET_NAME_BAD).strip("' ")[:SHEET_NAME_MAX] or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def workbook_tables(plan: Plan) -> list[Table]:
    """The workbook's sheets in order: the budget section's tables, then the register."""
    return [*budget_tables(plan), register_table(plan)]


def write_xlsx(plan: Plan, stream: BinaryIO, progress: Progress | None = None) -> None:
    """Write the workbook for ``plan`` to ``stream``."""
    from openpyxl import Workbook

    tables = workbook_tables(plan)
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for n, table in enumerate(tables):
        if progress is not None:
            progress(
                0.1 + 0.8 * n / len(tables),
                translate("Spreadsheet", "Writing “{sheet}”").format(sheet=table.sheet),
            )
        _write_sheet(book.create_sheet(_sheet_name(table.sheet, taken)), table, plan.currency)
    book.properties.title = _xml_safe(plan.title.strip() or translate("Spreadsheet", "Untitled plan"))[:255]
    book.properties.creator = "ceplanner"
    whole = io.BytesIO()  # built in memory, so a failed write leaves no zip half-closed
    book.save(whole)
    stream.write(whole.getvalue())


def _xml_safe(text: str) -> str:
    """``text`` without the control characters an XLSX file cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


# -- CSV ------------------------------------------------------------------------------------


def _csv_field(value: Cell, currency: str) -> str:
    if isinstance(value, Money):
        return to_major_text(value.minor, currency)
    if isinstance(value, Share):
        return f"{value.percent}"
    if isinstance(value, Month):
        return value.first_day.strftime("%Y-%m")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, int):
        return str(value)
    if value is None:
        return ""
    return neutralised(value)


def _check_table(which: str) -> None:
    if which not in CSV_TABLES:
        raise SheetExportError(
            f"There is no “{which}” table to write as CSV: choose budget (the cost lines) or groups "
            "(the stakeholder register)."
        )


def csv_table(plan: Plan, which: str) -> Table:
    """The table ``export_csv`` writes: "budget" (the cost lines) or "groups" (the register)."""
    _check_table(which)
    return cost_lines_table(plan, costing.compute_budget(plan)) if which == "budget" else register_table(plan)


def write_csv(plan: Plan, stream: BinaryIO, which: str) -> None:
    """Write one table as UTF-8 CSV with a byte-order mark (so Excel reads "£" right); totals
    rows are left out, so every row is one cost line or one group."""
    table = csv_table(plan, which)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow([_csv_field(h, plan.currency) for h in table.headers])
    for row in table.data_rows:
        writer.writerow([_csv_field(value, plan.currency) for value in row])
    text.flush()
    text.detach()


# -- files ----------------------------------------------------------------------------------


def _save(path: str | Path, write: Callable[[BinaryIO], None], what: str, suffix: str) -> Path:
    target = Path(path)
    if target.is_dir():
        raise SheetExportError(f"“{target}” is a folder; choose a file name for the {what}.")
    try:
        atomic_write(target, write, suffix=suffix)
    except WriteFailedError as exc:  # a read-only folder, a full disk: in words
        raise SheetExportError(str(exc)) from exc
    return target


def export_xlsx(plan: Plan, path: str | Path, *, progress: Progress | None = None) -> Path:
    """Write the budget tables and the stakeholder register to the workbook ``path``.

    Written beside the target and moved into place when complete, so an earlier file there
    survives any failure. Raises :class:`SheetExportError` with a message for the user.
    """
    if progress is not None:
        progress(0.0, translate("Spreadsheet", "Calculating the budget"))
    target = _save(path, lambda stream: write_xlsx(plan, stream, progress), "workbook", ".xlsx.part")
    if progress is not None:
        progress(1.0, translate("Spreadsheet", "Saved"))
    return target


def export_csv(plan: Plan, path: str | Path, *, table: str, progress: Progress | None = None) -> Path:
    """Write one table, ``table`` "budget" (cost lines) or "groups" (the register), to ``path``
    as CSV; safely, as :func:`export_xlsx`."""
    _check_table(table)  # refused before anything is written
    target = _save(path, lambda stream: write_csv(plan, stream, table), "CSV file", ".csv.part")
    if progress is not None:
        progress(1.0, translate("Spreadsheet", "Saved"))
    return target
