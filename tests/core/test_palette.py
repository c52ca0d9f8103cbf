"""The one palette: colour-blind-safe, readable in greyscale, one meaning per colour."""

from __future__ import annotations

from ceplanner.core import palette as p
from ceplanner.core.model import CostCategory, IAP2Level, OutcomeLevel


def test_text_colours_reach_wcag_aa_on_white() -> None:
    for colour in (p.TEXT, p.MUTED, p.NAVY, p.BLUE, p.WARNING):
        assert p.contrast_ratio(colour) >= 4.5, colour
    assert round(p.contrast_ratio(p.BLACK), 1) == 21.0


def test_ordered_scales_darken_in_order_so_greyscale_keeps_the_order() -> None:
    iap2 = [p.luminance(p.IAP2_COLOURS[level]) for level in IAP2Level]
    assert iap2 == sorted(iap2, reverse=True)
    outcomes = [p.luminance(p.OUTCOME_COLOURS[level]) for level in OutcomeLevel]
    assert outcomes == sorted(outcomes, reverse=True)
    for level in IAP2Level:
        assert p.contrast_ratio(p.IAP2_TEXT[level], p.IAP2_COLOURS[level]) >= 4.5, level


def test_seldom_heard_has_its_own_shape_and_a_colour_no_scale_uses() -> None:
    assert p.SELDOM_HEARD_MARKER.code != p.GROUP_MARKER.code
    assert p.SELDOM_HEARD_MARKER.fill == p.SELDOM_HEARD
    used_elsewhere = {*p.IAP2_COLOURS.values(), *p.OUTCOME_COLOURS.values(), *p.QUADRANT_COLOURS.values()}
    assert p.SELDOM_HEARD not in used_elsewhere
    # In greyscale the triangle still stands apart from the navy circles: a different shade too.
    assert abs(p.luminance(p.SELDOM_HEARD) - p.luminance(p.GROUP_MARKER.fill)) > 0.1


def test_every_cost_category_has_a_distinct_look() -> None:
    looks = {(p.CATEGORY_COLOURS[c], p.CATEGORY_HATCHES[c]) for c in CostCategory}
    assert len(looks) == len(CostCategory)
