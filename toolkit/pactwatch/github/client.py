"""A small GitHub REST client: the only module here that speaks HTTP.

- Retries with exponential backoff on 5xx and network errors, for requests that are safe to repeat.
  A POST that creates something (an issue, a comment) is not repeated blindly after a 5xx or a lost
  answer: it may have been done. The caller checks and retries (see apply.py).
- Rate limits: a primary limit (403/429 with ``x-ratelimit-remaining: 0``) waits until
  ``x-ratelimit-reset``; a secondary limit waits ``retry-after`` seconds, else one minute doubling.
  A wait longer than ``RetryPolicy.max_wait`` gives up with a clear message instead of hanging a job.
- A GitHub that does not answer: connect and read timeouts, and a deadline on silence (tries and
  backoff together, ``RetryPolicy.deadline``), so a run fails in seconds with one line, never hangs.
- Content creation: writes are spaced ``write_interval`` apart, as GitHub asks of integrations.
- Pagination follows ``Link: <...>; rel="next"``, only ever to the API's own host, never to a page
  already read, and at most ``MAX_PAGES`` pages (a server that links in a circle cannot loop us).
- 401/403/404/410 become messages that say which permission is missing; a success that is not JSON
  is a clean error, not a traceback.
- The token is a ``Secret``: it goes into the Authorization header and nowhere else (not in reprs,
  messages, or exceptions). Everything GitHub says is redacted (pactwatch.redact) before it becomes
  a message, because an error page may echo the Authorization header.

``sleep`` and ``clock`` are injectable so tests run without waiting and without a real clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from pactwatch import __version__
from pactwatch.catalogue import Msg, msg
from pactwatch.errors import PactwatchError
from pactwatch.redact import ERROR_LIMIT, Redactor

API_VERSION = "2022-11-28"
DEFAULT_API_URL = "https://api.github.com"
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
MAX_PAGES = 1000  # 100,000 items at per_page=100: far beyond any repository's pactwatch issues


class Secret:
    """A token that never shows itself in a repr, a str, a log line or a traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__


class GitHubError(PactwatchError):
    """A request GitHub did not do. ``fatal`` means every further request would fail the same way."""

    def __init__(
        self,
        message: str | Msg,
        *,
        status: int | None = None,
        fatal: bool = False,
        errors: tuple[Mapping[str, Any], ...] = (),
        rate_limited: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.fatal = fatal
        self.errors = errors
        self.rate_limited = rate_limited


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 5  # tries of one request in all
    backoff: float = 2.0  # first wait after a 5xx or a network error, doubled each time
    max_backoff: float = 60.0
    secondary_wait: float = 60.0  # a secondary rate limit without retry-after: wait a minute, doubling
    max_wait: float = 900.0  # a single wait longer than this gives up (the next scheduled run continues)
    write_interval: float = 1.0  # at least this long between two writes (GitHub's advice for content creation)
    connect_timeout: float = 4.0  # a host that does not take the connection
    read_timeout: float = 8.0  # a connection that stays silent
    deadline: float = 12.0  # no answer at all for this long (tries and waits together): give up, so a run never hangs


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    data: Any
    headers: Mapping[str, str] = field(default_factory=dict)
    next_url: str | None = None


def _retry_after(value: str, now: float) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - now, 0.0)


def rate_limit_wait(status: int, headers: Mapping[str, str], message: str, now: float) -> tuple[str, float | None] | None:
    """("primary"|"secondary", seconds or None for "back off") when a response is a rate limit, else None."""
    if status not in (403, 429):
        return None
    retry_after = headers.get("retry-after")
    if retry_after is not None:
        seconds = _retry_after(retry_after, now)
        return ("secondary", seconds)
    if headers.get("x-ratelimit-remaining") == "0":
        reset = headers.get("x-ratelimit-reset", "")
        seconds = max(float(reset) - now, 0.0) + 1.0 if reset.isdigit() else None
        return ("primary", seconds)
    if status == 429 or "rate limit" in message.lower():
        return ("secondary", None)
    return None


