"""Bookmarks and contents links open the page where their heading is printed (A4 and Letter)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pypdf.generic import Destination

from ceplanner.core.library import sample_plan
from ceplanner.report.sections import SECTION_TITLES
from tests.report.report_fixtures import Pdf, make_rich_plan, normalise


def _outline(pdf: Pdf) -> list[Destination]:
    found: list[Destination] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(item)

    walk(pdf.reader.outline)
    return found


def _texts_at(pdf: Pdf, page_index: int) -> list[tuple[float, float, str]]:
    """(x, y, text) of each run of text drawn on a page."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((x, y, text))

    pdf.reader.pages[page_index].extract_text(visitor_text=visit)
    return runs


def _contents_links(pdf: Pdf) -> list[tuple[str, int]]:
    """(text under the link, index of the page it opens) for every link on the contents pages."""
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(pdf.reader.pages)}  # type: ignore[union-attr]
    links: list[tuple[str, int]] = []
    # The contents run from page 2 to the page before the first section (two pages or more
    # once the headings no longer fit on one).
    first_section = min(
        pdf.reader.get_destination_page_number(e)
        for e in _outline(pdf)
        if e.title not in ("Cover", "Contents")
    )
    for index, page in enumerate(pdf.reader.pages):
        if not 1 <= index < first_section:
            continue
        runs = _texts_at(pdf, index)
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
                continue
            x0, y0, x1, _y1 = (float(v) for v in annot["/Rect"])
            row = [(x, t) for x, y, t in runs if y0 - 0.5 <= y <= y0 + 2.5]  # baselines
            text = " ".join(t for x, t in row if x0 - 1 <= x <= x1 + 1 and not t.lstrip().startswith("."))
            if not text:  # a page number, drawn in one run with its dotted leader
                text = " ".join(t.split()[-1] for x, t in row if x < x0 and t.split()[-1].isdigit())
            links.append((normalise(text), pages[annot["/Dest"][0].idnum]))
    return links


@pytest.fixture(scope="module", params=["a4", "letter"])
def sample_pdf(request: pytest.FixtureRequest) -> Pdf:
    from ceplanner.report import build_pdf_bytes
    from tests.report.report_fixtures import ISSUED, read_pdf

    return read_pdf(build_pdf_bytes(sample_plan(), paper=request.param, issued=ISSUED))


def test_every_bookmark_opens_the_page_of_its_heading(sample_pdf: Pdf) -> None:
    entries = _outline(sample_pdf)
    assert len(entries) > 20
    for entry in entries:
        index = sample_pdf.reader.get_destination_page_number(entry)
        title = "Contents" if entry.title == "Cover" else entry.title
        if entry.title == "Cover":
            assert index == 0
            continue
        assert normalise(title) in normalise(sample_pdf.pages[index]), (entry.title, index + 1)


def test_every_contents_link_opens_the_page_of_its_heading(sample_pdf: Pdf) -> None:
    links = _contents_links(sample_pdf)
    sections = [e for e in sample_pdf.reader.outline if not isinstance(e, list)]  # not sub-headings
    titles = [e.title for e in sections if e.title not in ("Cover", "Contents")]
    assert len(titles) == len(SECTION_TITLES) - 2  # the cover and the contents are not listed
    assert len(links) == 2 * len(titles)  # the title and its page number
    contents = [i for i, page in enumerate(sample_pdf.pages) if "Contents" in page.split("\n")[4:6]]
    assert len(contents) == 1  # one page, however many sub-headings the plan has
    checked = 0
    for text, index in links:
        if text.isdigit():
            assert int(text) == index + 1, (text, index + 1)
        else:
            assert text in titles, text
            assert text in normalise(sample_pdf.pages[index]), (text, index + 1)
            checked += 1
    assert checked == len(titles)


def test_bookmarks_of_a_rich_plan_open_distinct_pages(build: Callable[..., Pdf]) -> None:
    pdf = build(make_rich_plan())
    sections = [e for e in _outline(pdf) if pdf.reader.get_destination_page_number(e) > 1]
    assert len({pdf.reader.get_destination_page_number(e) for e in sections}) >= 10
