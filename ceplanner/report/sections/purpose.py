"""Section 4: context and purpose: why we engage, the decision, whose value, levels of influence."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ceplanner.core.i18n import translate
from ceplanner.core.impact import QUESTIONS, recommend, recommendation_sentence
from ceplanner.core.model import IAP2_PROMISES, IAP2Level, label
from ceplanner.core.palette import WARNING
from ceplanner.report.analysis import format_date, plan_period, plural
from ceplanner.report.layout import ReportContext, cat, markup, plain, section_heading, subheading
from ceplanner.report.tables import table

NUMBER, TITLE = "2", "Context and purpose"
NOT_STATED = "Not stated yet."


def build_purpose(ctx: ReportContext) -> list[Flowable]:
    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    items.append(subheading(ctx, "Why we are engaging", key="purpose"))
    if plan.purpose.strip():
        items += [ctx.para(ctx.m(part)) for part in plan.purpose.strip().split("\n\n")]
    else:
        items.append(ctx.para(plain(NOT_STATED), s.muted))

    items += _issue_and_scope(ctx)
    items.append(subheading(ctx, "The decision and what is open to influence", key="decision"))
    period = plan_period(plan)
    rows = [
        ["Decision sought", plan.decision or NOT_STATED],
        ["Who decides", plan.decision_maker or NOT_STATED],
        ["Decision date", format_date(plan.decision_date) or NOT_STATED],
        ["Open to influence", plan.negotiable or NOT_STATED],
        ["Not negotiable", plan.not_negotiable or NOT_STATED],
        ["Value for whom", ", ".join(plan.value_for_whom) or NOT_STATED],
        [
            "Plan period",
            f"{format_date(period.start)} to {format_date(period.end)}" if period else NOT_STATED,
        ],
        ["Status", label(plan.status)],
    ]
    items.append(
        table(ctx, None, [[markup(f"<b>{r[0]}</b>"), r[1]] for r in rows], [0.24, 0.76], zebra=False)
    )

    items.append(subheading(ctx, "Levels of participation and our promise"))
    items.append(
        ctx.para(
            plain(
                "Each group and activity is placed on the IAP2 Spectrum of Public Participation. The level "
                "sets the promise we make to the people taking part; the table shows the levels this plan uses."
            )
        )
    )
    level_rows = []
    for level in IAP2Level:
        groups = [g for g in plan.groups if g.target_level is level]
        activities = [a for a in plan.activities if a.level is level]
        if not groups and not activities:
            continue
        level_rows.append(
            [
                cat(markup("<b>"), plain(label(level)), markup("</b>")),
                IAP2_PROMISES[level],
                plural(len(groups), "group") if groups else "–",
                plural(len(activities), "activity", "activities") if activities else "–",
            ]
        )
    if level_rows:
        items.append(
            table(
                ctx,
                ["Level", "Promise to the public", "Target for", "Activities"],
                level_rows,
                [0.16, 0.56, 0.14, 0.14],
            )
        )
    else:
        items.append(ctx.para(plain("No groups or activities yet."), s.muted))
    items += _history(ctx)
    return items


def _two_columns(ctx: ReportContext, rows: list[tuple[str, str]]) -> Flowable:
    return table(ctx, None, [[markup(f"<b>{h}</b>"), text] for h, text in rows], [0.24, 0.76], zebra=False)


def _issue_and_scope(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    items: list[Flowable] = [subheading(ctx, "The issue and its scope", key="issue")]
    items.append(
        _two_columns(
            ctx,
            [
                ("The issue", plan.issue or NOT_STATED),
                ("Who it affects, and how", plan.affected or NOT_STATED),
                ("In scope", plan.in_scope or NOT_STATED),
                ("Out of scope", plan.out_of_scope or NOT_STATED),
                ("Geography", plan.geography or NOT_STATED),
            ],
        )
    )
    items.append(subheading(ctx, "Level of impact", key="impact"))
    rows = [("Impact category", label(plan.impact_category) if plan.impact_category else NOT_STATED)]
    rows += [
        (translate("Impact", q), label(getattr(plan, attr)) if getattr(plan, attr) else NOT_STATED)
        for attr, q in QUESTIONS
    ]
    items += [_two_columns(ctx, rows), Spacer(1, 2 * mm)]
    sentence = recommendation_sentence(plan)
    if recommend(plan).plan_below:
        items.append(
            ctx.para(cat(markup(f'<font color="{WARNING}"><b>'), plain(sentence), markup("</b></font>")))
        )
    else:
        items.append(ctx.para(plain(sentence)))
    return items


def _history(ctx: ReportContext) -> list[Flowable]:
    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [subheading(ctx, "What we already know", key="history")]
    if plan.past_engagements:
        items.append(
            table(
                ctx,
                ["When", "What about", "What was heard", "What changed"],
                [
                    [p.when or "–", p.about or "–", p.heard or "–", p.changed or "–"]
                    for p in plan.past_engagements
                ],
                [0.14, 0.22, 0.32, 0.32],
            )
        )
    else:
        items.append(ctx.para(plain("No earlier engagement on this subject is recorded."), s.muted))
    if plan.already_known.strip():
        items.append(Spacer(1, 2 * mm))
        items.append(
            ctx.para(cat(markup("<b>Not to be asked again.</b> "), ctx.m(plan.already_known.strip())))
        )
    return items
