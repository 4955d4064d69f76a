"""Who the token is: the only author whose issues and comments pactwatch treats as its own.

A hidden marker can be typed by anyone (in an issue they open, in a comment), so a marker alone
never makes an issue or a comment pactwatch's: it must also be written by the token's identity.
Otherwise a stranger's issue could be edited, closed and reopened by the alerts, and a stranger's
comment carrying the (predictable) digest or escalation marker would silence an @mention.

How the login is found, first match wins:

1. given explicitly: ``pactwatch alerts --bot-login LOGIN``, or the ``PACTWATCH_BOT_LOGIN`` variable
   (both commands);
2. ``GET /user``: a personal or fine-grained token, an App's user-to-server token;
3. ``github-actions[bot]``, when ``/user`` is refused (401/403): an installation token, such as a
   workflow's ``GITHUB_TOKEN``, cannot read ``/user``, and ``GET /app`` would need the App's private
   key, which a run does not have. Another GitHub App must therefore say ``--bot-login <slug>[bot]``.

A wrong guess cannot make duplicates: every issue pactwatch creates comes back with its author, and an
author other than the login stops the run with the login to set (``check_author``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from pactwatch.catalogue import msg

BOT_LOGIN_ENV = "PACTWATCH_BOT_LOGIN"
ACTIONS_BOT = "github-actions[bot]"


class _Api(Protocol):
    def request(
        self, method: str, path: str, *, params: Any = None, json: Any = None, need: str = "", repeatable: bool | None = None
    ) -> Any: ...


def configured(given: str | None, environ: Mapping[str, str]) -> str | None:
    """The login given on the command line, else in ``PACTWATCH_BOT_LOGIN``; None when neither."""
    value = (given or environ.get(BOT_LOGIN_ENV) or "").strip()
    return value or None


def resolve(api: _Api, given: str | None) -> str:
    """The token's login (see the module's docstring for the order)."""
    from pactwatch.github.client import GitHubError  # here: the issue parser and the digest builder import this module, not httpx

    if given:
        return given
    try:
        answer = api.request("GET", "/user", need="a token that can read its own user")
    except GitHubError as exc:
        if exc.status in (401, 403) and not exc.rate_limited:
            return ACTIONS_BOT
        raise
    login = answer.data.get("login") if isinstance(answer.data, Mapping) else None
    if not isinstance(login, str) or not login:
        raise GitHubError(msg("github.client.who", env=BOT_LOGIN_ENV), fatal=True)
    return login


def author(item: Mapping[str, Any]) -> str:
    """The login of who wrote an issue or a comment ("" when GitHub did not say)."""
    user = item.get("user")
    return str(user.get("login") or "") if isinstance(user, Mapping) else ""


def written_by(item: Mapping[str, Any], login: str) -> bool:
    """Whether ``login`` wrote the issue or comment (logins are case-insensitive on GitHub)."""
    return author(item).casefold() == login.casefold()


def check_author(item: Mapping[str, Any], login: str) -> None:
    """Stop when GitHub says something pactwatch just wrote is by someone else than ``login``."""
    from pactwatch.github.client import GitHubError

    if not written_by(item, login):
        who = author(item) or "?"  # GitHub did not say
        said = msg("github.client.wrong_author", number=str(item.get("number", "?")), who=who, login=login, env=BOT_LOGIN_ENV)
        raise GitHubError(said, fatal=True)
