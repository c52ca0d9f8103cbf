"""Plan templates: a plan without its dates and people's names, kept to start new plans from.

A template file is a plan document (:mod:`ceplanner.core.serialize`, the plan format as it is)
with one more top-level key, ``template``, holding its name and a one-line description::

    {"format": "ceplanner-plan", "version": 2,
     "template": {"name": "...", "description": "..."}, "plan": {...}}

Shipped templates are package data (``ceplanner/data/templates/*.ceplantemplate.json``); the
user's own are in ``templates/`` of the user data folder (:func:`user_templates_dir`).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import json
import re
import typing
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ceplanner.core.atomic_text import write_text_atomically
from ceplanner.core.i18n import translate
from ceplanner.core.library import user_data_dir
from ceplanner.core.model import Plan, PlanStatus, TeamMember, utc_now
from ceplanner.core.people import PERSON_NAME_FIELDS
from ceplanner.core.serialize import FORMAT_VERSION, PlanFormatError, parse_json, plan_from_dict, plan_to_dict

TEMPLATE_SUFFIX = ".ceplantemplate.json"
TEMPLATES_FOLDER = "templates"
NAME_LIMIT = 120
DESCRIPTION_LIMIT = 300


def _(text: str) -> str:
    return translate("Templates", text)


class TemplateError(ValueError):
    """A template that cannot be read, found or saved; ``str()`` says what and what to do."""


class TemplateExistsError(TemplateError):
    """A user template of that name exists already (save again with ``replace=True``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            _("A template called “{name}” exists already.").format(name=path.name[: -len(TEMPLATE_SUFFIX)])
        )
        self.path = path


@dataclass
class Template:
    name: str
    description: str
    plan: Plan
    builtin: bool
    path: Path | None = None
    """The user's template file (None for a shipped one)."""


# -- walking the model ------------------------------------------------------------------------


@functools.cache
def _hints(cls: Hashable) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _objects(value: Any) -> Iterator[Any]:
    """Every model object in ``value``, ``value`` first, through fields and lists."""
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for f in dataclasses.fields(value):
            yield from _objects(getattr(value, f.name))


def _mentions_date(tp: Any) -> bool:
    if tp in (date, datetime):
        return True
    return any(_mentions_date(arg) for arg in typing.get_args(tp))


def _clear_dates(plan: Plan) -> None:
    """Every field typed as a date (or date and time) anywhere in the plan, emptied: None where it
    may be None, an empty list for lists, else a fresh default (the plan's created/modified)."""
    for obj in _objects(plan):
        for f in dataclasses.fields(obj):
            tp = _hints(typing.cast(Hashable, type(obj)))[f.name]
            if not _mentions_date(tp):
                continue
            if type(None) in typing.get_args(tp):
                setattr(obj, f.name, None)
            elif typing.get_origin(tp) is list:
                setattr(obj, f.name, [])
            elif f.default_factory is not dataclasses.MISSING:
                setattr(obj, f.name, f.default_factory())


def _is_link(name: str) -> bool:
    return name == "id" or name.endswith(("_id", "_ids"))


def _replace_names(plan: Plan, names: dict[str, str]) -> None:
    """Each team member's name, wherever it is typed as a whole word, replaced by their role."""
    if not names:
        return
    longest_first = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in longest_first) + r")(?!\w)")

    def swap(text: str) -> str:
        return pattern.sub(lambda m: names[m.group(0)], text)

    for obj in _objects(plan):
        for f in dataclasses.fields(obj):
            if _is_link(f.name):
                continue
            value = getattr(obj, f.name)
            if type(value) is str:
                setattr(obj, f.name, swap(value))
            elif isinstance(value, list) and value and all(type(v) is str for v in value):
                setattr(obj, f.name, [swap(v) for v in value])


def _member_role(member: TeamMember, number: int) -> str:
    return " ".join(member.role.split()) or f"Team member {number}"


