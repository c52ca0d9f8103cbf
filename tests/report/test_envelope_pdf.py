"""The PDF prints the budget envelope and the headroom or overrun the core works out."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from ceplanner.core.costing import compute_budget
from ceplanner.core.envelope import funder_envelopes, plan_envelope
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Funder, Plan
from tests.report.report_fixtures import Pdf

MONEY = r"£[\d,]+\.\d\d"


def _amount(text: str) -> int:
    return int(text.replace("£", "").replace(",", "").replace(".", ""))


@pytest.fixture(scope="module")
def sample() -> Pdf:
    from ceplanner.report import build_pdf_bytes
    from tests.report.report_fixtures import ISSUED, read_pdf

    return read_pdf(build_pdf_bytes(sample_plan(), issued=ISSUED))


def test_the_envelope_and_headroom_are_printed_as_the_core_works_them_out(sample: Pdf) -> None:
    plan = sample_plan()
    compared = plan_envelope(plan, compute_budget(plan))
    assert compared is not None and not compared.over
    # The board summary's money paragraph.
    found = re.search(rf"Budget envelope: ({MONEY})\. Headroom: ({MONEY})\.", sample.text)
    assert found is not None
    assert (_amount(found[1]), _amount(found[2])) == (compared.envelope, compared.headroom)
    # The budget section's table.
    found = re.search(
        rf"Against the money available Amount Cash budget needed \(paid costs and contingency\) ({MONEY}) "
        rf"Budget envelope ({MONEY}) Headroom ({MONEY})",
        sample.text,
    )
    assert found is not None
    assert [_amount(found[i]) for i in (1, 2, 3)] == [compared.costed, compared.envelope, compared.headroom]
    assert compared.envelope - compared.costed == compared.headroom


def test_each_funders_envelope_is_printed_with_its_headroom(sample: Pdf) -> None:
    plan = sample_plan()
    table = sample.text[sample.text.index("Funder Envelope Their lines Headroom") :]
    for item in funder_envelopes(plan, compute_budget(plan)):
        found = re.search(rf"{re.escape(item.funder.name)} ({MONEY}) ({MONEY}) ({MONEY})", table)
        assert found is not None, item.funder.name
        c = item.comparison
        assert [_amount(found[i]) for i in (1, 2, 3)] == [c.envelope, c.costed, c.headroom]
        assert f"{item.funder.name}: {' '.join(item.funder.notes.split())}" in sample.text


def test_over_the_envelope_reads_over_budget_by(build: Callable[..., Pdf]) -> None:
    plan: Plan = sample_plan()
    budget = compute_budget(plan)
    plan.budget_envelope = budget.cash_total - 12_345  # £123.45 short
    plan.funders[1].envelope = budget.by_funder["Community Fund grant"] - 1
    plan.funders.append(Funder(name="Trust", notes="Asked in March; no answer yet."))
    pdf = build(plan)
    found = re.search(rf"Budget envelope: ({MONEY})\. Over budget by: ({MONEY})\.", pdf.text)
    assert found is not None and _amount(found[2]) == 12_345
    assert re.search(rf"Budget envelope ({MONEY}) Over budget by £123\.45", pdf.text)
    assert "the cash budget is over it by £123.45" in pdf.text
    assert re.search(rf"Community Fund grant ({MONEY}) ({MONEY}) Over budget by £0\.01", pdf.text)
    assert re.search(r"Trust not set £0\.00 –", pdf.text)


def test_no_envelope_prints_no_envelope_lines(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    plan.budget_envelope = None
    plan.funders = []
    pdf = build(plan)
    assert "Budget envelope" not in pdf.text and "Funders' envelopes" not in pdf.text
