"""Everything a user typed reaches the page in full: no text is cut short or left out."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterator
from enum import Enum

import pytest

from ceplanner.core.library import sample_plan
from ceplanner.core.model import Method, Plan
from tests.report.report_fixtures import Pdf, body_text, make_rich_plan

CHOSEN_CODES = ("id", "currency", "country", "region", "code")
"""Text fields holding a code picked from a list (a currency, a holiday region, a finding's
code), printed as the words they stand for rather than as typed."""


LISTED_BY_LINE = {"plan.participant_questions"}
"""Texts the document prints as a list of their lines."""


def _typed_texts(obj: object, path: str = "plan") -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text a user can type into a plan."""
    if isinstance(obj, Enum) or obj is None:
        return
    if isinstance(obj, str):
        if obj.strip():
            yield path, obj
        return
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _typed_texts(item, f"{path}[{i}]")
        return
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            if f.name in CHOSEN_CODES or f.name.endswith(("_id", "_ids")):
                continue
            yield from _typed_texts(getattr(obj, f.name), f"{path}.{f.name}")


def _plan_texts(plan: Plan) -> list[tuple[str, str]]:
    used = {a.method_id for a in plan.activities}
    found = []
    for where, text in _typed_texts(plan):
        if where.startswith("plan.methods"):
            continue  # the library's copies: only the methods' names and sources are the plan's
        found.append((where, text))
    for i, method in enumerate(plan.methods):
        if method.id in used:
            found += [(f"plan.methods[{i}].{attr}", getattr(method, attr)) for attr in ("name", "source")]
    return [(w, t) for w, t in found if t.strip()]


def squash(text: str) -> str:
    """Text as compared: Unicode-normalised, without whitespace (lines wrap anywhere in a table)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("\u00ad", "")


@pytest.mark.parametrize("make", [sample_plan, make_rich_plan], ids=["sample", "rich"])
def test_every_typed_text_is_printed_in_full(make: Callable[[], Plan], build: Callable[..., Pdf]) -> None:
    plan = make()
    pdf = build(plan)
    printed = squash(body_text(pdf, plan))
    # A list typed one item per line may be printed as a numbered list: each line must be whole.
    missing = [
        (where, line[:60])
        for where, text in _plan_texts(plan)
        for line in ([text] if where not in LISTED_BY_LINE else text.splitlines())
        if line.strip() and squash(line) not in printed
    ]
    assert not missing, missing
    assert "…" not in pdf.text.replace("“…”", "")


def test_a_very_long_text_in_a_table_flows_over_pages(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.groups[0].access_needs = " ".join(f"Need {i} of this group." for i in range(400))
    plan.risks[0].mitigation = " ".join(f"Step {i} of this mitigation." for i in range(400))
    pdf = build(plan)
    # Every sentence, in order, read on past page breaks (and the table headers they repeat).
    printed = squash(body_text(pdf, plan))
    for header in (
        "#GroupQuadrantTargetlevelSeldomheardBarriers,accessneedsandnotes",
        "#RiskLikelihoodImpactScoreMitigationOwnerReview",
    ):
        printed = printed.replace(header, "")
    for word in ("Need", "Step"):
        numbers = [int(n) for n in re.findall(rf"{word}(\d+)", printed)]
        assert numbers[-400:] == list(range(400)), word


def test_methods_unused_are_not_required() -> None:
    plan = Plan(methods=[Method(name="Unused")])
    assert _plan_texts(plan) == []


def test_the_summary_ends_long_texts_at_a_sentence_and_gives_the_page(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.decision = " ".join(f"Decision clause number {i} is part of the decision." for i in range(30))
    pdf = build(plan)
    summary = next(i for i, page in enumerate(pdf.pages) if "Decision sought." in page)
    text = " ".join(pdf.pages[summary].split())
    match = re.search(r"is part of the decision\. \(in full on page (\d+)\)\.", text)
    assert match, text[:600]
    page = int(match.group(1))
    assert "The decision and what is open to influence" in " ".join(pdf.pages[page - 1].split())
    assert "Decision clause number 29" not in text
    assert "Decision clause number 29 is part of the decision." in " ".join(pdf.pages[page - 1].split())


def test_first_sentences() -> None:
    from ceplanner.report.sections.summary import first_sentences

    assert first_sentences("One. Two. Three.", 9) == ("One. Two.", True)
    assert first_sentences("One. Two. Three.", 100) == ("One. Two. Three.", False)
    assert first_sentences("A long first sentence. Two.", 5) == ("A long first sentence.", True)
    assert first_sentences("No full stop at all", 5) == ("No full stop at all", False)
    assert first_sentences("First paragraph.\n\nSecond.", 100) == ("First paragraph.", True)


def test_appendix_counts_example_figures_honestly(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    lines = [line for a in plan.activities for line in a.cost_lines]
    examples = sum(1 for line in lines if line.source.lower().startswith("example figure"))
    assert examples > 50
    pdf = build(plan)
    assert f"{examples} of the {len(lines)} lines rest on an example figure" in pdf.text
    assert "floating point" not in pdf.text and "minor units" not in pdf.text
    for method in plan.methods:
        if any(a.method_id == method.id for a in plan.activities) and method.source != "Example figures":
            assert f"{method.name} " in pdf.text and method.source in pdf.text


def test_a_changed_amounts_source_is_printed_as_stored(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    line = plan.activities[0].cost_lines[-1]
    line.unit_cost += 500
    line.source = "Edited by the user: quote from Acme Interpreting, May 2026 (was an example figure)"
    pdf = build(plan)
    assert line.source in pdf.text
