"""Every choice a user sees has its own words, even where two lists share a stored value."""

from __future__ import annotations

from enum import StrEnum

from ceplanner.core import model
from ceplanner.core.model import ImpactCategory, OutcomeLevel, label

ENUMS = [
    cls
    for cls in vars(model).values()
    if isinstance(cls, type) and issubclass(cls, StrEnum) and cls.__module__ == model.__name__
]


def test_every_member_of_every_choice_list_has_a_label() -> None:
    missing = [f"{cls.__name__}.{m.name}" for cls in ENUMS for m in cls if (cls, m.value) not in model.LABELS]
    assert missing == []


def test_lists_sharing_a_value_keep_their_own_words() -> None:
    assert OutcomeLevel.SERVICE.value == ImpactCategory.SERVICE.value
    assert label(OutcomeLevel.SERVICE) == "Service"
    assert label(ImpactCategory.SERVICE) == "Service planning and delivery"
    assert label(OutcomeLevel.STRATEGIC) == "Strategic"
    assert label(ImpactCategory.STRATEGIC) == "Major project or strategic plan"
