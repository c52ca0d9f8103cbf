"""The ``ceplanner`` command line: sample plans, JSON interchange, summaries and PDF export.

With no subcommand (or just a plan file) it starts the desktop application.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ceplanner.core import locale_format
from ceplanner.core.checks import Check, Severity, findings
from ceplanner.core.costing import compute_budget
from ceplanner.core.envelope import funder_envelopes
from ceplanner.core.model import Plan, label
from ceplanner.core.money import format_money
from ceplanner.core.serialize import PlanFormatError, plan_from_json, plan_to_json
from ceplanner.core.summary import budget_figures
from ceplanner.store import OutputExistsError, PlanFileError, PlanStore
from ceplanner.store.safe_write import atomic_write_text, check_output

if TYPE_CHECKING:
    from ceplanner.core.templates import Template

SUBCOMMANDS = (
    "demo",
    "info",
    "check",
    "export-json",
    "import-json",
    "export",
    "import-groups",
    "gui",
    "new",
    "templates",
    "costs-learn",
    "benchmarks",
)


class CliError(Exception):
    """A problem to report on one line, with exit status 1."""


def _load(path: str) -> Plan:
    """Read a plan without changing its file in any way (no migration, recovery or lock)."""
    with PlanStore.open(path, readonly=True) as store:
        plan = store.load()
        for note in store.repairs:
            print(f"ceplanner: note: {note}", file=sys.stderr)
        return plan


def _output(path: str, *, inputs: Sequence[str] = (), plan_ok: bool = False, force: bool) -> Path:
    """Check an output path (see :func:`check_output`), in command-line words."""
    try:
        return check_output(path, inputs=inputs, plan_ok=plan_ok, replace=force)
    except OutputExistsError as exc:
        raise CliError(f"{exc.path} already exists; use --force to replace it.") from None


def _write_new(path: str, plan: Plan, force: bool, inputs: Sequence[str] = ()) -> None:
    target = _output(path, inputs=inputs, plan_ok=True, force=force)
    PlanStore.create(target, plan, overwrite=True).close()


def cmd_demo(args: argparse.Namespace) -> None:
    from ceplanner.core.library import LibraryError, sample_plan

    try:
        if args.delivered:
            from ceplanner.store.delivery import create_delivered_sample

            target = _output(args.path, plan_ok=True, force=args.force)
            create_delivered_sample(target, overwrite=True).close()
        else:
            _write_new(args.path, sample_plan(), args.force)
    except LibraryError as exc:
        raise CliError(str(exc)) from None
    print(f"Wrote the {'delivered ' if args.delivered else ''}sample plan to {args.path}")


def summary_lines(plan: Plan) -> list[str]:
    """A plain-text summary of a plan and its costed total."""
    budget = compute_budget(plan)

    def money(x: int) -> str:
        return format_money(x, plan.currency)

    seldom = sum(1 for g in plan.groups if g.seldom_heard)

    def day(when: date | None) -> str:
        return locale_format.format_date(when) if when else "?"

    dates = f"{day(plan.start)} to {day(plan.end)}" if plan.start or plan.end else "not set"
    lines = [
        plan.title or "(untitled plan)",
        f"  Organisation:   {plan.organisation or '-'}",
        f"  Author:         {plan.author or '-'}",
        f"  Status:         {label(plan.status)}",
        f"  Dates:          {dates}",
        f"  Stakeholders:   {len(plan.groups)} groups ({seldom} seldom heard)",
        f"  Objectives:     {len(plan.objectives)}",
        f"  Activities:     {len(plan.activities)} ({locale_format.format_number(budget.participants)} expected participants)",
        f"  Risks:          {len(plan.risks)}",
        "",
        "Budget by category",
    ]
    for category, split in budget.by_category.items():
        lines.append(f"  {label(category):<40}{money(split.total):>20}")
    lines.append("")
    for figure in budget_figures(plan, budget):
        lines.append(f"  {figure.words:<40}{figure.text:>20}")
    funders = funder_envelopes(plan, budget)
    if funders:
        lines += ["", "Funders' envelopes (envelope, their lines, headroom or overrun)"]
        for item in funders:
            c = item.comparison
            lines.append(
                f"  {item.funder.name:<40}{money(c.envelope):>20}{money(c.costed):>20}  "
                f"{c.words.lower()} {money(c.difference)}"
            )
    return lines


def _finding_json(check: Check, reason: str | None = None) -> dict[str, object]:
    found: dict[str, object] = {
        "code": check.code,
        "severity": check.severity.value,
        "step": check.step,
        "item": check.item_id,
        "message": check.message,
        "accepted": reason is not None,
    }
    if reason is not None:
        found["reason"] = reason
    return found


def cmd_check(args: argparse.Namespace) -> int:
    """Print the plan's open findings (and those accepted, with their reasons); exit status 1 if
    any open finding is a warning (for scripts and CI)."""
    found = findings(_load(args.plan))
    if args.json:
        rows = [_finding_json(c) for c in found.open]
        rows += [_finding_json(a.check, a.reason) for a in found.accepted]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        if not found.open:
            print("No findings: the plan is ready to export.")
        for check in found.open:
            print(f"{check.severity.value}: {check.message} [{check.code}, step: {check.step}]")
        if found.accepted:
            print("\nAccepted exceptions:")
        for accepted in found.accepted:
            print(f"accepted: {accepted.check.message} [{accepted.check.code}] Reason: {accepted.reason}")
    return 1 if any(c.severity is Severity.WARNING for c in found.open) else 0


def scenario_lines(plan: Plan, name: str) -> list[str]:
    """The summary of the plan as the scenario ``name`` makes it, with its reach and findings."""
    from ceplanner.core.model import OutcomeLevel
    from ceplanner.core.scenarios import compare, find_scenario

    scenario = find_scenario(plan, name)
    if scenario is None:
        names = ", ".join(f"“{s.name}”" for s in plan.scenarios)
        known = f"Its scenarios are {names}." if names else "It has no scenarios yet."
        raise CliError(f"the plan has no scenario called “{name.strip()}”. {known}")
    result = compare(plan, scenario)
    words = {lvl.value: label(lvl) for lvl in OutcomeLevel}  # other keys are words already
    lines = [f"Scenario: {scenario.name}"]
    if scenario.description.strip():
        lines.append(f"  {scenario.description.strip()}")
    lines += ["", *summary_lines(result.plan), "", "Budget by outcome level"]
    for key, amount in result.by_level.items():
        lines.append(f"  {words.get(key, key):<40}{format_money(amount, plan.currency):>20}")
    warnings = len(result.warnings)
    lines += [
        "",
        f"  Groups reached:                 {len(result.groups_reached)} of {len(result.reach)}",
        f"  Seldom-heard groups reached:    {len(result.seldom_heard_reached)} of {len(result.seldom_heard)}",
        f"  Findings:                       {len(result.findings)} ({warnings} warnings)",
    ]
    return lines


def cmd_info(args: argparse.Namespace) -> None:
    plan = _load(args.plan)
    lines = summary_lines(plan) if args.scenario is None else scenario_lines(plan, args.scenario)
    if args.scenario is None:
        lines += _delivery_lines(args.plan, plan)
    print("\n".join(lines))


def cmd_import_groups(args: argparse.Namespace) -> None:
    """Add the stakeholder groups of a CSV or XLSX file to a plan, saying what was skipped and why."""
    from ceplanner.sheets import group_import as gi
    from ceplanner.sheets.headings import mapping_lines
    from ceplanner.sheets.read import SheetError

    try:
        sheets, index, mapping = gi.open_sheet(args.file, args.sheet)
    except SheetError as exc:
        raise CliError(str(exc)) from None
    sheet = sheets[index]
    if mapping is None or "name" not in mapping.columns:
        raise CliError(f"{Path(args.file).name}: {gi.no_headings_text(sheet)}")
    with PlanStore.open(args.plan) as store:
        plan = store.load()
        result = gi.import_rows(sheet, mapping, plan.groups)
        rows = f"{mapping.header_row + 1}" + (f" and {mapping.data_start}" if mapping.header_rows > 1 else "")
        print(f"Sheet “{sheet.name}” of {Path(args.file).name}, headings in row {rows}. Columns used:")
        print("\n".join(f"  {line}" for line in mapping_lines(sheet, mapping)))
        print("\n".join([*result.notes, gi.duplicates_rule(), gi.summary_text(result)]))
        print("\n".join(f"  {line}" for line in gi.skipped_lines(result)))
        if args.dry_run:
            print("Dry run: the plan was not changed.")
        elif result.groups:
            plan.groups.extend(result.groups)
            store.save(plan)
            print(f"Imported {len(result.groups)} groups into {args.plan}.")


def _delivery_lines(path: str, plan: Plan) -> list[str]:
    """Planned against actual, for a plan in delivery (or with delivery records)."""
    from ceplanner.cli_delivery import delivery_lines
    from ceplanner.core.delivery import has_delivery, planned_part

    if not has_delivery(plan):
        return []
    with PlanStore.open(path, readonly=True) as store:
        info = store.approved_snapshot()
        if info is None:
            return delivery_lines(
                planned_part(plan), plan, "the plan's own budget (no approved version kept)"
            )
        return delivery_lines(store.snapshot_plan(info.id), plan, f"“{info.name}”")


def cmd_export_json(args: argparse.Namespace) -> None:
    text = plan_to_json(_load(args.plan))
    if args.output == "-":
        sys.stdout.write(text + "\n")
        return
    target = _output(args.output, inputs=[args.plan], force=args.force)
    atomic_write_text(target, text + "\n")
    print(f"Wrote {args.output}")


def cmd_import_json(args: argparse.Namespace) -> None:
    try:
        text = sys.stdin.read() if args.json == "-" else Path(args.json).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {args.json}: {exc}") from None
    try:
        plan = plan_from_json(text)
    except PlanFormatError as exc:
        raise CliError(f"{args.json} is not a valid plan: {exc}") from None
    _write_new(args.output, plan, args.force, inputs=[] if args.json == "-" else [args.json])
    print(f"Wrote {args.output}")


def cmd_export(args: argparse.Namespace) -> None:
    """Write the strategy (PDF, DOCX) or the budget and register (XLSX, CSV): the format is the
    output file's extension."""
    from ceplanner.core.logo import LogoError, check_logo
    from ceplanner.report.export import ReportError, export_pdf

    formats = {".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel workbook", ".csv": "CSV"}
    output = args.output or str(Path(args.plan).with_suffix(".pdf"))
    target = _output(output, inputs=[args.plan], force=args.force)
    kind = target.suffix.lower()
    if kind not in formats:
        known = ", ".join(f"{ext} ({name})" for ext, name in formats.items())
        raise CliError(f"cannot tell which format to write from “{output}”: name a file ending in {known}.")
    if args.document == "report":
        _export_report(args, target, output)
        return
    if kind == ".csv" and not args.table:
        raise CliError(
            "a CSV file holds one table: add --table budget (the cost lines) or --table groups "
            "(the stakeholder register)."
        )
    if args.table and kind != ".csv":
        raise CliError(f"--table chooses the table of a CSV file; {Path(output).name} is not one.")
    if args.reference and kind != ".docx":
        raise CliError(f"--reference gives Word styles to a .docx file; {Path(output).name} is not one.")
    if args.reference and not Path(args.reference).is_file():
        raise CliError(f"the reference document {args.reference} does not exist.")
    if args.logo:
        try:
            check_logo(args.logo)
        except LogoError as exc:
            raise CliError(str(exc)) from None
    plan = _load(args.plan)
    logo = Path(args.logo) if args.logo else None
    if args.document == "you-said-we-did":
        _export_you_said_we_did(plan, target, kind, args.paper)
        print(f"Wrote {output}")
        return
    try:
        if kind == ".pdf":
            export_pdf(plan, target, paper=args.paper, logo=logo)
        elif kind == ".docx":
            from ceplanner.report.docx_export import export_docx

            reference = Path(args.reference) if args.reference else None
            export_docx(plan, target, paper=args.paper, reference=reference, logo=logo)
        elif kind == ".xlsx":
            from ceplanner.sheets.export import export_xlsx

            export_xlsx(plan, target)
        else:
            from ceplanner.sheets.export import export_csv

            export_csv(plan, target, table=args.table)
    except ReportError as exc:
        raise CliError(str(exc)) from None
    print(f"Wrote {output}")


