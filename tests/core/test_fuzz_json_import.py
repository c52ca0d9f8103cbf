"""Fuzzing the JSON import: any document is either refused with a PlanFormatError (never another
exception) or accepted and then round-trips exactly, through JSON and through a plan file."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceplanner.core.serialize import PlanFormatError, plan_from_json, plan_to_json
from ceplanner.store import PlanStore
from tests.factories import full_plan

BASE: dict[str, Any] = json.loads(plan_to_json(full_plan()))

# Text with the awkward parts: other scripts' digits, markup, surrogates, controls.
awkward = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
        st.sampled_from('0123456789١٢３_-.:eE+TWZ <>&"\\\x00'),
    ),
    max_size=30,
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=False, allow_infinity=False),
    awkward,
    st.sampled_from(
        [
            "2.5",
            "2_5",
            "１０",
            "2027-01-11",
            "20270111",
            "2027-W02-1",
            "consult",
            "5",
            "1E+1",
            "2026-11-02T10:00:00+00:00",
            "g1",
            "",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(awkward, inner, max_size=3),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            found += _paths(child, (*prefix, i))
    return found


PATHS = _paths(BASE)


@st.composite
def documents(draw: st.DrawFn) -> str:
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(PATHS))
        if not path:
            continue
        parent: Any = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace", "delete", "add"]))
            if action == "replace":
                parent[path[-1]] = draw(values)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[draw(awkward)] = draw(values)
            else:
                parent.append(draw(values))
        except (KeyError, IndexError, TypeError, AttributeError):
            continue
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 9)) == 0:  # now and then, damage the text itself
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(awkward) + text[at + draw(st.integers(0, 5)) :]
    return text


def _check(text: str) -> Any:
    try:
        plan = plan_from_json(text)
    except PlanFormatError as exc:
        assert str(exc)  # a sentence, never empty
        return None
    again = plan_to_json(plan)
    second = plan_from_json(again)
    assert second == plan
    assert plan_to_json(second) == again
    return plan


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_mutated_documents_are_refused_cleanly_or_round_trip(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(awkward, values.map(json.dumps)))
def test_arbitrary_text_and_json_never_crash_the_reader(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_accepted_documents_round_trip_through_a_plan_file(text: str) -> None:
    plan = _check(text)
    if plan is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.ceplan"
        PlanStore.create(path, plan).close()
        with PlanStore.open(path, readonly=True) as store:
            assert plan_to_json(store.load()) == plan_to_json(plan)
