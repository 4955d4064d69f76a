"""Effects: read the repository's pactwatch issues, and carry out a Plan through the client.

- Finishes what it can: an action that fails is recorded and the next one is tried; only a fatal
  answer (401, 403, a rate limit too long to wait out) stops the run, since every further request
  would fail the same way. The next run converges, because the plan is recomputed from what is there.
- No duplicates: a create (or the escalation comment) whose answer was lost or was a 5xx is not
  simply sent again; the issue list (or the issue's comments) is checked for the hidden marker first.
  The escalation comment is looked for before it is posted at all (a run stopped between the comment
  and its label must not @mention the manager twice).
- Only what the token's own identity wrote counts (github/identity.py): an issue or a comment with
  our marker by anyone else is neither changed nor taken as done.
- Content-creation limits: the client spaces writes; ``max_writes`` caps one run well below GitHub's
  500 content-creating requests an hour, leaving the rest for the next run.
- An assignee GitHub refuses (not a collaborator) does not fail the issue: it is created unassigned,
  with a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pactwatch.catalogue import text, word
from pactwatch.engine.records import Evaluation
from pactwatch.github.alerts_plan import Action, Plan, parts, plan
from pactwatch.github.client import GitHubClient, GitHubError
from pactwatch.github.identity import check_author, resolve, written_by
from pactwatch.github.issues import LISTING_LABEL, ExistingIssue, ours
from pactwatch.github.render import Links, Renderer, escalation_marker

READ = "issues: read"
WRITE = "issues: write"
MAX_WRITES = 400
_COST = {"escalate": 2, "close": 2}  # write requests an action makes (comment + label / comment + state)


@dataclass(slots=True)
class Outcome:
    done: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stopped: str | None = None  # why the run stopped early
    not_started: int = 0  # actions left for the next run

    @property
    def ok(self) -> bool:
        return not self.failed and self.stopped is None


@dataclass(frozen=True, slots=True)
class RunResult:
    plan: Plan
    outcome: Outcome | None  # None for a dry run


def fetch(client: GitHubClient, repo: str, login: str) -> tuple[list[ExistingIssue], list[str]]:
    """The repository's pactwatch issues written by ``login`` (open and closed, every page) and its label names."""
    items = client.paginate(f"/repos/{repo}/issues", params={"labels": LISTING_LABEL, "state": "all", "per_page": 100}, need=READ)
    issues = ours(items, login)
    labels = [str(label["name"]) for label in client.paginate(f"/repos/{repo}/labels", params={"per_page": 100}, need=READ)]
    return issues, labels


def describe(action: Action, language: str, number: int | None = None) -> str:
    """What was done, one line in the run's language (created #5 for C-1/M3 / 已为 C-1/M3 创建 #5)."""
    issue = f"#{number or action.number}" if (number or action.number) else ""
    if action.op == "create_label":
        return text("github.done.create_label", language, label=action.ref)
    reason = word(f"github.state_reason.{action.state_reason}", language) if action.state_reason else ""
    facts = {"issue": issue, "ref": action.ref, "parts": parts(action.changed, language), "reason": reason, "why": action.why}
    return text(f"github.done.{action.op}", language, **facts)


def _uncertain(exc: GitHubError) -> bool:
    """GitHub may or may not have done it: no answer, or a server error."""
    return exc.status is None or exc.status >= 500


def _about(exc: GitHubError, field_name: str) -> bool:
    return exc.status == 422 and any(e.get("field") == field_name for e in exc.errors)


