"""Every word core makes for people goes through the translation hook (core/i18n.py).

A marking translator wraps each text it is given in ‹ ›; a finding, label or summary line that
does not start and end with a mark was built outside the hook and would stay English.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

import pytest

from ceplanner.core import i18n, model
from ceplanner.core.checks import plan_checks
from ceplanner.core.costing import compute_budget
from ceplanner.core.library import sample_plan
from ceplanner.core.model import (
    Activity,
    Barrier,
    Funder,
    IAP2Level,
    Objective,
    Plan,
    ReadinessItem,
    Risk,
    StakeholderGroup,
    Task,
    TeamMember,
    label,
)
from ceplanner.core.standards import standard_evidence
from ceplanner.core.summary import budget_figures, envelope_sentence
from ceplanner.core.vfm_measures import goes_in_comes_back, six_e_measures
from tests.factories import full_plan


def marked(text: str) -> bool:
    return text.startswith("‹") and text.endswith("›")


@pytest.fixture
def marking() -> Iterator[None]:
    i18n.set_translator(lambda context, text: f"‹{text}›")
    yield
    i18n.set_translator(None)


def broken_plan() -> Plan:
    """The sample plan made to break as many rules as one plan can."""
    plan = sample_plan()
    plan.groups.append(StakeholderGroup(name="Night-shift workers", barriers=[Barrier.TIME]))
    plan.groups.append(StakeholderGroup(name="Housing ombudsman", power=5, interest=5))
    plan.groups.append(StakeholderGroup(name="Housing ombudsman"))
    informed = StakeholderGroup(name="Boat dwellers", seldom_heard=True, barriers=[Barrier.LANGUAGE])
    plan.groups.append(informed)
    plan.activities.append(Activity(title="A walkabout"))
    plan.activities.append(Activity(title="Leaflet drop", level=IAP2Level.INFORM, group_ids=[informed.id]))
    survey = next(a for a in plan.activities if a.method_id == "method-online-survey")
    survey.level = IAP2Level.COLLABORATE
    plan.objectives.append(Objective(title="An objective nobody serves"))
    plan.decision_date = date(2027, 9, 10)
    plan.region = "SCT"
    plan.contingency_percent = Decimal(0)
    plan.evaluation.whose_opinion = ""
    plan.evaluation_min_percent = Decimal(50)
    for activity in plan.activities:
        activity.reports_back = False
    plan.objectives[0].indicators[0].baseline = ""
    survey.cost_lines[0].funder = ""
    plan.activities[1].cost_lines.pop(0)
    plan.budget_envelope = 100_00
    plan.funders = [Funder(name="Community Fund grant", envelope=5_00)]
    plan.team = [TeamMember(name="Sam")]
    plan.risks = [Risk(description="Low turnout")]
    plan.readiness = [ReadinessItem(description=f"Check {n}") for n in range(5)]
    plan.feedback_how = ""
    dated = next(a for a in plan.activities if a.start is not None)
    plan.tasks = [
        Task(description="Book the hall", activity_id=dated.id, due=dated.start + timedelta(days=1))
    ]
    return plan


def test_every_finding_goes_through_the_hook(marking: None) -> None:
    codes: set[str] = set()
    for plan in (
        full_plan(),
        sample_plan(),
        broken_plan(),
        Plan(start=date(2027, 5, 1), end=date(2027, 1, 1)),
    ):
        for check in plan_checks(plan):
            assert marked(check.message), (check.code, check.message)
            codes.add(check.code)
    assert len(codes) >= 30, sorted(codes)  # the plans really do break many different rules
    unanswered = next(c for c in plan_checks(broken_plan()) if c.code == "evaluation.unanswered")
    assert "‹Whose opinion matters?›" in unanswered.message  # words from tables are translated too


def test_english_findings_are_unchanged_without_a_translator() -> None:
    messages = [c.message for c in plan_checks(broken_plan())]
    assert not any("‹" in m or "{" in m for m in messages)
    assert "The task “Book the hall” is due on" in " ".join(
        messages
    ) and "bring the task forward." in " ".join(messages)


def test_every_enum_label_goes_through_the_hook(marking: None) -> None:
    enums = [
        e
        for _n, e in inspect.getmembers(model, inspect.isclass)
        if issubclass(e, StrEnum) and e is not StrEnum
    ]
    assert len(enums) > 10
    for enum in enums:
        for member in enum:
            assert marked(label(member)), (enum.__name__, member)


def test_summary_and_measures_go_through_the_hook(marking: None) -> None:
    plan = broken_plan()
    budget = compute_budget(plan)
    for figure in budget_figures(plan, budget):
        assert marked(figure.words), figure
    assert marked(envelope_sentence(plan, budget))
    measures = [m for ms in six_e_measures(plan, budget).values() for m in ms]
    measures += [m for ms in standard_evidence(plan, budget).values() for m in ms]
    measures += goes_in_comes_back(plan, budget)
    for measure in measures:
        assert marked(measure.label), measure


def test_impact_and_rubric_words_go_through_the_hook(marking: None) -> None:
    from ceplanner.core.impact import recommendation_sentence
    from ceplanner.core.model import SixE, six_e_question
    from ceplanner.core.standards import standard_aim
    from ceplanner.core.vfm_rubric import rating_word, rubric_text

    plan = sample_plan()
    assert recommendation_sentence(plan).startswith("‹")
    assert marked(recommendation_sentence(Plan()))
    for e in SixE:
        assert marked(six_e_question(e)) and marked(rubric_text(e, 4)) and marked(rating_word(4))
    for standard in model.NationalStandard:
        assert marked(standard_aim(standard))


@pytest.mark.parametrize("text", ["", "abc", "-5", "1.234", "99999999999"])
def test_typed_amount_problems_go_through_the_hook(marking: None, text: str) -> None:
    from ceplanner.core.money import MoneyError, parse_money

    with pytest.raises(MoneyError) as problem:
        parse_money(text)
    assert marked(str(problem.value))


@pytest.mark.parametrize("text", ["soon", "31/02/2027"])
def test_typed_date_problems_go_through_the_hook(marking: None, text: str) -> None:
    from ceplanner.core.dates import DateTextError, parse_date_text

    with pytest.raises(DateTextError) as problem:
        parse_date_text(text)
    assert marked(str(problem.value)) and "‹for example" in str(problem.value)
