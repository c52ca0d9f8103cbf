"""Which column of a worksheet is which field of a stakeholder group: the headings that name
each field, finding the headings row, and the guessed :class:`Mapping` the user may correct.

Headings are compared after :func:`normalise` (case, punctuation, brackets, "No. of"); a row is
the headings row when its cells name at least two different fields. When merged headings sit
above a second row of headings, both rows are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ceplanner.core.i18n import translate
from ceplanner.sheets.cell_values import cell_text, has_numbers, normalise
from ceplanner.sheets.read import Cell, Sheet


def _t(text: str) -> str:
    return translate("GroupImport", text)


# -- the fields a sheet can fill, and the headings that name them -----------------------------


@dataclass(frozen=True)
class FieldSpec:
    attr: str
    label: str
    synonyms: tuple[str, ...]
    """Normalised headings (see :func:`normalise`) that name this field."""


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "name",
        "Name",
        (
            "name",
            "group",
            "group name",
            "stakeholder",
            "stakeholders",
            "stakeholder group",
            "stakeholder groups",
            "stakeholder name",
            "organisation",
            "organization",
            "organisations",
            "organizations",
            "organisation name",
            "audience",
            "community",
            "who",
        ),
    ),
    FieldSpec(
        "category",
        "Category",
        ("category", "type", "group type", "stakeholder type", "stakeholder category", "sector", "kind"),
    ),
    FieldSpec(
        "size",
        "Size",
        (
            "size",
            "group size",
            "number",
            "number of people",
            "estimated size",
            "estimated number",
            "estimated number of people",
            "approximate size",
            "approx size",
            "people",
            "population",
            "headcount",
            "head count",
            "count",
            "how many",
            "estimated population",
        ),
    ),
    FieldSpec(
        "power",
        "Power",
        ("power", "influence", "level of influence", "power to influence", "influence level", "power level"),
    ),
    FieldSpec(
        "interest",
        "Interest",
        ("interest", "level of interest", "interest level", "impact", "how affected", "affected"),
    ),
    FieldSpec("position", "Position", ("position", "attitude", "stance", "support", "view", "viewpoint")),
    FieldSpec(
        "seldom_heard",
        "Seldom heard",
        (
            "seldom heard",
            "hard to reach",
            "under represented",
            "underrepresented",
            "seldom",
            "less heard",
            "easily overlooked",
            "marginalised",
            "marginalized",
            "harder to reach",
            "seldom heard group",
        ),
    ),
    FieldSpec(
        "equity_notes",
        "Equity notes",
        (
            "equity notes",
            "equity",
            "equality",
            "equalities",
            "equality notes",
            "protected characteristics",
            "inclusion",
            "inclusion notes",
        ),
    ),
    FieldSpec(
        "barriers",
        "Barriers",
        ("barriers", "barrier", "barriers to engagement", "barriers to participation"),
    ),
    FieldSpec(
        "access_needs",
        "Access needs",
        (
            "access needs",
            "access",
            "accessibility",
            "accessibility needs",
            "access requirements",
            "reasonable adjustments",
            "adjustments",
            "support needs",
        ),
    ),
    FieldSpec(
        "target_level",
        "Target IAP2 level",
        (
            "target level",
            "target iap2 level",
            "iap2 level",
            "iap2",
            "level of participation",
            "participation level",
            "engagement level",
            "level of engagement",
            "spectrum level",
        ),
    ),
    FieldSpec(
        "notes",
        "Notes",
        ("notes", "note", "comments", "comment", "remarks", "other information", "description", "details"),
    ),
)
FIELD = {spec.attr: spec for spec in FIELDS}
SCORES = ("power", "interest")
NUMERIC = ("size", "power", "interest")

_ROW_NUMBER_HEADINGS = {"no", "number no", "ref", "id", "item", "row", "s no", "sl no"}
"""Headings of a column that numbers the rows: never a group's size."""


def field_label(attr: str) -> str:
    """The field's name as the user sees it (translated)."""
    return translate("GroupImport", FIELD[attr].label)


def _contains(words: list[str], phrase: list[str]) -> int:
    """The last position where ``phrase`` occurs in ``words`` as whole words, or -1."""
    n = len(phrase)
    for start in range(len(words) - n, -1, -1):
        if words[start : start + n] == phrase:
            return start
    return -1


def field_for_heading(heading: object) -> tuple[str, bool] | None:
    """The field a heading names and whether it names it exactly, or None.

    An exact synonym wins; otherwise the longest synonym inside the heading, and between two
    as long the later one ("Group size" is a size, "Stakeholder group" a name).
    """
    text = normalise(heading)
    if not text or text in _ROW_NUMBER_HEADINGS:
        return None
    for spec in FIELDS:
        if text in spec.synonyms:
            return spec.attr, True
    words = text.split()
    best: tuple[int, int, str] | None = None
    for spec in FIELDS:
        for synonym in spec.synonyms:
            phrase = synonym.split()
            at = _contains(words, phrase)
            if at >= 0:
                key = (len(phrase), at, spec.attr)
                if best is None or key[:2] > best[:2]:
                    best = key
    return (best[2], False) if best is not None else None


