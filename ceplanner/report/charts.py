"""Charts of a plan as matplotlib ``Figure`` objects (never pyplot: no global state).

Each function takes only core objects, so the GUI can show the same figure in a
``FigureCanvasQTAgg`` and the PDF can embed it as a PNG (:func:`figure_to_png`). Figures are
sized for an A4 text column, use DejaVu Sans, and stay readable printed in greyscale: seldom-heard
groups have their own marker shape, in-kind costs are hatched, IAP2 levels run light to dark.
"""

from __future__ import annotations

import functools
import io
import math
import textwrap
import threading
from collections.abc import Callable, Sequence
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache
from typing import ParamSpec, TypeVar

import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.ft2font import FT2Font
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import Bbox

from ceplanner.core import locale_format, palette
from ceplanner.core.costing import Budget
from ceplanner.core.model import (
    Activity,
    IAP2Level,
    Plan,
    SixE,
    label,
)
from ceplanner.core.money import exponent, format_money, format_money_whole
from ceplanner.report.analysis import (
    HIGH_FROM,
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    plan_period,
)
from ceplanner.report.fonts import (
    DEJAVU_FILES,
    REPLACEMENT,
    SCRIPT_FONTS,
    dejavu_dir,
    find_cjk_font,
    find_script_font,
)

WIDTH_IN = 6.4
"""Figure width in inches: the text column of A4 (and Letter) with the report's margins."""

NAVY = palette.NAVY
BLUE = palette.BLUE
GREY = palette.MUTED
RULE = palette.RULE
LEVEL_COLOURS: dict[IAP2Level, str] = palette.IAP2_COLOURS
LABELLED_MAX = 20
"""Up to this many groups the stakeholder map labels points with names; then with numbers."""
NUMBERED_MAX = 99
TITLE_WIDTH = 40
"""Characters per line of an activity's title on the timeline."""
LABEL_WIDTH = 22
"""Characters per line of a group's name on the stakeholder map."""
OVERLAP_TOLERANCE = 0.0
"""Share of a name label's area that may touch other labels or points before names give way to
numbers. Zero: a map with numbers beats one with names printed over each other."""


# ----------------------------------------------------------------------------- fonts and text


DRAWING = threading.RLock()
"""Held while matplotlib builds or draws a chart. matplotlib is not thread-safe (its font
manager, caches and text layout are shared), and the Review charts' worker and an export's
worker may both draw at once: they take turns, one chart at a time."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def one_at_a_time(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` holding :data:`DRAWING`."""

    @functools.wraps(function)
    def locked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with DRAWING:
            return function(*args, **kwargs)

    return locked


@lru_cache(maxsize=1)
def _dejavu_chars() -> frozenset[int]:
    return frozenset(FT2Font(str(dejavu_dir() / DEJAVU_FILES["DejaVuSans"])).get_charmap())


@lru_cache(maxsize=1)
def _fallback() -> tuple[str, frozenset[int]] | None:
    """The CJK fallback's matplotlib family name and code points, if a CJK font is installed."""
    found = find_cjk_font()
    if found is None:
        return None
    try:
        fontManager.addfont(str(found.path))
        name = FontProperties(fname=str(found.path)).get_name()
        chars = frozenset(FT2Font(str(found.path)).get_charmap())
    except Exception:  # an unusable font: behave as if none were installed
        return None
    return name, chars


@lru_cache(maxsize=1)
def _script_fallbacks() -> tuple[tuple[str, frozenset[int]], ...]:
    """Fallback fonts for Arabic script and Devanagari (as in the PDF), as matplotlib families."""
    found = []
    for script in SCRIPT_FONTS:
        font = find_script_font(script)
        if font is None:
            continue
        try:
            fontManager.addfont(str(font.regular))
            name = FontProperties(fname=str(font.regular)).get_name()
            found.append((name, frozenset(FT2Font(str(font.regular)).get_charmap())))
        except Exception:  # an unusable font: behave as if none were installed
            continue
    return tuple(found)


