"""The PDF's value-for-money section prints the figures core computes, word for word: the measured
six-E scorecard, what goes in and comes back, the SROI forecast (an estimate), the National
Standards review and the influence self-assessment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from ceplanner.core.model import InfluenceAssessment, NationalStandard, Plan, SixE, SroiOutcome
from ceplanner.core.sroi import forecast, sensitivity
from ceplanner.core.standards import standard_evidence
from ceplanner.core.vfm_measures import goes_in_comes_back, six_e_measures
from ceplanner.core.vfm_rubric import RUBRIC
from tests.core.vfm_plan import vfm_plan
from tests.report.report_fixtures import Pdf, normalise


def _plan() -> Plan:
    plan = vfm_plan()
    plan.vfm[3].rating = 4  # equity
    plan.sroi_outcomes = [
        SroiOutcome(
            description="Carers less isolated",
            who="Unpaid carers",
            quantity=12,
            proxy_value=120000,
            proxy_source="HACT Social Value Bank 2024",
            duration_years=2,
            deadweight_percent=Decimal(30),
            attribution_percent=Decimal(20),
            drop_off_percent=Decimal(25),
        )
    ]
    rating = next(r for r in plan.standards if r.standard is NationalStandard.COMMUNICATION)
    rating.rating, rating.evidence, rating.actions = 3, "Newsletter planned", "Add an easy-read version"
    plan.influence = [
        InfluenceAssessment(
            assessed_on=date(2027, 1, 14),
            who_took_part="Tenant Voice Panel and managers",
            agency_openness=4,
            community_influence=2,
            notes="Tenants feel unheard on repairs",
            actions="Publish responses within 20 days",
        )
    ]
    return plan


def test_every_measured_figure_is_printed_as_core_computes_it(build: Callable[..., Pdf]) -> None:
    plan = _plan()
    text = normalise(build(plan).text)
    assert "Scorecard" in text
    for measures in six_e_measures(plan).values():
        for m in measures:
            assert normalise(f"{m.label}: {m.text}") in text, m
    assert normalise(RUBRIC[SixE.EQUITY][4]) in text
    for m in goes_in_comes_back(plan):
        assert normalise(m.label) in text and normalise(m.text) in text, m
    for measures in standard_evidence(plan).values():
        for m in measures:
            assert normalise(f"{m.label}: {m.text}") in text, m
    assert "Newsletter planned" in text and "Add an easy-read version" in text


def test_the_forecast_is_printed_and_marked_as_an_estimate(build: Callable[..., Pdf]) -> None:
    plan = _plan()
    text = normalise(build(plan).text)
    result = forecast(plan)
    assert result.ratio is not None
    # 12 x £1,200 = £14,400 less 30% and 20% = £8,064.00, then £6,048.00; PV at 3.5%
    assert result.outcomes[0].yearly == [806400, 604800]
    assert "Social return forecast (estimate)" in text
    assert f"£{result.ratio} of social value for every £1 spent (estimate)" in text
    # 806400 / 1.035 = 779130.43 -> 779130; 604800 / 1.071225 = 564587.27 -> 564587
    assert "£13,437.17" in text
    for case in sensitivity(plan):
        assert normalise(case.name) in text
        assert f"£{case.ratio} : £1" in text
    assert "HACT Social Value Bank 2024" in text


def test_influence_assessment_is_printed(build: Callable[..., Pdf]) -> None:
    text = normalise(build(_plan()).text)
    assert "Influence self-assessment" in text
    assert "Social return forecast An estimate, after the Social Return on Investment (SROI) guide" in text
    assert "National Standards The seven National Standards for Community Engagement" in text
    assert "14 Jan 2027" in text and "Tenant Voice Panel and managers" in text
    assert "Publish responses within 20 days" in text


def test_nothing_rated_or_forecast_prints_none_of_it(build: Callable[..., Pdf]) -> None:
    text = normalise(build(Plan(title="Empty")).text)
    shown = (
        "Scorecard",
        "Social return forecast (estimate)",
        "Each standard is self-rated",
        "Influence self",
    )
    for heading in shown:
        assert heading not in text


def test_the_sample_plan_shows_every_part(build: Callable[..., Pdf]) -> None:
    from ceplanner.core.library import sample_plan

    plan = sample_plan()
    assert plan.service_annual_cost and plan.sroi_outcomes and plan.influence
    assert all(r.rating is not None for r in plan.standards) and len(plan.standards) == 7
    text = normalise(build(plan).text)
    for measures in six_e_measures(plan).values():
        for m in measures:
            assert normalise(f"{m.label}: {m.text}") in text, m
    for measures in standard_evidence(plan).values():
        for m in measures:
            assert normalise(f"{m.label}: {m.text}") in text, m
    result = forecast(plan)
    assert f"£{result.ratio} of social value for every £1 spent (estimate)" in text
    assert "Report-back activities: 1: 'You said, we did' newsletter inserts" in text
    assert "Influence self-assessment" in text
    assert "Social return forecast An estimate, after the Social Return on Investment (SROI) guide" in text
    assert "National Standards The seven National Standards for Community Engagement" in text
