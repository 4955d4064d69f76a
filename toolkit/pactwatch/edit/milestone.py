"""The changes owners ask for, as pure functions of a contract's data: done, ack, reschedule, waive.

Each takes the contract's mapping (as pactwatch.load.yaml reads it) and returns a changed copy for the
editor to write, or raises ``Refused`` with a catalogue message and its hint. The validator has the last
word on the result; these refusals come first because they can say what the owner meant.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pactwatch.catalogue import Msg, msg, text
from pactwatch.errors import PactwatchError

Action = Literal["done", "ack", "reschedule", "waive"]
ACTIONS: tuple[Action, ...] = ("done", "ack", "reschedule", "waive")
_REF = re.compile(r"(?P<milestone>[A-Za-z0-9][A-Za-z0-9._-]{0,63})(?:@(?P<occurrence>[0-9]{4}-[0-9]{2}-[0-9]{2}))?\Z")
_OPEN = ("pending", "in_progress")


class Refused(PactwatchError):
    """A change that cannot be made, in words for the owner: what is wrong and what to do."""

    def __init__(self, message: Msg, hint: Msg | None = None) -> None:
        super().__init__(message.render("en"))
        self.message, self.hint = message, hint

    def text(self, language: str, clean: Callable[[str], str] = str) -> str:
        """The refusal and its hint; ``clean`` escapes each fact (the words a person typed) for the output's format."""

        def said(message: Msg) -> str:
            return text(message.id, language, **{k: clean(str(v)) for k, v in message.facts})

        return said(self.message) + (text("finding.hint_inline", language, hint=said(self.hint)) if self.hint else "")


@dataclass(frozen=True, slots=True)
class Request:
    """One change asked for: a milestone (or ``M@YYYY-MM-DD`` occurrence), a date and a text (evidence, note or reason)."""

    action: Action
    contract_id: str
    ref: str
    on: date | None = None  # done: completion; ack: until; reschedule: the new due date
    words: str = ""  # done: evidence; ack: note; reschedule and waive: the reason


@dataclass(frozen=True, slots=True)
class Applied:
    data: dict[str, Any]
    milestone_id: str
    occurrence: str | None  # ISO due date of the occurrence, for a recurring milestone
    notes: tuple[Msg, ...] = ()  # what the owner should know (evidence an occurrence cannot keep)


def _find(data: dict[str, Any], ref: str) -> tuple[dict[str, Any], str | None]:
    found = _REF.match(ref)
    if not found:
        raise Refused(msg("chatops.error.bad_ref", ref=ref), msg("chatops.hint.ref"))
    for milestone in data.get("milestones") or ():
        if isinstance(milestone, dict) and milestone.get("id") == found["milestone"]:
            return milestone, found["occurrence"]
    known = ", ".join(str(m.get("id")) for m in data.get("milestones") or () if isinstance(m, dict))
    raise Refused(
        msg("chatops.error.no_milestone", ref=found["milestone"], contract=str(data.get("id"))), msg("chatops.hint.known", known=known)
    )


def _next_amendment(data: dict[str, Any]) -> str:
    taken = {str(a.get("id")) for a in data.get("amendments") or () if isinstance(a, dict)}
    numbers = [int(m[1]) for t in taken if (m := re.fullmatch(r"A([0-9]{1,6})", t))]
    n = max(numbers, default=len(taken)) + 1
    while f"A{n}" in taken:
        n += 1
    return f"A{n}"


def _amend(data: dict[str, Any], today: date, summary: str) -> None:
    entry = {"id": _next_amendment(data), "date": today.isoformat(), "summary": summary}
    data["amendments"] = [*(data.get("amendments") or []), entry]


