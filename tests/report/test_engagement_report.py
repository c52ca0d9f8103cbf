"""The engagement report of the delivered sample, written to disk and read back with pypdf:
its sections and bookmarks, and figures checked against core.variance."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ceplanner.cli import main
from ceplanner.core.delivery import planned_part, start_delivery
from ceplanner.core.library import sample_delivered_plan, sample_plan
from ceplanner.core.locale_format import format_number as n
from ceplanner.core.model import Plan, PlanStatus, ResponseKind
from ceplanner.core.money import format_money
from ceplanner.core.variance import DeliveryFigures, delivery_figures, percent_text
from ceplanner.report.engagement_report import (
    NOT_IN_DELIVERY,
    SECTION_TITLES,
    export_report_pdf,
)
from ceplanner.report.errors import ReportError
from ceplanner.store import PlanStore
from ceplanner.store.delivery import approved_baseline
from tests.report.report_fixtures import ISSUED, Pdf, normalise, read_pdf

HEADING_SIZE = 11.0
"""Section headings are 17 pt, sub-headings 11.5 pt; body and table text is smaller."""


@dataclass
class Delivered:
    plan: Plan
    approved: Plan
    figures: DeliveryFigures
    pdf: Pdf


@pytest.fixture(scope="module")
def delivered(tmp_path_factory: pytest.TempPathFactory) -> Delivered:
    folder = tmp_path_factory.mktemp("report")
    path = folder / "delivered.ceplan"
    assert main(["demo", "--delivered", str(path)]) in (0, None)
    with PlanStore.open(path, readonly=True) as store:
        plan = store.load()
        approved = approved_baseline(store, plan)
    assert approved is not plan  # the demo keeps the approved version in the file
    target = export_report_pdf(plan, folder / "report.pdf", approved, issued=ISSUED)
    pdf = read_pdf(target.read_bytes())
    return Delivered(plan, approved, delivery_figures(approved, plan), pdf)


def _outline(pdf: Pdf) -> list[tuple[int, Any]]:
    found: list[tuple[int, Any]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item))

    walk(pdf.reader.outline, 0)
    return found


def _headings_on(pdf: Pdf, index: int) -> str:
    """The text set at heading size on a page."""
    runs: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        scale = abs(tm[3] * cm[3]) or 1
        if text.strip() and size * scale >= HEADING_SIZE:
            runs.append(text)

    pdf.reader.pages[index].extract_text(visitor_text=visit)
    return normalise(" ".join(runs).replace("\xa0", " "))


def test_every_section_is_bookmarked_in_order(delivered: Delivered) -> None:
    assert delivered.pdf.outline_titles(0) == SECTION_TITLES
    assert delivered.pdf.outline_titles(1) == ["By activity", "By category", "By funder"]


def test_each_bookmark_opens_the_page_its_heading_is_on(delivered: Delivered) -> None:
    pdf = delivered.pdf
    entries = _outline(pdf)
    assert len(entries) == len(SECTION_TITLES) + 3
    for _level, entry in entries:
        index = pdf.reader.get_destination_page_number(entry)
        if entry.title == "Cover":
            assert index == 0
            continue
        title = entry.title.split(" ", 1)[1] if entry.title[0].isdigit() else entry.title
        assert title in _headings_on(pdf, index), (entry.title, index)
        assert title not in _headings_on(pdf, index - 1), (entry.title, index)  # not the page before


def _signed(amount: int) -> str:
    return ("+" if amount > 0 else "") + format_money(amount)


def test_total_planned_actual_and_variance_are_core_variance_figures(delivered: Delivered) -> None:
    total = delivered.figures.total
    row = " ".join(
        [
            "Total",
            format_money(total.planned.total),
            format_money(total.actual.total),
            _signed(total.variance),
            percent_text(total.percent),
        ]
    )
    # One total row under each of the three breakdowns: activity, category, funder.
    assert delivered.pdf.text.count(row) == 3
    assert total.variance != 0 and total.actual.total != total.planned.total


def test_every_breakdown_row_is_printed_with_its_variance(delivered: Delivered) -> None:
    figures, text = delivered.figures, delivered.pdf.text
    for row in [*figures.by_activity, *figures.by_category, *figures.by_funder]:
        numbers = " ".join(
            [
                format_money(row.planned.total),
                format_money(row.actual.total),
                _signed(row.variance),
                percent_text(row.percent),
            ]
        )
        assert f"{normalise(row.label)} {numbers}" in text, row.label


def test_each_group_shows_people_reached_against_expected(delivered: Delivered) -> None:
    text = delivered.pdf.text
    reach = delivered.figures.reach
    assert any(r.seldom_heard for r in reach)
    for row in [*reach, delivered.figures.seldom_heard, delivered.figures.reach_total]:
        figures = f"{n(row.expected)} {n(row.reached)} {percent_text(row.percent, signed=False)} {n(row.attendances)}"
        assert f"{normalise(row.name)} {figures}" in text, row.name


def test_only_consented_quotations_are_printed(delivered: Delivered) -> None:
    text = delivered.pdf.text
    theme = next(t for t in delivered.plan.themes if {q.consent for q in t.quotations} == {True, False})
    consented = [q for q in theme.quotations if q.consent]
    refused = [q for q in theme.quotations if not q.consent]
    for quotation in consented:
        assert normalise(quotation.text) in text
    for quotation in refused:
        assert normalise(quotation.text) not in text
        assert normalise(quotation.text)[:25] not in text  # not even its start
    assert theme.how_many is not None and normalise(theme.title) in text


def test_every_response_is_printed_whole(delivered: Delivered) -> None:
    text = delivered.pdf.text
    responses = delivered.plan.responses
    assert {r.kind for r in responses} == {ResponseKind.WE_DID, ResponseKind.WE_DID_NOT}
    for response in responses:
        assert normalise(response.action) in text
        assert normalise(response.owner) in text


def test_lessons_and_dropped_reasons_are_printed(delivered: Delivered) -> None:
    text = delivered.pdf.text
    assert delivered.plan.evaluation.lessons.strip()
    assert normalise(delivered.plan.evaluation.lessons) in text
    dropped = [a for a in delivered.plan.activities if a.dropped_reason]
    assert dropped
    for activity in dropped:
        assert normalise(activity.dropped_reason) in text


def test_without_an_approved_version_the_plan_s_planned_part_is_the_baseline(tmp_path: Path) -> None:
    plan = sample_delivered_plan()
    path = export_report_pdf(plan, tmp_path / "report.pdf", issued=ISSUED)
    total = delivery_figures(planned_part(plan), plan).total
    assert (
        f"Total {format_money(total.planned.total)} {format_money(total.actual.total)}"
        in read_pdf(path.read_bytes()).text
    )


def test_the_approved_version_given_is_the_baseline(tmp_path: Path) -> None:
    plan = sample_delivered_plan()
    approved = planned_part(plan)
    approved.activities[0].cost_lines[0].unit_cost += 10_000  # approved dearer than the plan now
    path = export_report_pdf(plan, tmp_path / "report.pdf", approved, issued=ISSUED)
    text = read_pdf(path.read_bytes()).text
    mine, own = delivery_figures(approved, plan).total, delivery_figures(planned_part(plan), plan).total
    assert mine.planned.total != own.planned.total
    assert f"Total {format_money(mine.planned.total)} {format_money(mine.actual.total)}" in text
    assert f"Total {format_money(own.planned.total)} " not in text


def test_a_plan_not_in_delivery_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with pytest.raises(ReportError) as caught:
        export_report_pdf(sample_plan(), target)
    assert str(caught.value) == NOT_IN_DELIVERY
    assert not target.exists()


def test_indicators_show_measured_beside_baseline_and_target(delivered: Delivered) -> None:
    text = delivered.pdf.text
    indicators = delivered.figures.indicators
    assert any(i.measured for i in indicators) and any(not i.measured for i in indicators)
    for indicator in indicators:
        shown = [
            indicator.measure,
            indicator.baseline,
            indicator.target,
            indicator.measured or "Not measured",
        ]
        assert normalise(" ".join(shown)) in text, indicator.measure


def test_the_six_es_and_evaluation_questions_answered_at_the_end_are_printed(delivered: Delivered) -> None:
    text = delivered.pdf.text
    for rating in delivered.plan.vfm:
        assert rating.rating_at_end is not None
        assert (
            f"{rating.rating} of 6 {rating.rating_at_end} of 6 {normalise(rating.commentary_at_end)}" in text
        )
    evaluation = delivered.plan.evaluation
    assert normalise(evaluation.whose_opinion_at_end) in text
    assert normalise(evaluation.evidence_at_end) in text


def test_a_plan_just_put_in_delivery_gets_a_report_saying_what_is_not_recorded_yet(tmp_path: Path) -> None:
    plan = sample_plan()
    plan.status = PlanStatus.APPROVED
    start_delivery(plan, ISSUED)
    path = export_report_pdf(plan, tmp_path / "report.pdf", issued=ISSUED)
    pdf = read_pdf(path.read_bytes())
    assert pdf.outline_titles(0) == SECTION_TITLES
    assert "No themes recorded in the findings log yet." in pdf.text
    assert "No responses recorded yet." in pdf.text
    total = delivery_figures(planned_part(plan), plan).total
    assert total.actual.total == 0
    assert (
        f"Total {format_money(total.planned.total)} {format_money(0)} {_signed(-total.planned.total)} -100.0%"
        in pdf.text
    )


def test_text_that_looks_like_markup_is_printed_as_typed_on_letter_paper(tmp_path: Path) -> None:
    plan = sample_delivered_plan()
    theme = plan.themes[0]
    theme.title = "Slots <b>too</b> wide & early"
    consented = next(q for q in theme.quotations if q.consent)
    consented.text = "I said <i>no</i> & meant it"
    plan.responses[0].action = "Moved to <font size=40>two-hour</font> slots"
    path = export_report_pdf(plan, tmp_path / "report.pdf", paper="letter", issued=ISSUED)
    pdf = read_pdf(path.read_bytes())
    assert round(float(pdf.reader.pages[0].mediabox.width)) == 612  # Letter
    for typed in (theme.title, consented.text, plan.responses[0].action):
        assert typed in pdf.text
