"""Effects: deliver every message through its channel's transport, with retries; record what went out.

- Each message is tried up to ``attempts`` times, waiting ``backoff``, then twice as long, between tries
  (only for errors worth retrying: a refused login or a malformed request is not).
- One channel failing never stops another. After two messages of a channel failed in a row the
  channel is taken as down for this run: its other messages are not tried (so an unreachable SMTP
  server does not cost a timeout per person) and go out on the next run, like every failed one.
- Every error text passes whole through pactwatch.redact.Redactor, which knows the run's secrets
  (robot URLs, their tokens, signing secrets, SMTP password, GitHub token) and shortens only after
  redacting: no secret, nor a part of one, can reach stdout, stderr or the log.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pactwatch.catalogue import text
from pactwatch.notify.delivery_log import DeliveryLog
from pactwatch.notify.outgoing import DeliveryError, Outgoing, Transport, Unbuilt
from pactwatch.redact import ERROR_LIMIT, Redactor

__all__ = ["Redactor", "Result", "deliver", "settle"]

DOWN_AFTER = 2  # consecutive failed messages after which a channel is not tried again this run


@dataclass(frozen=True, slots=True)
class Result:
    message: Outgoing
    error: str | None  # None: delivered
    attempts: int  # 0: not tried (channel not configured, or down this run)

    @property
    def ok(self) -> bool:
        return self.error is None


def _try(
    transport: Transport, message: Outgoing, attempts: int, backoff: float, sleep: Callable[[float], None], language: str
) -> tuple[str | None, int]:
    for attempt in range(1, attempts + 1):
        try:
            transport.deliver(message)
            return None, attempt
        except DeliveryError as exc:
            if not exc.retryable or attempt == attempts:
                return exc.said(language), attempt
        except Exception as exc:  # noqa: BLE001 - a bug in one channel must not stop the others
            return text("notify.send.unexpected", language, channel=message.channel, error=f"{type(exc).__name__}: {exc}"), attempt
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
    language: str = "en",
) -> list[Result]:
    """``transports[channel]`` is the channel's transport, or why it has none (e.g. a variable is not set).

    ``on_delivered`` hears of each message as soon as it went out (the run writes the delivery log then).
    """
    results: list[Result] = []
    failures: dict[str, int] = {}
    for message in messages:
        transport = transports.get(message.channel, text("notify.wire.no_transport", language, channel=message.channel))
        if isinstance(message.payload, Unbuilt):
            transport = message.payload.reason
        if isinstance(transport, str):
            results.append(Result(message, redact(transport, ERROR_LIMIT), 0))
            continue
        if failures.get(message.channel, 0) >= DOWN_AFTER:
            results.append(Result(message, text("notify.wire.down", language, channel=message.channel), 0))
            continue
        error, tries = _try(transport, message, attempts, backoff, sleep, language)
        failures[message.channel] = failures.get(message.channel, 0) + 1 if error else 0
        results.append(Result(message, redact(error, ERROR_LIMIT) if error else None, tries))
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
