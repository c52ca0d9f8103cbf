"""Export a plan as an editable Word document (DOCX) with the PDF's sections, figures and order.

The sections are built exactly as for the PDF (``report.sections.SECTIONS``, one
:class:`ReportContext`) and written into Word by :class:`~ceplanner.report.docx_render.DocxWriter`.
A reference ``.docx`` lends its styles, headers and page setup. The file is written beside the
target and moved into place when complete, as the PDF is (``report.export``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Pt, RGBColor, Twips

from ceplanner.core import palette
from ceplanner.core.costing import compute_budget
from ceplanner.core.model import Plan
from ceplanner.report import styles as st
from ceplanner.report.document import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, page_size
from ceplanner.report.docx_render import DocxWriter
from ceplanner.report.docx_word import add_field, clear_body, update_fields_on_open
from ceplanner.report.errors import ReportError
from ceplanner.report.export import PAPERS, status_text
from ceplanner.report.layout import ReportContext
from ceplanner.report.text import TextRenderer, _clean, escape
from ceplanner.store.errors import WriteFailedError
from ceplanner.store.safe_write import atomic_write

Progress = Callable[[float, str], None]


class WordText(TextRenderer):
    """User text as markup for the Word document: escaped only, in the order it was typed.

    The PDF's renderer puts right-to-left words in visual order and names fallback fonts for
    reportlab; Word does both itself, so here the text stays exactly as typed (only control
    characters are dropped, as for the PDF)."""

    def markup(self, text: str | None, *, limit: int | None = None, bold: bool = False) -> str:
        text = _clean(text or "")
        if limit is not None and len(text) > limit:
            text = text[: max(limit - 1, 0)].rstrip() + "…"
        return escape(text)

    def covers(self, text: str) -> bool:
        return True

    def missing_note(self) -> str | None:
        return None


def _open_reference(reference: Path) -> Document:
    if not reference.is_file():
        raise ReportError(
            f"The reference document “{reference}” does not exist. Choose another file or export without one."
        )
    refusal = ReportError(
        f"“{reference.name}” is not a Word document (.docx), so its styles cannot be used. "
        "Choose a .docx file saved by Word or LibreOffice, or export without a reference document."
    )
    if not zipfile.is_zipfile(reference):
        raise refusal
    try:
        document = docx.Document(str(reference))
    except Exception as exc:  # a zip that is not a Word document (an .xlsx, a .dotx ...)
        raise refusal from exc
    clear_body(document)
    return document


def _page_setup(document: Document, paper: str, *, own_margins: bool) -> float:
    """Set the paper size (and, without a reference, the PDF's margins); the text width in points."""
    width, height = page_size(paper)
    section = document.sections[0]
    section.page_width, section.page_height = Pt(width), Pt(height)
    if not own_margins:
        section.left_margin = section.right_margin = Pt(MARGIN_X)
        section.top_margin, section.bottom_margin = Pt(MARGIN_TOP), Pt(MARGIN_BOTTOM)
        section.header_distance = section.footer_distance = Pt(MARGIN_BOTTOM / 2.5)
    left = float(section.left_margin.pt) if section.left_margin is not None else MARGIN_X
    right = float(section.right_margin.pt) if section.right_margin is not None else MARGIN_X
    return width - left - right


def _house_style(document: Document) -> None:
    """The PDF's colours and sizes on Word's own styles (only when no reference is given)."""
    navy = RGBColor.from_string(palette.NAVY.lstrip("#").upper())
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    for name, size in (("Heading 1", 17), ("Heading 2", 12), ("Heading 3", 10), ("Title", 28)):
        style = document.styles[name]
        style.font.color.rgb = navy
        style.font.size = Pt(size)
    caption = document.styles["Caption"]
    caption.font.bold = False
    caption.font.italic = True
    caption.font.size = Pt(8.5)
    caption.font.color.rgb = RGBColor.from_string(palette.MUTED.lstrip("#").upper())


def _headers(document: Document, plan: Plan, width: float) -> None:
    """Plan title and status on top, organisation and "Page x of y" below; none on the cover."""
    section = document.sections[0]
    if any(p.text.strip() for p in section.header.paragraphs) or any(
        p.text.strip() for p in section.footer.paragraphs
    ):
        return  # the reference document's own header and footer
    section.different_first_page_header_footer = True
    muted = RGBColor.from_string(palette.MUTED.lstrip("#").upper())
    title = " ".join((plan.title.strip() or "Untitled plan").split())
    header = section.header.paragraphs[0]
    header.paragraph_format.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(title)
    header.add_run("\t" + status_text(plan)).bold = True
    footer = section.footer.paragraphs[0]
    for paragraph in (header, footer):  # only the right-hand tab: the styles' centre one goes
        for stop in (4680, 9360):
            paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(stop), WD_TAB_ALIGNMENT.CLEAR)
    footer.paragraph_format.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.RIGHT)
    organisation = " ".join(plan.organisation.split())
    footer.add_run((f"{organisation} · " if organisation else "") + "Community engagement strategy\tPage ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES", "1")
    for paragraph in (header, footer):
        for run in paragraph.runs:
            run.font.size = Pt(8.5)
            run.font.color.rgb = muted