def _message_of(response: httpx.Response) -> tuple[str, tuple[Mapping[str, Any], ...]]:
    try:
        data = response.json()
    except ValueError:
        return response.reason_phrase or "error", ()
    if not isinstance(data, dict):
        return response.reason_phrase or "error", ()
    errors = tuple(e for e in data.get("errors", ()) if isinstance(e, dict))
    return str(data.get("message") or response.reason_phrase or "error"), errors


def explain(status: int, method: str, path: str, message: str, accepted: str | None, need: str, has_token: bool) -> Msg:
    """One sentence that says what went wrong and what to change, naming the permission (worded where it is shown)."""
    permission = accepted.replace("=", ": ").replace(",", ", ") if accepted else need
    said = {"method": method, "path": path, "message": message}
    if status == 401:
        return msg("github.client.no_token" if not has_token else "github.client.bad_token", **said)
    if status in (403, 404):
        return msg(f"github.client.refused_{status}", permission=permission, **said)
    if status == 410:
        return msg("github.client.gone", **said)
    return msg("github.client.answered", status=status, **said)


def _describe_errors(errors: tuple[Mapping[str, Any], ...]) -> str:
    parts = [" ".join(str(e[k]) for k in ("field", "code", "value", "message") if k in e) for e in errors]
    return "; ".join(p for p in parts if p)


