"""The power/interest grid: dragging a group rescores it, one undo step, saved in the file."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint

from ceplanner.core.model import Plan, StakeholderGroup
from ceplanner.ui.pages.stakeholders import StakeholdersPage
from ceplanner.ui.power_grid import (
    GroupPoint,
    PowerGrid,
    fitted_lines,
    point_label,
    scene_to_score,
    score_to_scene,
)
from ceplanner.ui.stakeholder_model import COLUMN
from tests.ui.helpers import drag, open_document, reopen


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> StakeholdersPage:
    plan = Plan(title="Tenant engagement")
    plan.groups = [
        StakeholderGroup(name="Board members", power=5, interest=4),
        StakeholderGroup(name="Unpaid carers", power=1, interest=4, seldom_heard=True),
        StakeholderGroup(name="Tenants whose first language is not English", power=1, interest=4),
        StakeholderGroup(name="Łódź <b>&amp; 東京", power=1, interest=4),
    ]
    widget = StakeholdersPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def view_point(grid: PowerGrid, point: GroupPoint) -> QPoint:
    return grid.mapFromScene(point.scenePos())


def test_scores_map_to_cells_and_back() -> None:
    for interest in range(1, 6):
        for power in range(1, 6):
            assert scene_to_score(score_to_scene(interest, power)) == (interest, power)


def test_dragging_a_group_changes_power_and_interest_everywhere_and_undoes(page: StakeholdersPage) -> None:
    grid = page.grid
    board = page.doc.plan.groups[0]
    start = view_point(grid, grid.points[board.id])
    target = grid.mapFromScene(score_to_scene(2, 2))
    drag(grid.viewport(), start, target)

    assert (board.power, board.interest) == (2, 2)
    assert page.model.data(page.model.index(0, COLUMN["power"])) == "2"
    assert page.model.data(page.model.index(0, COLUMN["interest"])) == "2"
    assert page.model.data(page.model.index(0, COLUMN["quadrant"])) == "Monitor"
    assert page.doc.undo_stack.count() == 1
    saved = reopen(page.doc).groups[0]
    assert (saved.power, saved.interest) == (2, 2)
    assert grid.selected_ids() == [board.id]
    assert page.selected_rows() == [0]

    page.doc.undo_stack.undo()
    assert (board.power, board.interest) == (5, 4)
    assert page.model.data(page.model.index(0, COLUMN["quadrant"])) == "Manage closely"
    saved = reopen(page.doc).groups[0]
    assert (saved.power, saved.interest) == (5, 4)


def test_a_click_without_moving_selects_and_changes_nothing(page: StakeholdersPage) -> None:
    grid = page.grid
    carers = page.doc.plan.groups[1]
    start = view_point(grid, grid.points[carers.id])
    drag(grid.viewport(), start, start, steps=1)
    assert page.doc.undo_stack.count() == 0
    assert page.selected_rows() == [1]


def test_dragging_off_the_grid_snaps_to_the_edge(page: StakeholdersPage) -> None:
    grid = page.grid
    carers = page.doc.plan.groups[1]
    start = view_point(grid, grid.points[carers.id])
    drag(grid.viewport(), start, start + QPoint(2000, -2000))
    assert (carers.power, carers.interest) == (5, 5)


def test_groups_in_one_cell_are_spread_out_and_seldom_heard_look_different(page: StakeholdersPage) -> None:
    grid = page.grid
    same_cell = [grid.points[g.id] for g in page.doc.plan.groups[1:]]
    rects = [p.mapRectToScene(p.label.boundingRect()) for p in same_cell]
    positions = {(round(p.pos().x()), round(p.pos().y())) for p in same_cell}
    assert len(positions) == 3
    views = [grid.mapFromScene(p.pos()) for p in same_cell]
    ys = sorted(v.y() for v in views)
    assert ys[1] - ys[0] >= 12 and ys[2] - ys[1] >= 12  # labels one text line apart or more
    assert rects
    carers, others = same_cell[0], same_cell[1]
    assert carers.path() != others.path()  # seldom heard: a triangle, not a circle
    assert "東京" in same_cell[2].label.text() and "<b>" in same_cell[2].label.text()


def test_a_name_is_shown_whole_with_its_number_or_by_its_number_alone(page: StakeholdersPage) -> None:
    for number, group in enumerate(page.doc.plan.groups, start=1):
        text = page.grid.points[group.id].label.text()
        assert "…" not in text
        assert text == str(number) or " ".join(text.split()) == f"{number} {group.name}", text
        assert html.escape(f"{number} {group.name}") in page.grid.points[group.id].toolTip()
    long = page.grid.points[page.doc.plan.groups[2].id]
    assert "Tenants whose first language is not English" in long.toolTip()


def test_labels_wrap_whole_words_or_give_up() -> None:
    def fits(line: str) -> bool:
        return len(line) <= 12

    assert point_label(3, "Board members", fits, 2) == "3 Board\nmembers"
    assert point_label(4, "Tenants whose first language is not English", fits, 2) == "4"
    assert point_label(5, "Supercalifragilistic", fits, 2) == "5"
    assert fitted_lines("a b c", fits, 1) == ["a b c"]


def test_no_label_covers_another_group(qtbot: Any, tmp_path: Path) -> None:
    from ceplanner.core.library import sample_plan

    widget = StakeholdersPage(open_document(tmp_path, sample_plan()))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    grid = widget.grid
    points = list(grid.points.values())
    assert len(points) == len(widget.doc.plan.groups)
    for point in points:
        label = point.label
        # on-screen rectangle of this label, in viewport pixels
        top_left = grid.mapFromScene(point.scenePos()) + label.pos().toPoint()
        rect = label.boundingRect().toRect().translated(top_left)
        for other in points:
            if other is not point:
                assert not rect.contains(grid.mapFromScene(other.scenePos())), (
                    point.group.name,
                    other.group.name,
                )


def test_arrow_keys_move_the_selected_group_one_step_each(page: StakeholdersPage, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    board = page.doc.plan.groups[0]
    page.select_ids([board.id])
    assert page.grid.selected_ids() == [board.id]
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Left)
    qtbot.keyClick(page.grid, Qt.Key.Key_Up)  # already 5: stays
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    assert (board.interest, board.power) == (3, 4)
    assert reopen(page.doc).groups[0].interest == 3
    page.doc.undo_stack.undo()
    assert (board.interest, board.power) == (3, 5)


def test_markup_in_a_name_is_shown_as_typed_in_tooltips_and_status(page: StakeholdersPage) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    marked = page.doc.plan.groups[3]
    tip = page.grid.points[marked.id].toolTip()
    shown = QTextDocument()
    shown.setHtml(tip)
    assert marked.name in shown.toPlainText()  # "<b>&amp;" appears literally, not as bold "&"
    model_tip = page.model.data(page.model.index(3, 0), Qt.ItemDataRole.ToolTipRole)
    shown.setHtml(model_tip)
    assert shown.toPlainText() == marked.name
    assert page.grid_status.textFormat() == Qt.TextFormat.PlainText


def test_a_crowded_cell_shows_five_places_and_says_how_many_more(qtbot: Any, tmp_path: Path) -> None:
    plan = Plan(groups=[StakeholderGroup(name=f"Group {i}", power=4, interest=4) for i in range(12)])
    widget = StakeholdersPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    points = list(widget.grid.points.values())
    assert len(points) == 5, "only the five places drawn get a point"
    assert len({(round(p.pos().x()), round(p.pos().y())) for p in points}) == 5
    assert [p.label.text() for p in points].count("+8 more") == 1
    assert all(p.toolTip() for p in points)
    more = next(p for p in points if p.label.text() == "+8 more")
    for name in [f"Group {i}" for i in range(4, 12)]:
        assert name in more.toolTip()


def test_screen_marks_seldom_heard_groups_as_the_pdf_does(page: StakeholdersPage) -> None:
    """One visual language: the grid draws seldom-heard groups with the palette's marker."""
    from ceplanner.core import palette
    from ceplanner.ui.timeline import LEVEL_COLOURS

    grid = page.grid
    seldom = next(g for g in page.doc.plan.groups if g.seldom_heard)
    other = next(g for g in page.doc.plan.groups if not g.seldom_heard)
    point = grid.points[seldom.id]
    assert palette.SELDOM_HEARD_MARKER.code == "^"  # the PDF's matplotlib marker: a triangle
    assert point.path().elementCount() == 4  # three corners and the closing point
    assert point.brush().color().name().upper() == palette.SELDOM_HEARD_MARKER.fill.upper()
    assert grid.points[other.id].brush().color().name().upper() == palette.GROUP_MARKER.fill.upper()
    assert {level: colour.name().upper() for level, colour in LEVEL_COLOURS.items()} == {
        level: colour.upper() for level, colour in palette.IAP2_COLOURS.items()
    }
