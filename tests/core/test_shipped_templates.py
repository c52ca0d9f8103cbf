"""The three templates shipped with ceplanner: realistic, dateless, nameless, and they export."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from ceplanner.core import templates
from ceplanner.core.checks import Severity, findings
from ceplanner.core.costing import compute_budget
from ceplanner.core.model import IAP2Level, OutcomeLevel, PlanStatus
from ceplanner.core.money import format_money
from ceplanner.core.people import PERSON_NAME_FIELDS
from ceplanner.report.export import export_pdf
from tests.core.test_templates import walk
from tests.report.report_fixtures import normalise, read_pdf

NAMES = [
    "Neighbourhood regeneration co-design",
    "Statutory service-change consultation",
    "Youth participation programme",
]


@pytest.fixture(scope="module")
def shipped() -> list[templates.Template]:
    return templates.builtin_templates()


def test_three_templates_are_shipped(shipped: list[templates.Template]) -> None:
    assert [t.name for t in shipped] == NAMES
    assert all(t.builtin and t.path is None and len(t.description) > 40 for t in shipped)


@pytest.mark.parametrize("index", range(3))
def test_a_shipped_template_has_no_dates_and_no_names(shipped: list[templates.Template], index: int) -> None:
    plan = shipped[index].plan
    assert [p for p, v in walk(plan) if isinstance(v, date)] == ["plan.created", "plan.modified"]
    marked = set(PERSON_NAME_FIELDS)
    roles = {m.role for m in plan.team}
    for _path, obj in walk(plan):
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for f in dataclasses.fields(obj):
                if (type(obj), f.name) in marked:
                    assert getattr(obj, f.name) in roles | {""}, (type(obj).__name__, f.name)
    # Making a template of it changes nothing but its file stamps: it is already one.
    again = templates.as_template(plan)
    again.created, again.modified = plan.created, plan.modified
    assert again == plan
    assert plan.status is PlanStatus.DRAFT


@pytest.mark.parametrize("index", range(3))
def test_a_shipped_template_is_complete_and_checks_clean(
    shipped: list[templates.Template], index: int
) -> None:
    plan = shipped[index].plan
    assert len(plan.groups) >= 8 and sum(g.seldom_heard for g in plan.groups) >= 3
    assert all(g.access_needs for g in plan.groups)
    assert {o.level for o in plan.objectives} == set(OutcomeLevel)
    assert all(o.indicators for o in plan.objectives)
    assert len({a.level for a in plan.activities}) >= 3
    assert all(a.cost_lines and a.promise for a in plan.activities)
    assert all(line.source for a in plan.activities for line in a.cost_lines)
    assert all(r.criteria and r.rating for r in plan.vfm)
    assert len(plan.risks) >= 5
    evaluation = plan.evaluation
    assert all([evaluation.whose_opinion, evaluation.relative_or_absolute, evaluation.outcomes_for_whom])
    assert not [c.message for c in findings(plan).open if c.severity is Severity.WARNING]
    assert compute_budget(plan).grand_total > 3_000_000
    assert IAP2Level.INFORM in {a.level for a in plan.activities} or IAP2Level.CONSULT in {
        a.level for a in plan.activities
    }


@pytest.mark.parametrize("index", range(3))
def test_a_shipped_template_exports_a_pdf(
    shipped: list[templates.Template], index: int, tmp_path: Path
) -> None:
    plan = templates.plan_from_template(shipped[index])
    path = export_pdf(plan, tmp_path / "strategy.pdf")
    pdf = read_pdf(path.read_bytes())
    assert normalise(plan.title) in pdf.text
    assert format_money(compute_budget(plan).grand_total, plan.currency) in pdf.text