# -- the mapping ------------------------------------------------------------------------------


@dataclass
class Mapping:
    """Which column (0-based) fills which field, and where the headings are."""

    header_row: int
    """0-based index of the headings row in ``sheet.rows``; data starts below it."""
    columns: dict[str, int] = field(default_factory=dict)
    header_rows: int = 1
    """1, or 2 when a second row of headings sits under merged group headings."""

    @property
    def data_start(self) -> int:
        return self.header_row + self.header_rows


def _row_fields(row: Sequence[Cell]) -> dict[int, tuple[str, bool]]:
    found: dict[int, tuple[str, bool]] = {}
    for col, value in enumerate(row):
        if isinstance(value, str) and (match := field_for_heading(value)):
            found[col] = match
    return found


def find_header_row(sheet: Sheet, search: int = 30) -> int | None:
    """The first of the top rows where cells name at least two different fields; failing that
    (a list of names alone), the first where a cell is exactly a heading for the name."""
    top = sheet.rows[:search]
    for index, row in enumerate(top):
        if len({attr for attr, _exact in _row_fields(row).values()}) >= 2:
            return index
    for index, row in enumerate(top):
        if ("name", True) in _row_fields(row).values():
            return index
    return None


def _assign(found: dict[int, tuple[str, bool]]) -> dict[str, int]:
    """Each field to one column: exact headings first, then left to right."""
    columns: dict[str, int] = {}
    for want_exact in (True, False):
        for col in sorted(found):
            attr, exact = found[col]
            if exact == want_exact and attr not in columns and col not in columns.values():
                columns[attr] = col
    return columns


def mapping_at(sheet: Sheet, header_row: int) -> Mapping:
    """The guessed mapping when the headings are in ``header_row`` (and maybe the row below)."""
    rows = sheet.rows
    top = _row_fields(rows[header_row]) if header_row < len(rows) else {}
    header_rows = 1
    if header_row + 1 < len(rows):
        below = _row_fields(rows[header_row + 1])
        top_attrs = {attr for attr, _ in top.values()}
        # Only exact headings count below, and only under a heading that names nothing or is
        # merged over several columns (the same field as its left neighbour).
        new = {
            c: m for c, m in below.items() if m[1] and (c not in top or top[c][0] == top.get(c - 1, ("",))[0])
        }
        if new and any(m[0] not in top_attrs for m in new.values()) and not has_numbers(rows[header_row + 1]):
            top = {**top, **new}
            header_rows = 2
    return Mapping(header_row, _assign(top), header_rows)


def guess_mapping(sheet: Sheet) -> Mapping | None:
    """The headings row and a column for each field they name, or None if none is recognisable."""
    header = find_header_row(sheet)
    return None if header is None else mapping_at(sheet, header)


def choose_sheet(sheets: Sequence[Sheet]) -> tuple[int, Mapping | None]:
    """The first visible sheet (else any) with recognisable headings, and its guessed mapping."""
    for want_visible in (True, False):
        for index, sheet in enumerate(sheets):
            if sheet.hidden == (not want_visible) and (mapping := guess_mapping(sheet)) is not None:
                return index, mapping
    return 0, None


def column_letter(col: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 -> A, 27 -> AB."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_headings(sheet: Sheet, mapping: Mapping) -> list[str]:
    """Each column's heading text (both heading rows joined when there are two)."""
    rows = sheet.rows
    heads = rows[mapping.header_row : mapping.data_start]
    result: list[str] = []
    for col in range(sheet.width):
        parts: list[str] = []
        for row in heads:
            text = cell_text(row[col]) if col < len(row) else ""
            if text and text not in parts:
                parts.append(text)
        result.append(" / ".join(parts))
    return result


def column_names(sheet: Sheet, mapping: Mapping) -> list[str]:
    """Each column as a choice reads: "B: Stakeholder group", or "D" when it has no heading."""
    return [
        f"{column_letter(col)}: {text}" if text else column_letter(col)
        for col, text in enumerate(column_headings(sheet, mapping))
    ]


def mapping_lines(sheet: Sheet, mapping: Mapping) -> list[str]:
    """The mapping in words, one line per field: "Name: column B (Stakeholder group)"."""
    headings = column_headings(sheet, mapping)
    lines = []
    for spec in FIELDS:
        col = mapping.columns.get(spec.attr)
        if col is None:
            where = _t("not imported")
        elif headings[col] if col < len(headings) else "":
            where = _t("column {letter} (“{heading}”)").format(
                letter=column_letter(col), heading=headings[col]
            )
        else:
            where = _t("column {letter}").format(letter=column_letter(col))
        lines.append(f"{field_label(spec.attr)}: {where}")
    return lines