def _export_report(args: argparse.Namespace, target: Path, output: str) -> None:
    """``export --document report``: the engagement report of a plan in delivery, as a PDF."""
    from ceplanner.core.delivery import has_delivery
    from ceplanner.report.engagement_report import NOT_IN_DELIVERY, export_report_docx, export_report_pdf
    from ceplanner.report.errors import ReportError
    from ceplanner.store.delivery import approved_baseline

    if target.suffix.lower() not in (".pdf", ".docx"):
        raise CliError(
            "the engagement report is a PDF or a Word document: name a file ending in .pdf or "
            f".docx, not {Path(output).name}."
        )
    if args.table or args.reference or args.logo:
        raise CliError(
            "--table, --reference and --logo are for the strategy; the engagement report takes none."
        )
    with PlanStore.open(args.plan, readonly=True) as store:
        plan = store.load()
        if not has_delivery(plan):
            raise CliError(NOT_IN_DELIVERY)
        baseline = approved_baseline(store, plan)
    try:
        write = export_report_docx if target.suffix.lower() == ".docx" else export_report_pdf
        write(plan, target, None if baseline is plan else baseline, paper=args.paper)
    except ReportError as exc:
        raise CliError(str(exc)) from None
    print(f"Wrote {output}")


def _export_you_said_we_did(plan: Plan, target: Path, kind: str, paper: str) -> None:
    """``export --document you-said-we-did``: the one-page summary for participants (PDF only)."""
    from ceplanner.report.errors import ReportError
    from ceplanner.report.you_said_we_did import export_you_said_we_did

    if kind != ".pdf":
        raise CliError(
            f"the “You said, we did” summary is a PDF: name a file ending in .pdf, not {target.name}."
        )
    try:
        export_you_said_we_did(plan, target, paper=paper)
    except ReportError as exc:
        raise CliError(str(exc)) from None


