"""The sections of the strategy document, in order: one ``build_<section>(ctx)`` each.

Each builder returns a list of flowables and reads only the plan, its budget (from
``costing.compute_budget``) and the styles carried by the :class:`ReportContext`.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from ceplanner.report.layout import ReportContext
from ceplanner.report.sections import (
    appendix,
    budget,
    cover,
    delivery,
    engagement,
    evaluation,
    objectives,
    purpose,
    risks,
    scenarios,
    stakeholders,
    summary,
    vfm,
)

Builder = Callable[[ReportContext], list[Flowable]]


def _title(number: str, title: str) -> str:
    return f"{number} {title}" if number else title


SECTIONS: list[tuple[str, Builder]] = [
    (cover.COVER, cover.build_cover),
    (cover.CONTENTS, cover.build_contents),
    (_title(summary.NUMBER, summary.TITLE), summary.build_summary),
    (_title(purpose.NUMBER, purpose.TITLE), purpose.build_purpose),
    (_title(stakeholders.NUMBER, stakeholders.TITLE), stakeholders.build_stakeholders),
    (_title(objectives.NUMBER, objectives.TITLE), objectives.build_objectives),
    (_title(engagement.NUMBER, engagement.TITLE), engagement.build_engagement),
    (_title(budget.NUMBER, budget.TITLE), budget.build_budget),
    (scenarios.TITLE, scenarios.build_scenarios),
    (_title(vfm.NUMBER, vfm.TITLE), vfm.build_vfm),
    (_title(evaluation.NUMBER, evaluation.TITLE), evaluation.build_evaluation),
    (_title(risks.NUMBER, risks.TITLE), risks.build_risks),
    (_title(delivery.NUMBER, delivery.TITLE), delivery.build_delivery),
    (_title(appendix.NUMBER, appendix.TITLE), appendix.build_appendix),
]
SUBSECTIONS: frozenset[str] = frozenset({scenarios.TITLE})
"""Entries that continue the section before them under a second-level bookmark (and may be empty)."""
SECTION_TITLES: list[str] = [title for title, _ in SECTIONS if title not in SUBSECTIONS]
"""The section titles, as they appear in the PDF outline (bookmarks)."""

build_cover = cover.build_cover
build_contents = cover.build_contents
build_summary = summary.build_summary
build_purpose = purpose.build_purpose
build_stakeholders = stakeholders.build_stakeholders
build_objectives = objectives.build_objectives
build_engagement = engagement.build_engagement
build_budget = budget.build_budget
build_vfm = vfm.build_vfm
build_evaluation = evaluation.build_evaluation
build_risks = risks.build_risks
build_scenarios = scenarios.build_scenarios
build_delivery = delivery.build_delivery
build_appendix = appendix.build_appendix

__all__ = [
    "SECTIONS",
    "SECTION_TITLES",
    "build_appendix",
    "build_budget",
    "build_contents",
    "build_cover",
    "build_delivery",
    "build_engagement",
    "build_evaluation",
    "build_objectives",
    "build_purpose",
    "build_risks",
    "build_scenarios",
    "build_stakeholders",
    "build_summary",
    "build_vfm",
]
