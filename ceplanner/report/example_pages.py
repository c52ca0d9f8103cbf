"""Render the README's example pages of the strategy document (docs/report/*.png).

Usage: ``python -m ceplanner.report.example_pages docs/report``. Builds the sample plan's PDF on
A4 and renders the cover, the board summary and the first pages of the stakeholder analysis and
the costed budget at 80 dpi with ``pdftoppm`` (poppler-utils), found through the PDF's bookmarks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

PAGES = {
    "cover": "Cover",
    "summary": "1 Summary for the board",
    "stakeholders": "3 Stakeholders",
    "budget": "6 Costed budget",
}
"""Image name: the bookmark whose page it shows."""
DPI = 80
ISSUED = date(2026, 11, 27)


def bookmark_pages(pdf: Path) -> dict[str, int]:
    """Page number (from 1) of each top-level bookmark."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    return {
        entry.title: reader.get_destination_page_number(entry) + 1
        for entry in reader.outline
        if not isinstance(entry, list)
    }


def render(folder: Path) -> list[Path]:
    from ceplanner.core.library import sample_plan
    from ceplanner.report import export_pdf

    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing: install poppler-utils.")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as work:
        pdf = export_pdf(sample_plan(), Path(work) / "sample.pdf", issued=ISSUED)
        pages = bookmark_pages(pdf)
        for name, bookmark in PAGES.items():
            page = pages[bookmark]
            target = folder / name
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    str(DPI),
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(target),
                ],
                check=True,
            )
            made.append(target.with_suffix(".png"))
    return made


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/report")):
        print(path)
