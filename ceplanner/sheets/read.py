"""Reading a spreadsheet file (XLSX or CSV) into a grid of plain cell values, or refusing it.

:func:`read_sheets` looks at what a file holds, not at its name: an Excel workbook is read with
openpyxl (cached values of formulas, merged cells filled with their top-left value), a text file
as CSV (UTF-8 with or without BOM, UTF-16 "Unicode text", else Windows-1252; comma, semicolon,
tab or bar separated). Anything else (old .xls, .ods, a PDF, an empty file) raises
:class:`SheetError` with a sentence saying what to do.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ceplanner.core.i18n import translate

Cell = str | int | float | bool | None
"""A cell's value: text, a number, a yes/no, or None when empty."""

MAX_BYTES = 50 * 1024 * 1024
"""Bigger files are not stakeholder lists; refusing them keeps the application responsive."""
MAX_BLANK_RUN = 10_000
"""Reading a worksheet stops after this many empty rows in a row (formatting left far below)."""
_DELIMITERS = ",;\t|"
_SAVE_AS = "Open it in Excel or LibreOffice Calc and save it as an Excel workbook (.xlsx) or CSV (.csv)."


class SheetError(Exception):
    """A file that cannot be read as a spreadsheet; the message says why and what to do."""


@dataclass
class Sheet:
    """One worksheet: ``rows[i][j]`` is the cell in row ``i + 1``, column ``j + 1``."""

    name: str
    rows: list[list[Cell]]
    hidden: bool = False

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def _t(text: str) -> str:
    return translate("SheetReader", text)


def read_sheets(path: Path | str) -> list[Sheet]:
    """Every worksheet of the file at ``path``; :class:`SheetError` says why a file is refused."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SheetError(
                _t("{name} is too large to be a list of stakeholder groups ({mb} MB).").format(
                    name=path.name, mb=size // (1024 * 1024)
                )
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError(
            _t("{name} could not be read ({reason}).").format(name=path.name, reason=exc.strerror or exc)
        ) from None
    if not data.strip():
        raise SheetError(
            _t("{name} is empty. Choose the file that holds your stakeholder list.").format(name=path.name)
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_zip(path, data)
    refused = _refusal(path, data)
    if refused:
        raise SheetError(refused)
    return [_read_csv(path, data)]


def _refusal(path: Path, data: bytes) -> str:
    """Why a file that is not a ZIP cannot be read as CSV text, or "" when it may be."""
    name = path.name
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            _t("{name} is an old Excel 97-2003 workbook (.xls), which ceplanner cannot read. ").format(
                name=name
            )
            + _SAVE_AS
        )
    if data.startswith(b"%PDF"):
        return _t("{name} is a PDF document, not a spreadsheet. ").format(name=name) + _SAVE_AS
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xltm"):
        return (
            _t("{name} is named like an Excel workbook but is not one (it may be damaged). ").format(
                name=name
            )
            + _SAVE_AS
        )
    if path.suffix.lower() in (".xls", ".ods", ".numbers"):
        return _t("ceplanner cannot read {suffix} files. ").format(suffix=path.suffix.lower()) + _SAVE_AS
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _t("{name} is not a spreadsheet or a text file. ").format(name=name) + _SAVE_AS
    return ""


def _read_zip(path: Path, data: bytes) -> list[Sheet]:
    name = path.name
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SheetError(
            _t("{name} is damaged and cannot be opened. ").format(name=name) + _SAVE_AS
        ) from None
    if "xl/workbook.xml" not in names:
        if "content.xml" in names and "mimetype" in names:
            kind = _t("an OpenDocument file (.ods or similar), which ceplanner cannot read")
        elif "word/document.xml" in names:
            kind = _t("a Word document, not a spreadsheet")
        else:
            kind = _t("not an Excel workbook")
        raise SheetError(_t("{name} is {kind}. ").format(name=name, kind=kind) + _SAVE_AS)
    return _read_xlsx(path, data)


def _read_xlsx(path: Path, data: bytes) -> list[Sheet]:
    import openpyxl  # type: ignore[import-untyped]  # only when a workbook is read: slow to import

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise SheetError(
            _t("{name} could not be read as an Excel workbook ({reason}). ").format(
                name=path.name, reason=exc
            )
            + _SAVE_AS
        ) from None
    sheets: list[Sheet] = []
    for ws in book.worksheets:
        if not hasattr(ws, "iter_rows"):
            continue  # a chart sheet
        rows: list[list[Cell]] = []
        blank_run = 0
        for raw in ws.iter_rows(values_only=True):
            row = [_plain(v) for v in raw]
            blank_run = blank_run + 1 if all(v is None for v in row) else 0
            if blank_run > MAX_BLANK_RUN:
                break
            rows.append(row)
        for merged in ws.merged_cells.ranges:
            top, left = merged.min_row - 1, merged.min_col - 1
            if top >= len(rows):
                continue
            value = rows[top][left] if left < len(rows[top]) else None
            for r in range(top, min(merged.max_row, len(rows))):
                for c in range(left, merged.max_col):
                    while len(rows[r]) <= c:
                        rows[r].append(None)
                    rows[r][c] = value
        sheets.append(Sheet(ws.title, _trimmed(rows), hidden=ws.sheet_state != "visible"))
    if not sheets:
        raise SheetError(_t("{name} has no worksheets.").format(name=path.name))
    return sheets


def _plain(value: object) -> Cell:
    """A cell value as text, number or yes/no (dates become their ISO text)."""
    if value is None or isinstance(value, str | int | float | bool):
        if isinstance(value, str) and not value.strip():
            return None
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _trimmed(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Without trailing empty rows and trailing empty cells."""
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    return rows


def decode_text(data: bytes) -> str:
    """CSV bytes as text: UTF-16 with BOM, UTF-8 (BOM or not), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SheetError(_t("The file is not text in a known encoding (UTF-8 or Windows-1252). ") + _SAVE_AS)


def sniff_delimiter(text: str) -> str:
    """The separator of CSV ``text``: the one that splits most lines into the same number of cells.

    csv.Sniffer's guess decides a tie; title rows above the table and quoted commas inside
    cells do not mislead it.
    """
    sample = text[:65536]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ","
    lines = sample.splitlines()[:200]

    def score(delimiter: str) -> int:
        counts: dict[int, int] = {}
        for row in csv.reader(lines, delimiter=delimiter):
            if len(row) > 1:
                counts[len(row)] = counts.get(len(row), 0) + 1
        return max(counts.values(), default=0)

    scores = {d: score(d) for d in _DELIMITERS}
    best = max(scores.values())
    if scores.get(sniffed, -1) == best:
        return sniffed
    return next(d for d in _DELIMITERS if scores[d] == best)


def _read_csv(path: Path, data: bytes) -> Sheet:
    try:
        text = decode_text(data)
    except SheetError as exc:
        raise SheetError(f"{path.name}: {exc}") from None
    delimiter = sniff_delimiter(text)
    try:
        rows: list[list[Cell]] = [
            [cell.strip() or None for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise SheetError(
            _t("{name} is not a well-formed CSV file ({reason}). ").format(name=path.name, reason=exc)
            + _SAVE_AS
        ) from None
    return Sheet(path.stem, _trimmed(rows))