def apply(data: dict[str, Any], request: Request, today: date, language: str) -> Applied:
    """``data`` with the change made (a deep copy; ``data`` is left as it is)."""
    changed = copy.deepcopy(data)
    milestone, occurrence = _find(changed, request.ref)
    mid = str(milestone["id"])
    if occurrence is not None and milestone.get("repeat") is None:
        raise Refused(msg("chatops.error.not_recurring", milestone=mid), msg("chatops.hint.no_occurrence", milestone=mid))
    if occurrence is None and milestone.get("repeat") is not None and request.action == "done":
        raise Refused(msg("chatops.error.which_occurrence", milestone=mid), msg("chatops.hint.occurrence", milestone=mid))
    notes = _CHANGES[request.action](changed, milestone, occurrence, request, today, language)
    return Applied(changed, mid, occurrence, notes)


def _done(data: dict[str, Any], m: dict[str, Any], occurrence: str | None, r: Request, today: date, language: str) -> tuple[Msg, ...]:
    on = r.on or today
    if on > today:
        raise Refused(msg("chatops.error.done_in_future", date=on.isoformat(), today=today.isoformat()), msg("chatops.hint.done_date"))
    if occurrence is not None:
        if occurrence in (m.get("completed") or {}):
            raise Refused(msg("chatops.error.occurrence_recorded", ref=r.ref, date=str(m["completed"][occurrence])))
        m["completed"] = {**(m.get("completed") or {}), occurrence: on.isoformat()}
        return (msg("chatops.note.evidence_not_kept", evidence=r.words),) if r.words else ()
    _must_be_open(m)
    m["status"] = "done"
    m["completed_on"] = on.isoformat()
    if r.words:
        m["evidence"] = r.words
    m.pop("ack", None)  # an ack on a done milestone is an error (PW321): it has done its work
    return ()


def _ack(data: dict[str, Any], m: dict[str, Any], occurrence: str | None, r: Request, today: date, language: str) -> tuple[Msg, ...]:
    _must_be_open(m)
    if r.on is None or r.on <= today:
        shown = r.on.isoformat() if r.on else ""
        raise Refused(msg("chatops.error.ack_not_after_today", date=shown, today=today.isoformat()), msg("chatops.hint.ack_date"))
    m["ack"] = {"until": r.on.isoformat(), **({"note": r.words} if r.words else {})}
    return ()


def _reschedule(data: dict[str, Any], m: dict[str, Any], occurrence: str | None, r: Request, today: date, language: str) -> tuple[Msg, ...]:
    mid = str(m["id"])
    _must_be_open(m)
    if occurrence is not None or m.get("repeat") is not None:
        raise Refused(msg("chatops.error.reschedule_recurring", milestone=mid), msg("chatops.hint.ack_instead"))
    if "due" not in m:
        raise Refused(msg("chatops.error.reschedule_relative", milestone=mid), msg("chatops.hint.ack_instead"))
    if not r.words.strip():
        raise Refused(msg("chatops.error.no_reason"), msg("chatops.hint.reason"))
    if r.on is None:
        raise Refused(msg("chatops.error.no_date"), msg("chatops.hint.date"))
    before = str(m["due"])
    m["due"] = r.on.isoformat()
    m.pop("ack", None)  # the new plan replaces the agreed delay
    _amend(data, today, text("chatops.amendment.reschedule", language, milestone=mid, old=before, new=r.on.isoformat(), reason=r.words))
    return ()


def _waive(data: dict[str, Any], m: dict[str, Any], occurrence: str | None, r: Request, today: date, language: str) -> tuple[Msg, ...]:
    mid = str(m["id"])
    _must_be_open(m)
    if occurrence is not None:
        raise Refused(msg("chatops.error.waive_occurrence", milestone=mid), msg("chatops.hint.ack_instead"))
    if not r.words.strip():
        raise Refused(msg("chatops.error.no_reason"), msg("chatops.hint.reason"))
    m["status"] = "waived"
    m.pop("ack", None)
    _amend(data, today, text("chatops.amendment.waive", language, milestone=mid, reason=r.words))
    return ()


def _must_be_open(m: dict[str, Any]) -> None:
    if m.get("status", "pending") not in _OPEN:
        raise Refused(msg("chatops.error.closed", milestone=str(m["id"]), status=str(m.get("status"))))


_CHANGES = {"done": _done, "ack": _ack, "reschedule": _reschedule, "waive": _waive}
