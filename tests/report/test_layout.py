"""Page layout a reader sees: a one-page cover, no mostly blank pages, one-line running header,
summary text at full size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ceplanner.core.library import sample_plan
from ceplanner.core.model import Plan
from ceplanner.report.document import MARGIN_TOP
from tests.report.page_fill import fill
from tests.report.report_fixtures import Pdf, make_rich_plan
from tests.report.test_whole_text import squash

MOSTLY_BLANK = 0.5
"""A page whose content reaches less than half way down its text frame is mostly blank."""


def _sixty_groups() -> Plan:
    from tests.factories import big_plan

    plan = big_plan(60, 80)
    plan.title = "A plan of sixty groups and eighty activities"
    return plan


def _sixty_rich_groups() -> Plan:
    from tests.report.report_fixtures import make_big_plan

    return make_big_plan(60, 80)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    "make",
    [sample_plan, make_rich_plan, _sixty_groups, _sixty_rich_groups],
    ids=["sample", "rich", "sixty-groups", "sixty-rich-groups"],
)
def test_no_page_but_the_last_is_mostly_blank(
    make: Callable[[], Plan], paper: str, build: Callable[..., Pdf]
) -> None:
    pdf = build(make(), paper=paper)
    # The cover and the one-page contents stand alone; every page after them is filled.
    assert "Contents" in pdf.pages[1] and "Contents" not in pdf.pages[2]
    blank = [(i + 1, round(fill(pdf.reader, i), 2)) for i in range(2, len(pdf.pages) - 1)]
    assert [(page, f) for page, f in blank if f < MOSTLY_BLANK] == []


@pytest.mark.parametrize("length", [160, 300, 700])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_long_title_keeps_the_cover_to_one_page(length: int, paper: str, build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    words = "Community conversations about repairs, homes and neighbourhood services"
    plan.title = (words + " ") * (length // len(words) + 1)
    plan.title = plan.title[:length].strip()
    pdf = build(plan, paper=paper)
    assert squash(plan.title) in squash(pdf.pages[0])  # whole, on the cover
    assert "Prepared by" in pdf.pages[0] and "Decision by" in pdf.pages[0]
    assert "Contents" in pdf.pages[1]


def _header_lines(pdf: Pdf, index: int) -> list[tuple[float, str]]:
    page = pdf.reader.pages[index]
    top = float(page.mediabox.height) - MARGIN_TOP
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > top:
            found.append((round(y, 1), text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def test_the_running_header_is_one_line(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.title = "WOMEN’S HOUSING MOVEMENT: WORKSHOPS WITH MEMBERS AND WARDENS " * 3  # wide letters
    pdf = build(plan)
    for index in (2, 5, len(pdf.pages) - 1):
        lines = _header_lines(pdf, index)
        assert len({y for y, _ in lines}) == 1, lines
        title = next(text for _, text in lines if text != "Draft")
        assert title.endswith("…") and plan.title.startswith(title[:-1].strip())


def test_summary_text_is_never_shrunk(build: Callable[..., Pdf]) -> None:
    plan = sample_plan()
    plan.purpose = "A purpose sentence that goes on. " * 60
    plan.decision = "A decision that is explained at length. " * 40
    pdf = build(plan)
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip() and ("Purpose." in text or "Money." in text or "Decision sought." in text):
            sizes.append(size * (tm[3] if tm[3] else 1) * (cm[3] if cm[3] else 1))

    for page in pdf.reader.pages[2:5]:
        page.extract_text(visitor_text=visit)
    assert len(sizes) >= 3
    assert min(sizes) >= 9.5


def test_readability_minimums() -> None:
    from ceplanner.core.palette import contrast_ratio
    from ceplanner.report import styles

    s = styles.make_styles()
    for name in ("body", "lead", "bullet", "h1", "h2", "h3", "cover_meta"):
        assert getattr(s, name).fontSize >= 9.5, name
    for name in ("cell", "cell_bold", "cell_head", "small", "muted", "figure_caption", "key_label", "toc_1"):
        assert getattr(s, name).fontSize >= 8, name
    for name in ("muted", "figure_caption", "key_label", "toc_1", "body"):
        colour = getattr(s, name).textColor.hexval().replace("0x", "#")
        assert contrast_ratio(colour) >= 4.5, name


def test_glossary_and_accessibility_statement(build: Callable[..., Pdf]) -> None:
    pdf = build(make_rich_plan())
    for term in ("IAP2 Spectrum", "Mendelow's grid", "Six Es", "In kind", "Contingency", "Seldom heard"):
        assert f"{term} " in pdf.text
    assert "To ask for it in another format" in pdf.text
    assert "Glossary" in pdf.outline_titles(1) and "Accessibility" in pdf.outline_titles(1)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_heading_ends_a_page(paper: str, build: Callable[..., Pdf]) -> None:
    from tests.report.report_fixtures import normalise

    for plan in (sample_plan(), make_rich_plan()):
        pdf = build(plan, paper=paper)
        for level in (0, 1):
            for title in pdf.outline_titles(level):
                for page in pdf.pages[2:]:
                    assert not normalise(page).endswith(normalise(title)), (title, paper)
