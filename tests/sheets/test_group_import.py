"""Messy real-world sheets become exactly the right groups, and every skipped row says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceplanner.core.model import Barrier, IAP2Level, Position, StakeholderCategory, StakeholderGroup
from ceplanner.sheets.cell_values import score_from, size_from, yes_no
from ceplanner.sheets.group_import import ImportResult, SkippedRow, import_rows
from ceplanner.sheets.headings import Mapping, choose_sheet, guess_mapping
from ceplanner.sheets.read import Sheet, read_sheets
from tests.sheets.fixtures import make_fixtures

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _import(path: Path, existing: list[StakeholderGroup] | None = None) -> tuple[str, ImportResult]:
    sheets = read_sheets(path)
    index, mapping = choose_sheet(sheets)
    assert mapping is not None
    return sheets[index].name, import_rows(sheets[index], mapping, existing or [])


def _summary(group: StakeholderGroup) -> tuple[object, ...]:
    return (
        group.name,
        group.category,
        group.size,
        group.power,
        group.interest,
        group.seldom_heard,
        group.barriers,
        group.notes,
    )


EXPECTED_XLSX_GROUPS = [
    (
        "Tenants in sheltered housing",
        StakeholderCategory.RESIDENTS,
        420,
        2,
        4,
        True,
        [Barrier.DIGITAL, Barrier.TRANSPORT],
        "Many have no internet at home",
    ),
    ("Local councillors", StakeholderCategory.ELECTED_MEMBERS, 12, 4, 3, False, [], ""),
    (
        "Parents of under-5s",
        StakeholderCategory.RESIDENTS,
        1200,
        3,
        5,
        True,
        [Barrier.CARING, Barrier.TIME],
        "",
    ),
    (
        "Deaf BSL users",
        StakeholderCategory.SERVICE_USERS,
        85,
        2,
        5,
        True,
        [Barrier.LANGUAGE],
        "Book BSL interpreters",
    ),
    ("Riverside Housing board", StakeholderCategory.GOVERNANCE, 9, 5, 3, False, [], ""),
    (
        "Faith groups",
        StakeholderCategory.OTHER,
        None,
        2,
        3,
        False,
        [Barrier.TIME],
        "Category in the sheet: Community groups",
    ),
]
EXPECTED_XLSX_SKIPS = [
    SkippedRow(13, "Interest “Loads” is not a score (use 1 to 5, or High, Medium or Low)"),
    SkippedRow(14, "Size -5 is out of range (allowed 0 to 100,000,000)"),
    SkippedRow(16, "a totals row (“Total”)"),
    SkippedRow(17, "no group name, and numbers: it looks like a totals row"),
]


def test_the_messy_workbook_imports_exactly_the_good_rows(tmp_path: Path) -> None:
    name, result = _import(make_fixtures.write_xlsx(tmp_path / "register.xlsx"))
    assert name == "Register"  # the notes sheet before it has no headings
    assert [_summary(g) for g in result.groups] == EXPECTED_XLSX_GROUPS
    assert result.source_rows == [6, 7, 9, 10, 11, 15]
    assert result.skipped == EXPECTED_XLSX_SKIPS
    assert result.blank_rows == 2
    assert result.notes == [
        "Scores in words were read as: Very low 1, Low 2, Medium 3, High 4, Very high 5.",
        "Categories and barriers that are not on the plan's lists were kept in the groups' notes.",
    ]


def test_the_committed_fixtures_are_what_the_script_builds(tmp_path: Path) -> None:
    built_xlsx = make_fixtures.write_xlsx(tmp_path / "built.xlsx")
    committed = read_sheets(FIXTURES / make_fixtures.XLSX_NAME)
    assert [(s.name, s.rows) for s in committed] == [(s.name, s.rows) for s in read_sheets(built_xlsx)]
    assert (FIXTURES / make_fixtures.CSV_NAME).read_bytes() == make_fixtures.build_csv()
    _name, result = _import(FIXTURES / make_fixtures.XLSX_NAME)
    assert [_summary(g) for g in result.groups] == EXPECTED_XLSX_GROUPS


def test_the_windows_csv_imports_with_pound_signs_and_accents(tmp_path: Path) -> None:
    _name, result = _import(make_fixtures.write_csv(tmp_path / "cafe.csv"))
    assert [_summary(g) for g in result.groups] == [
        ("Café regulars", StakeholderCategory.OTHER, 150, 2, 4, False, [], "Voucher budget £2,000"),
        ("Résidents' association", StakeholderCategory.OTHER, 40, 4, 4, True, [], "Meets monthly"),
    ]
    assert result.skipped == [SkippedRow(7, "a totals row (“Total”)")]
    assert result.blank_rows == 1


def test_names_already_in_the_plan_or_earlier_in_the_sheet_are_skipped() -> None:
    sheet = Sheet(
        "S",
        [
            ["Name", "Power"],
            ["Local Councillors", "3"],
            ["Tenants", "4"],
            ["  tenants ", "2"],
        ],
    )
    mapping = guess_mapping(sheet)
    assert mapping is not None
    result = import_rows(sheet, mapping, [StakeholderGroup(name="local councillors")])
    assert [g.name for g in result.groups] == ["Tenants"]
    assert result.skipped == [
        SkippedRow(2, "“Local Councillors” is already in the plan"),
        SkippedRow(4, "“tenants” is already on row 3 of the sheet"),
    ]


def test_a_ten_point_column_is_put_on_the_five_point_scale_and_beyond_it_is_skipped() -> None:
    sheet = Sheet(
        "S",
        [
            ["Group", "Influence (1-10)", "Interest"],
            ["A", 10, 5],
            ["B", 1, 1],
            ["C", 7, "3"],
            ["D", 12, 2],
            ["E", 5, 6],
            ["F", 4, 3.5],
        ],
    )
    mapping = guess_mapping(sheet)
    assert mapping is not None
    result = import_rows(sheet, mapping)
    assert [(g.name, g.power, g.interest) for g in result.groups] == [("A", 5, 5), ("B", 1, 1), ("C", 4, 3)]
    assert result.skipped == [
        SkippedRow(5, "Power 12 is outside the scale (1 to 10)"),
        SkippedRow(
            6,
            "Interest 6 is outside the scale (1 to 5) (for a 1 to 10 scale, say so in the heading: “Interest (1-10)”)",
        ),
        SkippedRow(7, "Interest 3.5 is not a whole number"),
    ]
    assert result.notes[0] == "Power is scored 1 to 10 in the sheet and was put on the plan's 1 to 5 scale."


def test_a_column_with_two_numbers_past_five_but_none_past_ten_is_read_as_ten_point() -> None:
    sheet = Sheet("S", [["Name", "Power", "Interest"], ["A", 8, 2], ["B", 2, 1], ["C", 6, 3]])
    mapping = guess_mapping(sheet)
    assert mapping is not None
    result = import_rows(sheet, mapping)
    assert [(g.power, g.interest) for g in result.groups] == [(4, 2), (1, 1), (3, 3)]
    assert [s.row for s in result.skipped] == []


def test_blank_rows_are_counted_and_rows_without_a_name_say_why() -> None:
    sheet = Sheet(
        "S",
        [
            ["Name", "Size", "Notes"],
            [],
            [None, None, "a note with no group"],
            [None, None, None],
            ["Sum of everyone", "500", None],
            ["Name", "Size", "Notes"],
            ["Youth club", "c. 60", None],
        ],
    )
    mapping = guess_mapping(sheet)
    assert mapping is not None
    result = import_rows(sheet, mapping)
    assert [(g.name, g.size) for g in result.groups] == [("Youth club", 60)]
    assert result.blank_rows == 2
    assert result.skipped == [
        SkippedRow(3, "no group name"),
        SkippedRow(5, "a totals row (“Sum of everyone”)"),
        SkippedRow(6, "it repeats the headings"),
    ]


def test_every_field_reads_from_the_words_people_use() -> None:
    sheet = Sheet(
        "S",
        [
            [
                "Organisation",
                "Category",
                "Estimated size",
                "Power",
                "Interest",
                "Position",
                "Seldom heard",
                "Equity notes",
                "Barriers",
                "Access needs",
                "Target level",
                "Comments",
            ],
            [
                "Deaf club",
                "Voluntary sector",
                "1.200",
                "VH",
                "very low",
                "Support",
                "TRUE",
                "Many members are older",
                "Language/ carers; no bus",
                "BSL interpreters",
                "Involvement",
                "Meets Thursdays",
            ],
        ],
    )
    mapping = guess_mapping(sheet)
    assert mapping is not None and len(mapping.columns) == 12
    result = import_rows(sheet, mapping)
    assert result.skipped == []
    (group,) = result.groups
    assert group.category is StakeholderCategory.VOLUNTARY_SECTOR
    assert (group.size, group.power, group.interest) == (1200, 5, 1)
    assert group.position is Position.SUPPORTIVE
    assert group.seldom_heard is True
    assert group.equity_notes == "Many members are older"
    assert group.barriers == [Barrier.LANGUAGE, Barrier.CARING]
    assert group.access_needs == "BSL interpreters"
    assert group.target_level is IAP2Level.INVOLVE
    assert group.notes == "Meets Thursdays\nOther barriers: no bus"


def test_a_bad_choice_skips_the_row_listing_the_choices() -> None:
    sheet = Sheet("S", [["Name", "Position", "Seldom heard"], ["A", "Lukewarm", "maybe"]])
    mapping = guess_mapping(sheet)
    assert mapping is not None
    (skipped,) = import_rows(sheet, mapping).skipped
    assert skipped.reason == (
        "Position “Lukewarm” is not one of: Opposed, Sceptical, Neutral, Interested, Supportive; "
        "“maybe” is not yes or no"
    )


def test_without_a_name_column_no_row_is_imported() -> None:
    sheet = Sheet("S", [["Name", "Size"], ["Tenants", "40"]])
    result = import_rows(sheet, Mapping(0, {"size": 1}))
    assert result.groups == []
    assert result.skipped == [SkippedRow(2, "no group name, and numbers: it looks like a totals row")]
    result = import_rows(Sheet("S", [["Name", "Notes"], ["Tenants", "x"]]), Mapping(0, {"notes": 1}))
    assert result.skipped == [SkippedRow(2, "no column is chosen for the group's name")]


@pytest.mark.parametrize(
    ("value", "ten", "score"),
    [
        ("High", False, 4),
        ("h", False, 4),
        ("Medium", False, 3),
        ("M", False, 3),
        ("Low", False, 2),
        ("Very low", False, 1),
        ("Very High", False, 5),
        ("4", False, 4),
        (" 2 ", False, 2),
        (3.0, False, 3),
        ("8/10", False, 4),
        ("4/5", False, 4),
        (9, True, 5),
        (2, True, 1),
        (None, False, None),
    ],
)
def test_scores(value: object, ten: bool, score: int | None) -> None:
    assert score_from(value, "Power", ten) == score  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["0", "6", "Huge", "2.5", "-1", "nan", "inf"])
def test_values_that_are_not_scores_are_refused_not_clipped(value: str) -> None:
    with pytest.raises(ValueError):
        score_from(value, "Power", False)


def test_sizes_and_yes_no() -> None:
    assert [size_from(v) for v in ("1,200", "12 500", "~40", "250+", "approx. 30", 7, 7.0, None)] == [
        1200,
        12500,
        40,
        250,
        30,
        7,
        7,
        None,
    ]
    for bad in ("lots", "2.5", "100000001", "-3", "1,5"):
        with pytest.raises(ValueError):
            size_from(bad)
    assert [
        yes_no(v) for v in ("Y", "yes", "x", "TRUE", True, "1", "✓", "Yes - language", None, "N", "no", "")
    ] == [True, True, True, True, True, True, True, True, False, False, False, False]


def test_rows_numbered_in_advance_count_as_blank_and_stray_text_is_reported() -> None:
    sheet = Sheet(
        "S",
        [
            ["No.", "Name", "Size"],
            [1, "Tenants", 40],
            [2, None, None],
            [3, None, None],
            ["Residents:", None, None],
        ],
    )
    mapping = guess_mapping(sheet)
    assert mapping is not None and mapping.columns == {"name": 1, "size": 2}
    result = import_rows(sheet, mapping)
    assert [g.name for g in result.groups] == ["Tenants"]
    assert result.blank_rows == 2
    assert result.skipped == [SkippedRow(5, "nothing in the columns being imported")]


def test_a_list_of_names_alone_is_found_under_its_heading() -> None:
    sheet = Sheet("S", [["Our stakeholders"], ["Stakeholder"], ["Tenants"], ["Carers"]])
    mapping = guess_mapping(sheet)
    assert mapping is not None and (mapping.header_row, mapping.columns) == (1, {"name": 0})
    assert [g.name for g in import_rows(sheet, mapping).groups] == ["Tenants", "Carers"]
