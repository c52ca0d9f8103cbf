"""Typed text in the engagement report is printed whole, however long, markup characters included."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from ceplanner.cli import main
from ceplanner.store import PlanStore


def test_a_5000_character_theme_title_with_markup_is_printed_whole(tmp_path: Path) -> None:
    path = tmp_path / "delivered.ceplan"
    assert main(["demo", "--delivered", str(path)]) == 0
    title = "<b>&amp; é " + "y" * 5000
    with PlanStore.open(path) as store:
        plan = store.load()
        plan.themes[0].title = title
        store.save(plan)
    out = tmp_path / "report.pdf"
    assert main(["export", str(path), "--document", "report", "-o", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "<b>&amp; é" in text
    # The title runs over lines and pages (the running header and footer fall between): every
    # one of its letters is there, in runs no other word of the report makes.
    letters = sum(len(run) for run in re.findall(r"y{10,}", text))
    assert letters >= 5000 and letters % 5000 == 0, letters
