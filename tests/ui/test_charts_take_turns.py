"""matplotlib is not thread-safe: the Review charts' worker and an export's worker take turns."""

from __future__ import annotations

import threading

from ceplanner.core.costing import compute_budget
from ceplanner.core.library import sample_plan
from ceplanner.report import charts


def _runs_only_after_release(work: object) -> None:
    done = threading.Event()

    def run() -> None:
        work()  # type: ignore[operator]
        done.set()

    other = threading.Thread(target=run)
    holder_ready, release = threading.Event(), threading.Event()

    def hold() -> None:
        with charts.DRAWING:
            holder_ready.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    holder_ready.wait(10)
    other.start()
    assert not done.wait(0.5), "drew while another thread was drawing"
    release.set()
    assert done.wait(60), "never drew after the other thread finished"
    holder.join()
    other.join()


def test_every_chart_and_the_png_wait_for_the_other_drawer() -> None:
    plan = sample_plan()
    budget = compute_budget(plan)
    figure = charts.vfm_chart(plan)
    _runs_only_after_release(lambda: charts.power_interest_chart(plan))
    _runs_only_after_release(lambda: charts.timeline_chart(plan))
    _runs_only_after_release(lambda: charts.budget_chart(plan, budget))
    _runs_only_after_release(lambda: charts.vfm_chart(plan))
    _runs_only_after_release(lambda: charts.figure_to_png(figure, 72))


def test_the_review_charts_wait_for_the_other_drawer() -> None:
    from ceplanner.core.model import Plan
    from ceplanner.ui.chart_images import draw_charts

    draw_charts(Plan())  # an empty plan's charts draw in a fraction of the wait, once imported
    _runs_only_after_release(lambda: draw_charts(Plan()))
