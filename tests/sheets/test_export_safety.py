"""Typed text in a spreadsheet never runs, survives whole, and a failed write harms nothing."""

from __future__ import annotations

import csv
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest

from ceplanner.core import costing
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Activity, CostCategory, CostLine, Plan, StakeholderGroup, Unit
from ceplanner.sheets.export import SheetExportError, export_csv, export_xlsx
from tests.sheets.sheet_reading import open_book, rows

HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1"]


def _hostile_plan() -> Plan:
    plan = Plan(title="=cmd()", currency="GBP")
    plan.groups = [StakeholderGroup(name=name, notes=name) for name in HOSTILE]
    plan.activities = [
        Activity(
            title=name,
            group_ids=[plan.groups[i].id],
            cost_lines=[CostLine(CostCategory.VENUE, name, Unit.DAY, Decimal(1), 1000, funder=name)],
        )
        for i, name in enumerate(HOSTILE)
    ]
    return plan


def _read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM, so Excel reads UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_text_that_looks_like_a_formula_is_text_in_the_workbook(tmp_path: Path) -> None:
    book = open_book(export_xlsx(_hostile_plan(), tmp_path / "h.xlsx"))
    register = book["Stakeholder register"]
    for row, name in zip(register.iter_rows(min_row=2), HOSTILE, strict=True):
        for cell in (row[1], row[13]):  # group name and notes
            assert cell.data_type == "s", cell.coordinate
            assert cell.value == "'" + name
            assert not cell.value.startswith(("=", "+", "-", "@"))
            assert cell.quotePrefix
    found = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.lstrip("'") in HOSTILE:
                    assert cell.value.startswith("'") and cell.data_type == "s"
                    found += 1
    assert found >= len(HOSTILE) * 6  # lines, activities, groups and funders on several sheets


def test_a_negative_amount_stays_a_number(tmp_path: Path) -> None:
    plan = sample_plan()
    assert plan.budget_envelope is not None
    plan.funders[0].envelope = 100  # far below its lines: the overrun is shown, a number
    book = open_book(export_xlsx(plan, tmp_path / "n.xlsx"))
    over = book["Funders' envelopes"]["E2"]
    assert over.data_type == "n" and over.value > 0
    from ceplanner.sheets.export import neutralised

    assert neutralised("-2+3") == "'-2+3"
    assert neutralised("2-3") == "2-3"


def test_csv_neutralises_formulas_and_reads_back(tmp_path: Path) -> None:
    plan = _hostile_plan()
    groups = _read_csv(export_csv(plan, tmp_path / "g.csv", table="groups"))
    assert [r[1] for r in groups[1:]] == ["'" + name for name in HOSTILE]
    lines = _read_csv(export_csv(plan, tmp_path / "b.csv", table="budget"))
    assert [r[3] for r in lines[1:]] == ["'" + name for name in HOSTILE]
    assert [r[9] for r in lines[1:]] == ["'" + name.strip() for name in HOSTILE]  # funders are trimmed
    for row in lines[1:] + groups[1:]:
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row), row


def test_budget_csv_round_trip_is_exact(tmp_path: Path) -> None:
    plan = sample_plan()
    plan.activities[0].cost_lines[0].description = "Room hire at £40 — “Łódź” 東京"
    b = costing.compute_budget(plan)
    table = _read_csv(export_csv(plan, tmp_path / "b.csv", table="budget"))
    header, body = table[0], table[1:]
    assert header[:8] == [
        "#",
        "Activity",
        "Category",
        "Description",
        "Quantity",
        "Unit",
        "Unit cost (GBP)",
        "Total (GBP)",
    ]
    every_line = [(i, a, line) for i, a in enumerate(plan.activities, 1) for line in a.cost_lines]
    assert len(body) == len(every_line) + 1  # and the plan-level evaluation; no totals row
    for row, (number, activity, line) in zip(body, every_line, strict=False):
        assert row[0] == str(number) and row[1] == activity.title and row[3] == line.description
        assert Decimal(row[4]) == line.quantity
        assert Decimal(row[6]) * 100 == line.unit_cost
        assert Decimal(row[7]) * 100 == costing.line_total(line)
        assert row[8] == ("In kind" if line.in_kind else "Paid")
        assert row[9] == line.funder.strip() and row[10] == line.source
        assert "." in row[7] and "," not in row[7]  # plain numbers, '.' decimal
    assert sum(Decimal(r[7]) for r in body) * 100 == b.subtotal
    assert body[0][3] == "Room hire at £40 — “Łódź” 東京"


