"""Section 3: a one-page summary for the board, written as prose from the plan's own figures."""

from __future__ import annotations

import re
from decimal import Decimal

from reportlab.platypus import Flowable

from ceplanner.core import costing, locale_format
from ceplanner.core.checks import Severity, findings
from ceplanner.core.model import IAP2Level, OutcomeLevel, Risk, SixE, label
from ceplanner.core.summary import envelope_sentence
from ceplanner.report.analysis import (
    activities_for_group,
    format_date,
    plan_period,
    plural,
    risk_score,
    risks_by_score,
)
from ceplanner.report.layout import (
    LateParagraph,
    Markup,
    ReportContext,
    cat,
    gap,
    key_figures,
    markup,
    note_box,
    note_list_box,
    page_link,
    plain,
    section_heading,
)
from ceplanner.report.shares import percent
from ceplanner.report.tables import LAZY_ROWS, table
from ceplanner.report.text import escape

NUMBER, TITLE = "1", "Summary for the board"
SUMMARY_HEADING = 40.0
NOTE_GAP = 8.0
"""Room the section heading takes above the summary, in points."""


class MissingCharactersNote(Flowable):
    """A note that some characters could not be shown, decided when the page is laid out.

    Only then has every section turned the plan's text into markup, so only then is it known
    whether any character had no font.
    """

    def __init__(self, ctx: ReportContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._box: Flowable | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        note = self._ctx.text.missing_note()
        if note is None:
            self._box = None
            return 0, 0
        self._box = note_box(self._ctx, plain(note))
        width, height = self._box.wrapOn(self.canv, availWidth, availHeight)
        return width, height + NOTE_GAP

    def draw(self) -> None:
        if self._box is not None:
            self._box.drawOn(self.canv, 0, NOTE_GAP)


DECISION_KEY = "decision"
PURPOSE_KEY = "purpose"
RISKS_KEY = "risks"
"""Destinations of the headings whose sections hold the whole texts the summary shortens."""
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+")


def first_sentences(text: str, limit: int) -> tuple[str, bool]:
    """As many whole sentences of ``text`` as fit in ``limit`` characters (at least one), and
    whether any were left out. Paragraphs after the first count as left out."""
    text = text.strip()
    first, _, rest = text.partition("\n")
    shown, cut = "", bool(rest.strip())
    for match in _SENTENCE_END.finditer(first + " "):
        candidate = first[: match.start()].strip()
        if shown and len(candidate) > limit:
            return shown, True
        shown = candidate
    return (shown or first), cut


def excerpt(ctx: ReportContext, text: str, limit: int, key: str, *, end: str = ".") -> Markup:
    """User text for the summary, ended at a sentence, pointing to the page with all of it.

    ``end`` is added when the text does not already end with a full stop (or similar).
    """
    shown, cut = first_sentences(text, limit)
    if not cut:
        stop = "" if not end or shown.endswith((".", "!", "?", "…", ":")) else end
        return cat(ctx.m(shown), plain(stop))
    return cat(
        ctx.m(shown),
        markup(' <font color="#56616D">(in full on '),
        page_link(ctx, key),
        markup(")</font>"),
        plain(end),
    )


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _overview(ctx: ReportContext) -> Markup:
    plan, b = ctx.plan, ctx.budget
    if not plan.activities and not plan.groups:
        return markup(escape("The plan has no stakeholder groups or activities yet, so nothing is costed."))
    period = plan_period(plan)
    seldom = sum(1 for g in plan.groups if g.seldom_heard)
    if plan.activities:
        text = escape(plural(len(plan.activities), "activity", "activities"))
        if period is not None:
            text += escape(
                f" over {period.describe()} ({format_date(period.start)} to {format_date(period.end)})"
            )
        if plan.groups:
            text += escape(f" will involve {plural(len(plan.groups), 'stakeholder group')}")
            if seldom:
                text += escape(f", {seldom} of them seldom heard")
        else:
            text += escape(" are planned, with no stakeholder group named yet")
        if b.participants:
            text += escape(f", and about {locale_format.format_number(b.participants)} participants")
    else:
        text = escape(f"The plan names {plural(len(plan.groups), 'stakeholder group')}")
        if seldom:
            text += escape(f", {seldom} of them seldom heard")
        return markup(text + escape(", but no activities yet, so nothing is costed."))
    if not b.grand_total:
        return markup(text + escape(". No costs are entered yet."))
    text += f", at a total cost of <b>{escape(ctx.money(b.grand_total))}</b>"
    if b.in_kind:
        text += escape(
            f" ({ctx.money(b.cash_total)} paid including contingency, {ctx.money(b.in_kind)} contributed in kind)."
        )
    else:
        text += escape(f", all of it paid (including contingency of {ctx.money(b.contingency)}).")
    return markup(text)


def _money_sentence(ctx: ReportContext) -> Markup:
    plan, b = ctx.plan, ctx.budget
    pct = locale_format.format_percent(plan.contingency_percent.normalize())
    parts = [
        f"The cash budget to approve is {ctx.money(b.cash_total)}: paid costs of {ctx.money(b.paid)} plus a "
        f"{pct} contingency of {ctx.money(b.contingency)}."
    ]
    envelope = envelope_sentence(plan, b)
    if envelope:
        parts.append(envelope)
    unfunded = unfunded_sentence(ctx)
    if unfunded:
        parts.append(unfunded)
    if b.evaluation_share is not None:
        parts.append(
            f"Evaluation is costed at {ctx.money(b.evaluation_total)}, {locale_format.format_percent(b.evaluation_share)} of the total cost."
        )
    if b.cost_per_participant is not None:
        parts.append(f"The full cost per expected participant is {ctx.money(b.cost_per_participant)}.")
    return markup(escape(" ".join(parts)))


def unfunded_sentence(ctx: ReportContext) -> str:
    """What part of the cash budget no funder pays for yet, and what it is ("" if none)."""
    b = ctx.budget
    if not b.unfunded_cash:
        return ""
    lines = b.unfunded_lines
    parts = []
    if b.evaluation_budget:
        parts.append(f"the plan-level evaluation ({ctx.money(b.evaluation_budget)})")
    if lines:
        parts.append(f"paid cost lines with no funder named ({ctx.money(lines)})")
    if b.contingency:
        parts.append(f"the contingency ({ctx.money(b.contingency)})")
    return (
        f"{ctx.money(b.unfunded_cash)} of the {ctx.money(b.cash_total)} cash budget has no funder yet: "
        f"{_join(parts)}."
    )


def _outcomes_sentence(ctx: ReportContext) -> Markup | None:
    plan, b = ctx.plan, ctx.budget
    if not plan.objectives:
        return None
    counts = [
        f"{sum(1 for o in plan.objectives if o.level is lvl)} {label(lvl).lower()}" for lvl in OutcomeLevel
    ]
    indicators = sum(len(o.indicators) for o in plan.objectives)
    text = (
        f"The plan pursues {plural(len(plan.objectives), 'objective')} ({_join(counts)}), measured by "
        f"{plural(indicators, 'indicator')}."
    )
    shares = [
        f"{ctx.money(b.by_level[lvl.value])} towards {label(lvl).lower()} outcomes"
        for lvl in OutcomeLevel
        if b.by_level.get(lvl.value)
    ]
    if shares:
        text += f" Before contingency, the budget puts {_join(shares)}"
        if b.by_level.get(costing.UNALLOCATED):
            text += f"; {ctx.money(b.by_level[costing.UNALLOCATED])} is not yet linked to an objective"
        text += "."
    return markup(escape(text))


def _equity_sentence(ctx: ReportContext) -> Markup | None:
    plan, b = ctx.plan, ctx.budget
    if not plan.groups and not plan.activities:
        return None
    seldom = [g for g in plan.groups if g.seldom_heard]
    levels = [
        f"{label(lvl)} {sum(1 for a in plan.activities if a.level is lvl)}"
        for lvl in IAP2Level
        if any(a.level is lvl for a in plan.activities)
    ]
    text = escape(f"Activities by level of participation (IAP2): {_join(levels)}. ") if levels else ""
    if not seldom:
        text += escape("No group is marked as seldom heard. ")
    elif plan.activities:
        unreached = [g for g in seldom if not activities_for_group(plan, g.id)]
        reached = len(seldom) - len(unreached)
        if not unreached:
            text += escape(
                f"Every one of the {plural(len(seldom), 'seldom-heard group')} is reached by at "
                "least one activity. "
            )
        else:
            text += escape(
                f"{reached} of the {plural(len(seldom), 'seldom-heard group')} "
                f"{'is' if reached == 1 else 'are'} reached by at least one activity. "
            )
    access = b.access_total
    if access:
        text += escape(
            f"Access support (accessibility, interpretation and translation, childcare and carers, travel) "
            f"is costed at {ctx.money(access)}, {percent(access, b.grand_total)} of the total cost."
        )
    elif plan.activities and b.grand_total:
        text += escape(
            "No costs are set aside for access support (interpreters, accessible venues, care, travel)."
        )
    return markup(text) if text else None


def _vfm_sentence(ctx: ReportContext) -> Markup:
    ratings = {r.e: r.rating for r in ctx.plan.vfm}
    assessed = [(e, ratings[e]) for e in SixE if ratings.get(e) is not None]
    missing = [label(e).lower() for e in SixE if ratings.get(e) is None]
    if not assessed:
        return markup(escape("Value for money has not yet been assessed against the six Es."))
    values = [r for _, r in assessed if r is not None]
    average = (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"))
    best = max(assessed, key=lambda er: er[1] or 0)
    worst = min(assessed, key=lambda er: er[1] or 0)
    text = f"Value for money is rated <b>{average} out of 6</b> on average across the {len(assessed)} Es assessed"
    if best[1] != worst[1]:
        text += escape(
            f", strongest on {label(best[0]).lower()} ({best[1]}/6) and weakest on "
            f"{label(worst[0]).lower()} ({worst[1]}/6)"
        )
    text += "."
    if missing:
        text += escape(f" Not yet assessed: {_join(missing)}.")
    return markup(text)


def _recommendation(ctx: ReportContext) -> Markup | None:
    """ "The Board is asked to approve …": the decision a costed plan puts to its approvers."""
    plan, b = ctx.plan, ctx.budget
    if not b.grand_total or any(c.severity is Severity.WARNING for c in findings(plan, b).open):
        return None
    text = f"is asked to approve this strategy and its cash budget of {ctx.money(b.cash_total)}"
    if b.unfunded_cash:
        text += f", of which {ctx.money(b.unfunded_cash)} has no funder yet"
    if b.in_kind:
        text += f", and to note {ctx.money(b.in_kind)} contributed in kind"
    who = first_sentences(plan.decision_maker.strip(), 120)
    subject = ctx.m(who[0].rstrip(".")) if plan.decision_maker.strip() and not who[1] else plain("The board")
    return cat(markup("<b>Recommendation.</b> "), subject, plain(f" {text}."))


POINTS_TITLE = "Points to resolve before approval"
ACCEPTED_TITLE = "Accepted exceptions"


def _points_to_resolve(ctx: ReportContext) -> list[Flowable]:
    """Every open finding of the one checker (``core.checks.findings``, as on the Review step),
    all of them, warnings first; then the findings accepted as exceptions, each with its reason.
    Nothing when the plan has neither."""
    found = findings(ctx.plan, ctx.budget)
    items: list[Flowable] = []
    if found.open:
        lines = [
            cat(
                markup("• "),
                markup("<b>") if c.severity is Severity.WARNING else markup(""),
                ctx.m(c.message),
                markup("</b>") if c.severity is Severity.WARNING else markup(""),
            )
            for c in found.open
        ]
        items += [gap(1), _finding_list(ctx, POINTS_TITLE, lines), gap(3)]
    if found.accepted:
        accepted = [
            cat(
                markup("• "),
                ctx.m(a.check.message),
                markup(" <i>Accepted:</i> "),
                ctx.m(a.reason or "no reason given."),
            )
            for a in found.accepted
        ]
        items += [gap(1), _finding_list(ctx, ACCEPTED_TITLE, accepted), gap(3)]
    return items


def _finding_list(ctx: ReportContext, title: str, lines: list[Markup]) -> Flowable:
    """A shaded box of findings; a list of thousands (a very large plan) is a table whose rows
    are made page by page, its title repeated on each, so memory stays small."""
    if len(lines) <= LAZY_ROWS:
        return note_list_box(ctx, markup(f"<b>{title}:</b>"), lines)
    return table(
        ctx,
        [f"{title} ({locale_format.format_number(len(lines))})"],
        [[line] for line in lines],
        [1.0],
        zebra=False,
    )


def build_summary(ctx: ReportContext) -> list[Flowable]:
    plan, b, s = ctx.plan, ctx.budget, ctx.styles
    heading = section_heading(ctx, NUMBER, TITLE)
    items: list[Flowable] = [MissingCharactersNote(ctx), ctx.para(_overview(ctx), s.lead)]
    items += _points_to_resolve(ctx)
    recommendation = _recommendation(ctx)
    if recommendation is not None:
        items.append(ctx.para(recommendation))
    tiles = [
        (ctx.money(b.grand_total), "Total cost, including in-kind"),
        (ctx.money(b.cash_total), "Cash budget, including contingency"),
        (ctx.money(b.in_kind), "Contributed in kind"),
        (
            ctx.money(b.cost_per_participant) if b.cost_per_participant is not None else "–",
            "Cost per participant",
        ),
    ]
    if b.grand_total:
        items += [gap(1), key_figures(ctx, tiles), gap(4)]
    if plan.decision or plan.decision_maker or plan.decision_date:
        decision, maker = plan.decision.strip() or "Not stated.", plan.decision_maker.strip()

        def decision_text() -> Markup:
            text = cat(markup("<b>Decision sought.</b> "), excerpt(ctx, decision, 400, DECISION_KEY))
            if maker:
                text = cat(text, plain(" Decision by: "), excerpt(ctx, maker, 200, DECISION_KEY, end="."))
            if plan.decision_date:
                text = cat(text, plain(f" Decision date: {format_date(plan.decision_date)}."))
            return text

        items.append(LateParagraph(decision_text, s.body))
    if plan.purpose.strip():
        purpose = plan.purpose.strip()
        items.append(
            LateParagraph(
                lambda: cat(markup("<b>Purpose.</b> "), excerpt(ctx, purpose, 360, PURPOSE_KEY)), s.body
            )
        )
    if b.grand_total:
        items.append(ctx.para(cat(markup("<b>Money.</b> "), _money_sentence(ctx))))
    outcomes = _outcomes_sentence(ctx)
    if outcomes:
        items.append(ctx.para(cat(markup("<b>Outcomes.</b> "), outcomes)))
    equity = _equity_sentence(ctx)
    if equity:
        items.append(ctx.para(cat(markup("<b>Reach and equity.</b> "), equity)))
    items.append(ctx.para(cat(markup("<b>Value for money.</b> "), _vfm_sentence(ctx))))

    top = [r for r in risks_by_score(plan)[:3]]
    if top:
        items.append(
            ctx.para(markup(f"<b>Top risks</b> (likelihood × impact, of {len(plan.risks)} recorded):"))
        )
        for risk in top:

            def risk_line(risk: Risk = risk) -> Markup:
                return cat(
                    excerpt(
                        ctx,
                        risk.description.strip().rstrip(".") or "(undescribed risk)",
                        140,
                        RISKS_KEY,
                        end="",
                    ),
                    plain(
                        f" — {label(risk.likelihood).lower()} likelihood, {label(risk.impact).lower()} impact"
                    ),
                    plain(f" (score {risk_score(risk)} of 9). "),
                    excerpt(ctx, risk.mitigation.strip(), 160, RISKS_KEY),
                )

            items.append(LateParagraph(risk_line, s.bullet, bulletText="•"))
    # Never shrunk to fit one page: a long summary runs on, at the body text size.
    return [heading, *items]
