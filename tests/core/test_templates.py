"""Templates: a plan without dates or people's names, costs kept, stored as a plan document."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from ceplanner.core import templates
from ceplanner.core.costing import compute_budget
from ceplanner.core.delivery import planned_part
from ceplanner.core.library import sample_plan
from ceplanner.core.model import (
    Dismissal,
    Plan,
    PlanStatus,
    Risk,
    Task,
    TeamMember,
)
from ceplanner.core.people import PERSON_NAME_FIELDS, ROLE_OR_BODY_FIELDS
from ceplanner.core.serialize import plan_from_json, plan_to_json
from tests.factories import full_plan


def walk(value: Any, path: str = "plan") -> list[tuple[str, Any]]:
    """(path, value) of every field value anywhere in a model object."""
    found: list[tuple[str, Any]] = []
    if isinstance(value, list):
        for i, item in enumerate(value):
            found.append((f"{path}[{i}]", item))
            found += walk(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            found.append((f"{path}.{f.name}", item))
            found += walk(item, f"{path}.{f.name}")
    return found


def person_values(plan: Plan) -> set[str]:
    """What the plan's person-name fields hold (found by walking, matched by class and field)."""
    marked = set(PERSON_NAME_FIELDS)
    values = set()
    for _path, obj in [("plan", plan), *walk(plan)]:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for f in dataclasses.fields(obj):
                if (type(obj), f.name) in marked and getattr(obj, f.name).strip():
                    values.add(getattr(obj, f.name).strip())
    return values


def test_the_full_plan_as_a_template_has_no_dates_and_keeps_every_cost() -> None:
    original = full_plan()
    before = datetime.now(UTC).replace(microsecond=0)
    result = templates.as_template(original)
    dates = [(p, v) for p, v in walk(result) if isinstance(v, date)]
    # Only the file's own stamps remain, and they are the template's, not the original's.
    assert [p for p, _ in dates] == ["plan.created", "plan.modified"]
    assert all(v >= before for _, v in dates)
    originals = [(p, v) for p, v in walk(original) if isinstance(v, date)]
    assert len(originals) >= 9  # the factory fills every date field: the walk found them all
    assert compute_budget(result).grand_total == compute_budget(original).grand_total
    lines = [
        (line.quantity, line.unit_cost, line.unit, line.scaling, line.in_kind)
        for a in result.activities
        for line in a.cost_lines
    ]
    assert lines == [
        (line.quantity, line.unit_cost, line.unit, line.scaling, line.in_kind)
        for a in original.activities
        for line in a.cost_lines
    ]
    assert result.status is PlanStatus.DRAFT and original.status is PlanStatus.APPROVED
    assert original.start is not None  # the original is untouched


def test_the_full_plan_as_a_template_names_no_one() -> None:
    original = full_plan()
    names = person_values(original)
    assert len(names) == 8  # every marked field the factory fills (author and member share a name)
    roles = {m.role for m in original.team}
    assert "Zofia Wójcik" in names and "Board of Riverside & Vale Homes" in names
    result = templates.as_template(original)
    text = [v for _p, v in walk(result) if isinstance(v, str)]
    for name in names - roles:
        assert not any(name in t for t in text), name
    assert "Zofia" not in plan_to_json(result)
    assert [m.name for m in result.team] == ["Involvement lead <engagement>"]
    # what the plan is about is kept
    assert [g.name for g in result.groups] == [g.name for g in original.groups]
    assert [o.title for o in result.objectives] == [o.title for o in original.objectives]
    before_delivery = planned_part(original)
    assert result.evaluation == before_delivery.evaluation
    assert result.vfm == before_delivery.vfm
    # what was delivered is not part of a template
    assert original.sessions_held and original.themes and original.evaluation.lessons
    assert not (result.sessions_held or result.actual_costs or result.themes or result.responses)
    assert result.evaluation.lessons == ""


def test_names_in_text_become_roles_and_owners_who_are_roles_stay() -> None:
    plan = Plan(
        team=[TeamMember(name="Ana Ruiz", role="Engagement lead"), TeamMember(name="Bo Li")],
        tasks=[
            Task(description="Ana Ruiz books the hall", owner="Ana Ruiz"),
            Task(description="Brief Bo Li", owner="Engagement lead"),
            Task(description="Call the venue", owner="Someone Else"),
        ],
        purpose="Led by Ana Ruiz with Bo Li; Ana Ruizes is not a name here",
    )
    result = templates.as_template(plan)
    assert [m.name for m in result.team] == ["Engagement lead", "Team member 2"]
    assert [t.owner for t in result.tasks] == ["Engagement lead", "Engagement lead", ""]
    assert result.tasks[0].description == "Engagement lead books the hall"
    assert result.tasks[1].description == "Brief Team member 2"
    assert result.purpose == "Led by Engagement lead with Team member 2; Ana Ruizes is not a name here"


