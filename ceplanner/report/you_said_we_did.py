"""The one-page "You said, we did" summary for the people who took part.

Plain words and large type: the organisation and plan, how many people took part and from how
many groups, then each response to a theme heard ("You said … / We did …" or "We did not, and
here is why …") with when and where people will hear more. It is always ONE page: the type
shrinks from :data:`LARGEST` to :data:`SMALLEST` points, and if the responses still do not fit,
the first ones are shown with a line "And K more changes: see the full engagement report".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from ceplanner.core import locale_format
from ceplanner.core.delivery import planned_part
from ceplanner.core.model import Plan, Response, ResponseKind, Theme
from ceplanner.core.variance import UNALLOCATED, delivery_figures
from ceplanner.report import styles as st
from ceplanner.report.document import page_size
from ceplanner.report.errors import ReportError
from ceplanner.report.text import TextRenderer
from ceplanner.store.safe_write import WriteFailedError, atomic_write

LARGEST = 16.0
"""Body type size tried first, in points."""
SMALLEST = 12.0
"""The floor: body type is never smaller than this."""
STEP = 1.0
MARGIN = 36.0
LIMIT = 300
"""Longest organisation, plan title, theme title or "hear more" line shown whole (longer ones end
in an ellipsis, so that no one of them can push the responses off the page); actions are whole."""
"""Page margin on every side, in points."""

TITLE = "You said, we did"
SAID = "You said:"
DID = "We did:"
DID_NOT = "We did not, and here is why:"
NO_RESPONSES = (
    "This plan has no responses yet, so there is nothing for a “You said, we did” summary. "
    "Record what was done about each theme heard (the response log, with its action written) "
    "and export again."
)


def more_line(count: int) -> str:
    """The line standing for the responses left off the page."""
    changes = "change" if count == 1 else "changes"
    return f"And {count} more {changes}: see the full engagement report."


@dataclass(frozen=True)
class Layout:
    """How the page is set: body type size, how many responses are shown, and, when not even the
    first fits whole, how many characters of its action are kept (None: whole)."""

    size: float
    shown: int
    cut: int | None = None

    def more(self, total: int) -> int:
        """Responses left off the page."""
        return total - self.shown


@dataclass(frozen=True)
class _Styles:
    heading: ParagraphStyle
    plan: ParagraphStyle
    body: ParagraphStyle
    said: ParagraphStyle
    hear: ParagraphStyle
    more: ParagraphStyle


def _styles(size: float) -> _Styles:
    body = ParagraphStyle(
        f"YsBody{size}",
        parent=st.make_styles().body,
        fontSize=size,
        leading=size * 1.28,
        spaceAfter=size * 0.25,
    )
    small = max(size - 2, SMALLEST)
    return _Styles(
        heading=ParagraphStyle(
            f"YsHeading{size}",
            parent=body,
            fontName=st.BOLD,
            fontSize=size * 2,
            leading=size * 2.4,
            textColor=st.NAVY,
            spaceAfter=size * 0.4,
        ),
        plan=ParagraphStyle(
            f"YsPlan{size}", parent=body, fontSize=size + 2, leading=(size + 2) * 1.3, textColor=st.BLUE
        ),
        body=body,
        said=ParagraphStyle(f"YsSaid{size}", parent=body, textColor=st.NAVY, spaceAfter=size * 0.15),
        hear=ParagraphStyle(
            f"YsHear{size}",
            parent=body,
            fontSize=small,
            leading=small * 1.22,
            textColor=st.MUTED,
            spaceAfter=0,
        ),
        more=ParagraphStyle(
            f"YsMore{size}", parent=body, fontName=st.BOLD, textColor=st.NAVY, spaceBefore=size * 0.5
        ),
    )


def written(plan: Plan) -> list[Response]:
    """The responses to show, in the plan's order: those with their action written."""
    return [r for r in plan.responses if r.action.strip()]


def turnout_line(plan: Plan) -> str:
    """How many people took part and from how many groups, from the sessions held; "" if none
    are recorded."""
    figures = delivery_figures(planned_part(plan), plan)
    people = figures.reach_total.reached
    if people <= 0:
        return ""
    groups = sum(1 for r in figures.reach if r.group_id != UNALLOCATED and r.reached > 0)
    who = "person" if people == 1 else "people"
    line = f"{locale_format.format_number(people)} {who} took part"
    if groups:
        line += f", from {locale_format.format_number(groups)} {'group' if groups == 1 else 'groups'}"
    return line + ". Thank you. Here is what you told us and what we did about it."


def _said(theme: Theme | None) -> str:
    if theme is None:
        return ""
    return theme.title.strip() or theme.summary.strip()


def _hear_more(response: Response) -> str:
    when = locale_format.format_date(response.feedback_on) if response.feedback_on else ""
    channel = response.channel.strip()
    if when and channel:
        return f"You will hear more on {when}: {channel}"
    if when:
        return f"You will hear more on {when}."
    if channel:
        return f"You will hear more: {channel}"
    return ""


