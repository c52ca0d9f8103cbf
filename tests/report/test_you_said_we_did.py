"""The one-page "You said, we did" summary: written to disk and read back with pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ceplanner.core.library import sample_delivered_plan
from ceplanner.core.model import Plan, Response, ResponseKind, Theme
from ceplanner.report.errors import ReportError
from ceplanner.report.fonts import find_cjk_font, find_script_font
from ceplanner.report.you_said_we_did import (
    DID,
    DID_NOT,
    LARGEST,
    SAID,
    SMALLEST,
    export_you_said_we_did,
    sizes,
)

ROOT = Path(__file__).resolve().parents[2]
LONG = (
    "We changed how this part of the service works after hearing from tenants at every session, "
    "and we will check with the Panel in a year that the change has made the difference you asked for. "
)


def squash(text: str) -> str:
    """Text as compared: Unicode-normalised, without whitespace (lines wrap anywhere)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def write(plan: Plan, tmp_path: Path, paper: str = "a4") -> PdfReader:
    path = export_you_said_we_did(plan, tmp_path / "you-said.pdf", paper=paper)
    assert path == tmp_path / "you-said.pdf"
    return PdfReader(path)


def body_sizes(reader: PdfReader) -> list[float]:
    """The rendered size of every run of text on the first page."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            found.append(abs(size * (tm[3] or 1) * (cm[3] or 1)))

    reader.pages[0].extract_text(visitor_text=visit)
    return found


def many_responses(count: int) -> Plan:
    plan = sample_delivered_plan()
    plan.themes, plan.responses = [], []
    for n in range(count):
        theme = Theme(title=f"Theme number {n + 1} heard at the sessions")
        plan.themes.append(theme)
        kind = ResponseKind.WE_DID_NOT if n % 3 == 0 else ResponseKind.WE_DID
        plan.responses.append(Response(theme_id=theme.id, kind=kind, action=f"Response {n + 1}. " + LONG * 2))
    return plan


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_delivered_sample_fits_one_page_with_every_response_whole(tmp_path: Path, paper: str) -> None:
    plan = sample_delivered_plan()
    assert len(plan.responses) >= 5
    reader = write(plan, tmp_path, paper)
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    themes = {t.id: t for t in plan.themes}
    for response in plan.responses:
        heading = DID_NOT if response.kind is ResponseKind.WE_DID_NOT else DID
        said = themes[response.theme_id or ""].title
        # "You said: <theme>" then the right heading with the whole action after it.
        assert squash(f"{SAID} {said}") in text
        assert squash(f"{heading} {response.action}") in text, response.action
        assert text.index(squash(said)) < text.index(squash(response.action))
    assert "more change" not in text
    assert squash(plan.organisation) in text and squash(plan.title) in text
    assert squash("You said, we did") in text
    assert min(body_sizes(reader)) >= SMALLEST


def test_the_sample_says_how_many_took_part_from_the_delivery_figures(tmp_path: Path) -> None:
    from ceplanner.core.delivery import planned_part
    from ceplanner.core.variance import UNALLOCATED, delivery_figures

    plan = sample_delivered_plan()
    figures = delivery_figures(planned_part(plan), plan)
    groups = sum(1 for r in figures.reach if r.group_id != UNALLOCATED and r.reached)
    text = " ".join(write(plan, tmp_path).pages[0].extract_text().split())
    assert f"{figures.reach_total.reached:,} people took part, from {groups} groups." in text
    # When people hear more: the date and the channel of each response.
    assert "You will hear more on 5 November 2027:" in text


def test_sixty_long_responses_still_give_one_page_and_say_how_many_more(tmp_path: Path) -> None:
    plan = many_responses(60)
    reader = write(plan, tmp_path)
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    shown = [n for n, r in enumerate(plan.responses) if squash(r.action) in text]
    assert shown and shown == list(range(len(shown)))  # the first N, each whole
    more = 60 - len(shown)
    assert more > 0
    assert squash(f"And {more} more changes: see the full engagement report.") in text
    for response in plan.responses[: len(shown)]:
        heading = DID_NOT if response.kind is ResponseKind.WE_DID_NOT else DID
        assert squash(f"{heading} {response.action}") in text
    assert min(body_sizes(reader)) >= SMALLEST


def test_one_response_too_long_for_a_page_is_cut_not_carried_over(tmp_path: Path) -> None:
    plan = many_responses(1)
    plan.responses[0].action = LONG * 80
    reader = write(plan, tmp_path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "…" in text and squash(LONG * 3) in squash(text)
    assert min(body_sizes(reader)) >= SMALLEST


def test_huge_titles_and_channels_end_in_an_ellipsis_and_still_give_one_page(tmp_path: Path) -> None:
    plan = many_responses(3)
    plan.title = "A very long title that goes on and on. " * 120
    plan.organisation = "Organisation " * 400
    plan.themes[0].title = "T " * 3000
    plan.responses[0].channel = "C " * 3000
    reader = write(plan, tmp_path)
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    assert reader.pages[0].extract_text().count("…") == 4
    assert all(squash(r.action) in text for r in plan.responses)  # the actions themselves whole


def test_type_is_large_when_there_is_room_and_never_below_the_floor(tmp_path: Path) -> None:
    assert max(sizes()) == LARGEST >= 14 and min(sizes()) == SMALLEST == 12
    plan = many_responses(2)
    sizes_found = body_sizes(write(plan, tmp_path))
    assert min(sizes_found) >= 14  # two responses: body in large type
    assert max(sizes_found) >= 2 * 14  # and a big heading


def test_typed_markup_characters_appear_exactly_as_typed(tmp_path: Path) -> None:
    plan = many_responses(2)
    plan.organisation = "Homes <b>&amp; Co"
    plan.themes[0].title = "Fees <i>too</i> high & unclear"
    plan.responses[0].action = "We wrote <b>&amp;</b> in plain words & a < b > c."
    text = squash(write(plan, tmp_path).pages[0].extract_text())
    for typed in (plan.organisation, plan.themes[0].title, plan.responses[0].action):
        assert squash(typed) in text


@pytest.mark.skipif(find_cjk_font() is None, reason="no CJK font with TrueType outlines is installed")
def test_cjk_text_appears_whole(tmp_path: Path) -> None:
    plan = many_responses(2)
    plan.themes[1].title = "东京の住民グループ"
    plan.responses[1].action = "我们增加了晚上的预约时间。"
    text = write(plan, tmp_path).pages[0].extract_text()
    assert "东京の住民グループ" in text and "我们增加了晚上的预约时间。" in text
    assert "could not be shown" not in text


@pytest.mark.skipif(find_script_font("Arabic") is None, reason="no Arabic font is installed")
def test_arabic_text_is_set_in_an_arabic_font_and_nothing_is_lost(tmp_path: Path) -> None:
    plan = many_responses(2)
    plan.responses[0].action = "أضفنا مواعيد مسائية"
    reader = write(plan, tmp_path)
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    found = find_script_font("Arabic")
    assert found is not None and any(f.endswith(found.regular.stem) for f in fonts), fonts
    text = reader.pages[0].extract_text()
    assert "could not be shown" not in text and "\u25a1" not in text
    # Shaped Arabic comes back as presentation forms: the same letters once normalised.
    letters = {ch for ch in unicodedata.normalize("NFKC", text) if "\u0600" <= ch <= "\u06ff"}
    assert {ch for ch in plan.responses[0].action if ch != " "} <= letters


def test_a_plan_without_responses_is_refused_and_an_earlier_file_kept(tmp_path: Path) -> None:
    plan = sample_delivered_plan()
    plan.responses = []
    target = tmp_path / "you-said.pdf"
    target.write_bytes(b"earlier")
    with pytest.raises(ReportError, match="no responses yet"):
        export_you_said_we_did(plan, target)
    assert target.read_bytes() == b"earlier"
    assert list(tmp_path.iterdir()) == [target]


def test_unwritten_responses_are_left_out_and_a_response_without_a_theme_has_no_you_said(
    tmp_path: Path,
) -> None:
    plan = many_responses(3)
    plan.responses[0].action = "   "
    plan.responses[1].theme_id = None
    text = squash(write(plan, tmp_path).pages[0].extract_text())
    assert squash(plan.themes[0].title) not in text  # its response has no action yet
    assert squash(plan.themes[1].title) not in text and text.count(squash(SAID)) == 1
    assert squash(f"{DID} {plan.responses[1].action}") in text
    assert "more change" not in text
    for response in plan.responses:
        response.action = ""
    with pytest.raises(ReportError, match="no responses yet"):
        export_you_said_we_did(plan, tmp_path / "none.pdf")


def test_unknown_paper_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="choose A4 or Letter"):
        export_you_said_we_did(sample_delivered_plan(), tmp_path / "x.pdf", paper="a3")
    assert not (tmp_path / "x.pdf").exists()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ceplanner", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_command_line_writes_the_summary_and_refuses_a_plan_without_responses(tmp_path: Path) -> None:
    delivered, plain = tmp_path / "delivered.ceplan", tmp_path / "plain.ceplan"
    assert run("demo", "--delivered", str(delivered)).returncode == 0
    assert run("demo", str(plain)).returncode == 0
    out = tmp_path / "you-said.pdf"
    result = run("export", str(delivered), "--document", "you-said-we-did", "-o", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 1 and "You said, we did" in reader.pages[0].extract_text()
    refused = run("export", str(plain), "--document", "you-said-we-did", "-o", str(tmp_path / "none.pdf"))
    assert refused.returncode == 1 and "no responses yet" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "none.pdf").exists()
    docx = run("export", str(delivered), "--document", "you-said-we-did", "-o", str(tmp_path / "y.docx"))
    assert docx.returncode == 1 and "is a PDF" in docx.stderr


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_the_page_renders(tmp_path: Path) -> None:
    write(sample_delivered_plan(), tmp_path)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-singlefile",
            str(tmp_path / "you-said.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    assert (tmp_path / "page.png").stat().st_size > 5000
