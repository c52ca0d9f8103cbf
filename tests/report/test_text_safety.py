"""User text is data, not markup; every script either renders or is replaced with a note."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pytest
from reportlab.platypus import Paragraph

from ceplanner.core.model import Activity, Plan, StakeholderGroup
from ceplanner.report import charts, styles
from ceplanner.report.fonts import REPLACEMENT, find_cjk_font
from ceplanner.report.text import TextRenderer, escape
from tests.report.report_fixtures import Pdf, make_rich_plan, normalise

HOSTILE = ["<script>alert(1)</script>", "a<b & c>d", "AT&T", "x<y>z", "&amp; stays &amp;", "</para><b>"]
CJK_NAME = "東京の住民グループ"
CJK_ACTIVITY = "社区咨询会"


def test_escape_makes_markup_characters_literal() -> None:
    assert escape("a<b & c>d") == "a&lt;b &amp; c&gt;d"
    assert escape("AT&T") == "AT&amp;T"
    assert escape("&amp;") == "&amp;amp;"
    assert escape("one\ntwo\r\nthree") == "one<br/>two<br/>three"
    assert escape("tab\there\x00\x07") == "tab here"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_parses_as_a_paragraph(text: str) -> None:
    renderer = styles.new_renderer()
    paragraph = Paragraph(renderer.markup(text), styles.make_styles().body)
    assert paragraph.getPlainText() == text


def test_renderer_leaves_covered_text_alone_and_marks_the_rest() -> None:
    renderer = TextRenderer(frozenset(map(ord, "abc ")), None)
    assert renderer.markup("abc") == "abc"
    assert renderer.missing_note() is None
    assert renderer.markup("ab東c") == f"ab{REPLACEMENT}c"
    note = renderer.missing_note()
    assert note is not None and "no CJK font is installed" in note


def test_renderer_switches_font_for_runs_the_fallback_has() -> None:
    renderer = TextRenderer(frozenset(map(ord, "ab ")), lambda: ("CJK", frozenset(map(ord, "東京"))))
    assert renderer.markup("a 東京 b") == 'a <font name="CJK">東京</font> b'
    assert renderer.markup("<東>") == f'{REPLACEMENT}<font name="CJK">東</font>{REPLACEMENT}'
    assert renderer.missing == {"<", ">"}


def test_renderer_limits_long_text() -> None:
    renderer = TextRenderer(frozenset(map(ord, "ab…")), None)
    assert renderer.markup("ab" * 50, limit=5) == "abab…"


def test_hostile_names_print_literally(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.title = "<script>alert(1)</script> plan"
    plan.decision = "Choose a<b & c>d"
    plan.purpose = "First line of purpose\nSecond line & more"
    for group, name in zip(plan.groups, HOSTILE, strict=False):
        group.name = name
    for activity, name in zip(plan.activities, HOSTILE, strict=False):
        activity.title = f"Activity {name}"
    pdf = build(plan)
    for name in HOSTILE:
        assert name in pdf.text, name
        assert f"Activity {name}" in pdf.text, name
    assert "<script>alert(1)</script> plan" in normalise(pdf.pages[0])
    assert "<script>alert(1)</script> plan" in normalise(pdf.pages[3])  # the running header
    assert "Decision sought. Choose a<b & c>d" in pdf.text
    assert "First line of purpose Second line & more" in pdf.text
    meta = pdf.reader.metadata
    assert meta is not None and meta.title is not None and meta.title.startswith("<script>")


def _cjk_plan() -> Plan:
    plan = make_rich_plan()
    plan.groups.append(StakeholderGroup(name=CJK_NAME, seldom_heard=True, access_needs="中文翻译"))
    plan.activities.append(Activity(title=CJK_ACTIVITY, group_ids=[plan.groups[-1].id]))
    plan.organisation = "Riverside Homes 东京"
    return plan


def test_cjk_without_a_font_is_replaced_with_a_note(
    build: Callable[..., Pdf], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(styles, "register_cjk_font", lambda: None)
    monkeypatch.setattr(charts, "_fallback", lambda: None)
    pdf = build(_cjk_plan())
    assert "Some characters could not be shown: no CJK font is installed." in pdf.text
    assert REPLACEMENT * len(CJK_NAME) in pdf.text
    assert CJK_NAME not in pdf.text
    # The note sits in the board summary, before any affected text a reader meets there.
    summary = next(page for page in pdf.pages if "Summary for the board" in page and "Page 3 of" in page)
    assert "no CJK font is installed" in summary


def test_no_note_when_every_character_renders(rich_pdf: Pdf) -> None:
    assert "could not be shown" not in rich_pdf.text
    assert REPLACEMENT not in rich_pdf.text


def test_other_unrenderable_characters_get_the_general_note(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.groups[0].name = "Youth club \U0001f389 members"
    pdf = build(plan)
    assert f"Youth club {REPLACEMENT} members" in pdf.text
    assert "Some characters could not be shown because no installed font includes them" in pdf.text


@pytest.mark.skipif(find_cjk_font() is None, reason="no CJK font with TrueType outlines is installed")
def test_cjk_with_a_font_is_shown(build: Callable[..., Pdf]) -> None:
    pdf = build(_cjk_plan())
    assert CJK_NAME in pdf.text
    assert CJK_ACTIVITY in pdf.text
    assert "could not be shown" not in pdf.text


def test_cjk_in_charts_does_not_warn_or_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "_fallback", lambda: None)
    plan = _cjk_plan()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font"
        figure = charts.power_interest_chart(plan)
        timeline = charts.timeline_chart(plan)
        assert charts.figure_to_png(figure, dpi=72).startswith(b"\x89PNG")
        assert charts.figure_to_png(timeline, dpi=72).startswith(b"\x89PNG")
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert any(REPLACEMENT * 4 in t for t in texts)
    labels = [t.get_text() for t in timeline.axes[0].get_yticklabels()]
    assert any(label.endswith(f"  {REPLACEMENT * len(CJK_ACTIVITY)}") for label in labels)
