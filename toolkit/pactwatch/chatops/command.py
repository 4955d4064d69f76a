"""The command at the start of a comment: ``/done [DATE] [evidence…]``, ``/ack DATE [note…]``,
``/reschedule DATE reason…``, ``/waive reason…``. Pure; a mistake is Refused with its column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pactwatch.catalogue import msg
from pactwatch.edit.milestone import ACTIONS, Action, Refused

_TOKEN = re.compile(r"\S+")
_DATE_LIKE = re.compile(r"[0-9]{2,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}\Z")  # looks meant as a date, even a wrong one
_COMMAND = re.compile(r"/([A-Za-z_-]+)")


@dataclass(frozen=True, slots=True)
class Command:
    action: Action
    on: date | None
    words: str


def is_command(body: str) -> bool:
    return body.lstrip().startswith("/")


def _date(token: str, column: int) -> date:
    try:
        return date.fromisoformat(token) if len(token) == 10 else date.fromisoformat("invalid")
    except ValueError:
        raise Refused(msg("chatops.error.bad_date", text=token, column=column), msg("chatops.hint.date")) from None


def parse(body: str) -> Command:
    """The command on the first line of ``body`` (which starts with '/')."""
    line = body.lstrip().splitlines()[0] if body.strip() else ""
    tokens = list(_TOKEN.finditer(line))
    found = _COMMAND.fullmatch(tokens[0].group()) if tokens else None
    name = found.group(1).lower() if found else (tokens[0].group().lstrip("/") if tokens else "")
    if name not in ACTIONS:
        raise Refused(msg("chatops.error.unknown_command", command=name[:40]), msg("chatops.hint.commands"))
    action: Action = name  # narrowed to an Action by the test just above
    rest = tokens[1:]
    on = None
    if rest and action != "waive" and _DATE_LIKE.match(rest[0].group()):
        on = _date(rest[0].group(), rest[0].start() + 1)
        rest = rest[1:]
    words = line[rest[0].start() :].strip() if rest else ""
    if on is None and action in ("ack", "reschedule"):
        raise Refused(msg("chatops.error.no_date"), msg("chatops.hint.date"))
    if not words and action in ("reschedule", "waive"):
        raise Refused(msg("chatops.error.no_reason"), msg("chatops.hint.reason"))
    return Command(action, on, words)
