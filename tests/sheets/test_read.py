"""Reading real files: workbooks with merged cells and formulas, CSVs as Excel saves them, and
files that are not spreadsheets, refused with a message saying what to do."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ceplanner.sheets.read import SheetError, read_sheets, sniff_delimiter
from tests.sheets.fixtures.make_fixtures import with_cached_value

SAVE_AS = "save it as an Excel workbook (.xlsx) or CSV (.csv)"


def _refusal(path: Path) -> str:
    with pytest.raises(SheetError) as caught:
        read_sheets(path)
    return str(caught.value)


def test_a_pdf_renamed_xlsx_is_refused_as_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "stakeholders.xlsx"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    message = _refusal(path)
    assert message.startswith("stakeholders.xlsx is a PDF document, not a spreadsheet.")
    assert SAVE_AS in message


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "groups.csv"
    path.write_bytes(b"")
    assert _refusal(path) == "groups.csv is empty. Choose the file that holds your stakeholder list."
    path.write_bytes(b"\r\n  \r\n")
    assert "is empty" in _refusal(path)


def test_old_excel_and_opendocument_files_are_refused_with_what_to_do(tmp_path: Path) -> None:
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert _refusal(xls).startswith("old.xls is an old Excel 97-2003 workbook (.xls)")
    ods = tmp_path / "list.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    message = _refusal(ods)
    assert message.startswith("list.ods is an OpenDocument file")
    assert SAVE_AS in message
    docx = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert _refusal(docx).startswith("notes.xlsx is a Word document, not a spreadsheet.")


def test_a_damaged_or_binary_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert _refusal(broken).startswith("broken.xlsx is damaged and cannot be opened.")
    text_as_xlsx = tmp_path / "list.xlsx"
    text_as_xlsx.write_text("Name,Size\nTenants,40\n")
    assert _refusal(text_as_xlsx).startswith("list.xlsx is named like an Excel workbook but is not one")
    image = tmp_path / "photo.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert _refusal(image).startswith("photo.csv is not a spreadsheet or a text file.")
    missing = tmp_path / "gone.csv"
    assert _refusal(missing).startswith("gone.csv could not be read")


def test_a_windows_1252_semicolon_csv_keeps_pound_signs_and_accents(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Name;Notes\r\nCafé regulars;Budget £2,000\r\n".encode("cp1252"))
    (sheet,) = read_sheets(path)
    assert sheet.rows == [["Name", "Notes"], ["Café regulars", "Budget £2,000"]]
    assert sheet.name == "export"


def test_utf8_with_bom_tabs_and_utf16_unicode_text(tmp_path: Path) -> None:
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffName,Size\r\nRésidents,40\r\n".encode())
    assert read_sheets(bom)[0].rows == [["Name", "Size"], ["Résidents", "40"]]
    tabs = tmp_path / "tabs.txt"
    tabs.write_text("Name\tSize\tNotes\nTenants\t40\tMeets on Tuesdays, fortnightly\n", encoding="utf-8")
    assert read_sheets(tabs)[0].rows[1] == ["Tenants", "40", "Meets on Tuesdays, fortnightly"]
    utf16 = tmp_path / "unicode.txt"
    utf16.write_bytes("Name\tSize\r\nÉcole parents\t25\r\n".encode("utf-16"))
    assert read_sheets(utf16)[0].rows == [["Name", "Size"], ["École parents", "25"]]


def test_the_separator_is_found_below_a_title_row_and_past_quoted_commas() -> None:
    text = 'Our stakeholders, 2027\n\nName;Size;Notes\n"Smith, J";4;"a, b"\nTenants;40;x\n'
    assert sniff_delimiter(text) == ";"
    assert sniff_delimiter("Name,Size\nTenants,40\nBoard,9\n") == ","
    assert sniff_delimiter("Name\tSize\nTenants\t40\n") == "\t"


def test_merged_cells_take_their_top_left_value_and_formulas_their_cached_result(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Groups"
    ws["A1"] = "Register"
    ws.merge_cells("A1:C1")
    ws.append(["Name", "Category", "Size"])
    ws.append(["Tenants", "Residents", "=20*2"])
    ws.append(["Carers", None, 12])
    ws["B3"] = "Residents"
    ws.merge_cells("B3:B4")
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "merged.xlsx"
    path.write_bytes(with_cached_value(buffer.getvalue(), "xl/worksheets/sheet1.xml", "40"))
    (sheet,) = read_sheets(path)
    assert sheet.name == "Groups"
    assert sheet.rows == [
        ["Register", "Register", "Register"],
        ["Name", "Category", "Size"],
        ["Tenants", "Residents", 40],
        ["Carers", "Residents", 12],
    ]


def test_every_worksheet_is_read_in_order_with_hidden_ones_marked(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "One"
    book.active.append(["a"])
    hidden = book.create_sheet("Two")
    hidden.sheet_state = "hidden"
    book.create_sheet("Three").append([None, "b", None])
    path = tmp_path / "three.xlsx"
    book.save(path)
    sheets = read_sheets(path)
    assert [(s.name, s.hidden, s.rows) for s in sheets] == [
        ("One", False, [["a"]]),
        ("Two", True, []),
        ("Three", False, [[None, "b"]]),
    ]
