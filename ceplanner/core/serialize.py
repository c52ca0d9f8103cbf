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
import re
import types
import typing
from collections.abc import Callable, Hashable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar, cast

from ceplanner.core.limits import field_limits
from ceplanner.core.model import TEXT_LIMIT, Method, Plan, Scaling, Unit
from ceplanner.core.references import dangling_references, duplicate_ids, prune_dangling_references

FORMAT_NAME = "ceplanner-plan"
FORMAT_VERSION = 3
"""2 added scaling lines, timing, envelopes, dismissals, value-for-money measures and scenarios;
3 added delivery: sessions held, actual costs, measured indicators, the findings and response logs."""
LIBRARY_FORMAT_NAME = "ceplanner-methods"
LIBRARY_FORMAT_VERSION = 2
"""Method libraries did not change with plan format 3: they stay readable by earlier versions."""

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
    if not raw.isascii():
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError as exc:
            code = ord(raw[exc.start])
            raise _fail(
                path, f"holds \\u{code:04x}, half of a character pair (a lone surrogate), which is not text"
            ) from None
    return raw


class _HugeNumber:
    """A JSON integer too long for any field, kept as its length so that the field's path can be
    named (Python refuses to convert integers of more than 4,300 digits)."""

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __str__(self) -> str:
        return f"a number of {len(self.digits.lstrip('-')):,} digits"


_MAX_INT_DIGITS = 40


def _parse_int(digits: str) -> int | _HugeNumber:
    return _HugeNumber(digits) if len(digits) > _MAX_INT_DIGITS else int(digits)


# Exactly what the format defines: ASCII digits, no underscores, spaces or other scripts' digits.
_DECIMAL_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]{1,4})?")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME_TEXT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})?"
)


def _decode_decimal(raw: Any, path: Any) -> Decimal:
    if type(raw) not in (str, int):
        raise _fail(path, f'expected a number written as text, such as "2.5", got {_describe(raw)}')
    if type(raw) is str and (len(raw) > 100 or not _DECIMAL_TEXT.fullmatch(raw)):
        raise _fail(path, f'{_describe(raw)} is not a number written with the digits 0-9, such as "2.5"')
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
    if not _DATETIME_TEXT.fullmatch(raw):
        raise _fail(path, f'{_describe(raw)} is not a date and time such as "2026-11-02T10:00:00+00:00"')
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise _fail(path, f"{_describe(raw)} is not an ISO date and time") from None


def _decode_date(raw: Any, path: Any) -> date:
    if type(raw) is not str:
        raise _fail(path, f'expected a date such as "2026-03-31", got {_describe(raw)}')
    if not _DATE_TEXT.fullmatch(raw):
        raise _fail(path, f'{_describe(raw)} is not a date such as "2026-03-31"')
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise _fail(path, f'{_describe(raw)} is not a date such as "2026-03-31"') from None


def parse_datetime(raw: Any, where: str) -> datetime:
    """A date and time as the format writes it; :class:`PlanFormatError` naming ``where``."""
    return _decode_datetime(raw, where)


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


def check_references(plan: Plan, repairs: list[str] | None = None) -> None:
    """The reference checks every reader of a plan applies (JSON import, plan files, snapshots).

    A duplicate id is always refused. A link to a missing group, objective or method is refused
    when ``repairs`` is None (JSON import: the document must say what it means); otherwise the
    link is removed and a sentence saying so is appended to ``repairs`` (plan files and
    snapshots saved before deletions removed their links).
    """
    duplicates = duplicate_ids(plan)
    if duplicates:
        raise PlanFormatError(duplicates[0])
    if repairs is None:
        dangling = dangling_references(plan)
        if dangling:
            raise PlanFormatError(dangling[0])
    else:
        repairs += prune_dangling_references(plan)


_TOP_LEVEL = frozenset({"format", "version", "plan", "template"})
"""``template`` marks a plan template (its name and description: see core/templates.py)."""


def plan_from_dict(raw: Any, repairs: list[str] | None = None) -> Plan:
    """Read a plan document; see :func:`check_references` for ``repairs``."""
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
    unknown = sorted(set(raw) - _TOP_LEVEL)
    if unknown:
        raise _fail(
            "document", f"unknown field {unknown[0]!r} (a plan document holds only format, version and plan)"
        )
    if "plan" not in raw:
        raise _fail("plan", "is missing")
    plan = from_dict(Plan, raw["plan"], "plan")
    check_references(plan, repairs)
    return plan


def plan_from_json(text: str, repairs: list[str] | None = None) -> Plan:
    return plan_from_dict(parse_json(text), repairs)


def parse_json(text: str) -> Any:
    """Parse JSON text for a reader that checks it; every failure is a :class:`PlanFormatError`.

    Integers too long for any field are kept as markers so that the checks can name the field;
    nesting too deep for Python's parser is refused, not crashed on.
    """
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise PlanFormatError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise PlanFormatError("not a plan: the JSON is nested far more deeply than any plan is") from None
    except ValueError as exc:  # e.g. a number Python will not convert
        raise PlanFormatError(f"not valid JSON: {exc}") from None


def methods_from_dict(raw: Any) -> list[Method]:
    """Read a method library document: {"format": "ceplanner-methods", "version": 2, "methods": [...]}.

    Version 1 had no ``scaling``: its template lines were per session unless a lump sum, and are
    read as such, so a library a user saved earlier costs new activities as it always did.
    """
    if not isinstance(raw, dict) or raw.get("format") != LIBRARY_FORMAT_NAME:
        raise _fail("format", f"expected {LIBRARY_FORMAT_NAME!r}; this is not a method library")
    methods = raw.get("methods")
    if not isinstance(methods, list):
        raise _fail("methods", "expected a list")
    result = [from_dict(Method, m, f"methods[{i}]") for i, m in enumerate(methods)]
    if raw.get("version") == 1:
        for method in result:
            for line in method.cost_lines:
                if line.unit is not Unit.LUMP_SUM:
                    line.scaling = Scaling.PER_SESSION
    return result


def methods_to_dict(methods: list[Method]) -> dict[str, Any]:
    return {"format": LIBRARY_FORMAT_NAME, "version": LIBRARY_FORMAT_VERSION, "methods": to_dict(methods)}
