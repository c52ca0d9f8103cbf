"""The workbook: every budget table's figures are the costing's to the penny, in real number cells
with the plan's currency format, and the stakeholder register holds every group field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from ceplanner.core import costing
from ceplanner.core.envelope import funder_costed, plan_envelope
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Activity, CostCategory, CostLine, Plan, Unit, label
from ceplanner.core.stakeholders import quadrant
from ceplanner.sheets.export import currency_format, export_xlsx
from tests.factories import full_plan
from tests.sheets.sheet_reading import column, minor, open_book, rows, total_of

GBP = '"£"#,##0.00'


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, costing.Budget, object]:
    plan = sample_plan()
    path = export_xlsx(plan, tmp_path_factory.mktemp("book") / "budget.xlsx")
    return plan, costing.compute_budget(plan), open_book(path)


def test_the_workbook_has_a_sheet_per_budget_table_then_the_register(sample_book: tuple) -> None:
    _plan, _b, book = sample_book
    assert book.sheetnames == [
        "By category",
        "Budget envelope",
        "Cost lines",
        "Activity totals",
        "By outcome level",
        "By stakeholder group",
        "By funder",
        "Funders' envelopes",
        "Cash flow",
        "Staff time",
        "Stakeholder register",
    ]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert all(cell.font.b for cell in ws[1]), ws.title
        for cell in ws[1]:
            width = ws.column_dimensions[cell.column_letter].width
            assert len(str(cell.value)) < width <= 62, (ws.title, cell.value, width)


def test_category_sheet_is_the_costing_to_the_penny(sample_book: tuple) -> None:
    _plan, b, book = sample_book
    data = rows(book["By category"])
    categories = data[: len(b.by_category)]
    assert [r[0] for r in categories] == [label(c) for c in b.by_category]
    for r, split in zip(categories, b.by_category.values(), strict=True):
        assert [minor(v) for v in r[1:]] == [split.paid, split.in_kind, split.total]
    subtotal, contingency, grand = data[len(b.by_category) :]
    assert total_of([r[3] for r in categories]) == b.subtotal == minor(subtotal[3])
    assert (minor(subtotal[1]), minor(subtotal[2])) == (b.paid, b.in_kind)
    assert minor(contingency[1]) == b.contingency
    assert [minor(v) for v in grand[1:]] == [b.cash_total, b.in_kind, b.grand_total]


def test_cost_lines_and_activity_totals_add_up(sample_book: tuple) -> None:
    plan, b, book = sample_book
    lines = rows(book["Cost lines"])
    total = column(book["Cost lines"], "Total (GBP)")
    every_line = [line for activity in plan.activities for line in activity.cost_lines]
    assert len(lines) == len(every_line) + 2  # the plan-level evaluation and the total
    for r, line in zip(lines, every_line, strict=False):
        assert minor(r[total]) == costing.line_total(line)
        assert minor(r[total - 1]) == line.unit_cost
        assert Decimal(str(r[4])) == line.quantity
    assert lines[-2][1] == "Plan-level evaluation" and minor(lines[-2][total]) == b.evaluation_budget
    assert total_of([r[total] for r in lines[:-1]]) == b.subtotal == minor(lines[-1][total])

    acts = rows(book["Activity totals"])
    for r, activity in zip(acts, plan.activities, strict=False):
        cost = b.by_activity[activity.id]
        assert [minor(v) for v in r[3:]] == [cost.paid, cost.in_kind, cost.total]
        assert r[2] == dt.datetime.combine(activity.start, dt.time()) if activity.start else r[2] is None
    assert [minor(v) for v in acts[-1][3:]] == [b.paid, b.in_kind, b.subtotal]
    assert total_of([r[5] for r in acts[:-1]]) == b.subtotal


@pytest.mark.parametrize("sheet", ["By outcome level", "By stakeholder group"])
def test_share_sheets_add_up_to_the_total_cost_and_to_100_percent(sample_book: tuple, sheet: str) -> None:
    _plan, b, book = sample_book
    ws = book[sheet]
    data = rows(ws)
    assert data[-1][0] == "Total cost" and minor(data[-1][1]) == b.grand_total
    assert total_of([r[1] for r in data[:-1]]) == b.grand_total
    assert sum(Decimal(str(r[2])) for r in data[:-1]) == 1
    assert all(ws.cell(row=i, column=3).number_format == "0.0%" for i in range(2, ws.max_row + 1))
    assert data[-2][0] == "Contingency (not allocated)" and minor(data[-2][1]) == b.contingency


def test_group_sheet_follows_the_plan_order(sample_book: tuple) -> None:
    plan, b, book = sample_book
    names = [r[0] for r in rows(book["By stakeholder group"])]
    assert names[: len(plan.groups)] == [g.name for g in plan.groups if g.id in b.by_group]


def test_funder_sheets(sample_book: tuple) -> None:
    plan, b, book = sample_book
    data = rows(book["By funder"])
    assert total_of([r[3] for r in data[:-1]]) == b.grand_total == minor(data[-1][3])
    assert total_of([r[1] for r in data[:-1]]) == b.cash_total
    named = [r for r in data if r[0] in b.funder_splits]
    assert [minor(r[3]) for r in named] == sorted((minor(r[3]) for r in named), reverse=True)
    for r in named:
        assert [minor(r[1]), minor(r[2])] == [b.funder_splits[r[0]].paid, b.funder_splits[r[0]].in_kind]
    envelopes = rows(book["Funders' envelopes"])
    assert [r[0] for r in envelopes] == [f.name for f in plan.funders]
    for r, funder in zip(envelopes, plan.funders, strict=True):
        assert funder.envelope is not None
        assert minor(r[1]) == funder.envelope
        assert minor(r[2]) == funder_costed(b, funder.name)
        assert minor(r[3]) == funder.envelope - funder_costed(b, funder.name)
        assert r[4] is None


def test_envelope_and_cash_flow(sample_book: tuple) -> None:
    plan, b, book = sample_book
    compared = plan_envelope(plan, b)
    assert compared is not None
    envelope = rows(book["Budget envelope"])
    assert [minor(r[1]) for r in envelope] == [compared.costed, compared.envelope, compared.difference]
    ws = book["Cash flow"]
    flow = rows(ws)
    months = [r[0] for r in flow if isinstance(r[0], dt.datetime)]
    assert [m.strftime("%Y-%m") for m in months] == [k for k in b.by_month if k[:4].isdigit()]
    assert ws["A2"].number_format == "mmmm yyyy"
    assert total_of([r[1] for r in flow[:-1]]) == b.grand_total == minor(flow[-1][1]) == minor(flow[-2][2])
    assert [minor(r[2]) for r in flow[:-1]] == costing.running_totals([minor(r[1]) for r in flow[:-1]])


def test_staff_time_sheet(sample_book: tuple) -> None:
    plan, b, book = sample_book
    data = rows(book["Staff time"])
    assert len(data) == len(plan.activities)
    for r, activity in zip(data, plan.activities, strict=True):
        hours = costing.staff_hours(activity)
        assert Decimal(str(r[2] or 0)) == hours.quantize(Decimal("0.1"))
        assert Decimal(str(r[3] or 0)) == (costing.staff_days(hours) if hours else 0)
        assert minor(r[4]) == b.by_activity[activity.id].total
        assert r[5] == (activity.participants or None)
        per = costing.cost_per_participant(activity)
        assert (minor(r[6]) if r[6] is not None else None) == per
    assert total_of([r[4] for r in data]) == b.subtotal - b.evaluation_budget


def test_every_money_cell_has_the_currency_format(sample_book: tuple) -> None:
    _plan, _b, book = sample_book
    money_headers = {"Paid", "In kind", "Total", "Amount", "Unit cost (GBP)", "Total (GBP)", "Envelope"}
    money_headers |= {"Their lines", "Headroom", "Over budget by", "Cost", "Running total", "Cost per person"}
    checked = 0
    for ws in book.worksheets:
        assert isinstance(ws, Worksheet)
        for cell in ws[1]:
            if cell.value not in money_headers:
                continue
            for (c,) in ws.iter_rows(min_row=2, min_col=cell.column, max_col=cell.column):
                if isinstance(c.value, int | float):
                    assert c.number_format == GBP, (ws.title, c.coordinate)
                    checked += 1
    assert checked > 200


@pytest.mark.parametrize(
    ("currency", "expected", "digits"),
    [("EUR", '"€"#,##0.00', 2), ("JPY", '"¥"#,##0', 0), ("CHF", '"CHF "#,##0.00', 2)],
)
def test_other_currencies_get_their_symbol_and_minor_digits(
    tmp_path: Path, currency: str, expected: str, digits: int
) -> None:
    plan = Plan(title="Elsewhere", currency=currency)
    plan.activities = [
        Activity(
            title="Workshop",
            cost_lines=[CostLine(CostCategory.VENUE, "Hall", Unit.DAY, Decimal("1.5"), unit_cost=12345)],
        )
    ]
    assert currency_format(currency) == expected
    book = open_book(export_xlsx(plan, tmp_path / "x.xlsx"))
    cell = book["Cost lines"]["H2"]
    assert cell.number_format == expected
    assert minor(cell.value, digits) == costing.line_total(plan.activities[0].cost_lines[0])


def test_the_register_holds_every_field_of_every_group(tmp_path: Path) -> None:
    plan = full_plan()
    ws = open_book(export_xlsx(plan, tmp_path / "r.xlsx"))["Stakeholder register"]
    headers = [c.value for c in ws[1]]
    data = rows(ws)
    assert len(data) == len(plan.groups)
    for r, g in zip(data, plan.groups, strict=True):
        got = dict(zip(headers, r, strict=True))
        assert got["Group"] == g.name
        assert got["Category"] == label(g.category)
        assert got["Size (people)"] == g.size
        assert (got["Power (1-5)"], got["Interest (1-5)"]) == (g.power, g.interest)
        assert got["Quadrant"] == quadrant(g)
        assert got["Position"] == label(g.position)
        assert got["Seldom heard"] == ("Yes" if g.seldom_heard else "No")
        assert got["Target level"] == label(g.target_level)
        assert (got["Barriers"] or "") == ", ".join(label(x) for x in g.barriers)
        assert (got["Access needs"] or "") == g.access_needs
        assert (got["Equity notes"] or "") == g.equity_notes
        assert (got["Notes"] or "") == g.notes
