"""The one visual language of ceplanner, for screens and print: colours, hatches and markers.

Why these choices:

- **Colour-blind safe.** Categorical colours come from the Okabe-Ito palette (Okabe and Ito,
  *Color Universal Design*, 2008), chosen to stay distinct under the common forms of colour
  blindness (deuteranopia, protanopia, tritanopia).
- **Readable in greyscale.** Nothing is told by hue alone. Ordered scales (IAP2 levels, the
  Mendelow quadrants) run in one hue from light to dark, so their order survives a black and
  white printer; categories that are not ordered also carry a hatch, and seldom-heard groups a
  marker *shape* of their own.
- **One meaning per colour.** Seldom-heard groups are marked everywhere (map, lists, tables)
  by a vermillion upward triangle, on screen and in print alike. Vermillion is used for nothing
  else but warnings, and no scale uses purple, so a colour never means "seldom heard" in one
  place and "Empower" in another. The IAP2 scale is blue, light (Inform) to dark (Empower).
- **Text contrast.** Text colours reach at least 4.5:1 against white (WCAG 2.x, level AA);
  :func:`contrast_ratio` lets tests check it.

Colours are ``#RRGGBB`` strings, so Qt (``QColor``), matplotlib and reportlab
(``HexColor``) read them as they are. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceplanner.core.model import CostCategory, IAP2Level, OutcomeLevel
from ceplanner.core.stakeholders import KEEP_INFORMED, KEEP_SATISFIED, MANAGE_CLOSELY, MONITOR

# Structure and text.
NAVY = "#1B365D"
"""Headings, rules that matter, paid costs."""
BLUE = "#4A6F94"
TEXT = "#222222"
MUTED = "#56616D"
"""Secondary text: 6.2:1 on white."""
RULE = "#C5CED8"
PANEL = "#EEF2F6"
WHITE = "#FFFFFF"

# Okabe-Ito colours (the categorical set).
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
OI_BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
BLACK = "#000000"

WARNING = "#A8470A"
"""Warnings as text (a darker vermillion: 5.9:1 on white, where vermillion itself is 3.8:1)."""


@dataclass(frozen=True)
class Marker:
    """How a kind of point is drawn: a matplotlib marker code, its name for people, colours."""

    code: str
    name: str
    fill: str
    edge: str = WHITE


GROUP_MARKER = Marker("o", "circle", NAVY)
SELDOM_HEARD_MARKER = Marker("^", "triangle", VERMILLION)
"""The mark of a seldom-heard group everywhere: a vermillion upward triangle."""
SELDOM_HEARD = VERMILLION
"""Emphasis for seldom-heard groups (a badge, a row marker) where no shape can be drawn."""

IAP2_COLOURS: dict[IAP2Level, str] = {
    IAP2Level.INFORM: "#D5DEE8",
    IAP2Level.CONSULT: "#A9BCD1",
    IAP2Level.INVOLVE: "#7592B2",
    IAP2Level.COLLABORATE: "#456A91",
    IAP2Level.EMPOWER: "#1B365D",
}
"""One hue, light to dark in the order of the spectrum (more influence, darker)."""

IAP2_TEXT: dict[IAP2Level, str] = {level: (TEXT if level.rank < 3 else WHITE) for level in IAP2Level}
"""Text colour readable on each IAP2 colour."""

OUTCOME_COLOURS: dict[OutcomeLevel, str] = {
    OutcomeLevel.INDIVIDUAL: SKY_BLUE,
    OutcomeLevel.SERVICE: OI_BLUE,
    OutcomeLevel.STRATEGIC: NAVY,
}
"""Individual to strategic, light to dark (so the order reads in greyscale too)."""

OUTCOME_HATCHES: dict[OutcomeLevel, str] = {
    OutcomeLevel.INDIVIDUAL: "",
    OutcomeLevel.SERVICE: "///",
    OutcomeLevel.STRATEGIC: "",
}

QUADRANT_COLOURS: dict[str, str] = {
    MANAGE_CLOSELY: "#DCE5EF",
    KEEP_SATISFIED: "#EDF1F6",
    KEEP_INFORMED: "#EDF1F6",
    MONITOR: "#F8FAFC",
}
"""Backgrounds of the Mendelow quadrants: the more attention a quadrant needs, the darker."""

_CATEGORY_SET = (OI_BLUE, ORANGE, BLUISH_GREEN, SKY_BLUE, VERMILLION, REDDISH_PURPLE, YELLOW, NAVY)
_HATCHES = ("", "///", "...", "xxx")

CATEGORY_COLOURS: dict[CostCategory, str] = {
    category: _CATEGORY_SET[i % len(_CATEGORY_SET)] for i, category in enumerate(CostCategory)
}
CATEGORY_HATCHES: dict[CostCategory, str] = {
    category: _HATCHES[(i // len(_CATEGORY_SET)) % len(_HATCHES)] for i, category in enumerate(CostCategory)
}
"""Thirteen categories outnumber any colour-blind-safe set: the second eight are also hatched."""

PAID = NAVY
IN_KIND_HATCH = "////"
CONTINGENCY_HATCH = "...."


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#RRGGBB`` (WCAG 2.x)."""
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(foreground: str, background: str = WHITE) -> float:
    """WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
