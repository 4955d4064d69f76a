"""PURE: (evaluation, existing issues, repository labels) -> the plan that makes GitHub match the data.

Desired state: one open issue per overdue occurrence that is not acknowledged, found by its hidden
marker. From there, per occurrence ref:

- no issue                         -> create (labels pactwatch, overdue, kind:<kind>; the owner assigned)
- open issue, text or labels stale -> update (only what differs; labels people added are kept)
- closed issue, overdue again      -> reopen (with fresh text)
- more than escalate_after_days late and no ``escalated`` label -> escalate: one comment mentioning
  the owner's manager, then the label (the label is how later runs know it was done)
- open issue, no longer overdue    -> close with a comment; state_reason ``completed`` when done,
  ``not_planned`` when waived, cancelled, acknowledged, moved later or gone
- more than one issue with a marker -> the lowest-numbered open one is kept, other open ones closed

Issues without a marker and pull requests never reach this module (see issues.ours).
Labels the plan uses that the repository lacks are created first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pactwatch.catalogue import CATALOGUE, text, word
from pactwatch.engine.records import Evaluation, Occurrence
from pactwatch.github.issues import ExistingIssue
from pactwatch.github.render import AlertFacts, Links, Renderer, facts, stable
from pactwatch.i18n import format_date
from pactwatch.naming import person_name

Op = Literal["create_label", "create", "update", "reopen", "escalate", "close"]
OPS: tuple[Op, ...] = ("create_label", "create", "update", "reopen", "escalate", "close")

BASE_LABELS = ("pactwatch", "overdue")
ESCALATED = "escalated"
LABELS: Mapping[str, tuple[str, str]] = {  # name -> (colour, catalogue id of its description)
    "pactwatch": ("5319e7", "github.label.pactwatch"),
    "overdue": ("d73a4a", "github.label.overdue"),
    "escalated": ("b60205", "github.label.escalated"),
}
KIND_LABEL = ("c5def5", "github.label.kind")
_CLOSE_WHY: Mapping[str, str] = {  # why an issue is closed -> its catalogue word (the closing comment says it in full)
    "done": "value.done",
    "done_late": "value.done_late",
    "waived": "value.waived",
    "cancelled": "value.cancelled",
    "not_overdue": "github.why.not_overdue",
    "acknowledged": "github.why.acknowledged",
    "gone": "github.why.gone",
}


def parts(changed: Iterable[str], language: str) -> str:
    """The parts of an issue an update rewrites, in words: 标题、正文 / title, body."""
    return word("notify.joiner", language).join(word(f"github.part.{name}", language) for name in changed)


def kind_label(kind: str) -> str:
    return f"kind:{kind}"


def managed(label: str) -> bool:
    """Labels pactwatch sets and removes; any other label on an issue belongs to people and stays."""
    name = label.lower()
    return name in (*BASE_LABELS, ESCALATED) or name.startswith("kind:")


@dataclass(frozen=True, slots=True)
class Action:
    op: Op
    ref: str  # occurrence ref ("C-2026-001/M3"), or the label name for create_label
    number: int | None = None  # the issue; None for a create and for an escalation of an issue created in this run
    title: str | None = None
    body: str | None = None
    labels: tuple[str, ...] | None = None  # create/update/reopen: the whole set; escalate: labels to add
    assignees: tuple[str, ...] | None = None
    comment: str | None = None
    state_reason: str | None = None
    why: str = ""  # what a person reads in the plan
    colour: str | None = None  # create_label
    description: str | None = None  # create_label
    changed: tuple[str, ...] = ()  # update: the fields that differ

    def as_json(self) -> dict[str, Any]:
        data = {
            "op": self.op,
            "ref": self.ref,
            "number": self.number,
            "title": self.title,
            "body": self.body,
            "labels": list(self.labels) if self.labels is not None else None,
            "assignees": list(self.assignees) if self.assignees is not None else None,
            "comment": self.comment,
            "state_reason": self.state_reason,
            "why": self.why,
            "color": self.colour,
            "description": self.description,
            "changed": list(self.changed) or None,
        }
        return {k: v for k, v in data.items() if v is not None}


@dataclass(frozen=True, slots=True)
class Plan:
    repository: str
    actions: tuple[Action, ...]
    issues_seen: int = 0  # existing pactwatch issues matched by marker
    wanted: int = 0  # overdue occurrences that should have an open issue
    skipped: tuple[str, ...] = field(default=())  # notes (e.g. an owner without a GitHub handle)

    def count(self, op: Op) -> int:
        return sum(a.op == op for a in self.actions)

    def as_json(self) -> dict[str, Any]:
        return {
            "repository": self.repository,
            "open_wanted": self.wanted,
            "issues_seen": self.issues_seen,
            "counts": {op: self.count(op) for op in OPS},
            "actions": [a.as_json() for a in self.actions],
            "notes": list(self.skipped),
        }


def wanted_occurrences(ev: Evaluation) -> dict[str, Occurrence]:
    """The occurrences that should each have an open issue: overdue and not acknowledged."""
    return {o.ref: o for o in ev.occurrences if o.state == "overdue" and not o.acknowledged}


def _pick(issues: Sequence[ExistingIssue]) -> tuple[ExistingIssue | None, list[ExistingIssue]]:
    """The issue to keep for a ref (open first, then the lowest number) and the others."""
    if not issues:
        return None, []
    ordered = sorted(issues, key=lambda i: (i.state != "open", i.number))
    return ordered[0], ordered[1:]


def _lower(labels: Iterable[str]) -> set[str]:
    return {label.lower() for label in labels}


class _Planner:
    def __init__(self, ev: Evaluation, renderer: Renderer, links: Links) -> None:
        self.ev = ev
        self.settings = ev.portfolio.settings
        self.people = ev.portfolio.people
        self.renderer = renderer
        self.links = links
        self.notes: list[str] = []

    def facts(self, o: Occurrence) -> AlertFacts:
        return facts(o, self.people, self.settings, self.links, self.ev.today)

    def handle(self, o: Occurrence) -> str | None:
        person = self.people.get(o.owner)
        return person.github if person is not None and person.github else None

    def why(self, reason: str) -> str:
        """Why an action is planned, in the run's language."""
        return word(f"github.why.{reason}", self.settings.language)

    def escalates(self, o: Occurrence) -> bool:
        return o.days_late > self.settings.escalate_after_days

    def escalate(self, o: Occurrence, alert: AlertFacts, number: int | None) -> Action:
        lang = self.settings.language
        who = word("github.why.no_manager", lang)  # nobody GitHub can tell
        if alert.manager_handle:  # named, as people are everywhere: 孙浩（@sunhao-ec）
            who = f"{alert.manager or ''}{text('github.handle', lang, handle=alert.manager_handle)}"
        return Action(
            "escalate",
            o.ref,
            number,
            labels=(ESCALATED,),
            comment=self.renderer.escalation(alert),
            why=text("github.why.escalate", lang, count=o.days_late, who=who),
        )

    def for_wanted(self, o: Occurrence, issue: ExistingIssue | None) -> list[Action]:
        alert = self.facts(o)
        title, body = self.renderer.title(alert), self.renderer.body(alert)
        base = (*BASE_LABELS, kind_label(o.kind))
        handle = self.handle(o)
        if handle is None:
            owner = person_name(o.owner, self.people, with_id=True)
            self.notes.append(text("github.note.no_handle", self.settings.language, ref=o.ref, owner=owner))
        if issue is None:
            create = Action("create", o.ref, None, title, body, tuple(sorted(base)), (handle,) if handle else (), why=self.why("overdue"))
            return [create, self.escalate(o, alert, None)] if self.escalates(o) else [create]
        current = _lower(issue.labels)
        kept = [label for label in issue.labels if not managed(label) or label.lower() == ESCALATED]
        labels = tuple(sorted({*kept, *base}, key=str.lower))
        changed = [name for name, same in (("title", issue.title == title), ("body", stable(issue.body) == stable(body))) if not same]
        if _lower(labels) != current:
            changed.append("labels")
        assignees = None
        if handle and handle.lower() not in _lower(issue.assignees) and (issue.state == "closed" or "body" in changed):
            assignees = tuple(sorted({*issue.assignees, handle}, key=str.lower))
            changed.append("assignees")
        actions: list[Action] = []
        if issue.state == "closed":
            actions.append(
                Action("reopen", o.ref, issue.number, title, body, labels, assignees, why=self.why("overdue_again"), changed=tuple(changed))
            )
        elif changed:
            actions.append(
                Action(
                    "update",
                    o.ref,
                    issue.number,
                    title if "title" in changed else None,
                    body if "body" in changed else None,
                    labels if "labels" in changed else None,
                    assignees,
                    why=text("github.why.stale", self.settings.language, fields=parts(changed, self.settings.language)),
                    changed=tuple(changed),
                )
            )
        if self.escalates(o) and ESCALATED not in current:
            actions.append(self.escalate(o, alert, issue.number))
        return actions

    def close(self, issue: ExistingIssue, o: Occurrence | None) -> Action:
        detail: dict[str, str] = {}
        alert = None
        lang = self.settings.language
        if o is None:
            why, reason = "gone", "not_planned"
        else:
            alert = self.facts(o)
            why = o.state if o.state in ("done", "done_late", "waived", "cancelled") else "not_overdue"
            reason = "completed" if o.state in ("done", "done_late") else "not_planned"
            if o.completed_on is not None:
                detail["completed_on"] = format_date(o.completed_on, lang)
            if o.state == "overdue" and o.acknowledged and o.milestone.ack is not None:
                why = "acknowledged"
                detail["until"] = format_date(o.milestone.ack.until, lang)
                detail["note"] = o.milestone.ack.note
            detail["due"] = format_date(o.due, lang)
        comment = self.renderer.closing(issue.ref or "", why, alert, detail)
        return Action("close", issue.ref or "", issue.number, comment=comment, state_reason=reason, why=word(_CLOSE_WHY[why], lang))

    def duplicate(self, issue: ExistingIssue, canonical: ExistingIssue) -> Action:
        comment = self.renderer.closing(issue.ref or "", "duplicate", None, {"canonical": str(canonical.number)})
        return Action(
            "close",
            issue.ref or "",
            issue.number,
            comment=comment,
            state_reason="not_planned",
            why=text("github.closing.duplicate_why", self.settings.language, number=canonical.number),
        )


