"""The stakeholder table: the column spec of ``doc.plan.groups`` and how typed cells are read.

The table itself is the shared :class:`~ceplanner.ui.table_model.ColumnTableModel`; this module
says what each column is. Input that cannot be right (an empty name, a power of 7) is refused
and the reason sent through ``problem`` for the page to show in words.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ceplanner.core import locale_format
from ceplanner.core.limits import limits_of
from ceplanner.core.model import (
    Barrier,
    IAP2Level,
    Position,
    StakeholderCategory,
    StakeholderGroup,
    label,
)
from ceplanner.core.stakeholders import quadrant_words
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.table_model import Column, ColumnDelegate, ColumnTableModel

MAX_GROUP_SIZE = int(limits_of(StakeholderGroup, "size").maximum or 0)
SCORE = limits_of(StakeholderGroup, "power")


def to_enum(enum: type[StrEnum], value: Any) -> StrEnum:
    """An enumeration member from itself, its stored value or the word users see."""
    if isinstance(value, enum):
        return value
    text = str(value).strip().casefold()
    for member in enum:
        if text in (member.value.casefold(), label(member).casefold(), member.name.casefold()):
            return member
    choices = ", ".join(label(m) for m in enum)
    raise ValueError(
        QCoreApplication.translate("StakeholderModel", "“{value}” is not one of: {choices}.").format(
            value=value, choices=choices
        )
    )


def to_barriers(value: Any) -> list[Barrier]:
    """Barriers from a list, or from text such as "Language; Digital exclusion"."""
    items = value if isinstance(value, list | tuple) else str(value).replace(";", ",").split(",")
    result: list[Barrier] = []
    for item in items:
        if isinstance(item, str) and not item.strip():
            continue
        barrier = to_enum(Barrier, item)
        assert isinstance(barrier, Barrier)
        if barrier not in result:
            result.append(barrier)
    return result


def to_score(value: Any, attr: str) -> int:
    bounds, what = limits_of(StakeholderGroup, attr), attr.capitalize()
    low, high = bounds.minimum, bounds.maximum
    try:
        score = int(str(value).strip())
    except ValueError:
        raise ValueError(
            QCoreApplication.translate(
                "StakeholderModel",
                "{what} is a whole number from {low} (low) to {high} (high), not “{value}”.",
            ).format(what=what, low=low, high=high, value=value)
        ) from None
    if bounds.problem(score):
        raise ValueError(
            QCoreApplication.translate(
                "StakeholderModel",
                "{what} is scored from {low} (low) to {high} (high); {score} is outside that.",
            ).format(what=what, low=low, high=high, score=score)
        )
    return score


def to_size(value: Any) -> int | None:
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    size = locale_format.whole_number(text)
    if size is None:
        raise ValueError(
            QCoreApplication.translate(
                "StakeholderModel", "Size is a number of people, for example 1,200, not “{value}”."
            ).format(value=value)
        )
    if size < 0:
        raise ValueError(QCoreApplication.translate("StakeholderModel", "Size cannot be negative."))
    if size > MAX_GROUP_SIZE:
        raise ValueError(
            QCoreApplication.translate(
                "StakeholderModel", "That size is too large to be a real group; check for extra digits."
            )
        )
    return size


def name_needed() -> str:
    """Why a group without a name is refused."""
    return QCoreApplication.translate(
        "StakeholderModel", "A group needs a name, for example “Tenants in sheltered housing”."
    )


def to_name(value: Any) -> str:
    name = str(value).strip()
    if not name:
        raise ValueError(name_needed())
    return name


def to_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().casefold() in ("yes", "y", "true", "1", "x")
    return bool(value)


def _size_text(value: Any) -> str:
    return "" if value is None else locale_format.format_number(value)


def _choice(enum: type[StrEnum]) -> Any:
    return lambda value: to_enum(enum, value)


def _score(attr: str) -> Any:
    return lambda value: to_score(value, attr)


COLUMNS: list[Column] = [
    Column("name", QT_TRANSLATE_NOOP("Column", "Name"), parse=to_name),
    Column(
        "category",
        QT_TRANSLATE_NOOP("Column", "Category"),
        "choice",
        _choice(StakeholderCategory),
        choices=StakeholderCategory,
    ),
    Column(
        "size",
        QT_TRANSLATE_NOOP("Column", "Size"),
        "text",
        to_size,
        show=_size_text,
        edit=_size_text,
        right=True,
    ),
    Column(
        "power",
        QT_TRANSLATE_NOOP("Column", "Power (1-5)"),  # SCORE's limits
        "int",
        _score("power"),
        limits=SCORE,
        right=True,
        tip=QT_TRANSLATE_NOOP("Column", "How much the group can influence the outcome, 1 (low) to 5 (high)."),
    ),
    Column(
        "interest",
        QT_TRANSLATE_NOOP("Column", "Interest (1-5)"),  # SCORE's limits
        "int",
        _score("interest"),
        right=True,
        limits=limits_of(StakeholderGroup, "interest"),
        tip=QT_TRANSLATE_NOOP("Column", "How much the group cares about the decision, 1 (low) to 5 (high)."),
    ),
    Column(
        "quadrant",
        QT_TRANSLATE_NOOP("Column", "Quadrant"),
        "derived",
        derive=quadrant_words,
        tip=QT_TRANSLATE_NOOP("Column", "Worked out from power and interest (Mendelow's grid)."),
    ),
    Column(
        "position", QT_TRANSLATE_NOOP("Column", "Position"), "choice", _choice(Position), choices=Position
    ),
    Column("seldom_heard", QT_TRANSLATE_NOOP("Column", "Seldom heard"), "bool", to_bool),
    Column("equity_notes", QT_TRANSLATE_NOOP("Column", "Equity notes")),
    Column("barriers", QT_TRANSLATE_NOOP("Column", "Barriers"), "choices", to_barriers, choices=Barrier),
    Column("access_needs", QT_TRANSLATE_NOOP("Column", "Access needs")),
    Column(
        "target_level",
        QT_TRANSLATE_NOOP("Column", "Target IAP2 level"),
        "choice",
        _choice(IAP2Level),
        choices=IAP2Level,
    ),
    Column("notes", QT_TRANSLATE_NOOP("Column", "Notes")),
]
COLUMN = {column.attr: i for i, column in enumerate(COLUMNS)}


def convert(attr: str, value: Any) -> Any:
    """The model value for ``attr`` from what a user typed or chose; ValueError says why not."""
    column = COLUMNS[COLUMN[attr]]
    if column.kind == "derived":
        raise ValueError(
            QCoreApplication.translate(
                "StakeholderModel", "{header} is worked out for you and cannot be typed."
            ).format(header=column.title)
        )
    return column.parse(value)


# The columns a pasted spreadsheet row fills, in order (the quadrant is worked out, not pasted).
PASTE_COLUMNS = [column.attr for column in COLUMNS if column.kind != "derived"]


def paste_hint() -> str:
    """Shown before the user pastes, and again when a pasted row is refused."""
    return QCoreApplication.translate(
        "StakeholderModel",
        "Pasted rows need these columns, in this order: {columns}. Only the name is required; "
        "a first row of headings starting with “{name}” is skipped.",
    ).format(
        columns=", ".join(column.title for column in COLUMNS if column.kind != "derived"),
        name=COLUMNS[0].title,
    )


def groups_from_tsv(text: str) -> tuple[list[StakeholderGroup], list[str]]:
    """Groups from tab-separated rows (name, category, size, power, interest, ...).

    Returns the good groups and, for each bad row, a problem in words naming the row. A first
    row whose first cell is "Name" is taken as a header and skipped.
    """
    groups: list[StakeholderGroup] = []
    problems: list[str] = []
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if lines and lines[0].split("\t")[0].strip().casefold() == "name":
        lines = lines[1:]
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        group = StakeholderGroup()
        bad: list[str] = []
        if len(cells) > len(PASTE_COLUMNS):
            bad.append(
                QCoreApplication.translate(
                    "StakeholderModel", "it has {cells} cells but at most {columns} are used"
                ).format(cells=len(cells), columns=len(PASTE_COLUMNS))
            )
        for attr, cell in zip(PASTE_COLUMNS, cells, strict=False):
            if not cell.strip() and attr != "name":
                continue
            try:
                setattr(group, attr, convert(attr, cell.strip()))
            except ValueError as exc:
                bad.append(str(exc))
        if not cells or not cells[0].strip():
            bad = [msg for msg in bad if msg != name_needed()]
            bad.insert(
                0, QCoreApplication.translate("StakeholderModel", "the first cell must be the group's name")
            )
        if bad:
            problems.append(
                QCoreApplication.translate("StakeholderModel", "Row {number}: {problems}").format(
                    number=number, problems="; ".join(bad)
                )
            )
        else:
            groups.append(group)
    return groups, problems


class StakeholderModel(ColumnTableModel):
    """One row per stakeholder group, one column per field (plus the derived quadrant)."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(doc, COLUMNS, parent)

    def rows(self) -> list[StakeholderGroup]:
        return self.doc.plan.groups

    @property
    def groups(self) -> list[StakeholderGroup]:
        return self.doc.plan.groups

    def group(self, row: int) -> StakeholderGroup | None:
        found = self.object(row)
        return found if isinstance(found, StakeholderGroup) else None

    def row_of(self, group_id: str) -> int:
        return next((i for i, g in enumerate(self.groups) if g.id == group_id), -1)

    def problem_text(self, row: int, obj: Any, column: Column, reason: str) -> str:
        return f"{obj.name or self.tr('This group')}: {reason}"


def StakeholderDelegate(parent: Any = None) -> ColumnDelegate:
    """The stakeholder table's editors."""
    return ColumnDelegate(COLUMNS, "stakeholder", parent)


__all__ = [
    "COLUMN",
    "COLUMNS",
    "PASTE_COLUMNS",
    "StakeholderDelegate",
    "StakeholderModel",
    "convert",
    "groups_from_tsv",
    "label",
]
