"""Measured figures (:class:`ceplanner.core.measures.Measure`) as report markup."""

from __future__ import annotations

from ceplanner.core.measures import Measure
from ceplanner.report.layout import Markup, ReportContext, cat, plain


def measures_markup(ctx: ReportContext, measures: list[Measure]) -> Markup:
    """Measures one to a line, "Label: text", the figure in bold; the text may hold plan text."""
    lines = [cat(plain(f"{m.label}: "), ctx.b(m.text)) for m in measures]
    return Markup("<br/>".join(lines)) if lines else plain("–")
