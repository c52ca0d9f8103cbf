from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

import pytest

from ceplanner.core.model import Plan
from ceplanner.core.serialize import (
    FORMAT_VERSION,
    PlanFormatError,
    plan_from_dict,
    plan_from_json,
    plan_to_dict,
    plan_to_json,
)
from tests.factories import full_plan


def _defaults_left(obj: Any, path: str = "plan") -> list[str]:
    """Fields still at their default value: the round-trip fixture must fill them all."""
    left = []
    default = type(obj)() if type(obj).__name__ not in ("VfmRating", "StandardRating") else None
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if is_dataclass(item):
                    left += _defaults_left(item, f"{path}.{f.name}[{i}]")
        elif is_dataclass(value):
            left += _defaults_left(value, f"{path}.{f.name}")
        if (
            default is not None
            and f.name not in ("id",)
            and value == getattr(default, f.name)
            and not (isinstance(value, list) and value)
        ):
            left.append(f"{path}.{f.name}")
    return left


def test_fixture_fills_every_plan_field() -> None:
    plan = full_plan()
    top_level = [p for p in _defaults_left(plan) if p.count(".") == 1]
    assert top_level == []
    assert not [p for p in _defaults_left(plan.groups[0], "g")]
    assert not [p for p in _defaults_left(plan.activities[0], "a") if p.count(".") == 1]


def test_round_trip_is_exact() -> None:
    plan = full_plan()
    text = plan_to_json(plan)
    again = plan_from_json(text)
    assert again == plan
    assert plan_to_json(again) == text
    assert json.loads(text)["version"] == FORMAT_VERSION
    assert "Łódź" in text  # written as UTF-8, not escaped


def _broken(mutate: Any) -> dict[str, Any]:
    doc = plan_to_dict(full_plan())
    mutate(doc)
    return doc


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["plan"]["groups"][0].update(power=9), r"plan\.groups\[0\]\.power: 9 is out of range"),
        (
            lambda d: d["plan"]["groups"][1].update(power="high"),
            r"plan\.groups\[1\]\.power: expected a whole number",
        ),
        (lambda d: d["plan"].update(currency=5), r"plan\.currency: expected text"),
        (lambda d: d["plan"].update(start="31/01/2027"), r"plan\.start: .* is not a date"),
        (
            lambda d: d["plan"]["activities"][0]["cost_lines"][0].update(unit_cost=-100),
            r"unit_cost: -100 is out of range",
        ),
        (
            lambda d: d["plan"]["activities"][0]["cost_lines"][0].update(quantity="lots"),
            r"quantity: .* is not a number",
        ),
        (
            lambda d: d["plan"]["activities"][0]["cost_lines"][0].update(category="bribes"),
            r"category: .* is not one of",
        ),
        (
            lambda d: d["plan"]["activities"][0]["group_ids"].append("nobody"),
            r"group_ids\[2\]: no group has id",
        ),
        (lambda d: d["plan"].update(groups={}), r"plan\.groups: expected a list"),
        (lambda d: d["plan"].update(colour="blue"), r"plan: unknown field 'colour'"),
        (
            lambda d: d["plan"]["risks"][0].pop("description") and d["plan"]["risks"][0].update(x=1),
            r"unknown field 'x'",
        ),
        (lambda d: d.update(version=FORMAT_VERSION + 1), r"version: .*newer than this ceplanner"),
        (lambda d: d.update(format="something-else"), r"format: .*not a ceplanner plan"),
        (lambda d: d["plan"]["vfm"][0].update(rating=0), r"plan\.vfm\[0\]\.rating: 0 is out of range"),
    ],
)
def test_wrong_shapes_name_the_field_and_problem(mutate: Any, message: str) -> None:
    with pytest.raises(PlanFormatError, match=message):
        plan_from_dict(_broken(mutate))


def test_invalid_json_says_where() -> None:
    with pytest.raises(PlanFormatError, match=r"not valid JSON.*line 1"):
        plan_from_json("{not json")
    with pytest.raises(PlanFormatError, match="document: expected a JSON object"):
        plan_from_json("[1, 2]")


def test_minimal_document_gets_defaults() -> None:
    plan = plan_from_dict({"format": "ceplanner-plan", "version": 1, "plan": {"title": "Only a title"}})
    assert plan.title == "Only a title"
    assert plan.currency == "GBP"
    assert isinstance(plan, Plan)


def test_repeated_cost_line_ids_are_refused() -> None:
    doc = plan_to_dict(full_plan())
    lines = doc["plan"]["activities"][0]["cost_lines"]
    lines[1]["id"] = lines[0]["id"]
    with pytest.raises(
        PlanFormatError, match=r"plan\.activities\[0\]\.cost_lines\[1\]\.id: .* is used twice"
    ):
        plan_from_dict(doc)
