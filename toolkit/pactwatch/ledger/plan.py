"""From drafts to a write plan: render each contract, check it with the validator, decide what to do with its file. Pure.

A file is created when new, left alone when its text would not change, and
replaced only with --force; a contract the validator rejects is not written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pactwatch.ledger import preflight
from pactwatch.ledger.files import describe_rows, target
from pactwatch.ledger.importer import Draft, Outcome
from pactwatch.ledger.people import looks_like_id
from pactwatch.ledger.problems import Cell, Problem
from pactwatch.ledger.yaml_writer import render
from pactwatch.model import Person

Action = Literal["create", "replace", "unchanged", "exists"]


@dataclass(frozen=True, slots=True)
class FilePlan:
    contract_id: str
    source: str  # root-relative POSIX path
    text: str
    action: Action
    milestones: int
    people: frozenset[str]

    @property
    def writes(self) -> bool:
        return self.action in ("create", "replace")


@dataclass(frozen=True, slots=True)
class ImportPlan:
    files: tuple[FilePlan, ...]
    problems: tuple[Problem, ...]
    rejected: tuple[str, ...]  # contract numbers not imported because of an error
    new_people: tuple[Person, ...]  # people --add-people adds (only those a written file needs)
    unknown: Mapping[str, tuple[Cell, ...]] = field(default_factory=dict)
    assigned: Mapping[str, str] = field(default_factory=dict)  # unknown name (or id written as such) -> the id it gets

    @property
    def failed(self) -> bool:
        """Something in the ledger was not imported: a row with an error, a rejected contract, an existing file kept."""
        return bool(self.rejected) or any(f.action == "exists" for f in self.files) or any(p.severity == "error" for p in self.problems)


@dataclass(frozen=True, slots=True)
class Context:
    ledger_name: str
    people: Mapping[str, Person]
    existing: Mapping[str, str]  # contract id -> current file
    read_current: Callable[[str], str | None]  # a file's current text, None when absent
    schema_ref: Callable[[str], str]  # root-relative path -> modeline schema reference
    default_currency: str
    today: date
    force: bool


def _text(draft: Draft, source: str, ctx: Context) -> str:
    rows = tuple((c.sheet, c.row, c.csv) for c in draft.rows)
    comment = f"imported from {describe_rows(ctx.ledger_name, rows)}"
    return render(draft.data, ctx.schema_ref(source), [comment])


def _action(source: str, text: str, ctx: Context) -> tuple[Action, str]:
    """What to do with the file, and the text to write: an existing file keeps its comments and layout
    (pactwatch.edit changes only the values the ledger changed), so re-importing an unchanged ledger changes no byte."""
    current = ctx.read_current(source)
    if current is None:
        return "create", text
    kept = _edited(current, text)
    if kept == current:
        return "unchanged", current
    return ("replace", kept) if ctx.force else ("exists", text)


def _edited(current: str, text: str) -> str:
    """``current`` changed to say what ``text`` says; ``text`` itself when the file cannot be edited in place."""
    from pactwatch.edit.reconcile import EditError, reconcile
    from pactwatch.load.yaml import LoadError, parse_text

    try:
        now = parse_text("", current.lstrip("\ufeff")).data
        return reconcile(current, _defaults_as_written(now, parse_text("", text).data))
    except (EditError, LoadError):
        return text


# A ledger cannot tell a default written out from one left out: the file's own choice stands.
_DEFAULTS: dict[str, object] = {"confidential": False}
_MILESTONE_DEFAULTS: dict[str, object] = {"status": "pending"}


def _defaults_as_written(now: object, new: dict[str, object]) -> dict[str, object]:
    """``new`` with each default value written (or left out) as the current file has it."""
    if not isinstance(now, dict):
        return new
    result = _align(now, new, _DEFAULTS)
    old_items, new_items = now.get("milestones"), result.get("milestones")
    if isinstance(old_items, list) and isinstance(new_items, list):
        by_id = {m.get("id"): m for m in old_items if isinstance(m, dict)}
        result["milestones"] = [_align(by_id.get(m.get("id"), {}), m, _MILESTONE_DEFAULTS) if isinstance(m, dict) else m for m in new_items]
    return result


def _align(now: dict[str, object], new: dict[str, object], defaults: dict[str, object]) -> dict[str, object]:
    result = dict(new)
    for key, default in defaults.items():
        if key not in now and result.get(key, default) == default:
            result.pop(key, None)
        elif key in now and now[key] == default and key not in result:
            result[key] = default
    return result


def plan_import(outcome: Outcome, ctx: Context) -> ImportPlan:
    # a person written both as 李娜 and as li.na is named 李娜: names after ids, so the name wins
    ordered = sorted(outcome.new_people.items(), key=lambda item: not looks_like_id(item[0]))
    new = {pid: Person(pid, name) for name, pid in ordered}
    people = {**ctx.people, **new}
    problems = list(outcome.problems)
    rejected = list(outcome.rejected)
    files: list[FilePlan] = []
    for draft in outcome.drafts:
        source = target(draft.id, str(draft.data["type"]), dict(ctx.existing))
        text = _text(draft, source, ctx)
        found = preflight.check(draft, source, text, people, ctx.default_currency, ctx.today)
        problems += found
        if any(p.severity == "error" for p in found):
            rejected.append(draft.id)
            continue
        used = frozenset({draft.data["owner"], *(m["owner"] for m in draft.data["milestones"])})
        action, written = _action(source, text, ctx)
        files.append(FilePlan(draft.id, source, written, action, len(draft.data["milestones"]), used))
    needed = {pid for f in files if f.writes for pid in f.people}
    adding = tuple(person for pid, person in new.items() if pid in needed)
    assigned = {name: pid for name, pid in outcome.new_people.items() if pid in needed}
    return ImportPlan(tuple(files), tuple(problems), tuple(rejected), adding, outcome.unknown_people, assigned)