class _Applier:
    def __init__(self, client: GitHubClient, repo: str, max_writes: int, login: str, language: str) -> None:
        self.client = client
        self.language = language
        self.repo = repo
        self.login = login
        self.max_writes = max_writes
        self.created: dict[str, int] = {}
        self.warnings: list[str] = []

    def issue_path(self, number: int | None = None, tail: str = "") -> str:
        return f"/repos/{self.repo}/issues" + (f"/{number}" if number is not None else "") + tail

    def run(self, the_plan: Plan) -> Outcome:
        outcome = Outcome()
        actions = the_plan.actions
        for index, action in enumerate(actions):
            if self.client.writes + _COST.get(action.op, 1) > self.max_writes:
                outcome.not_started = len(actions) - index
                outcome.stopped = text("github.stopped.writes", self.language, writes=self.client.writes, count=outcome.not_started)
                break
            try:
                number = self.do(action)
            except GitHubError as exc:
                op = word(f"github.op.{action.op}", self.language)
                outcome.failed.append(text("github.failed", self.language, op=op, ref=action.ref, error=exc.said(self.language)))
                if exc.fatal:
                    outcome.not_started = len(actions) - index - 1
                    outcome.stopped = exc.said(self.language)
                    break
                continue
            outcome.done.append(describe(action, self.language, number))
        outcome.warnings = self.warnings
        return outcome

    def do(self, action: Action) -> int | None:
        if action.op == "create_label":
            self.create_label(action)
            return None
        if action.op == "create":
            number = self.create(action)
            self.created[action.ref] = number
            return number
        if action.op == "escalate":
            return self.escalate(action)
        assert action.number is not None
        if action.op == "close":
            self.client.request("POST", self.issue_path(action.number, "/comments"), json={"body": action.comment}, need=WRITE)
            self.patch(action, {"state": "closed", "state_reason": action.state_reason})
        elif action.op == "reopen":
            self.patch(action, {"state": "open", "state_reason": "reopened", **_fields(action)})
        else:
            self.patch(action, _fields(action))
        return action.number

    def create_label(self, action: Action) -> None:
        payload = {"name": action.ref, "color": action.colour, "description": action.description}
        try:
            self.client.request("POST", f"/repos/{self.repo}/labels", json=payload, need=WRITE, repeatable=True)
        except GitHubError as exc:
            if not any(e.get("code") == "already_exists" for e in exc.errors):
                raise

    def patch(self, action: Action, payload: dict[str, Any]) -> None:
        try:
            self.client.request("PATCH", self.issue_path(action.number), json=payload, need=WRITE)
        except GitHubError as exc:
            if not (_about(exc, "assignees") and "assignees" in payload):
                raise
            handles = ", ".join(payload["assignees"])
            self.warnings.append(text("github.warning.not_assigned", self.language, ref=action.ref, handles=handles))
            payload = {k: v for k, v in payload.items() if k != "assignees"}
            self.client.request("PATCH", self.issue_path(action.number), json=payload, need=WRITE)

    def create(self, action: Action) -> int:
        payload: dict[str, Any] = {"title": action.title, "body": action.body, "labels": list(action.labels or ())}
        if action.assignees:
            payload["assignees"] = list(action.assignees)
        for attempt in range(1, self.client.policy.attempts + 1):
            try:
                response = self.client.request("POST", self.issue_path(), json=payload, need=WRITE)
            except GitHubError as exc:
                if _about(exc, "assignees") and "assignees" in payload:
                    handles = ", ".join(payload.pop("assignees"))
                    self.warnings.append(text("github.warning.created_unassigned", self.language, ref=action.ref, handles=handles))
                    continue
                if not _uncertain(exc) or attempt == self.client.policy.attempts:
                    raise
            else:
                check_author(response.data, self.login)  # a wrong login would make a new issue on every run: stop
                return int(response.data["number"])
            found = self.find(action.ref)
            if found is not None:
                return found
            self.client.pause(self.client.policy.backoff * attempt)
        raise GitHubError(text("github.error.not_created", self.language, ref=action.ref))

    def find(self, ref: str) -> int | None:
        """The newest open issue carrying ref's marker (checked after a create whose answer was lost)."""
        params: dict[str, str | int] = {"labels": LISTING_LABEL, "state": "open", "sort": "created", "direction": "desc", "per_page": 100}
        response = self.client.get(self.issue_path(), params=params, need=READ)
        matches = [i.number for i in ours(response.data or (), self.login) if i.ref == ref]
        return max(matches) if matches else None

    def escalate(self, action: Action) -> int:
        number = action.number or self.created.get(action.ref)
        if number is None:
            raise GitHubError(text("github.error.not_escalated", self.language, ref=action.ref))
        mark = escalation_marker(action.ref)
        done = action.number is not None and self.posted(number, mark)  # a run stopped before the label
        if not done and not self.post_once(number, action.comment or "", mark):
            raise GitHubError(text("github.error.no_comment", self.language, number=number))
        self.client.request(
            "POST", self.issue_path(number, "/labels"), json={"labels": list(action.labels or ())}, need=WRITE, repeatable=True
        )
        return number

    def post_once(self, number: int, body: str, mark: str) -> bool:
        """Post a comment unless one with ``mark`` is there; checks before a retry after a lost answer."""
        for attempt in range(1, self.client.policy.attempts + 1):
            try:
                self.client.request("POST", self.issue_path(number, "/comments"), json={"body": body}, need=WRITE)
                return True
            except GitHubError as exc:
                if not _uncertain(exc) or attempt == self.client.policy.attempts:
                    raise
            if self.posted(number, mark):
                return True
            self.client.pause(self.client.policy.backoff * attempt)
        return False

    def posted(self, number: int, mark: str) -> bool:
        """Whether the issue has a comment holding ``mark`` written by us (anyone can type a marker)."""
        comments = self.client.paginate(self.issue_path(number, "/comments"), params={"per_page": 100}, need=READ)
        return any(mark in str(c.get("body") or "") and written_by(c, self.login) for c in comments)


def _fields(action: Action) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, value in (("title", action.title), ("body", action.body), ("labels", action.labels), ("assignees", action.assignees)):
        if value is not None:
            fields[name] = list(value) if isinstance(value, tuple) else value
    return fields


def apply(the_plan: Plan, client: GitHubClient, login: str, *, max_writes: int = MAX_WRITES, language: str = "en") -> Outcome:
    """Carry out ``the_plan``; the outcome's lines are in ``language``."""
    return _Applier(client, the_plan.repository, max_writes, login, language).run(the_plan)


def run(
    ev: Evaluation,
    client: GitHubClient,
    renderer: Renderer,
    links: Links,
    *,
    dry_run: bool,
    max_writes: int = MAX_WRITES,
    bot_login: str | None = None,
) -> RunResult:
    """Find who the token is, fetch, plan, and (unless a dry run) apply: one alerts run.

    ``bot_login`` is the token's login when known (--bot-login, PACTWATCH_BOT_LOGIN); else it is asked.
    """
    login = resolve(client, bot_login)
    issues, labels = fetch(client, links.repository, login)
    the_plan = plan(ev, issues, labels, renderer, links)
    if dry_run:
        return RunResult(the_plan, None)
    return RunResult(the_plan, apply(the_plan, client, login, max_writes=max_writes, language=renderer.language))


def summary(lines: Iterable[str]) -> str:
    return "\n".join(f"  {line}" for line in lines)
