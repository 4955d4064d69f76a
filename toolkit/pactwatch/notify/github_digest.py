"""The GitHub digest: one "upcoming" issue per owner, updated in place, and a comment that mentions them.

The issue is found by a hidden marker ``<!-- pactwatch-digest:zhang.wei -->`` (the overdue alerts
use ``<!-- pactwatch:REF -->``; the two never match each other) and the label (default
``pactwatch-digest``). Its body lists the owner's open milestones that are overdue or inside their
reminder window; when something enters a window, a comment ``@login ...`` lets GitHub's own
notifications reach them. A comment carries its own marker, so a retry after a lost answer does
not post it twice. Contract text is made inert with pactwatch.escape.github_markdown.

Markers are predictable, so only issues and comments written by the token's own identity count
(pactwatch.github.identity): a stranger's comment with the marker does not silence the @mention.

Building the update is pure (``build``); ``GithubTransport`` applies it through
pactwatch.github.client.GitHubClient (retries, rate limits, pagination live there).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Protocol

from jinja2 import Environment

from pactwatch.catalogue import text as catalogue_text
from pactwatch.catalogue.jinja import globals_for
from pactwatch.engine import Occurrence
from pactwatch.escape.github_markdown import markdown_text, title_text
from pactwatch.github.render import bounded_title
from pactwatch.i18n import format_date
from pactwatch.model import Person
from pactwatch.naming import person_name
from pactwatch.notify import texts
from pactwatch.notify.messages.base import Context
from pactwatch.notify.outgoing import DeliveryError, Outgoing
from pactwatch.notify.plan import Notice

MARKER_RE = re.compile(r"<!-- pactwatch-digest:([a-z0-9][a-z0-9._-]*) -->")
MAX_ROWS = 100
BODY_LIMIT = 60_000


def marker(person_id: str) -> str:
    return f"<!-- pactwatch-digest:{person_id} -->"


@dataclass(frozen=True, slots=True)
class DigestUpdate:
    person_id: str
    title: str
    body: str  # starts with the marker
    comment: str | None  # starts with its own marker; None when nothing entered a window


def _safe_line(notice: Notice, context: Context) -> texts.Line:
    line = texts.line(notice, context.people, context.settings, private=True)
    md = markdown_text
    return replace(
        line,
        label=md(line.label),
        contract_id=md(line.contract_id),
        contract_title=md(line.contract_title),
        milestone=md(line.milestone),
        kind=md(line.kind),
        amount=md(line.amount),
        counterparty=md(line.counterparty),
    )


def standing(upcoming: Iterable[Occurrence], day: date) -> list[Notice]:
    """Open occurrences as notices of their current state, for the digest table: what comes next first
    (soonest first), then the overdue backlog (most recent first)."""
    items = [Notice(o, "reminder" if (o.days_until or 0) >= 0 else "overdue", o.days_until or 0, day) for o in upcoming]
    return sorted(items, key=lambda n: (n.kind != "reminder", abs(n.days_before), n.occurrence.ref))


def _table(items: Sequence[Notice], context: Context, env: Environment, words: dict[str, Any]) -> str:
    """The body text, at most MAX_ROWS rows and BODY_LIMIT characters (GitHub refuses bodies over 65,536)."""
    rows = min(len(items), MAX_ROWS)
    while True:
        lines = [_safe_line(n, context) for n in items[:rows]]
        body = env.get_template("notify/digest.md.j2").render(lines=lines, more=len(items) - rows, **words)
        if len(body) <= BODY_LIMIT or rows == 0:
            return body
        rows //= 2


def build(person: Person, items: Sequence[Notice], new: Sequence[Notice], context: Context, env: Environment) -> DigestUpdate:
    lang = context.language
    name = person_name(person.id, context.people)
    words = {"name": name, "day": format_date(context.day, lang), **globals_for(lang, markdown_text)}  # facts made inert
    body = _table(items, context, env, words)
    comment = None
    if new:
        text = env.get_template("notify/digest-comment.md.j2").render(
            lines=[_safe_line(n, context) for n in new], handle=person.github, **words
        )
        fingerprint = hashlib.sha256("\n".join(n.key for n in new).encode()).hexdigest()[:16]
        comment = f"<!-- pactwatch-digest-comment:{person.id}:{fingerprint} -->\n{text}"
    title = bounded_title(lambda cut: title_text(catalogue_text("notify.digest.title", lang, name=cut)), name)
    return DigestUpdate(person.id, title, f"{marker(person.id)}\n{body}", comment)


class Api(Protocol):
    """What the digest needs of pactwatch.github.client.GitHubClient."""

    def paginate(self, path: str, *, params: Any = None, need: str = "") -> Any: ...

    def request(
        self, method: str, path: str, *, params: Any = None, json: Any = None, need: str = "", repeatable: bool | None = None
    ) -> Any: ...


@dataclass(slots=True)
class _Issue:
    number: int
    state: str
    body: str


class GithubTransport:
    def __init__(self, api: Api, repository: str, label: str, today: date, login: str | None = None) -> None:
        self._api = api
        self._repo = repository
        self._label = label
        self._today = today
        self._login = login  # who the token is; asked of GitHub on first use when not given
        self._issues: dict[str, _Issue] | None = None

    def __repr__(self) -> str:
        return f"GithubTransport({self._repo!r})"

    def close(self) -> None:
        close = getattr(self._api, "close", None)
        if close is not None:
            close()

    def login(self) -> str:
        if self._login is None:
            from pactwatch.github.identity import resolve

            self._login = str(self._guard(lambda: resolve(self._api, None)))
        return self._login

    def ours(self, item: Any) -> bool:
        """Written by the token's identity (pactwatch.github.identity, imported when GitHub is used)."""
        from pactwatch.github.identity import written_by

        return written_by(item, self.login())

    def issues(self) -> dict[str, _Issue]:
        """Our digest issues by person id (the lowest number wins if a lost answer ever made two)."""
        if self._issues is None:
            found: dict[str, _Issue] = {}
            params = {"labels": self._label, "state": "all", "per_page": 100, "sort": "created", "direction": "asc"}
            for item in self._guard(lambda: list(self._api.paginate(f"/repos/{self._repo}/issues", params=params, need="issues: read"))):
                match = MARKER_RE.search(item.get("body") or "")
                if match and item.get("pull_request") is None and self.ours(item):
                    found.setdefault(match.group(1), _Issue(int(item["number"]), str(item.get("state")), item.get("body") or ""))
            self._issues = found
        return self._issues

    def deliver(self, message: Outgoing) -> None:
        update = message.payload
        assert isinstance(update, DigestUpdate)
        issue = self.issues().get(update.person_id)
        if issue is None:
            payload = {"title": update.title, "body": update.body, "labels": [self._label]}
            answer = self._guard(lambda: self._api.request("POST", f"/repos/{self._repo}/issues", json=payload, need="issues: write"))
            self._check_author(answer.data)
            issue = _Issue(int(answer.data["number"]), "open", update.body)
            self.issues()[update.person_id] = issue
        elif issue.body != update.body or issue.state != "open":
            change = {"body": update.body, "state": "open"}
            self._guard(lambda: self._api.request("PATCH", f"/repos/{self._repo}/issues/{issue.number}", json=change, need="issues: write"))
            issue.body, issue.state = update.body, "open"
        if update.comment is not None:
            self._comment(issue.number, update.comment)

    def _comment(self, number: int, comment: str) -> None:
        head = comment.split("\n", 1)[0]
        since = f"{(self._today - timedelta(days=2)).isoformat()}T00:00:00Z"
        path = f"/repos/{self._repo}/issues/{number}/comments"
        recent = self._guard(lambda: list(self._api.paginate(path, params={"since": since, "per_page": 100}, need="issues: read")))
        if any((c.get("body") or "").startswith(head) and self.ours(c) for c in recent):
            return  # posted by an earlier attempt whose answer was lost
        self._guard(lambda: self._api.request("POST", path, json={"body": comment}, need="issues: write"))

    def sweep(self, active: Iterable[str], body_for: Any) -> None:
        """Digests of people with nothing upcoming any more: say so and close them."""
        keep = set(active)
        for person_id, issue in sorted(self.issues().items()):
            if person_id in keep or issue.state != "open":
                continue
            change = {"body": body_for(person_id), "state": "closed", "state_reason": "completed"}
            self._guard(
                lambda n=issue.number, c=change: self._api.request("PATCH", f"/repos/{self._repo}/issues/{n}", json=c, need="issues: write")
            )
            issue.state = "closed"

    def _check_author(self, item: Any) -> None:
        from pactwatch.github.identity import check_author

        self._guard(lambda: check_author(item, self.login()))

    @staticmethod
    def _guard(call: Any) -> Any:
        from pactwatch.github.client import GitHubError

        try:
            return call()
        except GitHubError as exc:
            raise DeliveryError(exc.said_as, retryable=not exc.fatal and (exc.status is None or exc.status >= 500)) from None