def test_every_field_that_sounds_like_a_person_is_classified() -> None:
    """A new field such as ``contact`` must be marked as a person's name or as a role."""
    import ceplanner.core.model as model

    classified = set(PERSON_NAME_FIELDS) | set(ROLE_OR_BODY_FIELDS)
    person_words = (
        "name",
        "owner",
        "author",
        "approver",
        "signoff",
        "_by",
        "who",
        "lead",
        "maker",
        "contact",
    )
    unclassified = []
    for cls in vars(model).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            for f in dataclasses.fields(cls):
                hint = str(f.type)
                if (
                    hint == "str"
                    and any(w in f.name for w in person_words)
                    and (cls, f.name) not in classified
                ):
                    unclassified.append(f"{cls.__name__}.{f.name}")
    # Names of things, not people:
    things = {"StakeholderGroup.name", "Method.name", "Funder.name", "Scenario.name"}
    things |= {
        "Evaluation.whose_opinion",
        "Evaluation.outcomes_for_whom",
        "Evaluation.whose_opinion_at_end",
        "Evaluation.outcomes_for_whom_at_end",
    }  # answers to questions
    assert sorted(set(unclassified) - things) == []
    assert all(
        f.type == "str" for cls, name in PERSON_NAME_FIELDS for f in dataclasses.fields(cls) if f.name == name
    )


def test_an_accepted_finding_stays_only_while_the_template_raises_it() -> None:
    plan = sample_plan()
    plan.dismissals.append(Dismissal(code="no.such-finding", reason="gone", dismissed_on=date(2026, 1, 1)))
    result = templates.as_template(plan)
    codes = [d.code for d in result.dismissals]
    assert "costs.example-figures" in codes
    assert "consultation.spans-holidays" not in codes  # about dates the template no longer has
    assert "no.such-finding" not in codes
    assert all(d.dismissed_on is None for d in result.dismissals)


def test_progress_is_reset() -> None:
    result = templates.as_template(full_plan())
    assert not any(t.done for t in result.tasks)
    assert not any(r.done or r.notes for r in result.readiness)
    assert result.doc_version == ""


def test_a_saved_template_reads_back_and_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CEPLANNER_DATA_DIR", str(tmp_path))
    path = templates.save_user_template(full_plan(), "  My  repairs template ", "Tenants and repairs")
    assert path == tmp_path / "templates" / "My repairs template.ceplantemplate.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["template"] == {"name": "My repairs template", "description": "Tenants and repairs"}
    assert raw["format"] == "ceplanner-plan"
    own, problems = templates.user_templates()
    assert problems == [] and [t.name for t in own] == ["My repairs template"]
    assert own[0].plan.start is None and not own[0].builtin
    # the file is a plan document: the plan reader takes it as it is
    assert plan_from_json(path.read_text(encoding="utf-8")).title == full_plan().title
    assert templates.find_template("my repairs TEMPLATE").path == path
    assert templates.find_template(str(path)).name == "My repairs template"
    with pytest.raises(templates.TemplateExistsError):
        templates.save_user_template(full_plan(), "My repairs template")
    templates.save_user_template(Plan(title="Other"), "My repairs template", replace=True)
    assert templates.find_template("My repairs template").plan.title == "Other"


def test_bad_template_files_are_named_not_crashed_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CEPLANNER_DATA_DIR", str(tmp_path))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "broken.ceplantemplate.json").write_text("{not json", encoding="utf-8")
    (folder / "plan.ceplantemplate.json").write_text(plan_to_json(Plan()), encoding="utf-8")
    own, problems = templates.user_templates()
    assert own == []
    assert len(problems) == 2
    assert "broken.ceplantemplate.json is not a usable template (not valid JSON" in problems[0]
    assert "is not a ceplanner template" in problems[1]
    with pytest.raises(
        templates.TemplateError,
        match=r"There is no template called “Nope”\. The templates are: “Neighbourhood regeneration co-design”, ",
    ):
        templates.find_template("Nope")
    with pytest.raises(templates.TemplateError, match="Give the template a name"):
        templates.save_user_template(Plan(), "   ")


def test_a_new_plan_from_a_template_is_a_fresh_copy() -> None:
    template = templates.Template("T", "", templates.as_template(full_plan()), builtin=False)
    first = templates.plan_from_template(template)
    first.groups[0].name = "changed"
    assert template.plan.groups[0].name != "changed"
    assert first.created.year >= 2026


def test_removal_counts_say_how_many_dates_and_names_go() -> None:
    plan = full_plan()
    dates = [v for p, v in walk(plan) if isinstance(v, date) and p not in ("plan.created", "plan.modified")]
    assert templates.removal_counts(plan) == (
        len(dates),
        9,
    )  # author, approver, sign-off, member, task, risk, message, assessment, response
    assert templates.removal_counts(templates.as_template(plan))[0] == 0


@dataclasses.dataclass
class _LaterRisk(Risk):
    """A risk as a later version might have it, with a date field not known today."""

    escalated_on: date | None = None


@dataclasses.dataclass
class _LaterPlan(Plan):
    launch: date | None = None
    reviews: list[date] = dataclasses.field(default_factory=list)


def test_a_date_field_added_later_is_cleared_too() -> None:
    plan = _LaterPlan(
        launch=date(2027, 1, 1),
        reviews=[date(2027, 2, 1)],
        risks=[_LaterRisk(description="r", escalated_on=date(2027, 3, 1), review_date=date(2027, 3, 2))],
    )
    result = templates.as_template(plan)
    assert result.launch is None and result.reviews == []
    assert result.risks[0].escalated_on is None and result.risks[0].review_date is None


def test_a_folder_that_cannot_be_written_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("CEPLANNER_DATA_DIR", str(blocker))
    with pytest.raises(
        templates.TemplateError, match=r"The template was not saved: ceplanner could not write in "
    ):
        templates.save_user_template(full_plan(), "Mine")
