"""What the plan shows about each National Standard (see tests/core/vfm_plan.py)."""

from __future__ import annotations

from ceplanner.core.model import NationalStandard, Plan
from ceplanner.core.standards import STANDARD_AIMS, standard_evidence, standard_rating
from tests.core.vfm_plan import vfm_plan


def test_each_standard_shows_what_the_plan_proves() -> None:
    found = {s: [(m.label, m.text) for m in ms] for s, ms in standard_evidence(vfm_plan()).items()}
    assert list(found) == list(NationalStandard)
    assert found[NationalStandard.INCLUSION] == [
        ("Seldom-heard groups reached", "1 of 1 (100.0%)"),
        ("Access support", "£200.00 (16.2% of the total)"),
    ]
    assert found[NationalStandard.SUPPORT] == [
        ("Access support lines", "1 (£200.00)"),
        ("Payment-for-time lines", "1 (£250.00)"),
    ]
    assert found[NationalStandard.PLANNING] == [
        ("Objectives with indicators", "1 of 2 (50.0%)"),
        ("Activities with dates", "1 of 2 (50.0%)"),
    ]
    assert found[NationalStandard.WORKING_TOGETHER] == [
        ("Activities at Involve or above", "1 of 2 (50.0%)"),
        ("Partner and voluntary-sector groups", "1"),
    ]
    assert found[NationalStandard.METHODS] == [
        ("Levels used", "Consult, Collaborate"),
        ("Modes used", "Face to face, Online"),
    ]
    assert found[NationalStandard.COMMUNICATION] == [("Report-back activities", "1: Design panel")]
    assert found[NationalStandard.IMPACT] == [("Indicators with a baseline and target", "1 of 2 (50.0%)")]


def test_an_empty_plan_proves_nothing_yet() -> None:
    found = standard_evidence(Plan())
    assert found[NationalStandard.COMMUNICATION][0].text == "none planned"
    assert found[NationalStandard.METHODS][0].text == "none yet"
    assert found[NationalStandard.INCLUSION][0].text == "0 of 0"


def test_every_standard_has_an_aim_and_a_rating() -> None:
    plan = Plan()
    plan.standards = []
    assert set(STANDARD_AIMS) == set(NationalStandard)
    assert standard_rating(plan, NationalStandard.IMPACT).rating is None
