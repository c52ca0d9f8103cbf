"""The Word document opens in LibreOffice with the PDF's headings and grand total.

LibreOffice converts the DOCX to PDF (``soffice --headless --convert-to pdf``) with a profile of
its own in a temporary folder, so it runs beside a desktop LibreOffice and on CI. Where soffice
is not installed the test is skipped, except on CI (``CI`` set), where it must run: install it
with ``sh packaging/system-deps.sh test``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ceplanner.core.library import sample_plan
from ceplanner.report import build_pdf_bytes
from ceplanner.report.docx_export import export_docx
from ceplanner.report.sections import SECTION_TITLES
from tests.report.report_fixtures import ISSUED, read_pdf

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CONVERT_TIMEOUT = 300


def _soffice() -> str:
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is needed on CI: run `sh packaging/system-deps.sh test`.")
        pytest.skip("LibreOffice (soffice) is not installed: `sh packaging/system-deps.sh test` installs it.")
    return SOFFICE


def _convert(soffice: str, source: Path, folder: Path) -> Path:
    profile = folder / "profile"
    home = folder / "home"
    home.mkdir()
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=CONVERT_TIMEOUT,
        check=False,
    )
    converted = folder / (source.stem + ".pdf")
    assert converted.is_file(), f"soffice made no PDF: {result.stdout} {result.stderr}"
    return converted


def test_libreoffice_shows_the_pdfs_headings_and_grand_total(tmp_path: Path) -> None:
    soffice = _soffice()
    plan = sample_plan()
    source = export_docx(plan, tmp_path / "strategy.docx", issued=ISSUED)
    converted = PdfReader(_convert(soffice, source, tmp_path))

    sections = [title for title in SECTION_TITLES if title not in ("Cover", "Contents")]
    top = [item.title for item in converted.outline if not isinstance(item, list)]
    assert top == sections  # LibreOffice bookmarks Word's Heading 1 paragraphs

    text = " ".join(page.extract_text() or "" for page in converted.pages)
    body = text[text.find(sections[0], text.find(sections[-1])) :]  # after the contents page
    positions = [body.find(title) for title in sections]
    assert -1 not in positions and positions == sorted(positions)

    ours = read_pdf(build_pdf_bytes(plan, issued=ISSUED)).text
    money = r"[£€$][\d,]+\.\d\d"
    grand = re.search(rf"Grand total ({money} {money} {money})", ours)
    assert grand is not None
    assert f"Grand total {grand.group(1)}" in re.sub(r"\s+", " ", text)
    assert "page ?" not in text  # LibreOffice filled in the page references