class _Page:
    """Builds the page's flowables for a given layout."""

    def __init__(self, plan: Plan, renderer: TextRenderer, turnout: str) -> None:
        self.plan = plan
        self.text = renderer
        self.turnout = turnout
        self.themes = {t.id: t for t in plan.themes}
        self.responses = written(plan)

    def head(self, s: _Styles) -> list[Flowable]:
        out: list[Flowable] = []
        if self.plan.organisation.strip():
            out.append(
                Paragraph(
                    f"<b>{self.text.markup(self.plan.organisation, limit=LIMIT, bold=True)}</b>", s.body
                )
            )
        out.append(Paragraph(TITLE, s.heading))
        if self.plan.title.strip():
            out.append(Paragraph(self.text.markup(self.plan.title, limit=LIMIT), s.plan))
        if self.turnout:
            out.append(Paragraph(self.turnout, s.body))
        out.append(Spacer(1, s.body.fontSize * 0.4))
        return out

    def response(self, response: Response, s: _Styles, cut: int | None = None) -> list[Flowable]:
        out: list[Flowable] = [
            HRFlowable(
                width="100%", thickness=1, color=st.RULE, spaceBefore=0, spaceAfter=s.body.fontSize * 0.4
            )
        ]
        said = _said(self.themes.get(response.theme_id or ""))
        if said:
            out.append(Paragraph(f"<b>{SAID}</b> {self.text.markup(said, limit=LIMIT)}", s.said))
        label = DID_NOT if response.kind is ResponseKind.WE_DID_NOT else DID
        action = self.text.markup(response.action, limit=cut)
        out.append(Paragraph(f"<b>{label}</b> {action}", s.body))
        hear = _hear_more(response)
        if hear:
            out.append(Paragraph(self.text.markup(hear, limit=LIMIT), s.hear))
        out.append(Spacer(1, s.body.fontSize * 0.3))
        return out

    def story(self, layout: Layout) -> list[Flowable]:
        s = _styles(layout.size)
        story = self.head(s)
        responses = self.responses
        for n, response in enumerate(responses[: layout.shown]):
            story += self.response(response, s, layout.cut if n == 0 else None)
        left = layout.more(len(responses))
        if left:
            story.append(Paragraph(more_line(left), s.more))
        note = self.text.missing_note()
        if note:
            story.append(Paragraph(self.text.markup(note), s.hear))
        return story


def _height(story: Sequence[Flowable], width: float, height: float) -> float:
    """The height ``story`` takes in a frame ``width`` wide, spaces included (an over-estimate:
    a frame drops the space before its first flowable)."""
    total = 0.0
    for flowable in story:
        total += flowable.wrap(width, height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def sizes() -> list[float]:
    """Body type sizes to try, largest first, never below :data:`SMALLEST`."""
    out: list[float] = []
    size = LARGEST
    while size >= SMALLEST:
        out.append(size)
        size -= STEP
    return out


def choose_layout(page: _Page, width: float, height: float) -> Layout:
    """The largest type at which every response fits; else, at :data:`SMALLEST`, as many
    responses as fit with the "and K more" line; else the first response cut to fit."""

    def fits(layout: Layout) -> bool:
        return _height(page.story(layout), width, height) <= height

    total = len(page.responses)
    for size in sizes():
        if fits(Layout(size, total)):
            return Layout(size, total)
    low, high = 0, total - 1  # at the floor: the most responses shown that fit with the line
    while low < high:
        mid = (low + high + 1) // 2
        if fits(Layout(SMALLEST, mid)):
            low = mid
        else:
            high = mid - 1
    if low >= 1:
        return Layout(SMALLEST, low)
    lo, hi = 0, len(page.responses[0].action)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(Layout(SMALLEST, 1, mid)):
            lo = mid
        else:
            hi = mid - 1
    return Layout(SMALLEST, 1, max(lo, 1)) if fits(Layout(SMALLEST, 1, max(lo, 1))) else Layout(SMALLEST, 0)


def _write(plan: Plan, stream: BinaryIO, paper: str) -> Layout:
    if not written(plan):
        raise ReportError(NO_RESPONSES)
    key = paper.lower()
    if key not in ("a4", "letter"):
        raise ReportError(f"Unknown paper size “{paper}”: choose A4 or Letter.")
    page_w, page_h = page_size(key)
    width, height = page_w - 2 * MARGIN, page_h - 2 * MARGIN
    renderer = st.new_renderer()
    page = _Page(plan, renderer, turnout_line(plan))
    layout = choose_layout(page, width, height)
    canvas = Canvas(stream, pagesize=(page_w, page_h), pageCompression=1)
    title = plan.title.strip() or "Plan"
    canvas.setTitle(f"{TITLE}: {title}")
    canvas.setAuthor(plan.organisation or plan.author)
    canvas.setSubject("What people told us and what we did about it")
    frame = Frame(MARGIN, MARGIN, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    story = page.story(layout)
    frame.addFromList(story, canvas)
    if story:  # never a second page: the layout was measured to fit
        raise ReportError(
            "The summary could not be fitted on one page. Shorten the plan’s title or the longest response and try again."
        )
    canvas.showPage()
    canvas.save()
    return layout


def export_you_said_we_did(plan: Plan, target: str | Path, *, paper: str = "a4") -> Path:
    """Write the one-page "You said, we did" PDF for ``plan`` to ``target`` and return the path.

    ``paper`` is "a4" or "letter". Written to a temporary file beside ``target`` and moved into
    place only when complete. Raises :class:`ReportError`, in words for the user, when the plan
    has no responses or the file cannot be written.
    """
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ReportError(f"“{path}” is a folder; choose a file name for the PDF.")
    if not folder.is_dir():
        raise ReportError(f"The folder “{folder}” does not exist, so the PDF cannot be saved there.")
    if not written(plan):
        raise ReportError(NO_RESPONSES)

    def write(stream: BinaryIO) -> None:
        try:
            _write(plan, stream, paper)
        except ReportError:
            raise
        except MemoryError as exc:
            raise ReportError("The computer ran out of memory while building the summary.") from exc
        except OSError:
            raise
        except Exception as exc:
            raise ReportError(f"The summary could not be built ({exc.__class__.__name__}: {exc}).") from exc

    try:
        atomic_write(path, write, suffix=".pdf.part")
    except WriteFailedError as exc:
        raise ReportError(str(exc)) from exc
    return path