# -- templates: `ceplanner templates` and `ceplanner new --template NAME PATH` --------------------


def template_line(template: Template) -> str:
    """One template's line: name, groups, activities and total, then its description."""
    plan = template.plan
    total = format_money(compute_budget(plan).grand_total, plan.currency)
    where = "built in" if template.builtin else f"yours: {template.path}"
    return (
        f"{template.name} ({where})\n  {len(plan.groups)} groups, {len(plan.activities)} activities, "
        f"total {total}\n  {template.description}"
    )


def cmd_templates(args: argparse.Namespace) -> None:
    from ceplanner.core.templates import TemplateError, all_templates

    try:
        found, problems = all_templates()
    except TemplateError as exc:
        raise CliError(str(exc)) from None
    for problem in problems:
        print(f"ceplanner: note: {problem}", file=sys.stderr)
    print("\n\n".join(template_line(t) for t in found))


def cmd_new(args: argparse.Namespace) -> None:
    from ceplanner.core.templates import TemplateError, find_template, plan_from_template

    if args.template is None:
        _write_new(args.path, Plan(), args.force)
        print(f"Wrote a new blank plan to {args.path}")
        return
    try:
        template = find_template(args.template)
    except TemplateError as exc:
        raise CliError(str(exc)) from None
    _write_new(args.path, plan_from_template(template), args.force, inputs=[args.template])
    print(f"Wrote a new plan from the template “{template.name}” to {args.path}")


