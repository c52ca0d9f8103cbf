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


def test_quadrants_regions_and_value_for_whom_go_through_the_hook(marking: None) -> None:
    from ceplanner.core.model import VALUE_FOR_WHOM_CHOICES, value_for_whom_label
    from ceplanner.core.rules_timing import UK_REGIONS, region_name
    from ceplanner.core.stakeholders import QUADRANTS, quadrant, quadrant_label, quadrant_words

    for name in QUADRANTS:
        assert marked(quadrant_label(name)), name
    for group in broken_plan().groups:
        assert quadrant(group) in QUADRANTS  # the key stays English
        assert quadrant_words(group) == f"‹{quadrant(group)}›"
    for code in UK_REGIONS:
        assert marked(region_name(code)), code
    for text in VALUE_FOR_WHOM_CHOICES:
        assert marked(value_for_whom_label(text)), text
    assert value_for_whom_label("Future tenants") == "Future tenants"  # typed, not translated


def test_budget_keys_and_closing_questions_go_through_the_hook(marking: None) -> None:
    from ceplanner.core.closing import FEEDBACK_FIELDS, QUESTIONS_FIELD, closing_words
    from ceplanner.core.costing import SPECIAL_KEYS, key_words

    for key in SPECIAL_KEYS:
        assert marked(key_words(key)), key
    assert key_words("Community Fund grant") == "Community Fund grant"  # a name is data
    for _attr, question, hint in [*FEEDBACK_FIELDS, QUESTIONS_FIELD]:
        assert marked(closing_words(question)) and marked(closing_words(hint)), question


def test_scenario_comparison_words_go_through_the_hook(marking: None) -> None:
    from ceplanner.core.finding import Severity, severity_label
    from ceplanner.core.scenarios import compare_all, comparison_rows, usual_scenarios

    for severity in Severity:
        assert marked(severity_label(severity))
    plan = broken_plan()
    plan.scenarios = usual_scenarios(plan)
    plan.scenarios[0].activities = plan.scenarios[0].activities[:1]  # a lean option that leaves groups out
    results = compare_all(plan)
    rows = comparison_rows(plan, results)
    levels = [
        r
        for r in rows
        if r.key in ("individual", "service", "strategic", "Unallocated", "Plan-level evaluation")
    ]
    assert len(levels) >= 3, [r.key for r in rows]
    for row in rows:
        assert marked(row.words), row
        if row.key in ("findings",):
            assert all(marked(v) for v in row.values), row.values
        for tip in row.tips or []:
            assert tip and all(marked(line) for line in tip.splitlines()), (row.key, tip)
    findings = next(r for r in rows if r.key == "findings")
    assert any("‹Warning›" in tip for tip in findings.tips or [])


def test_social_return_words_go_through_the_hook(marking: None) -> None:
    from ceplanner.core.sroi import estimate_note, ratio_text, sensitivity

    plan = sample_plan()
    assert plan.sroi_outcomes  # the sample forecasts a social return
    cases = sensitivity(plan)
    assert len(cases) == 5
    for case in cases:
        assert marked(case.name), case
    assert marked(estimate_note())
    assert marked(ratio_text(None, "£")) and marked(ratio_text(Decimal("2.16"), "£"))


def test_social_return_and_comparison_english_is_unchanged() -> None:
    from ceplanner.core.scenarios import compare_all, comparison_rows, usual_scenarios
    from ceplanner.core.sroi import sensitivity

    names = [case.name for case in sensitivity(sample_plan())]
    assert names == [
        "As forecast",
        "Deadweight 10 points higher",
        "Attribution 10 points higher",
        "Drop-off 10 points higher",
        "Low case: all three 10 points higher",
    ]
    plan = broken_plan()
    plan.scenarios = usual_scenarios(plan)
    words = [row.words for row in comparison_rows(plan, compare_all(plan))]
    assert "Individual outcomes" in words and "Plan-level evaluation" in words
