"""What a reader finds in the PDF: names, figures, sections, outline and page sizes."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from ceplanner.core.costing import compute_budget, line_total
from ceplanner.core.model import CostCategory, Plan, label
from ceplanner.core.money import format_money
from ceplanner.report import SECTION_TITLES
from tests.report.report_fixtures import Pdf, make_rich_plan, normalise


def test_every_group_and_activity_name_is_printed(rich_pdf: Pdf) -> None:
    plan = make_rich_plan()
    for group in plan.groups:
        assert normalise(group.name) in rich_pdf.text, group.name
    for activity in plan.activities:
        assert normalise(activity.title) in rich_pdf.text, activity.title


def test_totals_printed_are_the_costing_figures(rich_pdf: Pdf) -> None:
    plan = make_rich_plan()
    budget = compute_budget(plan)

    def money(minor: int) -> str:
        return format_money(minor, plan.currency)

    text = rich_pdf.text
    # Whole rows of the category table, label then paid, in kind and total, in that order.
    for category, split in budget.by_category.items():
        row = f"{label(category)} {money(split.paid)} {money(split.in_kind)} {money(split.total)}"
        assert row in text, row
    assert (
        f"Subtotal before contingency {money(budget.paid)} {money(budget.in_kind)} {money(budget.subtotal)}"
        in text
    )
    assert (
        f"Contingency (10% of paid costs) {money(budget.contingency)} – {money(budget.contingency)}" in text
    )
    assert (
        f"Grand total {money(budget.cash_total)} {money(budget.in_kind)} {money(budget.grand_total)}" in text
    )
    # The board summary's headline figures.
    assert f"at a total cost of {money(budget.grand_total)}" in text
    assert (
        f"{money(budget.cash_total)} paid including contingency, {money(budget.in_kind)} contributed in kind"
        in text
    )
    assert budget.cost_per_participant is not None
    assert f"The full cost per expected participant is {money(budget.cost_per_participant)}." in text


def test_the_figures_are_not_stale_when_the_plan_changes(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.activities[0].cost_lines[0].unit_cost += 1234  # staff time, 15 days: £185.10 more in kind
    budget = compute_budget(plan)
    pdf = build(plan)
    assert f"Grand total {format_money(budget.cash_total)} {format_money(budget.in_kind)}" in pdf.text
    assert format_money(budget.grand_total) in pdf.text
    assert "£37,011.98" not in pdf.text  # the unchanged plan's grand total


def test_each_cost_line_is_itemised_with_its_total(rich_pdf: Pdf) -> None:
    plan = make_rich_plan()
    first = plan.activities[0].cost_lines[0]  # 15 days at £250.00, in kind
    assert (
        f"15 days × £250.00 Riverside Homes core budget In kind {format_money(line_total(first))}"
        in rich_pdf.text
    )
    for activity in plan.activities:
        for line in activity.cost_lines:
            assert format_money(line_total(line)) in rich_pdf.text


def test_summaries_by_level_group_and_funder(rich_pdf: Pdf) -> None:
    plan = make_rich_plan()
    budget = compute_budget(plan)
    text = rich_pdf.text
    assert f"Individual outcomes {format_money(budget.by_level['individual'])}" in text
    assert f"Strategic outcomes {format_money(budget.by_level['strategic'])}" in text
    for funder, split in budget.funder_splits.items():
        if funder != "Not assigned":
            row = f"{funder} {format_money(split.paid)} {format_money(split.in_kind)} {format_money(split.total)}"
            assert row in text, funder
    older = plan.groups[1]
    assert f"{older.name} ▲ (seldom heard) {format_money(budget.by_group[older.id])}" in text
    assert f"Total evaluation cost {format_money(budget.evaluation_total)}" in text
    assert f"{budget.evaluation_share}%" in text


def test_summary_is_written_from_the_plan(rich_pdf: Pdf) -> None:
    text = rich_pdf.text
    assert (
        "10 activities over 34 weeks (2 March 2026 to 23 October 2026) will involve 12 stakeholder groups, 4 of"
        in text
    )
    assert "them seldom heard" in text
    assert "Every one of the 4 seldom-heard groups is reached" in text
    assert "Value for money is rated 4.2 out of 6 on average across the 5 Es assessed" in text
    assert "Not yet assessed: evaluation." in text
    # Top risks, highest likelihood x impact first.
    assert text.index("Low turnout from older residents — high likelihood") < text.index(
        "Lottery grant not awarded — medium likelihood"
    )


def test_summary_flags_a_seldom_heard_group_no_activity_reaches(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    young = plan.groups[3]
    for activity in plan.activities:
        if young.id in activity.group_ids:
            activity.group_ids.remove(young.id)
    pdf = build(plan)
    assert f"The seldom-heard group “{young.name}” is not targeted by any activity" in pdf.text
    assert "3 of the 4 seldom-heard groups are reached" in pdf.text


def test_outline_has_the_thirteen_sections(rich_pdf: Pdf) -> None:
    assert len(SECTION_TITLES) == 13
    assert rich_pdf.outline_titles(0) == SECTION_TITLES
    assert "Stakeholder map" in rich_pdf.outline_titles(1)


def test_contents_lists_sections_with_page_numbers(rich_pdf: Pdf) -> None:
    contents = normalise(rich_pdf.pages[1])
    for title in SECTION_TITLES[2:]:
        assert title in contents, title
    # Each entry's page number is the page its section starts on. (pypdf may read a dotted
    # leader and its number before or after the title, so accept either order.)
    for title, opening in [
        ("6 Costed budget", "The full cost of the engagement"),
        ("9 Risks", "5 risks recorded"),
    ]:
        page = next(
            i for i, text in enumerate(rich_pdf.pages, start=1) if f"{title} {opening}" in normalise(text)
        )
        assert re.search(rf"(\. {page} {title} )|({title}[ .]+ {page}\b)", contents), (title, page)


def test_page_count_and_footer(rich_pdf: Pdf) -> None:
    count = len(rich_pdf.reader.pages)
    assert 12 <= count <= 40
    assert f"Page 2 of {count}" in rich_pdf.pages[1]
    assert f"Page {count} of {count}" in rich_pdf.pages[-1]
    assert "Page 1 of" not in rich_pdf.pages[0]  # no footer on the cover


def test_metadata(rich_pdf: Pdf) -> None:
    meta = rich_pdf.reader.metadata
    assert meta is not None
    assert (
        meta.title == "Shaping Northfield's neighbourhood services together — community engagement strategy"
    )
    assert meta.author == "Alex Morgan, Changes Consultancy"
    assert meta.subject and "Riverside Homes" in meta.subject


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612.0, 792.0))])
def test_paper_size(build: Callable[..., Pdf], paper: str, size: tuple[float, float]) -> None:
    pdf = build(make_rich_plan(), paper=paper)
    for page in pdf.reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == size


def test_text_in_many_scripts_is_embedded_in_dejavu(rich_pdf: Pdf) -> None:
    assert "Polish families (Łódź Street twinning group)" in rich_pdf.text
    assert "Zażółć gęślą jaźń" in rich_pdf.text
    assert "Greek Orthodox parish (Ενορία Αγίου Νικολάου)" in rich_pdf.text
    assert "Powiemy, jak Państwa głos wpłynął na decyzję." in rich_pdf.text
    used = set()  # the fonts text is actually set in (reportlab lists Helvetica but never uses it)
    for page in rich_pdf.reader.pages:
        names = {str(k): str(v.get_object()["/BaseFont"]) for k, v in page["/Resources"]["/Font"].items()}
        content = page.get_contents()
        assert content is not None
        for name in re.findall(rb"(/F[\w+]+) [\d.]+ Tf", content.get_data()):
            used.add(names[name.decode()])
    assert any(font.endswith("+DejaVuSans") for font in used)
    assert all("DejaVuSans" in font for font in used), used


def test_an_empty_plan_builds(build: Callable[..., Pdf]) -> None:
    pdf = build(Plan())
    assert pdf.outline_titles(0) == SECTION_TITLES
    assert "Untitled plan" in pdf.text
    assert "No stakeholder groups yet." in pdf.text
    assert "No activities yet." in pdf.text


def test_evaluation_questions_answered_or_marked(rich_pdf: Pdf, build: Callable[..., Pdf]) -> None:
    assert "1. Whose opinion matters? Tenants first" in rich_pdf.text
    plan = make_rich_plan()
    plan.evaluation.analysis_by = ""
    pdf = build(plan)
    assert "5. Who is involved in the analysis? Not yet answered." in pdf.text


def test_unassessed_vfm_is_shown_as_such(rich_pdf: Pdf) -> None:
    assert (
        "Evaluation Will we keep on track, show value for money and learn lessons? Not assessed"
        in rich_pdf.text
    )
    assert "Economy Are the inputs" in rich_pdf.text


def test_appendix_lists_assumptions_and_sources(rich_pdf: Pdf) -> None:
    plan = make_rich_plan()
    text = rich_pdf.text
    assert "Staff day rate £250.00 a day." in text
    assert "7.5 hours, so an hourly rate of £33.33." in text
    for source in {line.source for a in plan.activities for line in a.cost_lines if line.source}:
        assert source in text, source
    unsourced = sum(1 for a in plan.activities for line in a.cost_lines if not line.source)
    assert f"{unsourced} lines without a source" in text


def test_risks_sorted_by_score(rich_pdf: Pdf) -> None:
    text = rich_pdf.text
    assert "1 Low turnout from older residents High Medium 6" in text
    assert "5 Interpreter unavailable Low Low 1" in text


def test_category_label_words_are_the_models(rich_pdf: Pdf) -> None:
    assert label(CostCategory.PARTICIPANT_PAYMENT) in rich_pdf.text
