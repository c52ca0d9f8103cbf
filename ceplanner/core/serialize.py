"""The plan's JSON interchange format (see docs/plan-format.md), driven by the dataclasses.

One converter, reflecting over the model's type hints, so that every field round-trips exactly
and a new field needs no code here. Reading checks every value, numbers against the limits the
model states (:mod:`ceplanner.core.limits`), and raises :class:`PlanFormatError` naming the
field's path and the problem.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable, Hashable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar, cast

from ceplanner.core.limits import field_limits
from ceplanner.core.model import TEXT_LIMIT, Method, Plan

FORMAT_NAME = "ceplanner-plan"
FORMAT_VERSION = 1
LIBRARY_FORMAT_NAME = "ceplanner-methods"

T = TypeVar("T")


class PlanFormatError(ValueError):
    """A JSON document that is not a valid plan; ``str()`` names the field and the problem."""


Encoder = Callable[[Any], Any]
Decoder = Callable[[Any, Any], Any]


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (types.UnionType, typing.Union)


def _identity(value: Any) -> Any:
    return value


def _iso(value: date | datetime) -> str:
    return value.isoformat()


@functools.cache
def _encoder(tp: Any) -> Encoder:
    """A function turning a value of type ``tp`` into JSON-ready data; built once per type
    because reflecting on every value made loading a 5,000-group plan take a second."""
    if _is_optional(tp):
        inner = _encoder(next(a for a in typing.get_args(tp) if a is not type(None)))
        return lambda v: None if v is None else inner(v)
    if typing.get_origin(tp) is list:
        item = _encoder(typing.get_args(tp)[0])
        if item is _identity:
            return list
        return lambda v: [item(x) for x in v]
    if dataclasses.is_dataclass(tp):
        specs = field_encoders(tp)  # type: ignore[arg-type]
        return lambda v: {name: enc(getattr(v, name)) for name, enc in specs}
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return lambda v: v.value
    if tp is Decimal:
        return str
    if tp in (date, datetime):
        return _iso
    if tp in (str, int, bool):
        return _identity
    raise TypeError(f"cannot encode {tp!r}")


@functools.cache
def field_encoders(cls: type) -> list[tuple[str, Encoder]]:
    """(field name, encoder) for each field of a model dataclass, in declaration order."""
    hints = _hints(cls)
    return [(f.name, _encoder(hints[f.name])) for f in dataclasses.fields(cls)]


def to_dict(obj: Any) -> Any:
    """A model object (or list of them) as plain JSON-ready data."""
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    if dataclasses.is_dataclass(obj):
        return _encoder(cast(Hashable, type(obj)))(obj)
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "plan": to_dict(plan)}


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2)


def _render(path: Any) -> str:
    """Paths are built as cheap (parent, key) pairs and only turned into text on error."""
    parts: list[str] = []
    while isinstance(path, tuple):
        path, key = path
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    return str(path) + "".join(reversed(parts))


def _fail(path: Any, problem: str) -> PlanFormatError:
    return PlanFormatError(f"{_render(path)}: {problem}")


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _decode_bool(raw: Any, path: Any) -> bool:
    if not isinstance(raw, bool):
        raise _fail(path, f"expected true or false, got {_describe(raw)}")
    return raw


def _decode_int(raw: Any, path: Any) -> int:
    if type(raw) is not int:
        raise _fail(path, f"expected a whole number, got {_describe(raw)}")
    return raw


def _decode_str(raw: Any, path: Any) -> str:
    if type(raw) is not str:
        raise _fail(path, f"expected text, got {_describe(raw)}")
    if len(raw) > TEXT_LIMIT:
        raise _fail(path, f"text is longer than {TEXT_LIMIT:,} characters")
    return raw


def _decode_decimal(raw: Any, path: Any) -> Decimal:
    if type(raw) not in (str, int):
        raise _fail(path, f"expected a number written as text, such as \"2.5\", got {_describe(raw)}")
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise _fail(path, f"{_describe(raw)} is not a number") from None
    if not value.is_finite():
        raise _fail(path, f"{_describe(raw)} is not a finite number")
    return value


def _decode_datetime(raw: Any, path: Any) -> datetime:
    if type(raw) is not str:
        raise _fail(path, f"expected a date and time, got {_describe(raw)}")
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise _fail(path, f"{_describe(raw)} is not an ISO date and time") from None


def _decode_date(raw: Any, path: Any) -> date:
    if type(raw) is not str:
        raise _fail(path, f"expected a date such as \"2026-03-31\", got {_describe(raw)}")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise _fail(path, f"{_describe(raw)} is not a date such as \"2026-03-31\"") from None


_SCALAR_DECODERS: dict[Any, Decoder] = {
    bool: _decode_bool,
    int: _decode_int,
    str: _decode_str,
    Decimal: _decode_decimal,
    datetime: _decode_datetime,
    date: _decode_date,
}


@functools.cache
def _decoder(tp: Any) -> Decoder:
    """A checking function for values of type ``tp``, built once per type (see :func:`_encoder`)."""
    if _is_optional(tp):
        inner = _decoder(next(a for a in typing.get_args(tp) if a is not type(None)))
        return lambda raw, path: None if raw is None else inner(raw, path)
    if typing.get_origin(tp) is list:
        item = _decoder(typing.get_args(tp)[0])

        def decode_list(raw: Any, path: Any) -> list[Any]:
            if type(raw) is not list:
                raise _fail(path, f"expected a list, got {_describe(raw)}")
            return [item(x, (path, i)) for i, x in enumerate(raw)]

        return decode_list
    if dataclasses.is_dataclass(tp):
        return _object_decoder(tp)  # type: ignore[arg-type]
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        members = {m.value: m for m in tp}
        allowed = ", ".join(members)

        def decode_enum(raw: Any, path: Any) -> Any:
            member = members.get(raw) if type(raw) is str else None
            if member is None:
                raise _fail(path, f"{_describe(raw)} is not one of {allowed}")
            return member

        return decode_enum
    if tp in _SCALAR_DECODERS:
        return _SCALAR_DECODERS[tp]
    raise TypeError(f"unsupported field type {tp!r}")


def _object_decoder(cls: type) -> Decoder:
    hints = _hints(cls)
    specs = []
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        specs.append((f.name, _decoder(hints[f.name]), required, field_limits(f)))
    names = frozenset(name for name, *_ in specs)

    def decode_object(raw: Any, path: Any) -> Any:
        if type(raw) is not dict:
            raise _fail(path, f"expected an object, got {_describe(raw)}")
        if not raw.keys() <= names:
            raise _fail(path, f"unknown field {sorted(raw.keys() - names)[0]!r}")
        values: dict[str, Any] = {}
        for name, decode, required, bounds in specs:
            if name in raw:
                value = decode(raw[name], (path, name))
                if bounds is not None and value is not None and (problem := bounds.problem(value)):
                    raise _fail((path, name), problem)
                values[name] = value
            elif required:
                raise _fail((path, name), "is missing")
        return cls(**values)

    return decode_object


def from_dict(cls: type[T], raw: Any, path: str = "") -> T:
    """Build a model object of type ``cls`` from plain data, checking every field."""
    result: T = _decoder(cast(Hashable, cls))(raw, path or cls.__name__.lower())
    return result


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
    line_ids: set[str] = set()
    owners: list[tuple[str, list[Any]]] = [("methods", plan.methods), ("activities", plan.activities)]
    for name, items in owners:
        for i, owner in enumerate(items):
            for j, line in enumerate(owner.cost_lines):
                if line.id in line_ids:
                    raise _fail(f"plan.{name}[{i}].cost_lines[{j}].id", f"{line.id!r} is used twice")
                line_ids.add(line.id)
    indicator_ids: set[str] = set()
    for i, objective in enumerate(plan.objectives):
        for j, indicator in enumerate(objective.indicators):
            if indicator.id in indicator_ids:
                raise _fail(f"plan.objectives[{i}].indicators[{j}].id", f"{indicator.id!r} is used twice")
            indicator_ids.add(indicator.id)
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
    return {"format": LIBRARY_FORMAT_NAME, "version": FORMAT_VERSION, "methods": to_dict(methods)}