class GitHubClient:
    def __init__(
        self,
        base_url: str,
        token: Secret | None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        policy: RetryPolicy | None = None,
        max_pages: int = MAX_PAGES,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PactwatchError(msg("github.client.not_http", url=base_url))
        self.base_url = base_url.rstrip("/")
        self._origin = (parts.scheme, parts.netloc)
        self._has_token = token is not None
        self._redact = Redactor([token.reveal()] if token is not None else [])
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION, "User-Agent": f"pactwatch/{__version__}"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token.reveal()}"
        self.policy = policy or RetryPolicy()
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        self._http = httpx.Client(headers=headers, transport=transport, timeout=timeout, follow_redirects=False)
        self._sleep = sleep
        self._clock = clock
        self._last_write: float | None = None
        self.writes = 0  # write requests sent (for reports and tests)
        self.max_pages = max_pages

    def __repr__(self) -> str:
        return f"GitHubClient({self.base_url!r}, token={'***' if self._has_token else None})"

    def __enter__(self) -> GitHubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def pause(self, seconds: float) -> None:
        """Wait (through the injected sleep) before trying something again."""
        self._sleep(seconds)

    def _url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            parts = urlsplit(path)
            if (parts.scheme, parts.netloc) != self._origin:
                away = self._redact(f"{parts.scheme}://{parts.netloc}", ERROR_LIMIT)
                raise GitHubError(msg("github.client.away", base=self.base_url, away=away), fatal=True)
            return path
        return f"{self.base_url}{path}"

    def _pace(self) -> None:
        if self._last_write is not None:
            gap = self.policy.write_interval - (self._clock() - self._last_write)
            if gap > 0:
                self._sleep(gap)
        self._last_write = self._clock()

    def _backoff(self, attempt: int, base: float, cap: float | None = None) -> float:
        return float(min(base * 2 ** (attempt - 1), cap if cap is not None else max(self.policy.max_backoff, base)))

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
        need: str = "",
        repeatable: bool | None = None,
    ) -> Response:
        """Send one request, waiting out rate limits and retrying what is safe to retry.

        ``need`` names the permission the request needs (for the message when it is refused).
        ``repeatable`` says whether the request may be sent again after a 5xx or a lost answer
        (default: every method but POST).
        """
        repeatable = method != "POST" if repeatable is None else repeatable
        url = self._url(path)
        shown = self._redact(urlsplit(url).path, ERROR_LIMIT)  # a next link is GitHub's text
        attempts = self.policy.attempts
        heard = self._clock()  # when GitHub last answered (or the request began): the deadline counts from here
        for attempt in range(1, attempts + 1):
            if method in WRITE_METHODS:
                self._pace()
                self.writes += 1
            try:
                response = self._http.request(method, url, params=params, json=json, timeout=self._timeout(heard))
            except httpx.TransportError as exc:
                safe = repeatable or isinstance(exc, httpx.ConnectError)  # a refused connection never reached GitHub
                wait = self._backoff(attempt, self.policy.backoff)
                if attempt == attempts or not safe or self._clock() - heard + wait >= self.policy.deadline:
                    said = msg("github.client.no_answer", method=method, path=shown, base=self.base_url, error=type(exc).__name__)
                    raise GitHubError(said) from None
                self._sleep(wait)
                continue
            heard = self._clock()
            delay = self._delay(response, method, shown, attempt)
            if delay is not None and (repeatable or response.status_code < 500):
                self._sleep(delay)
                continue
            return self._finish(response, method, shown, need)
        raise AssertionError("unreachable")  # pragma: no cover - the last attempt returns or raises

    def _timeout(self, heard: float) -> httpx.Timeout:
        """This try's timeouts: the policy's, shrunk in proportion so that connect and read together fit what is left of the deadline."""
        connect, read = self.policy.connect_timeout, self.policy.read_timeout
        left = max(self.policy.deadline - (self._clock() - heard), 0.2)
        share = min(1.0, left / (connect + read))
        return httpx.Timeout(read * share, connect=connect * share)

    def _delay(self, response: httpx.Response, method: str, shown: str, attempt: int) -> float | None:
        """How long to wait before another try, or None to stop here (the caller then raises)."""
        status = response.status_code
        last = attempt == self.policy.attempts
        if status >= 500:
            return None if last else self._backoff(attempt, self.policy.backoff)
        message, _ = _message_of(response) if status in (403, 429) else ("", ())
        limited = rate_limit_wait(status, response.headers, message, self._clock())
        if limited is None:
            return None
        kind, seconds = limited
        wait = seconds if seconds is not None else self._backoff(attempt, self.policy.secondary_wait, self.policy.max_wait)
        if wait > self.policy.max_wait or last:
            resumes = datetime.fromtimestamp(self._clock() + wait, UTC).strftime("%H:%M UTC")
            raise GitHubError(
                msg(f"github.client.rate_limit_{kind}", method=method, path=shown, resumes=resumes),
                status=status,
                fatal=True,
                rate_limited=True,
            )
        return wait

    def _finish(self, response: httpx.Response, method: str, shown: str, need: str) -> Response:
        status = response.status_code
        if status < 400:
            try:
                data = response.json() if response.content else None
            except ValueError:  # also a body that is not UTF-8
                kind = self._redact(response.headers.get("content-type") or "no content type", 80)
                said = msg("github.client.not_json", method=method, path=shown, status=status, kind=kind)
                raise GitHubError(said, status=status) from None
            next_link = response.links.get("next", {}).get("url")
            return Response(status, data, dict(response.headers), next_link)
        message, errors = _message_of(response)
        message = self._redact(message, ERROR_LIMIT)
        if status == 422:
            detail = self._redact(_describe_errors(errors), ERROR_LIMIT)
            said = msg("github.client.rejected", method=method, path=shown, message=message + (f": {detail}" if detail else ""))
            raise GitHubError(said, status=status, errors=errors)
        accepted = self._redact(response.headers.get("x-accepted-github-permissions") or "", ERROR_LIMIT) or None
        said = explain(status, method, shown, message, accepted, need or "the right permission", self._has_token)
        raise GitHubError(said, status=status, fatal=status in (401, 403))

    def get(self, path: str, *, params: Mapping[str, str | int] | None = None, need: str = "") -> Response:
        return self.request("GET", path, params=params, need=need)

    def paginate(self, path: str, *, params: Mapping[str, str | int] | None = None, need: str = "") -> Iterator[Any]:
        """Every item of a listed resource, page after page, following the Link header.

        A link to a page already read, or more than ``max_pages`` pages, is an error: the list cannot
        be trusted to be complete, and following it would never end.
        """
        shown = urlsplit(self._url(path)).path
        response = self.get(path, params=params, need=need)
        seen: set[str] = set()
        while True:
            if not isinstance(response.data, list):
                raise GitHubError(msg("github.client.not_a_list", path=shown))
            yield from response.data
            if response.next_url is None:
                return
            if response.next_url in seen or len(seen) + 1 >= self.max_pages:
                if response.next_url in seen:
                    raise GitHubError(msg("github.client.loop", path=shown))
                raise GitHubError(msg("github.client.too_many_pages", path=shown, count=self.max_pages))
            seen.add(response.next_url)
            response = self.get(response.next_url, need=need)
