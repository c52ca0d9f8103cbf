"""Very large plans, the bundled sample plan, and the Qt-free, pyplot-free rule."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from ceplanner.core.costing import compute_budget
from ceplanner.core.money import format_money
from ceplanner.report import SECTION_TITLES
from tests.report.report_fixtures import Pdf, make_big_plan, normalise

BIG_BUILD_SECONDS = 60
"""Generous: about 7 s on the development machine. A quadratic slip in table layout takes minutes."""


def test_a_very_large_plan_builds(build: Callable[..., Pdf]) -> None:
    plan = make_big_plan(groups=500, activities=200)
    started = time.perf_counter()
    pdf = build(plan)
    elapsed = time.perf_counter() - started
    assert elapsed < BIG_BUILD_SECONDS
    assert pdf.outline_titles(0) == SECTION_TITLES
    assert 60 < len(pdf.reader.pages) < 400
    text = pdf.text
    for group in (plan.groups[0], plan.groups[250], plan.groups[499]):
        assert normalise(group.name) in text
    for activity in (plan.activities[0], plan.activities[199]):
        assert activity.title in text
    budget = compute_budget(plan)
    assert f"Grand total {format_money(budget.cash_total)} {format_money(budget.in_kind)}" in text
    # The timeline is split into several charts rather than squeezed into one.
    from ceplanner.report.sections.engagement import ROWS_PER_CHART

    parts = -(-len(plan.activities) // ROWS_PER_CHART)
    first = (parts - 1) * ROWS_PER_CHART + 1
    assert parts > 1 and f"Part {parts} of {parts}: activities {first} to {len(plan.activities)}." in text
    assert "Numbers refer to" not in text  # 500 groups are too many to label on the map
    assert "Too many groups to label" in text


def test_the_sample_plan_builds(build: Callable[..., Pdf]) -> None:
    library = pytest.importorskip("ceplanner.core.library")
    plan = library.sample_plan()
    pdf = build(plan)
    for group in plan.groups:
        assert normalise(group.name) in pdf.text, group.name
    for activity in plan.activities:
        assert normalise(activity.title) in pdf.text, activity.title
    budget = compute_budget(plan)
    assert f"at a total cost of {format_money(budget.grand_total, plan.currency)}" in pdf.text
    summary = [i for i, page in enumerate(pdf.pages) if "1 Summary for the board" in normalise(page)]
    assert len(pdf.pages) > summary[-1] + 1
    assert "2 Context and purpose" in normalise(pdf.pages[summary[-1] + 1])  # the summary fits one page


def test_building_a_pdf_loads_neither_qt_nor_pyplot() -> None:
    code = (
        "import sys\n"
        "from ceplanner.core.model import Plan, StakeholderGroup\n"
        "from ceplanner.report import build_pdf_bytes\n"
        "from ceplanner.report import charts\n"
        "plan = Plan(title='t', groups=[StakeholderGroup(name='g', seldom_heard=True)])\n"
        "assert build_pdf_bytes(plan).startswith(b'%PDF')\n"
        "charts.power_interest_chart(plan)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')]\n"
        "bad += [m for m in sys.modules if m == 'matplotlib.pyplot']\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_the_report_package_is_cheap() -> None:
    code = (
        "import sys, ceplanner.report\n"
        "assert 'matplotlib' not in sys.modules\n"
        "assert 'reportlab' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