def test_non_latin_and_very_long_names_survive_whole(tmp_path: Path) -> None:
    long_name = ("Ünïcødé 東京の住民 Ελληνικά — " * 200)[:5000]
    plan = Plan(title="Long")
    plan.groups = [StakeholderGroup(name=long_name, notes="ملاحظات"), StakeholderGroup(name="Łódź\nnew line")]
    plan.activities = [
        Activity(
            title=long_name,
            cost_lines=[CostLine(CostCategory.VENUE, long_name, Unit.DAY, Decimal(2), 5000, funder="Фонд")],
        )
    ]
    book = open_book(export_xlsx(plan, tmp_path / "l.xlsx"))
    register = rows(book["Stakeholder register"])
    assert register[0][1] == long_name and register[0][13] == "ملاحظات"
    assert register[1][1] == "Łódź\nnew line"
    lines = rows(book["Cost lines"])
    assert lines[0][1] == long_name and lines[0][3] == long_name and lines[0][9] == "Фонд"
    assert book["Cost lines"].column_dimensions["D"].width <= 62
    assert book["Cost lines"]["D2"].alignment.wrap_text
    assert book["Cost lines"].row_dimensions[2].height == 409  # as tall as Excel allows
    assert book["Stakeholder register"].row_dimensions[3].height == 30  # two lines
    groups = _read_csv(export_csv(plan, tmp_path / "g.csv", table="groups"))
    assert groups[1][1] == long_name and groups[2][1] == "Łódź\nnew line"


def test_a_plan_with_no_activities_gives_headers_and_says_the_table_is_empty(tmp_path: Path) -> None:
    plan = Plan(title="Empty")
    book = open_book(export_xlsx(plan, tmp_path / "e.xlsx"))
    assert "Cost lines" in book.sheetnames and "Stakeholder register" in book.sheetnames
    for ws in book.worksheets:
        assert ws.max_row >= 2 and all(c.value for c in ws[1]), ws.title
    assert book["Cost lines"]["A2"].value == "No costs are entered yet."
    assert book["Staff time"]["A2"].value == "No activities are entered yet."
    assert book["Stakeholder register"]["A2"].value == "No stakeholder groups are entered yet."
    assert [r[0] for r in rows(book["By category"])][-1] == "Grand total"
    assert rows(book["By category"])[-1][3] == 0
    budget = _read_csv(export_csv(plan, tmp_path / "b.csv", table="budget"))
    assert len(budget) == 1 and budget[0][0] == "#"
    assert len(_read_csv(export_csv(plan, tmp_path / "g.csv", table="groups"))) == 1


@pytest.mark.skipif(os.name == "nt", reason="folder permissions")
def test_a_read_only_folder_gives_a_clear_message_and_keeps_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    old = folder / "budget.xlsx"
    old.write_bytes(b"the earlier workbook")
    folder.chmod(0o555)
    try:
        with pytest.raises(SheetExportError, match="read-only") as caught:
            export_xlsx(sample_plan(), old)
        assert "Traceback" not in str(caught.value) and "Choose another folder" in str(caught.value)
        with pytest.raises(SheetExportError, match="read-only"):
            export_csv(sample_plan(), folder / "b.csv", table="budget")
        assert old.read_bytes() == b"the earlier workbook"
        assert sorted(p.name for p in folder.iterdir()) == ["budget.xlsx"]
    finally:
        folder.chmod(0o755)


def test_a_folder_or_an_unknown_table_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(SheetExportError, match="is a folder"):
        export_xlsx(Plan(), tmp_path)
    with pytest.raises(SheetExportError, match="choose budget"):
        export_csv(Plan(), tmp_path / "x.csv", table="risks")
    assert not (tmp_path / "x.csv").exists()
