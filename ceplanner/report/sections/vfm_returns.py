"""Parts of section 7: what goes in and what comes back, and the social-return forecast."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable

from ceplanner.core import locale_format
from ceplanner.core.money import format_money, format_quantity, symbol
from ceplanner.core.sroi import SENSITIVITY_POINTS, estimate_note, forecast, ratio_text, sensitivity
from ceplanner.core.vfm_measures import goes_in_comes_back
from ceplanner.report.layout import Cell, ReportContext, cat, markup, note_box, plain, subheading
from ceplanner.report.tables import table


def _pct(value: Decimal) -> str:
    return locale_format.format_percent(value)


def build_returns(ctx: ReportContext) -> list[Flowable]:
    """The service's yearly cost, the engagement's cost and share of it, and the expected returns."""
    plan = ctx.plan
    if plan.service_annual_cost is None and not plan.expected_returns.strip():
        return []
    rows: list[list[Cell]] = []
    for measure in goes_in_comes_back(plan, ctx.budget):
        rows.append([plain(measure.label), ctx.m(measure.text)])
    return [
        subheading(ctx, "What goes in and what comes back"),
        table(ctx, None, rows, [0.35, 0.65]),
    ]


def build_sroi(ctx: ReportContext) -> list[Flowable]:
    """The forecast table, its ratio and sensitivity, marked throughout as an estimate."""
    plan = ctx.plan
    if not plan.sroi_outcomes:
        return []
    money = plan.currency
    result = forecast(plan, ctx.budget.grand_total)
    items: list[Flowable] = [subheading(ctx, "Social return forecast (estimate)")]
    items.append(
        ctx.para(
            plain(
                "Outcomes are valued with financial proxies and reduced for deadweight (what would have "
                "happened anyway), attribution (what others contributed), displacement and drop-off, then "
                f"discounted at {locale_format.format_percent(result.discount_percent)} a year."
            )
        )
    )
    rows: list[list[Cell]] = []
    for row in result.outcomes:
        o = row.outcome
        outcome: Cell = cat(ctx.b(o.description or "Unnamed outcome"), markup("<br/>"), ctx.m(o.who))
        proxy = cat(plain(format_money(o.proxy_value, money)), markup("<br/>"), ctx.m(o.proxy_source))
        rows.append(
            [
                outcome,
                locale_format.format_number(o.quantity),
                proxy,
                plain(
                    f"{_pct(o.deadweight_percent)} / {_pct(o.attribution_percent)} / "
                    f"{_pct(o.displacement_percent)} / {_pct(o.drop_off_percent)}"
                ),
                f"{o.duration_years}",
                format_money(row.present_value, money),
            ]
        )
    rows.append(["Total present value (estimate)", "", "", "", "", format_money(result.present_value, money)])
    items.append(
        table(
            ctx,
            [
                "Outcome and who",
                "Quantity",
                "Proxy a year and source",
                "Deadweight / attribution / displacement / drop-off",
                "Years",
                "Present value",
            ],
            rows,
            [0.26, 0.1, 0.22, 0.18, 0.08, 0.16],
            numeric=(1, 4, 5),
            total_rows=(len(rows) - 1,),
        )
    )
    sign = symbol(money)
    items.append(
        note_box(
            ctx,
            cat(
                markup("<b>Forecast ratio:</b> "),
                plain(ratio_text(result.ratio, sign)),
                plain(f", against the engagement's cost of {format_money(result.cost, money)}. "),
                plain(estimate_note()),
            ),
        )
    )
    cases = sensitivity(plan, ctx.budget.grand_total)
    case_rows: list[list[Cell]] = [
        [
            c.name,
            format_money(c.present_value, money),
            "–" if c.ratio is None else f"{sign}{c.ratio} : {sign}1",
        ]
        for c in cases
    ]
    items.append(
        ctx.para(
            plain(
                f"Sensitivity (estimate): the forecast with each assumption raised by "
                f"{format_quantity(SENSITIVITY_POINTS)} percentage points."
            )
        )
    )
    items.append(table(ctx, ["Case", "Present value", "Ratio"], case_rows, [0.5, 0.25, 0.25], numeric=(1, 2)))
    return items