def _text(value: str) -> tuple[str, list[str]]:
    """User text for a chart label and the font families to draw it with.

    Control characters go, newlines become spaces, characters no installed font has become the
    replacement mark (matplotlib would otherwise warn and draw an empty box). The text is never
    shortened; pass it through :func:`_literal` before drawing it.
    """
    text = " ".join(value.split())
    base = _dejavu_chars()
    families = ["DejaVu Sans"]
    if all(ord(ch) in base for ch in text):
        return text, families
    covered = set(base)
    for name, chars in ([_fallback()] if _fallback() else []) + list(_script_fallbacks()):  # type: ignore[list-item]
        if any(ord(ch) in chars and ord(ch) not in base for ch in text):
            families.append(name)
            covered |= chars
    return "".join(ch if ord(ch) in covered else REPLACEMENT for ch in text), families


def _month_tick(value: float, whole_months: bool) -> str:
    """A timeline tick in the user's locale: "Mar\n2027", or "12 Mar\n2027" for a short plan."""
    day = mdates.num2date(value).date()
    month = locale_format.format_month(day, with_year=False)
    return _literal(f"{month}\n{day.year}" if whole_months else f"{day.day} {month}\n{day.year}")


def _literal(text: str) -> str:
    """Text matplotlib draws as it is: a ``$`` would otherwise start mathtext ("$5 to $10")."""
    return text.replace("$", r"\$")


def _wrapped(text: str, width: int, lines: int) -> str | None:
    """``text`` wrapped on at most ``lines`` lines of ``width`` characters, or None if it needs more
    (the caller then shows a number that refers to a table, never a shortened name)."""
    wrapped = textwrap.wrap(text, width, break_long_words=True) or [text]
    return "\n".join(wrapped) if len(wrapped) <= lines else None


