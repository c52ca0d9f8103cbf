"""Stakeholder groups from a worksheet: each row under the headings becomes a
:class:`StakeholderGroup` under a :class:`~ceplanner.sheets.headings.Mapping`, or is skipped
with its reason.

Nothing is clipped or guessed silently: a value outside the model's limits, a word that is not a
score, a totals row, a name already in the plan or earlier in the sheet each skip their row with
a reason; blank rows are passed over and counted. Categories and barriers the plan has no choice
for are kept in the group's notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ceplanner.core.i18n import translate
from ceplanner.core.model import TEXT_LIMIT, IAP2Level, Position, StakeholderCategory, StakeholderGroup
from ceplanner.sheets.cell_values import (
    SCORE_MAX,
    SCORE_MIN,
    TEN_POINT,
    barriers_from,
    cell_text,
    choice_from,
    choice_named,
    has_numbers,
    normalise,
    number_in,
    score_from,
    size_from,
    text_value,
    word_scale,
    word_score,
    yes_no,
)
from ceplanner.sheets.headings import Mapping, choose_sheet, column_headings, field_label, guess_mapping
from ceplanner.sheets.read import Cell, Sheet, SheetError, read_sheets

SCORES = ("power", "interest")
NUMERIC = ("size", "power", "interest")


def _t(text: str) -> str:
    return translate("GroupImport", text)


def ten_point(sheet: Sheet, mapping: Mapping, attr: str) -> bool:
    """Whether the column for score ``attr`` is scored 1 to 10: its heading says so ("1-10",
    "out of 10", "/10"), or at least two of its numbers are above the model's top score and
    none above 10 (one stray 6 in a 1-5 column is a mistake to report, not a scale)."""
    col = mapping.columns.get(attr)
    if col is None:
        return False
    heading = column_headings(sheet, mapping)[col] if col < sheet.width else ""
    if re.search(r"(?:\b1\s*(?:-|–|to)\s*10\b|\bout of 10\b|/\s*10\b)", heading.casefold()):
        return True
    numbers = []
    for row in sheet.rows[mapping.data_start :]:
        number = number_in(row[col] if col < len(row) else None)
        if number is not None:
            numbers.append(number)
    above = [n for n in numbers if n > SCORE_MAX]
    return len(above) >= 2 and max(above) <= TEN_POINT and min(numbers) >= 1


# -- rows to groups ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SkippedRow:
    row: int
    """The row number as the spreadsheet shows it (1 is the first row)."""
    reason: str


@dataclass
class ImportResult:
    groups: list[StakeholderGroup] = field(default_factory=list)
    source_rows: list[int] = field(default_factory=list)
    """The sheet row (1-based) each group came from."""
    skipped: list[SkippedRow] = field(default_factory=list)
    blank_rows: int = 0
    """Empty rows below the headings, passed over without a reason."""
    notes: list[str] = field(default_factory=list)
    """How values were read: scores put on the model's scale, barriers kept as notes."""


_TOTALS = {"total", "totals", "sum", "grand total", "sub total", "subtotal", "overall", "all groups", "all"}


def name_key(name: str) -> str:
    """Names compared for duplicates: case, spacing and punctuation ignored."""
    return normalise(name)


def _is_totals(name: str) -> bool:
    key = normalise(name)
    return key in _TOTALS or key.startswith(("total ", "totals ", "sum of ", "grand total"))


def import_rows(sheet: Sheet, mapping: Mapping, existing: Iterable[StakeholderGroup] = ()) -> ImportResult:
    """The groups ``sheet`` makes under ``mapping``, and each row skipped with its reason.

    A name already in ``existing`` (the plan's groups) or earlier in the sheet skips its row.
    """
    result = ImportResult()
    columns = mapping.columns
    ten = {attr: ten_point(sheet, mapping, attr) for attr in SCORES}
    for attr in SCORES:
        if ten[attr]:
            result.notes.append(
                _t(
                    "{field} is scored 1 to 10 in the sheet and was put on the plan's {low} to {high} scale."
                ).format(field=field_label(attr), low=SCORE_MIN, high=SCORE_MAX)
            )
    in_plan = {name_key(g.name) for g in existing}
    seen: dict[str, int] = {}
    header_cells = [normalise(v) for v in sheet.rows[mapping.header_row]] if sheet.rows else []
    kept_words = words_used = False
    for index in range(mapping.data_start, len(sheet.rows)):
        row = sheet.rows[index]
        number = index + 1

        def cell(attr: str, row: list[Cell] = row) -> Cell:
            col = columns.get(attr)
            return row[col] if col is not None and col < len(row) else None

        if all(cell(attr) is None for attr in columns) and not any(isinstance(v, str) for v in row):
            result.blank_rows += 1  # empty, or only a row number in a column not imported
            continue
        name = cell_text(cell("name"))
        if len(row) > 1 and [normalise(v) for v in row] == header_cells[: len(row)]:
            result.skipped.append(SkippedRow(number, _t("it repeats the headings")))
            continue
        if name and _is_totals(name):
            result.skipped.append(SkippedRow(number, _t("a totals row (“{name}”)").format(name=name)))
            continue
        if not name:
            if has_numbers(row) or any(number_in(cell(a)) is not None for a in NUMERIC):
                reason = _t("no group name, and numbers: it looks like a totals row")
            elif "name" not in columns:
                reason = _t("no column is chosen for the group's name")
            elif all(cell(attr) is None for attr in columns):
                reason = _t("nothing in the columns being imported")
            else:
                reason = _t("no group name")
            result.skipped.append(SkippedRow(number, reason))
            continue
        reading = _group_from(cell, ten)
        group = reading.group
        if reading.kept:
            group.notes = "\n".join([group.notes, *reading.kept] if group.notes else reading.kept)
            if len(group.notes) > TEXT_LIMIT:
                reading.problems.append(
                    _t("the notes would be longer than {limit:,} characters").format(limit=TEXT_LIMIT)
                )
        if reading.problems:
            result.skipped.append(SkippedRow(number, "; ".join(reading.problems)))
            continue
        key = name_key(group.name)
        if key in in_plan:
            result.skipped.append(
                SkippedRow(number, _t("“{name}” is already in the plan").format(name=group.name))
            )
            continue
        if key in seen:
            result.skipped.append(
                SkippedRow(
                    number,
                    _t("“{name}” is already on row {row} of the sheet").format(
                        name=group.name, row=seen[key]
                    ),
                )
            )
            continue
        seen[key] = number
        words_used = words_used or any(word_score(cell(attr)) for attr in SCORES)
        kept_words = kept_words or bool(reading.kept)
        result.groups.append(group)
        result.source_rows.append(number)
    if words_used:
        result.notes.append(_t("Scores in words were read as: {scale}.").format(scale=word_scale()))
    if kept_words:
        result.notes.append(
            _t("Categories and barriers that are not on the plan's lists were kept in the groups' notes.")
        )
    return result