def _add_template_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("templates", help="list the plan templates, built in and your own")
    p.set_defaults(func=cmd_templates)
    p = sub.add_parser("new", help="write a new plan to PATH, blank or from a template")
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--template", metavar="NAME_OR_PATH", help="a template's name (see `ceplanner templates`) or file"
    )
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    p.set_defaults(func=cmd_new)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ceplanner",
        description="Plan, cost and justify community engagement. "
        "Run with no command (or a plan file) to start the application.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help="write the built-in sample plan to PATH")
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--delivered", action="store_true", help="write the sample as delivered: actuals, findings, responses"
    )
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("info", help="print a summary of a plan with its costed total")
    p.add_argument("plan", metavar="PLAN.ceplan")
    p.add_argument("--scenario", metavar="NAME", help="summarise the plan as this budget scenario makes it")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser(
        "import-groups",
        help="add stakeholder groups from a CSV or XLSX file to a plan",
        description="Guesses which column is which from the headings; prints the columns used and "
        "each row skipped with its reason. Names already in the plan are skipped.",
    )
    p.add_argument("plan", metavar="PLAN.ceplan")
    p.add_argument("file", metavar="FILE", help="a .xlsx or .csv file")
    p.add_argument("--sheet", metavar="NAME", help="the worksheet to read (default: the first with headings)")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; change nothing")
    p.set_defaults(func=cmd_import_groups)

    p = sub.add_parser(
        "check",
        help="list what the plan's checks find (exit status 1 when there are warnings)",
        description="The same findings as the Review step and the PDF, from the one checker; "
        "findings accepted as exceptions are listed after them, with their reasons.",
    )
    p.add_argument("plan", metavar="PLAN.ceplan")
    p.add_argument("--json", action="store_true", help="print the findings as JSON, for other programs")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export-json", help="write a plan as JSON (see docs/plan-format.md)")
    p.add_argument("plan", metavar="PLAN.ceplan")
    p.add_argument("-o", "--output", required=True, help="JSON file to write, or - for standard output")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(func=cmd_export_json)

    p = sub.add_parser("import-json", help="make a plan file from JSON")
    p.add_argument("json", metavar="PLAN.json")
    p.add_argument("-o", "--output", required=True, metavar="PLAN.ceplan")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(func=cmd_import_json)

    p = sub.add_parser(
        "export",
        help="export the strategy (PDF, DOCX) or the budget and stakeholder register (XLSX, CSV)",
        description="The format is the output file's extension: .pdf or .docx (the strategy document), "
        ".xlsx (one sheet per budget table and the stakeholder register) or .csv (one table: --table).",
    )
    p.add_argument("plan", metavar="PLAN.ceplan")
    p.add_argument("-o", "--output", metavar="FILE", help="strategy.pdf, .docx, .xlsx or .csv (default: PDF)")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4")
    p.add_argument("--logo", help="an image to put on the cover")
    p.add_argument(
        "--table", choices=["budget", "groups"], help="for .csv: the cost lines or the stakeholder register"
    )
    p.add_argument("--reference", metavar="FILE.docx", help="for .docx: a Word document whose styles to use")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.add_argument(
        "--document",
        choices=["strategy", "report", "you-said-we-did"],
        default="strategy",
        help="which document: the strategy, the engagement report, or the one-page “You said, we did”",
    )
    p.set_defaults(func=cmd_export)
    _add_template_commands(sub)
    from ceplanner.cli_costs import add_cost_commands

    add_cost_commands(sub)

    p = sub.add_parser("gui", help="start the application (the default)")
    p.add_argument("plan", nargs="?", metavar="PLAN.ceplan")
    p.add_argument(
        "--smoke-test", action="store_true", help="open the plan, show every step, then exit (for packagers)"
    )
    p.set_defaults(func=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-")):
        args_list = ["gui", *args_list]
    args = build_parser().parse_args(args_list)
    if args.func is None:
        from ceplanner.ui.app import run_gui

        return run_gui(args.plan, smoke_test=args.smoke_test)
    try:
        status = args.func(args)
    except (CliError, PlanFileError) as exc:
        print(f"ceplanner: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a failure no check foresaw: one line, not a traceback
        print(f"ceplanner: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return int(status or 0)