def _new_figure(height: float) -> Figure:
    fig = Figure(figsize=(WIDTH_IN, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def _style_axes(ax: object) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)  # type: ignore[attr-defined]
    for side in ("left", "bottom"):
        ax.spines[side].set_color(RULE)  # type: ignore[attr-defined]
    ax.tick_params(colors=GREY, labelsize=7.5, length=3)  # type: ignore[attr-defined]


def _fit_margins(
    fig: Figure, ax: object, *, bottom_in: float, top_in: float = 0.08, right_in: float = 0.2
) -> None:
    """Fix the axes position so its y tick labels just fit: cheaper than a layout engine,
    which draws the whole figure an extra time."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    labels = ax.get_yticklabels()  # type: ignore[attr-defined]
    widest = max((t.get_window_extent(renderer).width for t in labels if t.get_text()), default=0.0)
    width_in, height_in = fig.get_size_inches()
    left = min((widest + 0.22 * fig.dpi) / (width_in * fig.dpi), 0.5)  # + tick pad and a margin
    fig.subplots_adjust(
        left=left, right=1 - right_in / width_in, bottom=bottom_in / height_in, top=1 - top_in / height_in
    )


@one_at_a_time
def figure_to_png(fig: Figure, dpi: int = 200) -> bytes:
    """The figure as PNG bytes at ``dpi`` (200 or more keeps print sharp)."""
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    # Fast compression: the PDF writer decodes and re-compresses the image anyway.
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


# ----------------------------------------------------------------------------- power / interest


def _cluster_offsets(k: int) -> list[tuple[float, float]]:
    """Offsets spreading k points that share a grid cell, in data units (deterministic)."""
    if k == 1:
        return [(0.0, 0.0)]
    if k <= 6:
        radius = 0.2
        return [
            (
                radius * math.cos(2 * math.pi * i / k + math.pi / 2),
                radius * math.sin(2 * math.pi * i / k + math.pi / 2),
            )
            for i in range(k)
        ]
    golden = math.pi * (3 - math.sqrt(5))
    return [
        (
            0.4 * math.sqrt((i + 0.5) / k) * math.cos(i * golden),
            0.4 * math.sqrt((i + 0.5) / k) * math.sin(i * golden),
        )
        for i in range(k)
    ]


def _overlap(box: Bbox, others: list[Bbox]) -> float:
    total = 0.0
    for other in others:
        w = min(box.x1, other.x1) - max(box.x0, other.x0)
        h = min(box.y1, other.y1) - max(box.y0, other.y0)
        if w > 0 and h > 0:
            total += w * h
    return total


@one_at_a_time
def power_interest_chart(plan: Plan) -> Figure:
    """Mendelow's power/interest grid: each group a point, seldom-heard groups as triangles.

    Groups scoring the same are spread around their grid point. Up to ``LABELLED_MAX`` groups
    are labelled with their names, placed to avoid each other; when names cannot be placed
    clear of each other (even cut to one line), or there are more groups, points carry only each
    group's number in the plan and the figure's ``numbered_labels`` attribute is True. Names are
    prefixed with the number too, so the report's stakeholder table (# column) is always the key.
    Beyond ``NUMBERED_MAX`` groups points are not labelled.
    """
    fig = _new_figure(4.7)
    ax = fig.add_axes((0.085, 0.16, 0.89, 0.8))
    lo, hi, mid = 0.45, 5.55, HIGH_FROM - 0.5
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    for x0, y0, x1, y1, name in (
        (mid, mid, hi, hi, MANAGE_CLOSELY),
        (lo, mid, mid, hi, KEEP_SATISFIED),
        (mid, lo, hi, mid, KEEP_INFORMED),
        (lo, lo, mid, mid, MONITOR),
    ):
        shade = palette.QUADRANT_COLOURS[name]
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=shade, edgecolor="none", zorder=0))
        ax.text(
            x1 - 0.06,
            y1 - 0.06,
            name.upper(),
            ha="right",
            va="top",
            fontsize=7,
            fontweight="bold",
            color=GREY,
            zorder=1,
        )
    ax.axvline(mid, color=RULE, lw=1, zorder=1)
    ax.axhline(mid, color=RULE, lw=1, zorder=1)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel("Interest  (1 low – 5 high)", fontsize=8, color=GREY)
    ax.set_ylabel("Power and influence  (1 low – 5 high)", fontsize=8, color=GREY)
    _style_axes(ax)

    cells: dict[tuple[int, int], list[int]] = {}
    for index, group in enumerate(plan.groups):
        cell = (min(max(group.interest, 1), 5), min(max(group.power, 1), 5))
        cells.setdefault(cell, []).append(index)
    points: list[tuple[float, float, int]] = []
    for (interest, power), members in sorted(cells.items()):
        for (dx, dy), index in zip(_cluster_offsets(len(members)), members, strict=True):
            points.append((interest + dx, power + dy, index))

    small = len(plan.groups) > 60
    for seldom, mark, size in ((False, palette.GROUP_MARKER, 26), (True, palette.SELDOM_HEARD_MARKER, 44)):
        xs = [x for x, _, i in points if plan.groups[i].seldom_heard is seldom]
        ys = [y for _, y, i in points if plan.groups[i].seldom_heard is seldom]
        if xs:
            ax.scatter(
                xs,
                ys,
                marker=mark.code,
                s=size / 2 if small else size,
                c=mark.fill,
                edgecolors=mark.edge,
                linewidths=0.6,
                zorder=3,
            )

    if not plan.groups:
        ax.text(3, 3, "No stakeholder groups yet", ha="center", va="center", fontsize=9, color=GREY)
    elif len(plan.groups) <= NUMBERED_MAX:
        # Names on up to three lines, else on two, else numbers: the first that fits clear
        # (a name too long for its lines is given by its number; names are never shortened).
        for lines in (3, 2) if len(plan.groups) <= LABELLED_MAX else ():
            clear, labels = _label_points(fig, ax, plan, points, lines=lines)
            if clear:
                break
            for annotation in labels:
                annotation.remove()
        else:
            _label_points(fig, ax, plan, points, lines=0)
            fig.numbered_labels = True  # type: ignore[attr-defined]

    handles = [
        Line2D(
            [],
            [],
            marker=mark.code,
            ls="",
            color=mark.fill,
            markeredgecolor=mark.edge,
            markersize=size,
            label=name,
        )
        for mark, size, name in (
            (palette.GROUP_MARKER, 6, "Group"),
            (palette.SELDOM_HEARD_MARKER, 7.5, "Seldom-heard group"),
        )
    ]
    fig.legend(
        handles=handles, loc="lower center", ncol=2, frameon=False, fontsize=7.5, bbox_to_anchor=(0.53, 0.0)
    )
    return fig


def _label_points(
    fig: Figure, ax: object, plan: Plan, points: list[tuple[float, float, int]], *, lines: int
) -> tuple[bool, list[object]]:
    """Label each point with its group's name on up to ``lines`` lines (or, for 0, its number),
    placed greedily to avoid overlaps.

    Returns whether every label found a clear place, and the labels made.
    """
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    clear = True
    made: list[object] = []
    to_display = ax.transData.transform  # type: ignore[attr-defined]
    axes_box = ax.get_window_extent(renderer)  # type: ignore[attr-defined]
    pad = 3.0
    placed: list[Bbox] = [
        t.get_window_extent(renderer).expanded(1.05, 1.2)
        for t in ax.texts  # type: ignore[attr-defined]
    ]
    for x, y, _ in points:
        px, py = to_display((x, y))
        placed.append(Bbox.from_extents(px - pad, py - pad, px + pad, py + pad))
    near = [
        (5, 0, "left", "center"),
        (-5, 0, "right", "center"),
        (0, 6, "center", "bottom"),
        (0, -6, "center", "top"),
        (5, 5, "left", "bottom"),
        (-5, 5, "right", "bottom"),
        (5, -5, "left", "top"),
        (-5, -5, "right", "top"),
    ]
    far = [(dx * k, dy * k, ha, va) for k in (2.0, 3.4, 5.0) for dx, dy, ha, va in near]
    # Points near the left or right edge have least room for a label: they choose first.
    lo, hi = ax.get_xlim()  # type: ignore[attr-defined]
    for x, y, index in sorted(points, key=lambda p: min(p[0] - lo, hi - p[0])):
        group = plan.groups[index]
        name = None
        if lines:
            text, families = _text(group.name or "(unnamed)")
            name = _wrapped(text, LABEL_WIDTH, lines)
        if name is not None:  # a name too long for the map is given by its number alone
            text = _literal(f"{index + 1} {name}")
        else:
            text, families = str(index + 1), ["DejaVu Sans"]
        best: tuple[float, object] | None = None
        for n, (dx, dy, ha, va) in enumerate(near + far):
            arrow = {"arrowstyle": "-", "color": GREY, "lw": 0.5} if n >= len(near) else None
            annotation = ax.annotate(  # type: ignore[attr-defined]
                text,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                multialignment="left" if ha != "right" else "right",
                linespacing=1.05,
                fontsize=6.5 if lines else 6,
                family=families,
                color="#222222",
                arrowprops=arrow,
                zorder=4,
            )
            box = annotation.get_window_extent(renderer).expanded(1.04, 1.08)
            outside = (
                box.x0 < axes_box.x0 or box.x1 > axes_box.x1 or box.y0 < axes_box.y0 or box.y1 > axes_box.y1
            )
            cost = _overlap(box, placed) + (1e6 if outside else 0.0) + n * 0.01
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()  # type: ignore[attr-defined]
                best = (cost, annotation)
            else:
                annotation.remove()
            if cost < 1:  # no overlap (n * 0.01 only prefers the nearer places)
                break
        assert best is not None
        box = best[1].get_window_extent(renderer)  # type: ignore[attr-defined]
        clear = clear and best[0] < 1 + OVERLAP_TOLERANCE * box.width * box.height
        made.append(best[1])
        placed.append(best[1].get_window_extent(renderer))  # type: ignore[attr-defined]
    return clear, made


# ----------------------------------------------------------------------------- timeline


@one_at_a_time
def timeline_chart(plan: Plan, activities: Sequence[Activity] | None = None) -> Figure:
    """A Gantt chart: one bar per activity from its start to its end, shaded by IAP2 level.

    ``activities`` limits the chart to some of the plan's activities (the report splits very
    long plans over several charts); by default all are shown, in plan order.
    """
    rows = list(plan.activities if activities is None else activities)
    number = {a.id: i for i, a in enumerate(plan.activities, start=1)}
    labels: list[str] = []
    families: list[str] = ["DejaVu Sans"]
    for activity in rows:
        # The activity's number in the report's tables, then its whole title (or the number alone
        # when the title would take more than three lines).
        text, fams = _text(activity.title or "(untitled)")
        wrapped = _wrapped(text, TITLE_WIDTH, 3)
        labels.append(_literal(f"{number[activity.id]}  {wrapped}" if wrapped else str(number[activity.id])))
        if len(fams) > len(families):
            families = fams
    lines = sum(label.count("\n") + 1 for label in labels)
    height = min(max(1.5 + 0.24 * len(rows) + 0.11 * (lines - len(rows)), 2.2), 9.5)
    fig = _new_figure(height)
    ax = fig.add_subplot()
    _style_axes(ax)
    period = plan_period(plan)
    if not rows or period is None:
        ax.set_axis_off()
        message = "No activities yet" if not rows else "No activity has dates yet"
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=9, color=GREY, transform=ax.transAxes)
        return fig

    start = min([period.start] + [a.start for a in rows if a.start])
    end = max([period.end] + [(a.end or a.start) for a in rows if a.start])
    for y, activity in enumerate(rows):
        colour = LEVEL_COLOURS.get(activity.level, BLUE)
        if activity.start is None:
            ax.text(
                mdates.date2num(start),
                y,
                "  not yet scheduled",
                va="center",
                fontsize=6.5,
                color=GREY,
                style="italic",
            )
            continue
        finish = activity.end if activity.end and activity.end >= activity.start else activity.start
        days = (finish - activity.start).days + 1
        if days <= 1:
            ax.plot(
                mdates.date2num(activity.start),
                y,
                marker="D",
                ms=5,
                color=colour,
                markeredgecolor=NAVY,
                markeredgewidth=0.6,
            )
        else:
            ax.barh(
                y,
                days,
                left=mdates.date2num(activity.start),
                height=0.58,
                color=colour,
                edgecolor=NAVY,
                linewidth=0.5,
            )
    ax.set_yticks(range(len(rows)), labels=labels, fontsize=7, family=families)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.set_xlim(mdates.date2num(start - timedelta(days=3)), mdates.date2num(end + timedelta(days=4)))
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    interval = 1 if months <= 12 else 2 if months <= 24 else 3 if months <= 36 else 6
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=interval))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p=None: _month_tick(v, months > 1)))
    ax.grid(axis="x", color=RULE, lw=0.5, ls=":")
    ax.set_axisbelow(True)
    used = [lvl for lvl in IAP2Level if any(a.level is lvl for a in rows)]
    handles = [
        Patch(facecolor=LEVEL_COLOURS[lvl], edgecolor=NAVY, linewidth=0.5, label=label(lvl)) for lvl in used
    ]
    _fit_margins(fig, ax, bottom_in=0.8)
    box = ax.get_position()
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=((box.x0 + box.x1) / 2, 0.0),
        ncol=len(handles),
        frameon=False,
        fontsize=7,
        title="IAP2 level",
        title_fontsize=7,
    )
    return fig


# ----------------------------------------------------------------------------- budget


def _major(minor: int, currency: str) -> float:
    return float(Decimal(minor).scaleb(-exponent(currency)))


@one_at_a_time
def budget_chart(plan: Plan, budget: Budget) -> Figure:
    """Cost by category: paid and in-kind stacked (in-kind hatched), contingency its own bar.

    Every amount drawn or printed is a figure of ``budget`` (from ``costing.compute_budget``).
    """
    currency = budget.currency
    rows: list[tuple[str, int, int, bool]] = [
        (label(category), split.paid, split.in_kind, False) for category, split in budget.by_category.items()
    ]
    if budget.contingency:
        rows.append(
            (
                f"Contingency ({locale_format.format_percent(plan.contingency_percent.normalize())})",
                budget.contingency,
                0,
                True,
            )
        )
    fig = _new_figure(min(max(0.9 + 0.21 * len(rows), 2.0), 4.6))
    ax = fig.add_subplot()
    _style_axes(ax)
    if not rows:
        ax.set_axis_off()
        ax.text(
            0.5, 0.5, "No costs yet", ha="center", va="center", fontsize=9, color=GREY, transform=ax.transAxes
        )
        return fig
    ys = list(range(len(rows)))
    paid = [_major(p, currency) for _, p, _, c in rows]
    kind = [_major(k, currency) for _, _, k, _ in rows]
    contingency = [r[3] for r in rows]
    ax.barh(
        ys,
        [0.0 if c else p for p, c in zip(paid, contingency, strict=True)],
        height=0.62,
        color=NAVY,
        edgecolor=NAVY,
        linewidth=0.5,
    )
    ax.barh(
        ys,
        [p if c else 0.0 for p, c in zip(paid, contingency, strict=True)],
        height=0.62,
        color="white",
        hatch="....",
        edgecolor=BLUE,
        linewidth=0.5,
    )
    ax.barh(ys, kind, left=paid, height=0.62, color="white", hatch="////", edgecolor=GREY, linewidth=0.5)
    widest = max(p + k for p, k in zip(paid, kind, strict=True)) or 1.0
    for y, (_, p_minor, k_minor, _), p, k in zip(ys, rows, paid, kind, strict=True):
        ax.text(
            p + k + widest * 0.012,
            y,
            _literal(format_money(p_minor + k_minor, currency)),
            va="center",
            fontsize=7,
            color="#222222",
        )
    ax.set_xlim(0, widest * 1.22)
    ax.set_yticks(ys, labels=[r[0] for r in rows], fontsize=7.5)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)

    def money_tick(value: float, _pos: int | None = None) -> str:
        # The tables' money format, rounded half-up to whole units (ticks are major units).
        minor = Decimal(str(float(value))).scaleb(exponent(currency))
        return _literal(format_money_whole(int(minor.to_integral_value()), currency))

    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(money_tick))
    ax.grid(axis="x", color=RULE, lw=0.5, ls=":")
    ax.set_axisbelow(True)
    handles = [
        Patch(facecolor=NAVY, edgecolor=NAVY, label="Paid"),
        Patch(facecolor="white", edgecolor=GREY, hatch="////", label="In kind"),
    ]
    if budget.contingency:
        handles.append(Patch(facecolor="white", edgecolor=BLUE, hatch="....", label="Contingency (paid)"))
    ax.legend(handles=handles, loc="lower right", frameon=False, fontsize=7)
    _fit_margins(fig, ax, bottom_in=0.32)
    return fig


# ----------------------------------------------------------------------------- value for money


@one_at_a_time
def vfm_chart(plan: Plan) -> Figure:
    """The six Es rated 1 (poor) to 6 (excellent); an E not yet assessed is drawn as an empty,
    dashed bar marked "Not yet assessed" rather than as a zero."""
    ratings = {r.e: r.rating for r in plan.vfm}
    es = list(SixE)
    fig = _new_figure(2.5)
    fig.set_layout_engine("constrained")
    ax = fig.add_subplot()
    _style_axes(ax)
    for y, e in enumerate(es):
        rating = ratings.get(e)
        if rating is None:
            ax.barh(y, 6, height=0.58, color="white", edgecolor=RULE, linestyle="--", linewidth=0.8)
            ax.text(0.12, y, "Not yet assessed", va="center", fontsize=7, style="italic", color=GREY)
        else:
            ax.barh(
                y, rating, height=0.58, color=NAVY if rating >= 4 else BLUE, edgecolor=NAVY, linewidth=0.5
            )
            ax.text(rating + 0.08, y, f"{rating} / 6", va="center", fontsize=7, color="#222222")
    ax.set_yticks(range(len(es)), labels=[label(e) for e in es], fontsize=7.5)
    ax.set_ylim(len(es) - 0.4, -0.6)
    ax.set_xlim(0, 6.6)
    ax.set_xticks(range(0, 7), labels=["", "1\npoor", "2", "3", "4", "5", "6\nexcellent"])
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color=RULE, lw=0.5, ls=":")
    ax.set_axisbelow(True)
    return fig
