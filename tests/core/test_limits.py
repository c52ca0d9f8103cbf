"""Each field's limits are stated once, in the model, and the JSON checks and parsers agree with them.

Everything here is driven from the model's field metadata: a field given limits tomorrow is
tested without a new line here.
"""

from __future__ import annotations

import copy
import re
import typing
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ceplanner.core import model
from ceplanner.core.limits import Limits, limited_fields, limits_of
from ceplanner.core.money import MoneyError, parse_money, parse_quantity, to_major_text
from ceplanner.core.serialize import PlanFormatError, plan_from_dict, plan_to_dict
from tests.factories import full_plan

MODEL_CLASSES = [
    cls
    for cls in vars(model).values()
    if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == model.__name__
]
MONEY = [(model.CostLine, "unit_cost"), (model.Plan, "staff_day_rate"), (model.Evaluation, "budget")]


def _numeric(tp: Any) -> bool:
    args = typing.get_args(tp) or (tp,)
    return any(a in (int, Decimal) for a in args)


def test_every_numeric_field_states_its_limits() -> None:
    missing = [
        f"{cls.__name__}.{f.name}"
        for cls in MODEL_CLASSES
        for f in fields(cls)
        if _numeric(typing.get_type_hints(cls)[f.name]) and f.name not in dict(limited_fields(cls))
    ]
    assert missing == []


