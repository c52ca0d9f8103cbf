"""The built-in method library, the sample plan and the user's method library."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

import ceplanner
from ceplanner.core import costing, library
from ceplanner.core.model import (
    CostCategory,
    CostLine,
    IAP2Level,
    Method,
    OutcomeLevel,
    Plan,
    Unit,
)
from ceplanner.core.serialize import plan_to_json

# Every cost figure names its source: one of the published figures in docs/domain.md, or an example.
ALLOWED_SOURCES = (
    "Sciencewise-ERC guidance",
    "Sciencewise FAQ",
    "Involve knowledge base",
    "Involve standards",
    "NUBSLI-based guidance",
    "MutualGain",
    "NashvilleNext via MetroQuest",
    "Example figure",
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv(library.DATA_DIR_ENV, str(folder))
    return folder


# --- built-in methods -------------------------------------------------------------------------


def test_builtin_library_loads_with_unique_readable_ids() -> None:
    methods = library.builtin_methods()
    assert len(methods) >= 20
    ids = [m.id for m in methods]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("method-") for i in ids)
    names = {m.name for m in methods}
    for expected in (
        "Online survey",
        "Focus group",
        "Citizens' jury",
        "Citizens' assembly",
        "Participatory budgeting",
    ):
        assert expected in names


def test_every_method_is_complete_and_sourced() -> None:
    for m in library.builtin_methods():
        assert m.name and m.description and m.levels, m.id
        assert 0 < m.group_size_min <= m.group_size_max, m.id
        assert m.delivery_hours > 0, m.id
        assert m.source.startswith(ALLOWED_SOURCES), (m.id, m.source)
        assert m.cost_lines, m.id
        for line in m.cost_lines:
            assert line.source.strip(), (m.id, line.description)
            assert line.source.startswith(ALLOWED_SOURCES), (m.id, line.source)
            assert line.category is not CostCategory.STAFF_TIME, (m.id, line.description)
            assert line.unit_cost > 0 and line.quantity > 0, (m.id, line.description)


def test_all_iap2_levels_are_covered() -> None:
    covered = {level for m in library.builtin_methods() for level in m.levels}
    assert covered == set(IAP2Level)


def test_builtin_methods_are_fresh_objects() -> None:
    first = library.builtin_methods()
    first[0].name = "changed"
    assert library.builtin_methods()[0].name != "changed"


def _cost(method_id: str, sessions: int) -> int:
    method = next(m for m in library.builtin_methods() if m.id == method_id)
    plan = Plan(staff_day_rate=25000)
    plan.activities = [costing.activity_from_method(method, plan, sessions)]
    return costing.compute_budget(plan).grand_total


def test_figures_agree_with_published_ranges() -> None:
    # Sciencewise-ERC: a focus group about GBP 1,000 a session.
    assert 80_000 <= _cost("method-focus-group", 1) <= 130_000
    # Involve: a citizens' jury GBP 60k-200k (five jury days is typical).
    assert 6_000_000 <= _cost("method-citizens-jury", 5) <= 20_000_000
    # Involve: a citizens' assembly GBP 150k-750k (six days).
    assert 15_000_000 <= _cost("method-citizens-assembly", 6) <= 75_000_000
    # Sciencewise FAQ: public dialogue mostly GBP 100k-300k (six days).
    assert 10_000_000 <= _cost("method-public-dialogue", 6) <= 30_000_000


def test_bsl_lines_use_two_interpreters_at_the_published_rate() -> None:
    for m in library.builtin_methods():
        for line in m.cost_lines:
            if line.description.startswith("BSL interpreters"):
                assert line.quantity == 2, m.id
                assert line.unit_cost in (12_000, 24_000), m.id
                assert line.source.startswith("NUBSLI-based guidance"), m.id


# --- the sample plan --------------------------------------------------------------------------


def test_sample_plan_shape() -> None:
    plan = library.sample_plan()
    assert plan.title.startswith("Tenant Voice 2027")
    assert plan.currency == "GBP" and plan.staff_day_rate == 25000
    assert plan.contingency_percent == 10
    assert 8 <= len(plan.groups) <= 12
    assert sum(g.seldom_heard for g in plan.groups) >= 3
    assert len(plan.objectives) == 6
    assert {o.level for o in plan.objectives} == set(OutcomeLevel)
    assert all(1 <= len(o.indicators) <= 3 for o in plan.objectives)
    for o in plan.objectives:
        for i in o.indicators:
            assert all((i.measure, i.baseline, i.target, i.evidence_source, i.collection, i.analysed_by))
    assert 8 <= len(plan.activities) <= 12
    assert 5 <= len(plan.risks) <= 7
    assert all(v.rating is not None and v.criteria and v.evidence for v in plan.vfm)
    assert plan.evaluation.budget > 0
    assert "społeczność" in plan_to_json(plan)


def test_sample_plan_groups_span_all_four_quadrants() -> None:
    quadrants = {(g.power > 3, g.interest > 3) for g in library.sample_plan().groups}
    assert quadrants == {(True, True), (True, False), (False, True), (False, False)}


def test_sample_plan_references_resolve() -> None:
    plan = library.sample_plan()
    builtin = {m.id: m for m in library.builtin_methods()}
    for activity in plan.activities:
        assert activity.group_ids and activity.objective_ids, activity.id
        assert all(plan.group(g) is not None for g in activity.group_ids), activity.id
        assert all(plan.objective(o) is not None for o in activity.objective_ids), activity.id
        assert plan.method(activity.method_id) is not None, activity.id
        assert plan.start and plan.end and activity.start and activity.end
        assert plan.start <= activity.start <= activity.end <= plan.end, activity.id
    # The plan's method copies are the library's, under the same ids.
    for method in plan.methods:
        assert method == builtin[method.id]


def test_sample_plan_uses_in_kind_funders_and_access_lines() -> None:
    lines = [line for a in library.sample_plan().activities for line in a.cost_lines]
    assert any(line.in_kind for line in lines)
    assert len({line.funder for line in lines if line.funder}) >= 3
    assert any(line.source.startswith("NUBSLI-based guidance") for line in lines)
    assert all(line.source.strip() for line in lines)


def test_sample_plan_grand_total_worked_out_independently() -> None:
    plan = library.sample_plan()
    paid = in_kind = 0
    for activity in plan.activities:
        for line in activity.cost_lines:
            amount = int((line.quantity * line.unit_cost).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            if line.in_kind:
                in_kind += amount
            else:
                paid += amount
    paid += plan.evaluation.budget
    contingency = int(
        (Decimal(paid) * plan.contingency_percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )
    budget = costing.compute_budget(plan)
    assert (budget.paid, budget.in_kind, budget.contingency) == (paid, in_kind, contingency)
    assert budget.grand_total == paid + contingency + in_kind
    assert budget.grand_total == 6_729_242  # £67,292.42, the figure quoted in the documentation


def test_sample_plan_is_a_fresh_copy_each_call() -> None:
    first = library.sample_plan()
    first.title = "changed"
    first.groups.clear()
    second = library.sample_plan()
    assert second.title != "changed" and second.groups


# --- resources --------------------------------------------------------------------------------


def test_builtin_data_is_read_from_inside_the_package() -> None:
    # Inside the package, so a wheel or a bundle carries it (tests/test_wheel.py installs one).
    package = Path(ceplanner.__file__).parent
    for name in (library.METHODS_RESOURCE, library.SAMPLE_PLAN_RESOURCE):
        item = library.resource_path(name)
        assert item.is_file()
        assert Path(str(item)) == package / "data" / name


def test_a_missing_builtin_resource_is_named_in_plain_words() -> None:
    with pytest.raises(library.LibraryError, match="cannot read the built-in resource") as caught:
        library._resource_text("no-such-resource.json")
    assert caught.value.path.name == "no-such-resource.json"


# --- the user's method library ----------------------------------------------------------------


def _user_method(method_id: str = "user-method-coffee-morning", name: str = "Coffee morning") -> Method:
    return Method(
        id=method_id,
        name=name,
        description="An informal chat over coffee at the community café in Łódź Street.",
        levels=[IAP2Level.INFORM, IAP2Level.CONSULT],
        group_size_min=5,
        group_size_max=25,
        prep_hours=Decimal("2"),
        delivery_hours=Decimal("1.5"),
        cost_lines=[
            CostLine(
                category=CostCategory.CATERING,
                description="Coffee and cake",
                unit=Unit.PERSON,
                quantity=Decimal(20),
                unit_cost=350,
                source="Example figure",
                id="user-line-1",
            )
        ],
        source="Example figures",
    )


def test_user_methods_path_follows_the_environment(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert library.user_methods_path() == data_dir / "methods.json"
    monkeypatch.delenv(library.DATA_DIR_ENV)
    assert library.user_methods_path().name == "methods.json"
    assert library.user_methods_path().parent != data_dir


def test_no_user_file_means_no_user_methods() -> None:
    assert library.load_user_methods() == []
    assert [m.id for m in library.all_methods()] == [m.id for m in library.builtin_methods()]


def test_user_methods_round_trip(data_dir: Path) -> None:
    methods = [_user_method()]
    library.save_user_methods(methods)
    assert library.load_user_methods() == methods
    raw = json.loads((data_dir / "methods.json").read_text(encoding="utf-8"))
    assert raw["format"] == "ceplanner-methods"
    assert raw["methods"][0]["cost_lines"][0]["unit_cost"] == 350
    assert "Łódź" in (data_dir / "methods.json").read_text(encoding="utf-8")
    assert [p.name for p in data_dir.iterdir()] == ["methods.json"]  # no temporary file left behind


def test_user_method_replaces_builtin_with_same_id() -> None:
    builtin = library.builtin_methods()
    mine = _user_method("method-focus-group", "Focus group (our rates)")
    extra = _user_method()
    library.save_user_methods([extra, mine])
    merged = library.all_methods()
    ids = [m.id for m in merged]
    assert len(ids) == len(set(ids)) == len(builtin) + 1
    assert ids[: len(builtin)] == [m.id for m in builtin]  # the replacement keeps its place
    assert merged[ids.index("method-focus-group")].name == "Focus group (our rates)"
    assert merged[-1].id == extra.id


def test_saving_replaces_the_previous_file(data_dir: Path) -> None:
    library.save_user_methods([_user_method()])
    library.save_user_methods([])
    assert library.load_user_methods() == []


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"format": "something-else", "methods": []}',
        '{"format": "ceplanner-methods", "version": 1, "methods": [{"name": 3}]}',
        '{"format": "ceplanner-methods", "version": 99, "methods": []}',
    ],
)
def test_corrupt_user_file_raises_naming_the_file(data_dir: Path, content: str) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "methods.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(library.LibraryError) as info:
        library.load_user_methods()
    assert str(path) in str(info.value)
    with pytest.raises(library.LibraryError):
        library.all_methods()
    assert path.read_text(encoding="utf-8") == content  # untouched


def test_duplicate_ids_in_user_file_are_an_error(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    doc = {"format": "ceplanner-methods", "version": 1, "methods": [{"id": "x"}, {"id": "x"}]}
    (data_dir / "methods.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(library.LibraryError, match="used twice"):
        library.load_user_methods()
    with pytest.raises(library.LibraryError, match="used twice"):
        library.save_user_methods([_user_method(), _user_method()])


def test_saving_over_an_unreadable_file_keeps_it_aside(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "methods.json").write_text("{damaged", encoding="utf-8")
    library.save_user_methods([_user_method()])
    assert [m.id for m in library.load_user_methods()] == ["user-method-coffee-morning"]
    kept = [p for p in data_dir.iterdir() if p.name.startswith("methods.unreadable-")]
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == "{damaged"


def test_saving_never_replaces_a_newer_library(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    newer = '{"format": "ceplanner-methods", "version": 99, "methods": []}'
    (data_dir / "methods.json").write_text(newer, encoding="utf-8")
    with pytest.raises(library.NewerLibraryError, match="newer"):
        library.save_user_methods([_user_method()])
    assert [p.name for p in data_dir.iterdir()] == ["methods.json"]
    assert (data_dir / "methods.json").read_text(encoding="utf-8") == newer


def test_core_library_imports_no_qt() -> None:
    code = "import sys, ceplanner.core.library; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_library_saved_before_lines_said_how_they_scale_reads_them_per_session() -> None:
    from ceplanner.core.model import Scaling, Unit
    from ceplanner.core.serialize import methods_from_dict

    line = {"category": "venue", "description": "Hall", "unit": "session", "quantity": "1", "unit_cost": 5000}
    lump = {**line, "description": "Design", "unit": "lump_sum"}
    old = {
        "format": "ceplanner-methods",
        "version": 1,
        "methods": [{"name": "Drop-in", "cost_lines": [line, lump]}],
    }
    hall, design = methods_from_dict(old)[0].cost_lines
    assert (hall.scaling, design.scaling) == (Scaling.PER_SESSION, Scaling.FIXED)
    assert design.unit is Unit.LUMP_SUM
    new = {**old, "version": 2}
    assert methods_from_dict(new)[0].cost_lines[0].scaling is Scaling.FIXED  # as written: no scaling given
