"""The budget scenarios in the PDF: every scenario's name and figures as core compares them."""

from __future__ import annotations

from collections.abc import Callable

from ceplanner.core.library import sample_plan
from ceplanner.core.model import CostCategory, Scenario, ScenarioActivity
from ceplanner.core.money import format_money
from ceplanner.core.scenarios import compare_all, findings_text
from ceplanner.report.sections import SECTION_TITLES
from ceplanner.report.sections.scenarios import TITLE
from tests.report.report_fixtures import Pdf, normalise


def _pages_with(pdf: Pdf, text: str) -> list[int]:
    return [i for i, page in enumerate(pdf.pages) if text in normalise(page)]


def _row(text: str, words: str, cells: int = 3) -> list[str]:
    """The ``cells`` words that follow the first line reading exactly ``words`` (pypdf gives each
    table cell its own line)."""
    lines = [normalise(line) for line in text.splitlines()]
    start = lines.index(words) + 1
    return " ".join(lines[start : start + cells]).split()


def test_the_comparison_prints_each_scenarios_name_and_figures(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    results = compare_all(plan)
    pdf = build(plan)
    assert TITLE in pdf.outline_titles(1) and TITLE not in SECTION_TITLES
    pages = _pages_with(pdf, TITLE)
    assert len(pages) == 1  # the comparison itself; a bookmark, not a contents line, leads to it
    page = (pdf.pages[pages[-1]] + "\n" + pdf.pages[pages[-1] + 1]).split(TITLE, 1)[1]
    assert "Figure Lean Standard Enhanced" in normalise(page)
    assert _row(page, "Full cost") == [format_money(r.total) for r in results]
    assert _row(page, "Cash budget needed") == [format_money(r.budget.cash_total) for r in results]
    assert _row(page, "Paid costs") == [format_money(r.budget.paid) for r in results]
    assert _row(page, "Staff time") == [format_money(r.by_category[CostCategory.STAFF_TIME]) for r in results]
    assert (
        _row(page, "Seldom-heard groups reached")
        == " ".join(f"{len(r.seldom_heard_reached)} of {len(r.seldom_heard)}" for r in results).split()
    )
    assert _row(page, "Findings of the checks") == " ".join(findings_text(r) for r in results).split()
    for scenario in plan.scenarios:
        assert normalise(f"{scenario.name}: {scenario.description}") in normalise(pdf.text)


def test_many_scenarios_continue_in_a_second_table_and_none_leaves_no_trace(
    build: Callable[..., Pdf],
) -> None:
    plan = sample_plan()
    visits = next(a for a in plan.activities if a.id == "activity-hollin-lane")
    plan.scenarios += [Scenario(f"Visits ×{n}", activities=[ScenarioActivity(visits.id, n)]) for n in (2, 3)]
    results = compare_all(plan)
    pdf = build(plan)
    text = pdf.text
    for result in results:
        assert result.name in text
        assert format_money(result.total) in text
    # Only the visits to the Traveller site: the groups they do not reach are named, and the
    # checker's findings the whole plan does not have (other seldom-heard groups not reached).
    assert "Visits ×2 Groups not reached: Tenants whose first language" in text
    assert "Findings the plan as a whole does not have: The seldom-heard group" in text
    # Four scenarios to a table: the fifth continues in a second table.
    assert text.count("Figure Lean Standard Enhanced Visits ×2 Activities") == 1
    assert "Figure Visits ×3 Activities 1 of 11" in text

    plan.scenarios = []
    plain = build(plan)
    assert TITLE not in plain.text and TITLE not in plain.outline_titles(1)