def _places(dataclass_obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    """Every model object in a plan with its path of keys in the plan's JSON data."""
    yield dataclass_obj, path
    for f in fields(dataclass_obj):
        value = getattr(dataclass_obj, f.name)
        if is_dataclass(value):
            yield from _places(value, (*path, f.name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if is_dataclass(item):
                    yield from _places(item, (*path, f.name, i))


def _cases() -> tuple[list[tuple[str, tuple[Any, ...], str, Limits]], list[str]]:
    """(field path as error messages write it, key path, field, limits) for one object of each
    class in the full plan, and the class name of each case."""
    cases: list[tuple[str, tuple[Any, ...], str, Limits]] = []
    classes: list[str] = []
    seen: set[type] = set()
    for obj, path in _places(full_plan()):
        if type(obj) in seen:
            continue
        seen.add(type(obj))
        for name, bounds in limited_fields(type(obj)):
            text = "plan" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in (*path, name))
            cases.append((text, path, name, bounds))
            classes.append(type(obj).__name__)
    return cases, classes


CASES, _CLASS_OF = _cases()


def test_the_cases_reach_every_limited_field() -> None:
    stated = {f"{cls.__name__}.{name}" for cls in MODEL_CLASSES for name, _ in limited_fields(cls)}
    reached = {f"{cls_name}.{name}" for cls_name, (_, _, name, _) in zip(_CLASS_OF, CASES, strict=True)}
    assert reached == stated


def _step(bounds: Limits, value: int | Decimal) -> int | Decimal:
    if isinstance(value, int):
        return 1
    return Decimal(1).scaleb(-bounds.places) if bounds.places is not None else Decimal(1)


def _with(path: tuple[Any, ...], name: str, value: int | Decimal) -> dict[str, Any]:
    doc = copy.deepcopy(_BASE)
    target = doc["plan"]
    for key in path:
        target = target[key]
    target[name] = str(value) if isinstance(value, Decimal) else value
    return doc


_BASE = plan_to_dict(full_plan())


def _read(doc: dict[str, Any], path: tuple[Any, ...], name: str) -> Any:
    obj: Any = plan_from_dict(doc)
    for key in path:
        obj = obj[key] if isinstance(key, int) else getattr(obj, key)
    return getattr(obj, name)


@pytest.mark.parametrize(("text", "path", "name", "bounds"), CASES, ids=[c[0] for c in CASES])
def test_json_accepts_each_limit_and_refuses_one_beyond_with_the_field_path(
    text: str, path: tuple[Any, ...], name: str, bounds: Limits
) -> None:
    assert bounds.minimum is not None and bounds.maximum is not None
    for value in (bounds.minimum, bounds.maximum):
        assert _read(_with(path, name, value), path, name) == value
    step = _step(bounds, bounds.maximum)
    for beyond in (bounds.minimum - step, bounds.maximum + step):
        with pytest.raises(PlanFormatError, match=re.escape(f"{text}: ") + ".*out of range"):
            plan_from_dict(_with(path, name, beyond))
    if bounds.places is not None:
        finer = bounds.minimum + Decimal(1).scaleb(-bounds.places - 1)
        with pytest.raises(PlanFormatError, match=re.escape(f"{text}: ") + ".*decimal places"):
            plan_from_dict(_with(path, name, finer))


@pytest.mark.parametrize(("cls", "attr"), MONEY, ids=[f"{c.__name__}.{a}" for c, a in MONEY])
@pytest.mark.parametrize("currency", ["GBP", "JPY"])
def test_typed_money_accepts_what_the_file_accepts(cls: type, attr: str, currency: str) -> None:
    bounds = limits_of(cls, attr)
    assert bounds.maximum is not None and bounds.minimum is not None
    for value in (int(bounds.minimum), int(bounds.maximum)):
        assert parse_money(to_major_text(value, currency), currency, bounds=bounds) == value
    with pytest.raises(MoneyError, match="too large"):
        parse_money(to_major_text(int(bounds.maximum) + 1, currency), currency, bounds=bounds)


def test_typed_quantity_accepts_what_the_file_accepts() -> None:
    bounds = limits_of(model.CostLine, "quantity")
    assert bounds.maximum is not None and bounds.minimum is not None and bounds.places is not None
    tiny = Decimal(1).scaleb(-bounds.places)
    for value in (Decimal(bounds.minimum), Decimal(bounds.maximum), tiny):
        assert parse_quantity(str(value)) == value
    for beyond in (Decimal(bounds.maximum) + tiny, tiny / 10, Decimal(bounds.minimum) - tiny):
        with pytest.raises(MoneyError):
            parse_quantity(str(beyond))


def test_limits_in_words() -> None:
    power = limits_of(model.StakeholderGroup, "power")
    assert power.problem(3) == ""
    assert power.problem(9) == "9 is out of range (allowed 1 to 5)"
    assert limits_of(model.Activity, "participants").range_text() == "0 to 100,000,000"
    assert Limits(minimum=0).range_text() == "at least 0"
    with pytest.raises(KeyError, match=r"Activity\.title states no limits"):
        limits_of(model.Activity, "title")


DOC_OBJECTS = {
    "plan": "Plan",
    "stakeholder group": "StakeholderGroup",
    "method": "Method",
    "activity": "Activity",
    "cost line": "CostLine",
    "evaluation": "Evaluation",
    "six-E rating": "VfmRating",
    "funder": "Funder",
    "social-return outcome": "SroiOutcome",
    "standard rating": "StandardRating",
    "influence assessment": "InfluenceAssessment",
    "scenario activity": "ScenarioActivity",
    "team member": "TeamMember",
    "session held": "SessionHeld",
    "group count": "GroupCount",
    "actual cost": "ActualCost",
    "theme": "Theme",
}


def test_the_plan_format_document_states_the_models_limits() -> None:
    text = (Path(__file__).parents[2] / "docs" / "plan-format.md").read_text(encoding="utf-8")
    table = next(part for part in text.split("### Limits", 1)[1].split("\n\n") if part.startswith("|"))
    documented = {}
    for row in table.splitlines()[2:]:
        what, names, allowed, places = (cell.strip() for cell in row.strip("|").split("|"))
        for name in re.findall(r"`(\w+)`", names):
            documented[f"{DOC_OBJECTS[what]}.{name}"] = (allowed.split(" (")[0], places)
    stated = {
        f"{cls.__name__}.{name}": (bounds.range_text(), "" if bounds.places is None else str(bounds.places))
        for cls in MODEL_CLASSES
        for name, bounds in limited_fields(cls)
    }
    assert documented == stated
    assert f"at most {model.TEXT_LIMIT:,} characters" in text
