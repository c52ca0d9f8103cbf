"""The plan's JSON interchange format (see docs/plan-format.md), driven by the dataclasses.

One converter, reflecting over the model's type hints, so that every field round-trips exactly
and a new field needs no code here. Reading checks every value and raises
:class:`PlanFormatError` naming the field's path and the problem.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from ceplanner.core.model import Method, Plan
from ceplanner.core.money import MAX_AMOUNT_MAJOR

FORMAT_NAME = "ceplanner-plan"
FORMAT_VERSION = 1
LIBRARY_FORMAT_NAME = "ceplanner-methods"

T = TypeVar("T")

# Allowed ranges of numeric fields, by (class name, field name).
_MAX_MINOR = int(MAX_AMOUNT_MAJOR * 100)
RANGES: dict[tuple[str, str], tuple[int | Decimal, int | Decimal]] = {
    ("StakeholderGroup", "power"): (1, 5),
    ("StakeholderGroup", "interest"): (1, 5),
    ("StakeholderGroup", "size"): (0, 100_000_000),
    ("VfmRating", "rating"): (1, 6),
    ("CostLine", "unit_cost"): (0, _MAX_MINOR),
    ("CostLine", "quantity"): (Decimal(0), Decimal(10_000_000)),
    ("Plan", "staff_day_rate"): (0, _MAX_MINOR),
    ("Plan", "contingency_percent"): (Decimal(0), Decimal(100)),
    ("Evaluation", "budget"): (0, _MAX_MINOR),
    ("Activity", "sessions"): (0, 100_000),
    ("Activity", "participants"): (0, 100_000_000),
    ("Method", "group_size_min"): (0, 1_000_000),
    ("Method", "group_size_max"): (0, 1_000_000),
    ("Method", "prep_hours"): (Decimal(0), Decimal(100_000)),
    ("Method", "delivery_hours"): (Decimal(0), Decimal(100_000)),
    ("Method", "analysis_hours"): (Decimal(0), Decimal(100_000)),
}
MAX_TEXT = 100_000


class PlanFormatError(ValueError):
    """A JSON document that is not a valid plan; ``str()`` names the field and the problem."""


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_encode(v) for v in value]
    raise TypeError(f"cannot encode {type(value).__name__}")


def to_dict(obj: Any) -> Any:
    """Any model object as plain JSON-ready data."""
    return _encode(obj)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "plan": _encode(plan)}


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2)


def _fail(path: str, problem: str) -> PlanFormatError:
    return PlanFormatError(f"{path}: {problem}")


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_range(owner: str, name: str, value: Any, path: str) -> None:
    bounds = RANGES.get((owner, name))
    if bounds is not None and value is not None and not bounds[0] <= value <= bounds[1]:
        raise _fail(path, f"{value} is out of range (allowed {bounds[0]} to {bounds[1]})")


def _decode(tp: Any, raw: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if raw is None:
            return None
        return _decode(args[0], raw, path)
    if origin is list:
        if not isinstance(raw, list):
            raise _fail(path, f"expected a list, got {_describe(raw)}")
        (item_tp,) = typing.get_args(tp)
        return [_decode(item_tp, item, f"{path}[{i}]") for i, item in enumerate(raw)]
    if dataclasses.is_dataclass(tp):
        return _decode_object(tp, raw, path)
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        allowed = [m.value for m in tp]
        if raw not in allowed:
            raise _fail(path, f"{_describe(raw)} is not one of {', '.join(allowed)}")
        return tp(raw)
    if tp is bool:
        if not isinstance(raw, bool):
            raise _fail(path, f"expected true or false, got {_describe(raw)}")
        return raw
    if tp is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise _fail(path, f"expected a whole number, got {_describe(raw)}")
        return raw
    if tp is str:
        if not isinstance(raw, str):
            raise _fail(path, f"expected text, got {_describe(raw)}")
        if len(raw) > MAX_TEXT:
            raise _fail(path, f"text is longer than {MAX_TEXT:,} characters")
        return raw
    if tp is Decimal:
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            raise _fail(path, f"expected a number written as text, such as \"2.5\", got {_describe(raw)}")
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise _fail(path, f"{_describe(raw)} is not a number") from None
        if not value.is_finite():
            raise _fail(path, f"{_describe(raw)} is not a finite number")
        return value
    if tp is datetime:
        if not isinstance(raw, str):
            raise _fail(path, f"expected a date and time, got {_describe(raw)}")
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            raise _fail(path, f"{_describe(raw)} is not an ISO date and time") from None
    if tp is date:
        if not isinstance(raw, str):
            raise _fail(path, f"expected a date such as \"2026-03-31\", got {_describe(raw)}")
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise _fail(path, f"{_describe(raw)} is not a date such as \"2026-03-31\"") from None
    raise TypeError(f"unsupported field type {tp!r} at {path}")


@functools.cache
def _shape(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """Type hints and fields of a dataclass, looked up once per class (reflection is slow)."""
    return typing.get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls)}


def _decode_object(cls: type[T], raw: Any, path: str) -> T:
    if not isinstance(raw, dict):
        raise _fail(path, f"expected an object, got {_describe(raw)}")
    hints, fields = _shape(cls)
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise _fail(path, f"unknown field {unknown[0]!r}")
    values: dict[str, Any] = {}
    for name, f in fields.items():
        sub = f"{path}.{name}"
        if name not in raw:
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if required:
                raise _fail(sub, "is missing")
            continue
        value = _decode(hints[name], raw[name], sub)
        _check_range(cls.__name__, name, value, sub)
        values[name] = value
    return cls(**values)


def from_dict(cls: type[T], raw: Any, path: str = "") -> T:
    """Build a model object of type ``cls`` from plain data, checking every field."""
    return _decode_object(cls, raw, path or cls.__name__.lower())


def _check_references(plan: Plan) -> None:
    ids: set[str] = set()
    collections: list[tuple[str, list[Any]]] = [
        ("groups", plan.groups),
        ("objectives", plan.objectives),
        ("methods", plan.methods),
        ("activities", plan.activities),
        ("risks", plan.risks),
    ]
    for name, items in collections:
        for i, item in enumerate(items):
            if item.id in ids:
                raise _fail(f"plan.{name}[{i}].id", f"{item.id!r} is used twice")
            ids.add(item.id)
    group_ids = {g.id for g in plan.groups}
    objective_ids = {o.id for o in plan.objectives}
    method_ids = {m.id for m in plan.methods}
    for i, objective in enumerate(plan.objectives):
        for j, gid in enumerate(objective.group_ids):
            if gid not in group_ids:
                raise _fail(f"plan.objectives[{i}].group_ids[{j}]", f"no group has id {gid!r}")
    for i, activity in enumerate(plan.activities):
        for j, gid in enumerate(activity.group_ids):
            if gid not in group_ids:
                raise _fail(f"plan.activities[{i}].group_ids[{j}]", f"no group has id {gid!r}")
        for j, oid in enumerate(activity.objective_ids):
            if oid not in objective_ids:
                raise _fail(f"plan.activities[{i}].objective_ids[{j}]", f"no objective has id {oid!r}")
        if activity.method_id is not None and activity.method_id not in method_ids:
            raise _fail(f"plan.activities[{i}].method_id", f"no method has id {activity.method_id!r}")
    es = [r.e for r in plan.vfm]
    if len(set(es)) != len(es):
        raise _fail("plan.vfm", "an E is assessed twice")


def plan_from_dict(raw: Any) -> Plan:
    if not isinstance(raw, dict):
        raise _fail("document", "expected a JSON object")
    if raw.get("format") != FORMAT_NAME:
        raise _fail("format", f"expected {FORMAT_NAME!r}; this is not a ceplanner plan")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _fail("version", "missing or not a whole number")
    if version > FORMAT_VERSION:
        raise _fail(
            "version",
            f"the file uses plan format {version}, newer than this ceplanner understands "
            f"({FORMAT_VERSION}); update ceplanner to read it",
        )
    if version < 1:
        raise _fail("version", f"{version} is not a plan format version")
    if "plan" not in raw:
        raise _fail("plan", "is missing")
    plan = from_dict(Plan, raw["plan"], "plan")
    _check_references(plan)
    return plan


def plan_from_json(text: str) -> Plan:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFormatError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    return plan_from_dict(raw)


def methods_from_dict(raw: Any) -> list[Method]:
    """Read a method library document: {"format": "ceplanner-methods", "version": 1, "methods": [...]}."""
    if not isinstance(raw, dict) or raw.get("format") != LIBRARY_FORMAT_NAME:
        raise _fail("format", f"expected {LIBRARY_FORMAT_NAME!r}; this is not a method library")
    methods = raw.get("methods")
    if not isinstance(methods, list):
        raise _fail("methods", "expected a list")
    return [from_dict(Method, m, f"methods[{i}]") for i, m in enumerate(methods)]


def methods_to_dict(methods: list[Method]) -> dict[str, Any]:
    return {"format": LIBRARY_FORMAT_NAME, "version": FORMAT_VERSION, "methods": _encode(methods)}
