"""A method library shared by a team ($CEPLANNER_LIBRARY): used, and never damaged."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from ceplanner.core import library
from ceplanner.core.model import CostCategory, CostLine, Method, Unit


@pytest.fixture(autouse=True)
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A personal data folder and a shared folder; the shared file is named by the variable."""
    monkeypatch.setenv(library.DATA_DIR_ENV, str(tmp_path / "data"))
    shared = tmp_path / "shared drive" / "methods.json"
    shared.parent.mkdir()
    monkeypatch.setenv(library.SHARED_LIBRARY_ENV, str(shared))
    yield shared
    for p in (shared, shared.parent):  # let pytest clean up what a test made read-only
        if p.exists():
            p.chmod(p.stat().st_mode | stat.S_IWUSR)


def _method(cost: int = 350) -> Method:
    return Method(
        id="team-coffee",
        name="Coffee morning",
        cost_lines=[
            CostLine(
                category=CostCategory.CATERING,
                description="Coffee and cake",
                unit=Unit.PERSON,
                quantity=Decimal(20),
                unit_cost=cost,
                id="team-coffee-1",
            )
        ],
    )


def test_the_variable_points_the_library_at_the_shared_file(places: Path, tmp_path: Path) -> None:
    assert library.user_methods_path() == places
    library.save_user_methods([_method()])
    assert places.exists()
    assert not (tmp_path / "data" / "methods.json").exists()
    assert [m.id for m in library.load_user_methods()] == ["team-coffee"]
    assert "team-coffee" in [m.id for m in library.all_methods()]


def test_without_the_variable_the_personal_library_is_used(
    places: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(library.SHARED_LIBRARY_ENV)
    assert library.user_methods_path() == tmp_path / "data" / "methods.json"


def test_a_read_only_shared_library_is_read_but_refused_for_writing(places: Path) -> None:
    library.save_user_methods([_method(350)])
    before = places.read_bytes()
    places.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    assert not library.library_writable()
    assert library.load_user_methods()[0].cost_lines[0].unit_cost == 350
    with pytest.raises(library.LibraryError) as caught:
        library.save_user_methods([_method(999)])
    message = str(caught.value)
    assert "cannot save the shared method library" in message
    assert "read-only for you" in message and "unchanged" in message
    assert places.read_bytes() == before
    assert [p.name for p in places.parent.iterdir()] == ["methods.json"]  # no temporary left


def test_a_read_only_shared_folder_is_refused_for_a_new_library(places: Path) -> None:
    places.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert not library.library_writable()
    with pytest.raises(library.LibraryError, match="read-only for you"):
        library.save_user_methods([_method()])
    places.parent.chmod(stat.S_IRWXU)
    assert not places.exists()


def test_an_unreadable_shared_library_is_refused_and_never_moved_or_replaced(places: Path) -> None:
    places.write_text("{ this is not json", encoding="utf-8")
    with pytest.raises(library.LibraryError):
        library.load_user_methods()
    with pytest.raises(library.LibraryError) as caught:
        library.save_user_methods([_method()])
    assert "cannot be read" in str(caught.value) and "not replaced" in str(caught.value)
    assert library.SHARED_LIBRARY_ENV in str(caught.value)
    assert places.read_text(encoding="utf-8") == "{ this is not json"
    assert sorted(os.listdir(places.parent)) == ["methods.json"]


def test_a_newer_shared_library_is_never_replaced(places: Path) -> None:
    text = json.dumps({"format": "ceplanner-methods", "version": 999, "methods": []})
    places.write_text(text, encoding="utf-8")
    with pytest.raises(library.NewerLibraryError, match="newer"):
        library.save_user_methods([_method()])
    assert places.read_text(encoding="utf-8") == text


def test_an_unreadable_personal_library_is_still_kept_aside(
    places: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(library.SHARED_LIBRARY_ENV)
    personal = tmp_path / "data" / "methods.json"
    personal.parent.mkdir()
    personal.write_text("damaged", encoding="utf-8")
    library.save_user_methods([_method()])
    kept = [p for p in personal.parent.iterdir() if p.name.startswith("methods.unreadable-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "damaged"
