"""The charts: matplotlib Figures built from core objects only, readable in greyscale."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text

from ceplanner.core.costing import compute_budget
from ceplanner.core.model import Plan, SixE, label
from ceplanner.core.money import format_money
from ceplanner.report import charts
from tests.report.report_fixtures import Pdf, make_big_plan, make_rich_plan


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_power_interest_chart_labels_every_group_without_overlap() -> None:
    plan = make_rich_plan()
    fig = charts.power_interest_chart(plan)
    assert isinstance(fig, Figure)
    assert not getattr(fig, "numbered_labels", False)
    texts = _texts(fig)
    for quadrant in ("MANAGE CLOSELY", "KEEP SATISFIED", "KEEP INFORMED", "MONITOR"):
        assert quadrant in texts
    labels = [t for t in fig.axes[0].texts if isinstance(t, Annotation)]
    assert len(labels) == len(plan.groups)
    shown = {" ".join(t.get_text().split()) for t in labels}
    for number, group in enumerate(plan.groups, start=1):
        assert any(text.startswith(f"{number} {group.name.split()[0]}") for text in shown), group.name
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in labels]
    worst = max(
        (max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0)))
        for a, b in combinations(boxes, 2)
    )
    assert worst < 1.0  # square pixels: no label touches another


def test_seldom_heard_groups_have_their_own_marker_shape() -> None:
    plan = make_rich_plan()
    fig = charts.power_interest_chart(plan)
    scatters = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    assert len(scatters) == 2
    sizes = sorted(len(c.get_offsets()) for c in scatters)
    seldom = sum(1 for g in plan.groups if g.seldom_heard)
    assert sizes == sorted([seldom, len(plan.groups) - seldom])
    shapes = {len(c.get_paths()[0].vertices) for c in scatters}
    assert len(shapes) == 2  # circle and triangle, not just two colours


def test_crowded_map_falls_back_to_numbers() -> None:
    plan = make_big_plan(groups=40, activities=2)
    fig = charts.power_interest_chart(plan)
    assert fig.numbered_labels  # type: ignore[attr-defined]
    labels = {t.get_text() for t in fig.axes[0].texts if isinstance(t, Annotation)}
    assert labels == {str(i) for i in range(1, 41)}


def test_timeline_has_a_bar_per_activity_and_month_ticks() -> None:
    plan = make_rich_plan()
    fig = charts.timeline_chart(plan)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    spans = [a for a in plan.activities if a.start and a.end and a.end > a.start]
    assert len(bars) == len(spans)
    one_day = [a for a in plan.activities if a.start and (a.end is None or a.end == a.start)]
    assert len(ax.lines) == len(one_day)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    for number, (title, text) in enumerate(zip([a.title for a in plan.activities], shown, strict=True), 1):
        assert " ".join(text.split()) == f"{number} {title}"  # numbered as in the tables, whole
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[:2] == ["Mar\n2026", "Apr\n2026"]
    assert "Oct\n2026" in ticks


def test_budget_chart_prints_the_budget_figures() -> None:
    plan = make_rich_plan()
    budget = compute_budget(plan)
    fig = charts.budget_chart(plan, budget)
    texts = _texts(fig)
    for split in budget.by_category.values():
        assert format_money(split.total, plan.currency) in texts
    assert format_money(budget.contingency, plan.currency) in texts
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[:-1] == [label(c) for c in budget.by_category]
    assert labels[-1] == "Contingency (10%)"
    hatched = [p for p in fig.axes[0].patches if p.get_hatch()]
    assert hatched  # in-kind and contingency stay distinguishable in greyscale


def test_vfm_chart_shows_unassessed_as_such() -> None:
    plan = make_rich_plan()
    fig = charts.vfm_chart(plan)
    texts = _texts(fig)
    assert "Not yet assessed" in texts
    ratings = {r.e: r.rating for r in plan.vfm}
    for e in SixE:
        if ratings[e] is not None:
            assert f"{ratings[e]} / 6" in texts


def test_empty_plan_charts_say_so() -> None:
    plan = Plan()
    budget = compute_budget(plan)
    assert "No stakeholder groups yet" in _texts(charts.power_interest_chart(plan))
    assert "No activities yet" in _texts(charts.timeline_chart(plan))
    assert "No costs yet" in _texts(charts.budget_chart(plan, budget))
    assert _texts(charts.vfm_chart(plan)).count("Not yet assessed") == 6


def test_figures_fit_an_a4_column_and_render_at_200_dpi() -> None:
    plan = make_rich_plan()
    for fig in (charts.power_interest_chart(plan), charts.vfm_chart(plan)):
        width, height = fig.get_size_inches()
        assert width <= 6.5 and height <= 9.5
        png = charts.figure_to_png(fig)
        assert png.startswith(b"\x89PNG")
        pixels_wide = int.from_bytes(png[16:20], "big")
        assert pixels_wide == round(width * 200)


def _drawn(text: object) -> str:
    """What matplotlib draws for a Text: mathtext must never be parsed from user text."""
    shown, is_math = text._preprocess_math(text.get_text())  # type: ignore[attr-defined]
    assert not is_math, text.get_text()  # type: ignore[attr-defined]
    return " ".join(str(shown).split())


def test_budget_axis_money_as_in_the_tables() -> None:
    from ceplanner.core.money import format_money_whole

    plan = make_rich_plan()
    fig = charts.budget_chart(plan, compute_budget(plan))
    formatter = fig.axes[0].xaxis.get_major_formatter()
    for value in (0, 2500, 7500, 12500, 1_000_000):
        assert _drawn(Text(text=formatter(float(value), 0))) == format_money_whole(value * 100)
    fig.canvas.draw()
    ticks = [_drawn(t) for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks[0] == "£0"


def test_dollar_signs_in_names_are_printed_not_math() -> None:
    plan = make_rich_plan()
    plan.currency = "USD"
    plan.activities[0].title = "Budget $5 to $10"
    plan.groups[0].name = "Renters paying $500 to $900"
    timeline = charts.timeline_chart(plan)
    assert _drawn(timeline.axes[0].get_yticklabels()[0]) == "1 Budget $5 to $10"
    stakeholder_map = charts.power_interest_chart(plan)
    shown = [_drawn(t) for t in stakeholder_map.axes[0].texts if isinstance(t, Annotation)]
    assert "1 Renters paying $500 to $900" in shown
    budget = charts.budget_chart(plan, compute_budget(plan))
    assert all(_drawn(t).startswith("$") for t in budget.axes[0].texts)
    budget.canvas.draw()
    assert next(_drawn(t) for t in budget.axes[0].get_xticklabels() if t.get_text()) == "$0"


def test_names_in_charts_are_never_cut() -> None:
    plan = make_rich_plan()
    plan.activities[1].title = "A rather long activity title that needs two lines to be printed in full"
    plan.activities[2].title = "An extremely long activity title " * 6
    plan.groups[2].name = "Polish-speaking residents of the Riverside estate and their families"
    timeline = charts.timeline_chart(plan)
    labels = [_drawn(t) for t in timeline.axes[0].get_yticklabels()]
    assert labels[1] == "2 " + plan.activities[1].title
    assert labels[2] == "3"  # too long for the chart: its number, the key to the activities table
    stakeholder_map = charts.power_interest_chart(plan)
    for fig in (timeline, stakeholder_map):
        texts = [t.get_text() for ax in fig.axes for t in [*ax.texts, *ax.get_yticklabels()]]
        assert not any("…" in t for t in texts)
    shown = {_drawn(t) for t in stakeholder_map.axes[0].texts if isinstance(t, Annotation)}
    name = " ".join(plan.groups[2].name.split())
    assert f"3 {name}" in shown or "3" in shown


def test_tables_mark_seldom_heard_groups_as_the_map_does(build: Callable[..., Pdf]) -> None:
    from ceplanner.core.palette import SELDOM_HEARD_MARKER

    assert SELDOM_HEARD_MARKER.code == "^"  # the map's upward triangle, printed in the tables as ▲
    plan = make_rich_plan()
    pdf = build(plan)
    seldom = sum(1 for g in plan.groups if g.seldom_heard)
    assert pdf.text.count("▲ Yes") == seldom
