"""A GitHub event payload -> the request it carries, or why it is none of pactwatch's business. Pure.

An ``issue_comment`` counts only on an issue pactwatch opened: written by the token's identity, labelled
``pactwatch`` and carrying the hidden marker (a marker or a label alone can be typed by anyone). An
``issues: opened`` event counts when its title is the one the site's links prefill:
``[pactwatch] C-2026-001/M3 …``; its body is the command.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pactwatch.chatops.command import is_command
from pactwatch.github.identity import author, written_by
from pactwatch.github.issues import LISTING_LABEL, ref_in

TITLE_PREFIX = "[pactwatch] "
_TITLE = re.compile(
    r"\[pactwatch\] ([A-Za-z0-9][A-Za-z0-9._-]{0,63})/([A-Za-z0-9][A-Za-z0-9._-]{0,63}(?:@[0-9]{4}-[0-9]{2}-[0-9]{2})?)(?:\s|\Z)"
)


@dataclass(frozen=True, slots=True)
class Ask:
    issue: int
    key: str  # the comment's id ("issue-7" for a command in a new issue): names the branch, marks the reply
    login: str  # who asked
    user_id: int | None  # their numeric id (for the commit author's noreply address)
    body: str
    contract_id: str
    ref: str  # milestone id, or M@YYYY-MM-DD
    link: str  # the comment (or issue) on GitHub
    base: str  # the default branch


def _labels(issue: Mapping[str, Any]) -> set[str]:
    return {str(lb.get("name") if isinstance(lb, Mapping) else lb).lower() for lb in issue.get("labels") or ()}


def _user_id(item: Mapping[str, Any]) -> int | None:
    user = item.get("user")
    value = user.get("id") if isinstance(user, Mapping) else None
    return value if isinstance(value, int) else None


def unrelated(payload: Mapping[str, Any]) -> str | None:
    """Why ``payload`` cannot carry a request, judged without asking GitHub anything; None when it may."""
    issue, comment = payload.get("issue"), payload.get("comment")
    if not isinstance(issue, Mapping) or not isinstance(issue.get("number"), int):
        return "not an issue event"
    if isinstance(comment, Mapping):
        return None if is_command(str(comment.get("body") or "")) else "the comment does not start with a command"
    return None if _TITLE.match(str(issue.get("title") or "")) else "an issue pactwatch's links did not prefill"


def read(payload: Mapping[str, Any], bot_login: str) -> Ask | str:
    """The request in ``payload``, or a one-line reason why there is none to act on."""
    issue = payload.get("issue")
    if not isinstance(issue, Mapping) or not isinstance(issue.get("number"), int):
        return "not an issue event"
    if issue.get("pull_request") is not None:
        return "a pull request, not an issue"
    base = str((payload.get("repository") or {}).get("default_branch") or "main")
    comment = payload.get("comment")
    if isinstance(comment, Mapping):
        return _from_comment(payload, issue, comment, bot_login, base)
    if payload.get("action") != "opened":
        return f"issues event '{payload.get('action')}': only opened issues carry a command"
    found = _TITLE.match(str(issue.get("title") or ""))
    body = str(issue.get("body") or "")
    if not found or not is_command(body):
        return "an issue pactwatch's links did not prefill"
    who = author(issue)
    key = f"issue-{issue['number']}"
    return Ask(issue["number"], key, who, _user_id(issue), body, found[1], found[2], str(issue.get("html_url") or ""), base)


def _from_comment(payload: Mapping[str, Any], issue: Mapping[str, Any], comment: Mapping[str, Any], bot: str, base: str) -> Ask | str:
    if payload.get("action") != "created":
        return f"comment {payload.get('action')}: only new comments carry a command"
    body = str(comment.get("body") or "")
    if not is_command(body):
        return "the comment does not start with a command"
    if written_by(comment, bot):
        return "pactwatch's own comment"
    ref = ref_in(issue.get("body"))
    if not written_by(issue, bot) or LISTING_LABEL not in _labels(issue) or ref is None or "/" not in ref:
        return "an issue pactwatch did not open"
    contract_id, milestone = ref.split("/", 1)
    key = str(comment.get("id") or "")
    if not key.isdigit():
        return "a comment without an id"
    return Ask(
        issue["number"], key, author(comment), _user_id(comment), body, contract_id, milestone, str(comment.get("html_url") or ""), base
    )