CellOf = Callable[[str], Cell]
"""The cell of the current row that the mapping gives a field (None when unmapped)."""


@dataclass
class _RowReading:
    group: StakeholderGroup
    problems: list[str]
    """What skips the row."""
    kept: list[str]
    """Words kept in the group's notes because no choice of the plan matches them."""


def _group_from(cell: CellOf, ten: dict[str, bool]) -> _RowReading:
    """The group a row makes, the problems that skip it, and the words kept as notes."""
    reading = _RowReading(StakeholderGroup(), [], [])
    group = reading.group

    def attempt(attr: str, read: Callable[[Cell], object]) -> None:
        try:
            value = read(cell(attr))
        except ValueError as exc:
            reading.problems.append(str(exc))
            return
        if value is not None:
            setattr(group, attr, value)

    attempt("name", lambda v: text_value(v, field_label("name")))
    attempt("size", size_from)
    for attr in SCORES:
        attempt(attr, partial(score_from, what=field_label(attr), ten=ten[attr]))
    attempt("position", lambda v: choice_from(Position, v, field_label("position")))
    attempt("seldom_heard", yes_no)
    attempt("target_level", lambda v: choice_from(IAP2Level, v, field_label("target_level")))
    for attr in ("equity_notes", "access_needs", "notes"):
        attempt(attr, partial(text_value, what=field_label(attr)))
    category = cell("category")
    if category is not None:
        member = choice_named(StakeholderCategory, cell_text(category))
        if isinstance(member, StakeholderCategory):
            group.category = member
        else:
            reading.kept.append(_t("Category in the sheet: {words}").format(words=cell_text(category)))
    found, others = barriers_from(cell("barriers"))
    group.barriers = found
    if others:
        reading.kept.append(_t("Other barriers: {words}").format(words=", ".join(others)))
    return reading


def open_sheet(path: Path | str, sheet_name: str | None = None) -> tuple[list[Sheet], int, Mapping | None]:
    """The file's sheets, the one to import from and its guessed mapping (None: no headings).

    Without ``sheet_name`` the first sheet with recognisable headings is chosen. SheetError
    says why the file cannot be read, or that it has no sheet of that name.
    """
    sheets = read_sheets(path)
    if sheet_name is None:
        index, mapping = choose_sheet(sheets)
        return sheets, index, mapping
    wanted = sheet_name.strip().casefold()
    index = next((i for i, s in enumerate(sheets) if s.name.strip().casefold() == wanted), -1)
    if index < 0:
        names = ", ".join(f"“{s.name}”" for s in sheets)
        raise SheetError(
            _t("{name} has no sheet called “{sheet}”; its sheets are {names}.").format(
                name=Path(path).name, sheet=sheet_name, names=names
            )
        )
    return sheets, index, guess_mapping(sheets[index])


def no_headings_text(sheet: Sheet) -> str:
    """Why nothing can be imported from a sheet whose headings were not found, and what to do."""
    return _t(
        "No row of headings naming the groups was found in the sheet “{sheet}”. Give the column of "
        "group names a heading such as Group, Stakeholder or Name, and at least one other column a "
        "heading such as Size, Power, Interest or Notes."
    ).format(sheet=sheet.name)


def summary_text(result: ImportResult) -> str:
    """ "6 groups will be imported; 4 rows skipped (2 blank rows passed over)"."""
    n, m = len(result.groups), len(result.skipped)
    text = (
        _t("1 group will be imported") if n == 1 else _t("{n} groups will be imported").format(n=n)
    ) + "; "
    text += _t("1 row skipped") if m == 1 else _t("{m} rows skipped").format(m=m)
    if result.blank_rows:
        text += " " + (
            _t("(1 blank row passed over)")
            if result.blank_rows == 1
            else _t("({b} blank rows passed over)").format(b=result.blank_rows)
        )
    return text + "."


def skipped_lines(result: ImportResult) -> list[str]:
    """One line per skipped row: "Row 13: Interest “Loads” is not a score ..."."""
    return [_t("Row {row}: {reason}").format(row=s.row, reason=s.reason) for s in result.skipped]


def duplicates_rule() -> str:
    """How names already in the plan are treated, stated wherever an import is previewed."""
    return _t(
        "A group whose name is already in the plan, or earlier in the sheet, is skipped; "
        "rename it in the sheet to import it as a new group."
    )
