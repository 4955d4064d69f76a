"""Posting to a chat robot: sign, POST JSON, judge the answer. The URL never appears in a message.

A robot URL carries its access token (DingTalk ``access_token``, WeCom ``key``, the Feishu and
Slack hook path), so errors name only the robot and the host. URLs must be https (http only to
this machine, for tests and local relays).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from urllib.parse import urlsplit

from pactwatch import __version__
from pactwatch.catalogue import msg
from pactwatch.notify.messages import ChatFormat, ChatMessage
from pactwatch.notify.outgoing import DeliveryError, Outgoing

_LOCAL = frozenset({"localhost", "127.0.0.1", "::1"})


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a robot URL (a catalogue id, facts ``channel`` and ``names``), or None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "notify.wire.not_url"
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname in _LOCAL:
        return None
    return "notify.wire.not_https"


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


class WebhookTransport:
    def __init__(
        self, name: str, fmt: ChatFormat, url: str, secret: str | None, *, clock_ms: Callable[[], int] = _now_ms, timeout: float = 15.0
    ) -> None:
        self.name = name
        self._fmt = fmt
        self._url = url.strip()
        self._secret = secret
        self._clock_ms = clock_ms
        self._timeout = timeout
        self._host = urlsplit(self._url).hostname or "?"
        self._posted: dict[str, int] = {}  # message -> bodies already accepted (WeCom may need two posts)

    def __repr__(self) -> str:
        return f"WebhookTransport({self.name!r}, host={self._host!r})"

    def deliver(self, message: Outgoing) -> None:
        assert isinstance(message.payload, ChatMessage)
        ident = "|".join(message.keys)
        bodies = message.payload.bodies
        for index in range(self._posted.get(ident, 0), len(bodies)):
            url, body = self._url, bodies[index]
            if self._secret:  # signed afresh on every attempt: the timestamp must be recent
                url, body = self._fmt.sign(url, body, self._secret, self._clock_ms())
            status, answer = self._post(url, body)
            problem = self._fmt.check(status, answer)
            if problem is not None:
                said = msg("notify.send.not_accepted", channel=self.name, host=self._host, problem=problem)
                raise DeliveryError(said, retryable=status != 400)
            self._posted[ident] = index + 1

    def _post(self, url: str, body: object) -> tuple[int, bytes]:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": f"pactwatch/{__version__}"}
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return int(response.status), bytes(response.read(65536))
        except urllib.error.HTTPError as exc:
            with exc:
                return int(exc.code), bytes(exc.read(65536))
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DeliveryError(msg("notify.send.no_answer", channel=self.name, host=self._host, error=type(reason).__name__)) from None
