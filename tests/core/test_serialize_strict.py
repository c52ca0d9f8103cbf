"""The JSON reader accepts exactly what docs/plan-format.md defines and refuses the rest with the
field's path: no silent normalising, no tracebacks on hostile documents."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ceplanner.core.serialize import FORMAT_VERSION, PlanFormatError, plan_from_json, plan_to_json
from tests.factories import full_plan

DOC: dict[str, Any] = json.loads(plan_to_json(full_plan()))


def refused(change: Callable[[dict[str, Any]], None]) -> str:
    doc = copy.deepcopy(DOC)
    change(doc)
    with pytest.raises(PlanFormatError) as info:
        plan_from_json(json.dumps(doc))
    return str(info.value)


def test_unknown_top_level_keys_are_refused() -> None:
    assert refused(lambda d: d.update(comment="hi")) == (
        "document: unknown field 'comment' (a plan document holds only format, version and plan)"
    )


@pytest.mark.parametrize("text", ["2_5", "١٢", "１０", " 2.5", "2.5 ", "+2", ".5", "5.", "1e", "0x10", "2,5"])
def test_numbers_only_in_ascii_digits(text: str) -> None:
    words = refused(lambda d: d["plan"].update(contingency_percent=text))
    assert words.startswith("plan.contingency_percent: ")
    assert "is not a number written with the digits 0-9" in words


@pytest.mark.parametrize(
    "text", ["20270111", "2027-W02-1", "2027-011", "２０２７-01-11", "2027-1-11", "2027-01-11T00:00"]
)
def test_dates_only_as_yyyy_mm_dd(text: str) -> None:
    assert refused(lambda d: d["plan"].update(start=text)).startswith("plan.start: ")


@pytest.mark.parametrize(
    "text", ["20261101T093000", "2026-11-01 09:30:00+00:00", "2026-11-01", "2026-W44-7T09:30:00"]
)
def test_date_times_only_in_the_written_form(text: str) -> None:
    assert refused(lambda d: d["plan"].update(created=text)).startswith("plan.created: ")


def test_what_the_writer_writes_is_still_read() -> None:
    for text in ["12.5", "10", "0", "1E+1", "0.01", "0.50"]:  # within the two decimal places allowed
        doc = copy.deepcopy(DOC)
        doc["plan"]["contingency_percent"] = text
        assert str(plan_from_json(json.dumps(doc)).contingency_percent) == text


def test_a_lone_surrogate_is_refused_with_the_field_path() -> None:
    doc = plan_to_json(full_plan()).replace('"notes": "AT&T & partners"', '"notes": "AT&T \\ud800 partners"')
    with pytest.raises(
        PlanFormatError, match=r"plan\.groups\[0\]\.notes: holds \\ud800, half of a character pair"
    ):
        plan_from_json(doc)


def test_a_5000_digit_integer_is_refused_with_the_field_path() -> None:
    doc = plan_to_json(full_plan()).replace('"size": 1200', '"size": ' + "9" * 5000)
    with pytest.raises(
        PlanFormatError,
        match=r"plan\.groups\[0\]\.size: expected a whole number, got \"a number of 5,000 digits\"",
    ):
        plan_from_json(doc)
    doc = plan_to_json(full_plan()).replace(f'"version": {FORMAT_VERSION}', '"version": -' + "1" * 5000)
    with pytest.raises(PlanFormatError, match="version: missing or not a whole number"):
        plan_from_json(doc)


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deep_nesting_is_refused_not_crashed(opening: str) -> None:
    with pytest.raises(PlanFormatError, match="nested far more deeply than any plan"):
        plan_from_json(opening * 100_000)
    nested = plan_to_json(full_plan()).replace('"value_for_whom": [', '"value_for_whom": [' + "[" * 900, 1)
    with pytest.raises(PlanFormatError):  # invalid JSON or wrong type: either way, words
        plan_from_json(nested)


def test_a_hostile_method_library_gets_words_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ceplanner.core.library import LibraryError, load_user_methods, user_methods_path

    monkeypatch.setenv("CEPLANNER_DATA_DIR", str(tmp_path))
    path = user_methods_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for text, words in (
        ("[" * 100_000, "nested far more deeply"),
        ('{"version": ' + "9" * 5000 + "}", "format"),
    ):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(LibraryError, match=words):
            load_user_methods()
