"""A table of thousands of rows: made page by page, every row once and in order, header on top
of every page, memory that does not grow with the rows' paragraphs."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date

from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate

from ceplanner.core.costing import compute_budget
from ceplanner.core.model import Plan
from ceplanner.report import styles as st
from ceplanner.report.layout import Markup, ReportContext
from ceplanner.report.tables import LAZY_ROWS, LongTable, ReportTable, table
from tests.report.report_fixtures import Pdf, body_text, normalise


def _ctx() -> ReportContext:
    plan = Plan(title="Long tables")
    return ReportContext(
        plan=plan,
        budget=compute_budget(plan),
        text=st.new_renderer(),
        width=450.0,
        height=700.0,
        issued=date(2027, 1, 1),
        logo=None,
        dpi=100,
        progress=lambda message: None,
    )


def _pages(ctx: ReportContext, flowable: object) -> list[str]:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, leftMargin=72, rightMargin=72, topMargin=60, bottomMargin=60).build([flowable])
    return [page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def test_a_long_table_shows_every_row_once_in_order_with_the_header_on_every_page() -> None:
    ctx = _ctx()
    count = LAZY_ROWS * 3 + 7
    rows = [
        [
            f"R{i:05d}",
            Markup(f"<b>Name {i}</b> with a note that wraps onto a second line in its cell"),
            f"{i:,}",
        ]
        for i in range(count)
    ]
    made = table(ctx, ["Row", "Who", "Amount"], rows, [1, 4, 1], numeric=[2], total_rows=[count - 1])
    assert isinstance(made, LongTable)
    pages = _pages(ctx, made)
    assert len(pages) > 5
    seen = [int(n) for page in pages for n in re.findall(r"R(\d{5})", page)]
    assert seen == list(range(count)), "every row once, in order, across the pages"
    for page in pages:
        assert page.split()[:3] == ["Row", "Who", "Amount"], "the header heads every page"


def test_a_short_table_is_an_ordinary_table() -> None:
    ctx = _ctx()
    made = table(ctx, ["Row", "Who"], [[f"R{i}", "x"] for i in range(LAZY_ROWS)], [1, 1])
    assert isinstance(made, ReportTable)


def test_thousands_of_findings_are_all_printed_page_by_page(build: Callable[..., Pdf]) -> None:
    from ceplanner.core.checks import findings
    from tests.factories import big_plan

    plan = big_plan(300, 20)
    found = findings(plan).open
    assert len(found) > 150  # enough to be laid out page by page
    text = normalise(body_text(build(plan), plan))
    assert f"Points to resolve before approval ({len(found):,})" in text
    missing = [c.message for c in found if normalise(c.message) not in text]
    assert missing == []