def _clear_names(plan: Plan) -> None:
    """Every person-name field (:data:`PERSON_NAME_FIELDS`) emptied; a team member's name becomes
    their role, and an owner typed as a member's name or role keeps that role."""
    roles = {m.id: _member_role(m, i) for i, m in enumerate(plan.team, 1)}
    by_name = {" ".join(m.name.split()): roles[m.id] for m in plan.team if m.name.strip()}
    kept_roles = set(roles.values())
    fields_by_class: dict[type, list[str]] = {}
    for cls, name in PERSON_NAME_FIELDS:
        fields_by_class.setdefault(cls, []).append(name)
    for obj in _objects(plan):
        for name in fields_by_class.get(type(obj), []):
            if isinstance(obj, TeamMember) and name == "name":
                obj.name = roles[obj.id]
                continue
            text = " ".join(getattr(obj, name).split())
            setattr(obj, name, text if text in kept_roles else by_name.get(text, ""))
    _replace_names(plan, {n: r for n, r in by_name.items() if n != r})


def as_template(plan: Plan) -> Plan:
    """A copy of ``plan`` to start others from: no dates, no people's names, costs kept.

    Every date is emptied (:func:`_clear_dates`), every person's name removed
    (:func:`_clear_names`), progress reset (tasks and readiness items not done, readiness notes,
    the document version), the status back to draft; an accepted finding is kept only while the
    template still raises it. Groups, objectives, methods, activities with their cost lines, risks,
    the six Es and the evaluation are kept as they are; delivery records (sessions held, actual
    costs, themes heard, responses, answers at the end) are left out.
    """
    from ceplanner.core.checks import plan_checks
    from ceplanner.core.delivery import planned_part

    result = planned_part(plan)  # a template starts before delivery: no actuals, no findings heard
    _clear_dates(result)
    _clear_names(result)
    result.status = PlanStatus.DRAFT
    result.doc_version = ""
    for task in result.tasks:
        task.done = False
    for item in result.readiness:
        item.done = False
        item.notes = ""
    raised = {check.key for check in plan_checks(result)}
    result.dismissals = [d for d in result.dismissals if (d.code, d.item_id or "") in raised]
    return result


def plan_from_template(template: Template) -> Plan:
    """A new plan from ``template``: a fresh copy, made now."""
    plan = copy.deepcopy(template.plan)
    plan.created = plan.modified = utc_now()
    return plan


# -- files ------------------------------------------------------------------------------------


