"""``ceplanner costs-learn`` and ``ceplanner benchmarks``: learning costs from delivered plans.

Kept beside :mod:`ceplanner.cli` (which adds these commands) so that file stays small.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ceplanner.cli import CliError
from ceplanner.core.cost_learning import (
    CostLearningError,
    CostSuggestion,
    Spread,
    apply_suggestion,
    cost_suggestions,
)
from ceplanner.core.library import (
    LibraryError,
    all_methods,
    load_user_methods,
    save_user_methods,
    user_methods_path,
)
from ceplanner.core.locale_format import format_number
from ceplanner.core.money import format_money
from ceplanner.core.variance import percent_text
from ceplanner.store import PlanStore
from ceplanner.store.benchmarks import cost_benchmarks
from ceplanner.store.delivery import approved_baseline

STAFF_NOTE = "Staff time is left out on both sides: the library costs it from each method's hours at the plan's staff rate."


def _each(amount: int | None, currency: str, unit: str) -> str:
    if amount is not None:
        return f"{format_money(amount, currency)} a {unit}"
    return "nobody reached" if unit == "person" else f"no {unit}s"


def _count(n: int, one: str, many: str) -> str:
    return f"{format_number(n)} {one if n == 1 else many}"


def suggestion_lines(suggestion: CostSuggestion, currency: str) -> list[str]:
    """A suggestion in words: the method, what the library says, what delivery cost, the difference."""
    d = suggestion.delivered
    sign = "+" if suggestion.difference > 0 else ""
    return [
        f"{suggestion.method.name or suggestion.method.id} (activity “{d.title}”: "
        f"{_count(d.sessions, 'session', 'sessions')}, {_count(d.people, 'person', 'people')})",
        f"  Library:     {format_money(suggestion.library, currency)} "
        f"({_each(suggestion.library_per_session, currency, 'session')}, "
        f"{_each(suggestion.library_per_person, currency, 'person')})",
        *(
            [f"  Planned:     {format_money(suggestion.planned, currency)} (the approved budget)"]
            if suggestion.planned is not None
            else []
        ),
        f"  Delivered:   {format_money(suggestion.actual, currency)} "
        f"({_each(d.per_session, currency, 'session')}, {_each(d.per_person, currency, 'person')})",
        f"  Difference:  {sign}{format_money(suggestion.difference, currency)} ({percent_text(suggestion.percent)})",
    ]


def cmd_costs_learn(args: argparse.Namespace) -> None:
    with PlanStore.open(args.plan, readonly=True) as store:
        plan = store.load()
        approved = approved_baseline(store, plan)
    try:
        suggestions = cost_suggestions(plan, all_methods(), approved)
    except LibraryError as exc:
        raise CliError(str(exc)) from None
    if not suggestions:
        print("No delivered activity cost differently from what the method library says.")
        return
    print("\n\n".join("\n".join(suggestion_lines(s, plan.currency)) for s in suggestions))
    print(f"\n{STAFF_NOTE}")
    if not args.apply:
        print("Run again with --apply to put the delivered figures in your method library.")
        return
    uses: dict[str, int] = {}
    for s in suggestions:
        uses[s.method.id] = uses.get(s.method.id, 0) + 1
    try:
        methods = load_user_methods()
        updated: list[str] = []
        for s in suggestions:
            name = s.method.name or s.method.id
            if uses[s.method.id] > 1:
                print(
                    f"ceplanner: note: {name} is used by several delivered activities; "
                    "not updated (see `ceplanner benchmarks` and change it by hand)",
                    file=sys.stderr,
                )
                continue
            try:
                methods = apply_suggestion(methods, s, plan, date.today())
            except CostLearningError as exc:
                print(f"ceplanner: note: {exc}", file=sys.stderr)
                continue
            updated.append(name)
        if updated:
            save_user_methods(methods)
    except LibraryError as exc:
        raise CliError(str(exc)) from None
    if updated:
        if len(updated) == 1:
            print(f"Updated the method {updated[0]} in {user_methods_path()}.")
        else:
            print(f"Updated {len(updated)} methods in {user_methods_path()}: {', '.join(updated)}")
    else:
        print("No method was updated.")


def _spread(spread: Spread | None, currency: str) -> str:
    if spread is None:
        return "no figure (nobody recorded)"
    low, high = format_money(spread.low, currency), format_money(spread.high, currency)
    return f"median {format_money(spread.median, currency)}, range {low} to {high}"


def cmd_benchmarks(args: argparse.Namespace) -> None:
    report = cost_benchmarks(Path(args.folder))
    for skipped in report.unreadable:
        print(f"ceplanner: note: left out {skipped.path.name}: {skipped.reason}", file=sys.stderr)
    files = f"{len(report.read)} plan file{'s' if len(report.read) != 1 else ''}"
    if not report.benchmarks:
        print(f"No delivered activities with a method in {files} in {args.folder}.")
        return
    print(f"What methods really cost, from delivered activities in {files} (medians of an even count:")
    print("the mean of the two middle figures, rounded half-up). " + STAFF_NOTE)
    for b in report.benchmarks:
        activities = f"{b.count} delivered activit{'ies' if b.count != 1 else 'y'}"
        print(f"\n{b.name} ({b.currency}): {activities}")
        print(f"  Per session:  {_spread(b.per_session, b.currency)}")
        print(f"  Per person:   {_spread(b.per_person, b.currency)}")


def add_cost_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "costs-learn",
        help="compare a delivered plan's actual costs with the method library",
        description="For each delivered activity with a method: what the library says it costs for the "
        "sessions held and people reached, what delivery cost, and the difference.",
    )
    p.add_argument("plan", metavar="PLAN.ceplan")
    p.add_argument(
        "--apply",
        action="store_true",
        help="put the delivered figures in your method library (dated and sourced)",
    )
    p.set_defaults(func=cmd_costs_learn)
    p = sub.add_parser(
        "benchmarks",
        help="what each method really cost across the plans in a folder",
        description="Reads every .ceplan file in FOLDER (never changing them) and prints, per method, "
        "the delivered activities counted and the median and range of actual cost per session and per person.",
    )
    p.add_argument("folder", metavar="FOLDER")
    p.set_defaults(func=cmd_benchmarks)
