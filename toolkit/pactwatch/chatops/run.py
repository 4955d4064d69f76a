"""One request from an issue, carried out: authorise, edit, push a branch, open a pull request, reply.

Idempotent: the reply carries ``<!-- pactwatch-chatops:KEY -->`` (KEY: the comment's id), so the same
event processed again finds it and does nothing; a branch or pull request left by a run that stopped
half-way is reused, never made twice. Every word a person reads is from the catalogue, in the
portfolio's language; what people typed is escaped for Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pactwatch.catalogue import text
from pactwatch.chatops.authorise import allowed, may_change
from pactwatch.chatops.command import parse
from pactwatch.chatops.event import Ask
from pactwatch.chatops.gitops import noreply, push_change, remote_has, toplevel
from pactwatch.edit.contract_file import Edited, Invalid, change
from pactwatch.edit.milestone import Refused, Request
from pactwatch.escape.github_markdown import markdown_text, title_text
from pactwatch.github.client import GitHubClient, GitHubError
from pactwatch.github.identity import written_by
from pactwatch.links import pull_request
from pactwatch.model import Portfolio


@dataclass(frozen=True, slots=True)
class Context:
    root: Path
    portfolio: Portfolio
    today: date
    repository: str  # owner/name
    bot_login: str
    server_url: str = "https://github.com"

    @property
    def language(self) -> str:
        return self.portfolio.settings.language


def marker(key: str) -> str:
    return f"<!-- pactwatch-chatops:{key} -->"


class _Api:
    """The few REST calls a request needs, on one repository."""

    def __init__(self, client: GitHubClient, repository: str) -> None:
        self.client, self.repo = client, f"/repos/{repository}"

    def answered(self, issue: int, key: str, bot: str) -> bool:
        comments = self.client.paginate(f"{self.repo}/issues/{issue}/comments", params={"per_page": 100}, need="issues: read")
        return any(written_by(c, bot) and marker(key) in str(c.get("body") or "") for c in comments)

    def reply(self, issue: int, key: str, body: str) -> None:
        self.client.request("POST", f"{self.repo}/issues/{issue}/comments", json={"body": f"{marker(key)}\n{body}\n"}, need="issues: write")

    def member_of(self, team: str, login: str) -> bool:
        org, slug = team.split("/", 1)
        try:
            answer = self.client.get(f"/orgs/{org}/teams/{slug}/memberships/{login}", need="members: read (organization)")
        except GitHubError as exc:
            if exc.status in (403, 404):  # not a member, or a token that cannot see the team (GITHUB_TOKEN cannot)
                return False
            raise
        return isinstance(answer.data, Mapping) and answer.data.get("state") == "active"

    def pull_for(self, owner: str, branch: str) -> Mapping[str, Any] | None:
        found = self.client.get(f"{self.repo}/pulls", params={"head": f"{owner}:{branch}", "state": "all"}, need="pull-requests: read")
        pulls = found.data if isinstance(found.data, list) else []
        return pulls[0] if pulls else None

    def open_pull(self, title: str, branch: str, base: str, body: str) -> Mapping[str, Any]:
        made = self.client.request(
            "POST", f"{self.repo}/pulls", json={"title": title, "head": branch, "base": base, "body": body}, need="pull-requests: write"
        )
        return made.data if isinstance(made.data, Mapping) else {}


def branch_name(ask: Ask) -> str:
    return f"pactwatch/{ask.contract_id}-{ask.ref.replace('@', '-')}-{ask.key}"


def handle(ask: Ask, ctx: Context, client: GitHubClient) -> str:
    """Carry out ``ask``; a one-line account of what was done (for the workflow's log)."""
    api, lang = _Api(client, ctx.repository), ctx.language
    if api.answered(ask.issue, ask.key, ctx.bot_login):
        return f"#{ask.issue}: comment {ask.key} was answered already"
    people = ctx.portfolio.people
    contract = next((c for c in ctx.portfolio.contracts if c.id == ask.contract_id), None)
    milestone = next((m for m in contract.milestones if m.id == ask.ref.split("@")[0]), None) if contract else None
    if contract is None or milestone is None:
        api.reply(ask.issue, ask.key, text("chatops.reply.error", lang, error=markdown_text(f"{ask.contract_id}/{ask.ref}")))
        return f"#{ask.issue}: {ask.contract_id}/{ask.ref} is not in the portfolio"
    handles = allowed(contract, milestone.owner, people, ctx.portfolio.settings)
    if not may_change(ask.login, handles, api.member_of):
        who = text("notify.joiner", lang).join(handles) or text("chatops.reply.nobody", lang)
        api.reply(ask.issue, ask.key, text("chatops.reply.refused", lang, who=markdown_text(ask.login), allowed=who))
        return f"#{ask.issue}: {ask.login} may not change {ask.contract_id}/{ask.ref}; refused"
    try:
        command = parse(ask.body)
        request = Request(command.action, ask.contract_id, ask.ref, command.on, command.words)
        edited = change(ctx.root, contract.source, request, ctx.portfolio.settings, people, ctx.today)
    except Refused as exc:
        api.reply(ask.issue, ask.key, text("chatops.reply.error", lang, error=exc.text(lang, markdown_text)))
        return f"#{ask.issue}: {exc}"
    except Invalid as exc:
        lines = [f"- {markdown_text(f'{f.file}:{f.line}:{f.column}: {f.message_text(lang)} ({f.hint_text(lang)})')}" for f in exc.findings]
        error = text("chatops.error.invalid", lang, file=markdown_text(contract.source))
        api.reply(ask.issue, ask.key, "\n".join([text("chatops.reply.error", lang, error=error), "", *lines]))
        return f"#{ask.issue}: the change would not validate"
    url = _pull_request(api, ask, ctx, request, edited)
    api.reply(ask.issue, ask.key, text("chatops.reply.opened", lang, link=url))
    return f"#{ask.issue}: {url}"


def _what(request: Request, lang: str) -> str:
    on = request.on.isoformat() if request.on else ""
    return text(f"chatops.what.{request.action}", lang, contract=request.contract_id, milestone=request.ref, date=on)


def _pull_request(api: _Api, ask: Ask, ctx: Context, request: Request, edited: Edited) -> str:
    """The pull request for ``ask``: found if a run before this one opened it, else pushed and opened."""
    lang, branch = ctx.language, branch_name(ask)
    owner = ctx.repository.split("/")[0]
    found = api.pull_for(owner, branch)
    if found is None:
        top = toplevel(ctx.root)
        rel = (ctx.root.resolve() / edited.source).relative_to(top.resolve()).as_posix()
        if not remote_has(top, branch):
            message = f"{_what(request, lang)}\n\n{ask.link}"
            push_change(top, branch, {rel: edited.after.encode("utf-8")}, noreply(ask.login, ask.user_id), message)
        found = api.open_pull(title_text(_what(request, lang)), branch, ask.base, _body(ask, ctx, request, edited))
    number = found.get("number")
    link = found.get("html_url") or (pull_request(ctx.repository, number, ctx.server_url) if isinstance(number, int) else None)
    return str(link or branch)


def _body(ask: Ask, ctx: Context, request: Request, edited: Edited) -> str:
    lang = ctx.language
    where = f"[{text('chatops.pr.comment', lang)}]({ask.link})" if ask.link.startswith("https://") else markdown_text(ask.link)
    diff = edited.diff()
    fence = "`" * max(3, _longest_backticks(diff) + 1)
    notes = [text("chatops.reply.note", lang, note=n.render(lang)) for n in edited.applied.notes]
    parts = [
        marker(ask.key),
        f"**{markdown_text(_what(request, lang))}**",
        text("chatops.pr.asked", lang, who=markdown_text(ask.login), link=where),
        *[markdown_text(n) for n in notes],
        f"{fence}diff\n{diff}\n{fence}",
        text("chatops.pr.review", lang),
    ]
    return "\n\n".join(parts) + "\n"


def _longest_backticks(value: str) -> int:
    longest = run = 0
    for char in value:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest
