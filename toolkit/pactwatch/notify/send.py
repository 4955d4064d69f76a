"""Effects: deliver every message through its channel's transport, with retries; record what went out.

- Each message is tried up to ``attempts`` times, waiting ``backoff``, then twice as long, between tries
  (only for errors worth retrying: a refused login or a malformed request is not).
- One channel failing never stops another. After two messages of a channel failed in a row the
  channel is taken as down for this run: its other messages are not tried (so an unreachable SMTP
  server does not cost a timeout per person) and go out on the next run, like every failed one.
- Every error text passes through a Redactor that knows the run's secrets (robot URLs, their
  tokens, signing secrets, SMTP password, GitHub token): none can reach stdout, stderr or the log.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import parse_qsl, quote, quote_plus, unquote, urlsplit

from pactwatch.notify.delivery_log import DeliveryLog
from pactwatch.notify.outgoing import DeliveryError, Outgoing, Transport

DOWN_AFTER = 2  # consecutive failed messages after which a channel is not tried again this run
_MIN_SECRET = 4  # shorter values would redact ordinary words


class Redactor:
    """Replaces every known secret (and the token parts of robot URLs) with ``***``."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        found: set[str] = set()
        for value in secrets:
            found.update(_forms(value))
        self._secrets = sorted((s for s in found if len(s) >= _MIN_SECRET), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


def _forms(value: str) -> set[str]:
    """A secret as it may appear: raw, URL-encoded; for a URL also its query values and path segments."""
    value = value.strip()
    forms = {value, quote(value, safe=""), quote_plus(value), unquote(value)}
    if "://" in value:
        parts = urlsplit(value)
        forms.update(v for _, v in parse_qsl(parts.query))
        forms.update(segment for segment in parts.path.split("/") if len(segment) >= 8)  # Feishu/Slack hook tokens
    return {f for f in forms if f}


@dataclass(frozen=True, slots=True)
class Result:
    message: Outgoing
    error: str | None  # None: delivered
    attempts: int  # 0: not tried (channel not configured, or down this run)

    @property
    def ok(self) -> bool:
        return self.error is None


def _try(transport: Transport, message: Outgoing, attempts: int, backoff: float, sleep: Callable[[float], None]) -> tuple[str | None, int]:
    for attempt in range(1, attempts + 1):
        try:
            transport.deliver(message)
            return None, attempt
        except DeliveryError as exc:
            if not exc.retryable or attempt == attempts:
                return str(exc), attempt
        except Exception as exc:  # noqa: BLE001 - a bug in one channel must not stop the others
            return f"{message.channel}: unexpected {type(exc).__name__}: {exc}", attempt
        sleep(backoff * 2 ** (attempt - 1))
    raise AssertionError("unreachable")  # pragma: no cover


def deliver(
    messages: Sequence[Outgoing],
    transports: Mapping[str, Transport | str],
    *,
    redact: Redactor,
    attempts: int = 3,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    on_delivered: Callable[[Result], None] | None = None,
) -> list[Result]:
    """``transports[channel]`` is the channel's transport, or why it has none (e.g. a variable is not set).

    ``on_delivered`` hears of each message as soon as it went out (the run writes the delivery log then).
    """
    results: list[Result] = []
    failures: dict[str, int] = {}
    for message in messages:
        transport = transports.get(message.channel, f"{message.channel}: no transport")
        if isinstance(transport, str):
            results.append(Result(message, redact(transport), 0))
            continue
        if failures.get(message.channel, 0) >= DOWN_AFTER:
            results.append(Result(message, f"{message.channel}: not tried, the channel failed twice in this run", 0))
            continue
        error, tries = _try(transport, message, attempts, backoff, sleep)
        failures[message.channel] = failures.get(message.channel, 0) + 1 if error else 0
        results.append(Result(message, redact(error) if error else None, tries))
        if error is None and on_delivered is not None:
            on_delivered(results[-1])
    return results


def settle(log: DeliveryLog, results: Iterable[Result], today: date) -> None:
    """Record what went out; keep the days of failed notices open for the next run."""
    failed_days: list[date] = []
    for result in results:
        if result.ok:
            log.record(result.message.channel, result.message.recipient, result.message.keys, today)
        elif result.message.earliest is not None:
            failed_days.append(result.message.earliest)
    if failed_days:
        log.complete_through = min(failed_days) - timedelta(days=1)
    else:  # a run for an earlier --today must not move the mark back
        log.complete_through = max(log.complete_through or today, today)
    log.prune(today)