def _label_actions(actions: Sequence[Action], existing: Iterable[str], language: str) -> list[Action]:
    have = _lower(existing)
    needed: dict[str, None] = {}
    for action in actions:
        if action.op in ("create", "update", "reopen", "escalate") and action.labels:
            for label in action.labels:
                if managed(label) and label.lower() not in have:
                    needed.setdefault(label.lower())
    out = []
    for name in sorted(needed):
        colour, description_id = LABELS.get(name, KIND_LABEL)
        kind = name[5:] if name.startswith("kind:") else ""
        description = text(description_id, language, kind=word(f"value.{kind}", language) if f"value.{kind}" in CATALOGUE else kind)
        out.append(Action("create_label", name, colour=colour, description=description, why=word("github.why.missing_label", language)))
    return out


def plan(ev: Evaluation, existing: Sequence[ExistingIssue], repo_labels: Iterable[str], renderer: Renderer, links: Links) -> Plan:
    """The actions that bring the repository's pactwatch issues in line with ``ev``, in a stable order."""
    planner = _Planner(ev, renderer, links)
    wanted = wanted_occurrences(ev)
    every = {o.ref: o for o in ev.occurrences}
    by_ref: dict[str, list[ExistingIssue]] = {}
    for issue in existing:
        if issue.ref is not None:
            by_ref.setdefault(issue.ref, []).append(issue)
    actions: list[Action] = []
    for ref in sorted(set(wanted) | set(by_ref)):
        keep, others = _pick(by_ref.get(ref, []))
        if ref in wanted:
            actions += planner.for_wanted(wanted[ref], keep)
        elif keep is not None and keep.state == "open":
            actions.append(planner.close(keep, every.get(ref)))
        if keep is not None:
            actions += [planner.duplicate(other, keep) for other in others if other.state == "open"]
    labels = _label_actions(actions, repo_labels, ev.portfolio.settings.language)
    return Plan(links.repository, tuple(labels + actions), len(existing), len(wanted), tuple(sorted(set(planner.notes))))
