"""Money a board must see: what no funder pays for, shares adding to 100%, nothing counted twice."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from ceplanner.core.costing import NO_FUNDER, compute_budget
from ceplanner.core.library import sample_plan
from ceplanner.core.money import format_money
from tests.report.report_fixtures import Pdf, make_rich_plan, normalise

MONEY = r"-?£[\d,]+\.\d\d"


def _amount(text: str) -> int:
    return int(text.replace("£", "").replace(",", "").replace(".", ""))


@pytest.fixture(scope="module")
def sample() -> Pdf:
    from ceplanner.report import build_pdf_bytes
    from tests.report.report_fixtures import ISSUED, read_pdf

    return read_pdf(build_pdf_bytes(sample_plan(), issued=ISSUED))


def _table(pdf: Pdf, header: str, stop: str = "Total cost") -> str:
    """The text of the table with this header row, to its total row (included)."""
    text = pdf.text
    start = text.index(header)
    end = text.index(stop, start)
    return text[start : text.index("%", end) + 1]


def test_cash_with_no_funder_is_disclosed(sample: Pdf) -> None:
    plan = sample_plan()
    b = compute_budget(plan)
    assert b.unfunded_cash == 940840  # the issue's £9,408.40: evaluation £3,500 + contingency
    sentence = (
        f"{format_money(b.unfunded_cash)} of the {format_money(b.cash_total)} cash budget has no funder yet: "
        f"the plan-level evaluation ({format_money(b.evaluation_budget)}) and the contingency "
        f"({format_money(b.contingency)})."
    )
    assert sentence in sample.text  # in the board summary and above the funder table
    assert sample.text.count(sentence) == 2
    assert (
        f"No funder yet: contingency {format_money(b.contingency)} £0.00 {format_money(b.contingency)}"
        in (sample.text)
    )


@pytest.mark.parametrize(
    "header",
    ["Outcome level Amount Share", "Stakeholder group Amount Share", "Funder Paid In kind Total Share"],
)
def test_share_tables_add_up_to_their_totals_and_100_percent(sample: Pdf, header: str) -> None:
    b = compute_budget(sample_plan())
    text = _table(sample, header)
    rows = re.findall(rf"(?:({MONEY}) )+(<0\.1|\d+\.\d)%", text)
    body, total = text.rsplit("Total cost", 1)
    totals = [_amount(m) for m in re.findall(MONEY, total)]
    assert totals[-1] == b.grand_total
    amounts = []
    for row in re.finditer(rf"((?:{MONEY} )+)(<0\.1|\d+\.\d)%", body):
        amounts.append(_amount(row.group(1).split()[-1]))
        assert row.group(2) != "0.0", row.group(0)  # real money never reads 0%
    assert sum(amounts) == b.grand_total
    shares = [Decimal(s) for _, s in rows[:-1] if s != "<0.1"]
    assert sum(shares) == Decimal("100.0") or any(s == "<0.1" for _, s in rows)
    assert "100.0%" in total


def test_access_support_per_group_is_not_counted_twice(sample: Pdf) -> None:
    plan = sample_plan()
    b = compute_budget(plan)
    seldom = [g for g in plan.groups if g.seldom_heard]
    printed = sum(b.access_by_group.get(g.id, 0) for g in seldom)
    access_total = sum(b.access_by_group.values())
    assert printed <= access_total
    text = sample.text
    section = text[text.index("Reaching seldom-heard groups") :]
    for group in seldom:
        amount = b.access_by_group.get(group.id, 0)
        if amount:
            assert format_money(amount) in section, group.name


def test_evaluation_share_is_printed_one_way(sample: Pdf) -> None:
    b = compute_budget(sample_plan())
    assert b.evaluation_share is not None
    share = f"{b.evaluation_share}%"
    assert f"{share} of the total cost" in sample.text
    assert f"Share of the total cost of the engagement {share}" in sample.text
    # The plan-level evaluation row of the share tables has no evaluation lines beside it here,
    # so it reads the same share.
    assert f"Plan-level evaluation {format_money(b.evaluation_budget)} {share}" in sample.text


def test_a_funder_with_little_money_reads_under_a_tenth_of_a_percent(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.activities[0].cost_lines[-1].funder = "Tiny trust"
    plan.activities[0].cost_lines[-1].unit_cost = 1
    plan.activities[0].cost_lines[-1].quantity = Decimal(1)
    pdf = build(plan)
    assert re.search(r"Tiny trust £0\.01 £0\.00 £0\.01 <0\.1%", normalise(pdf.text)) or re.search(
        r"Tiny trust £0\.00 £0\.01 £0\.01 <0\.1%", normalise(pdf.text)
    )
    assert NO_FUNDER not in pdf.text


def test_cash_flow_by_month_adds_up_to_the_total(sample: Pdf) -> None:
    b = compute_budget(sample_plan())
    text = _table(sample, "Month Cost Running total", stop="Total cost")
    running = 0
    for key, amount in b.by_month.items():
        running += amount
        assert f"{format_money(amount)} {format_money(running)}" in text, key
    assert (
        f"Contingency (if needed) {format_money(b.contingency)} {format_money(running + b.contingency)}"
        in text
    )
    assert running + b.contingency == b.grand_total


def test_staff_time_and_cost_per_participant(sample: Pdf) -> None:
    from ceplanner.core.costing import cost_per_participant, staff_hours

    plan = sample_plan()
    first = plan.activities[0]
    hours = staff_hours(first)
    per_person = cost_per_participant(first)
    assert hours > 0 and per_person is not None
    assert "Staff time and cost per participant" in sample.text
    assert format_money(per_person) in sample.text


def test_recommendation_line(sample: Pdf) -> None:
    b = compute_budget(sample_plan())
    assert (
        f"is asked to approve this strategy and its cash budget of {format_money(b.cash_total)}, of which "
        f"{format_money(b.unfunded_cash)} has no funder yet" in sample.text
    )