def template_to_json(plan: Plan, name: str, description: str) -> str:
    """``plan`` (already a template) as a template document."""
    document = plan_to_dict(plan)
    document = {
        "format": document["format"],
        "version": document["version"],
        "template": {"name": name, "description": description},
        "plan": document["plan"],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _text(raw: dict[str, Any], key: str, limit: int, where: str) -> str:
    value = raw.get(key, "")
    if type(value) is not str:
        raise TemplateError(_("{where}: template.{key} is not text.").format(where=where, key=key))
    if len(value) > limit:
        raise TemplateError(
            _("{where}: template.{key} is longer than {limit} characters.").format(
                where=where, key=key, limit=limit
            )
        )
    return " ".join(value.split())


def template_from_json(text: str, where: str, *, builtin: bool = False, path: Path | None = None) -> Template:
    """Read a template document; :class:`TemplateError` naming ``where`` if it is not one."""
    try:
        raw = parse_json(text)
        if not isinstance(raw, dict) or not isinstance(raw.get("template"), dict):
            raise TemplateError(
                _(
                    "{where} is not a ceplanner template (it has no “template” part). "
                    "Open a plan with File › Open instead."
                ).format(where=where)
            )
        if isinstance(raw.get("version"), int) and raw["version"] > FORMAT_VERSION:
            raise TemplateError(
                _(
                    "{where} was saved by a newer ceplanner (plan format {version}); update ceplanner to use it."
                ).format(where=where, version=raw["version"])
            )
        plan = plan_from_dict(raw)
    except PlanFormatError as exc:
        raise TemplateError(
            _("{where} is not a usable template ({problem}).").format(where=where, problem=exc)
        ) from None
    info = raw["template"]
    name = _text(info, "name", NAME_LIMIT, where) or (path.name[: -len(TEMPLATE_SUFFIX)] if path else "")
    return Template(
        name=name or plan.title or "Template",
        description=_text(info, "description", DESCRIPTION_LIMIT, where),
        plan=plan,
        builtin=builtin,
        path=path,
    )


def read_template_file(path: Path) -> Template:
    """The template in the file ``path`` (a user's, or one given on the command line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError(
            _("{path} does not exist. Check the name, or list templates with `ceplanner templates`.").format(
                path=path
            )
        ) from None
    except UnicodeDecodeError:
        raise TemplateError(
            _("{path} is not a ceplanner template (it is not UTF-8 text).").format(path=path)
        ) from None
    except OSError as exc:
        raise TemplateError(
            _("{path} cannot be read ({problem}).").format(path=path, problem=exc.strerror or exc)
        ) from None
    return template_from_json(text, str(path), path=path)


def builtin_templates() -> list[Template]:
    """The templates shipped with ceplanner, by name: fresh objects on every call."""
    folder = resources.files("ceplanner") / "data" / TEMPLATES_FOLDER
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(TEMPLATE_SUFFIX):
            try:
                text = entry.read_text(encoding="utf-8")
            except OSError as exc:
                raise TemplateError(
                    _("{path}: cannot read the built-in template ({problem}); reinstall ceplanner.").format(
                        path=entry, problem=exc
                    )
                ) from None
            found.append(template_from_json(text, str(entry), builtin=True))
    return sorted(found, key=lambda t: t.name.casefold())


def user_templates_dir() -> Path:
    """Where the user's own templates are kept (it may not exist yet)."""
    return user_data_dir() / TEMPLATES_FOLDER


def user_templates() -> tuple[list[Template], list[str]]:
    """The user's templates by name, and a sentence for each file that could not be read."""
    folder = user_templates_dir()
    if not folder.is_dir():
        return [], []
    found, problems = [], []
    for path in sorted(folder.glob("*" + TEMPLATE_SUFFIX)):
        try:
            found.append(read_template_file(path))
        except TemplateError as exc:
            problems.append(str(exc))
    return sorted(found, key=lambda t: t.name.casefold()), problems


def all_templates() -> tuple[list[Template], list[str]]:
    """Shipped templates, then the user's; and the problems with any user file not read."""
    own, problems = user_templates()
    return [*builtin_templates(), *own], problems


def find_template(name_or_path: str) -> Template:
    """The template file at ``name_or_path``, else the one of that name (shipped or the user's)."""
    given = Path(name_or_path).expanduser()
    if name_or_path.endswith(".json") or given.is_file():
        return read_template_file(given)
    wanted = " ".join(name_or_path.split()).casefold()
    templates, _problems = all_templates()
    for template in templates:
        if template.name.casefold() == wanted:
            return template
    names = ", ".join(f"“{t.name}”" for t in templates)
    raise TemplateError(
        _("There is no template called “{name}”. The templates are: {names}.").format(
            name=name_or_path.strip(), names=names
        )
    )


def file_name_for(name: str) -> str:
    """A safe file name for a template called ``name``."""
    cleaned = "".join(c for c in name if c not in '<>:"/\\|?*' and c.isprintable()).strip(" .")
    return (cleaned[:80] or "Template") + TEMPLATE_SUFFIX


def save_user_template(plan: Plan, name: str, description: str = "", *, replace: bool = False) -> Path:
    """Save ``plan`` as the user's template ``name`` (dates and names removed); return its file.

    Raises :class:`TemplateExistsError` if one of that name exists and ``replace`` is False, and
    :class:`TemplateError` for an empty name or a folder that cannot be written.
    """
    name = " ".join(name.split())
    description = " ".join(description.split())
    if not name:
        raise TemplateError(_("Give the template a name."))
    if len(name) > NAME_LIMIT or len(description) > DESCRIPTION_LIMIT:
        raise TemplateError(
            _("Keep the name under {name} characters and the description under {description}.").format(
                name=NAME_LIMIT, description=DESCRIPTION_LIMIT
            )
        )
    folder = user_templates_dir()
    path = folder / file_name_for(name)
    if path.exists() and not replace:
        raise TemplateExistsError(path)
    text = template_to_json(as_template(plan), name, description)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomically(path, text)
    except OSError as exc:
        raise TemplateError(
            _("The template was not saved: ceplanner could not write in {folder} ({problem}).").format(
                folder=folder, problem=exc.strerror or exc
            )
        ) from None
    return path


def removal_counts(plan: Plan) -> tuple[int, int]:
    """How many dates and how many people's names :func:`as_template` would remove from ``plan``
    (the file's own created and modified stamps are not counted)."""
    people = set(PERSON_NAME_FIELDS)
    dates = names = 0
    for obj in _objects(plan):
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if (type(obj), f.name) in people:
                names += bool(value.strip())
            elif isinstance(value, date) and not (obj is plan and f.name in ("created", "modified")):
                dates += 1
    return dates, names
