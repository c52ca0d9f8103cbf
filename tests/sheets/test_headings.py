"""Finding the headings and guessing which column is which field."""

from __future__ import annotations

import pytest

from ceplanner.sheets.cell_values import normalise
from ceplanner.sheets.headings import (
    choose_sheet,
    column_letter,
    column_names,
    field_for_heading,
    find_header_row,
    guess_mapping,
    mapping_at,
    mapping_lines,
)
from ceplanner.sheets.read import Sheet


@pytest.mark.parametrize(
    ("heading", "attr"),
    [
        ("Group", "name"),
        ("STAKEHOLDER", "name"),
        ("Stakeholder group", "name"),
        ("Organisation", "name"),
        ("Name of group", "name"),
        ("No. of people", "size"),
        ("No of people", "size"),
        ("# of people", "size"),
        ("Number", "size"),
        ("Estimated size", "size"),
        ("Group size", "size"),
        ("Power", "power"),
        ("Influence (1-5)", "power"),
        ("Level of influence", "power"),
        ("Interest", "interest"),
        ("Interest level", "interest"),
        ("Seldom heard?", "seldom_heard"),
        ("Hard-to-reach (Y/N)", "seldom_heard"),
        ("Under-represented", "seldom_heard"),
        ("Barriers", "barriers"),
        ("Barriers to engagement", "barriers"),
        ("Access needs", "access_needs"),
        ("Notes", "notes"),
        ("Comments", "notes"),
        ("Type", "category"),
        ("Group type", "category"),
        ("Position", "position"),
        ("Attitude", "position"),
        ("Target IAP2 level", "target_level"),
        ("Equity notes", "equity_notes"),
    ],
)
def test_headings_and_their_synonyms_name_fields(heading: str, attr: str) -> None:
    found = field_for_heading(heading)
    assert found is not None and found[0] == attr


@pytest.mark.parametrize("heading", ["Ref", "No.", "#", "ID", "", "Quadrant", "Priority", "Date added"])
def test_row_numbers_and_unknown_headings_name_no_field(heading: str) -> None:
    assert field_for_heading(heading) is None


def test_normalise_ignores_case_punctuation_brackets_and_spacing() -> None:
    assert normalise("  No. of   People (est.) ") == "number of people"
    assert normalise("Hard-to-reach?") == "hard to reach"
    assert normalise("Power/Influence") == "power influence"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_the_headings_row_is_below_title_rows_and_a_merged_title() -> None:
    title = "Stakeholder register, Riverside"
    sheet = Sheet(
        "S",
        [
            [title, title, title, title],  # a merged title names "stakeholder" in every cell
            ["Prepared by the team"],
            [],
            ["Group", "Size", "Power", "Notes"],
            ["Tenants", 40, 3, None],
        ],
    )
    assert find_header_row(sheet) == 3
    mapping = guess_mapping(sheet)
    assert mapping is not None
    assert mapping.columns == {"name": 0, "size": 1, "power": 2, "notes": 3}
    assert mapping.data_start == 4


def test_an_exact_heading_wins_over_one_that_only_contains_a_synonym() -> None:
    sheet = Sheet("S", [["Stakeholder type", "Organisation", "Stakeholder name", "Size"]])
    mapping = guess_mapping(sheet)
    assert mapping is not None
    assert mapping.columns == {"category": 0, "name": 1, "size": 3}


def test_a_second_headings_row_under_merged_headings_is_read() -> None:
    sheet = Sheet(
        "S",
        [
            ["Group", "Scores", "Scores", "Seldom heard"],
            ["Group", "Power", "Interest", "Seldom heard"],
            ["Tenants", "High", "Low", "Y"],
        ],
    )
    mapping = guess_mapping(sheet)
    assert mapping is not None
    assert (mapping.header_row, mapping.header_rows, mapping.data_start) == (0, 2, 2)
    assert mapping.columns == {"name": 0, "power": 1, "interest": 2, "seldom_heard": 3}
    assert column_names(sheet, mapping) == [
        "A: Group",
        "B: Scores / Power",
        "C: Scores / Interest",
        "D: Seldom heard",
    ]


def test_a_first_data_row_is_not_taken_for_a_second_headings_row() -> None:
    sheet = Sheet("S", [["Name", "Type", "Size"], ["Community", "Residents", "40"]])
    mapping = mapping_at(sheet, 0)
    assert (mapping.header_rows, mapping.columns) == (1, {"name": 0, "category": 1, "size": 2})


def test_the_first_sheet_with_headings_is_chosen_and_visible_sheets_first() -> None:
    notes = Sheet("Read me", [["This workbook lists our groups."]])
    hidden = Sheet("Hidden", [["Name", "Size"]], hidden=True)
    register = Sheet("Register", [[], ["Name", "Size"]])
    index, mapping = choose_sheet([notes, hidden, register])
    assert index == 2 and mapping is not None and mapping.header_row == 1
    assert choose_sheet([notes, hidden])[0] == 1
    assert choose_sheet([notes]) == (0, None)


def test_the_mapping_in_words_names_every_field() -> None:
    sheet = Sheet("S", [["Ref", "Stakeholder group", "Influence"]])
    title = Sheet("S", [["Our stakeholder groups, 2027", "Ref"]])
    assert guess_mapping(title) is None  # one field is not enough, unless exactly a name heading
    mapping = guess_mapping(sheet)
    assert mapping is not None
    lines = mapping_lines(sheet, mapping)
    assert lines[0] == "Name: column B (“Stakeholder group”)"
    assert lines[3] == "Power: column C (“Influence”)"
    assert "Size: not imported" in lines
    assert len(lines) == 12