def new_document(paper: str, reference: Path | None = None) -> tuple[Document, float]:
    """An empty Word document in the house style (or ``reference``'s) on ``paper``; its text width."""
    document = _open_reference(Path(reference)) if reference is not None else docx.Document()
    if reference is None:
        clear_body(document)
        _house_style(document)
    return document, _page_setup(document, paper, own_margins=reference is not None)


def save_docx(document: Document, target: Path) -> None:
    """Save ``document`` at ``target`` safely (temporary file moved into place), or ReportError."""
    _check_folder(target)
    try:
        atomic_write(target, document.save, suffix=".docx.part")
    except WriteFailedError as exc:
        raise ReportError(str(exc)) from exc


def build_docx(
    plan: Plan,
    *,
    paper: str = "a4",
    reference: Path | None = None,
    logo: Path | None = None,
    progress: Progress | None = None,
    issued: date | None = None,
) -> Document:
    """The strategy document for ``plan`` as a python-docx Document (see :func:`export_docx`)."""
    from ceplanner.report.sections import SECTIONS

    last = [0.0]

    def report(fraction: float, message: str) -> None:
        if fraction >= 0:
            last[0] = fraction
        if progress is not None:
            progress(last[0], message)

    key = paper.lower()
    if key not in PAPERS:
        raise ReportError(f"Unknown paper size “{paper}”: choose A4 or Letter.")
    if logo is not None and not Path(logo).is_file():
        raise ReportError(
            f"The logo file “{logo}” does not exist. Choose another file or export without one."
        )
    document, width = new_document(key, reference)
    _, height = page_size(key)
    report(0.0, "Calculating the budget")
    ctx = ReportContext(
        plan=plan,
        budget=compute_budget(plan),
        text=WordText(st.register_base_fonts()),
        width=width,
        height=height - MARGIN_TOP - MARGIN_BOTTOM,
        issued=issued or date.today(),
        logo=Path(logo) if logo is not None else None,
        dpi=200,
        progress=lambda message: report(-1, message),
    )
    writer = DocxWriter(document, width)
    for n, (title, build) in enumerate(SECTIONS):
        report(0.05 + 0.85 * n / len(SECTIONS), f"Writing “{title}”")
        writer.write(build(ctx))
    writer.finish()
    _headers(document, plan, width)
    update_fields_on_open(document)
    title = plan.title.strip() or "Untitled plan"
    props = document.core_properties
    props.title = f"{title} — community engagement strategy"
    props.author = plan.author or plan.organisation
    props.subject = f"Costed community engagement strategy for {plan.organisation or title}"
    props.keywords = "community engagement, strategy, budget, value for money"
    props.language = "en-GB"
    return document


def _check_folder(target: Path) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportError(f"“{target}” is a folder; choose a file name for the Word document.")
    if not folder.is_dir():
        raise ReportError(
            f"The folder “{folder}” does not exist, so the Word document cannot be saved there."
        )
    if not folder.stat().st_mode & 0o222:  # marked read-only: honoured even for root, as for plans
        raise ReportError(
            f"The Word document cannot be saved in “{folder}”: the folder is read-only. "
            "Choose a folder you can write to."
        )


def export_docx(
    plan: Plan,
    target: Path,
    *,
    paper: str = "a4",
    reference: Path | None = None,
    logo: Path | None = None,
    progress: Progress | None = None,
    issued: date | None = None,
) -> Path:
    """Write the strategy for ``plan`` as a Word document at ``target`` and return the path.

    ``reference`` is an optional .docx whose styles, headers and page margins are used (its
    text is not); ``logo`` an optional PNG or JPEG for the cover; ``paper`` "a4" or "letter".
    Written to a temporary file beside ``target`` and then moved over it, so an earlier file
    survives any failure. Raises :class:`ReportError` with a message for the user.
    """
    target = Path(target)
    _check_folder(target)
    try:
        document = build_docx(
            plan, paper=paper, reference=reference, logo=logo, progress=progress, issued=issued
        )
        if progress is not None:
            progress(0.95, "Saving")
        save_docx(document, target)  # a full disk, a folder that refuses the file: in words
    except ReportError:
        raise
    except MemoryError as exc:
        raise ReportError("The computer ran out of memory while building the Word document.") from exc
    except OSError:
        raise
    except Exception as exc:
        raise ReportError(f"The Word document could not be built ({exc.__class__.__name__}: {exc}).") from exc
    if progress is not None:
        progress(1.0, "Saved")
    return target


__all__ = ["build_docx", "export_docx", "new_document", "save_docx"]
