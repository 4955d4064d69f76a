"""Delivery: retries with backoff, one channel's failure never stops another, secrets redacted, the log settled."""

from __future__ import annotations

from datetime import date

from pactwatch.engine import evaluate
from pactwatch.notify import plan, send
from pactwatch.notify.delivery_log import DeliveryLog
from pactwatch.notify.outgoing import DeliveryError, Outgoing
from tests.engine.factories import D, contract, milestone, portfolio


class Scripted:
    """A transport that fails as told, then works."""

    def __init__(self, *errors: DeliveryError | Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    def deliver(self, message: Outgoing) -> None:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)


def _notice(day: str = "2026-11-27") -> plan.Notice:
    p = portfolio(contract("C-1", (milestone("M1", "2026-11-30"),)))
    return plan.notices_for(evaluate(p, D(day)), (D("2026-11-27"),))[0]


def _message(channel: str, recipient: str = "group") -> Outgoing:
    return Outgoing(channel, recipient, (_notice(),), "preview", object())


def test_retries_with_doubling_waits_then_succeeds() -> None:
    waits: list[float] = []
    transport = Scripted(DeliveryError("HTTP 502"), DeliveryError("HTTP 503"))
    [result] = send.deliver([_message("slack")], {"slack": transport}, redact=send.Redactor(), backoff=2.0, sleep=waits.append)
    assert result.ok and result.attempts == 3 and waits == [2.0, 4.0]


def test_a_permanent_error_is_not_retried() -> None:
    transport = Scripted(DeliveryError("login refused", retryable=False))
    [result] = send.deliver([_message("email", "ann")], {"email": transport}, redact=send.Redactor(), sleep=lambda s: None)
    assert not result.ok and result.attempts == 1 and result.error == "login refused"


def test_one_channel_down_does_not_stop_the_others_and_is_not_hammered() -> None:
    broken = Scripted(*[DeliveryError("no answer")] * 20)
    fine = Scripted()
    messages = [_message("email", p) for p in ("ann", "bob", "cy", "dan")] + [_message("wecom")]
    results = send.deliver(messages, {"email": broken, "wecom": fine}, redact=send.Redactor(), sleep=lambda s: None)
    assert [(r.message.recipient, r.ok, r.attempts) for r in results] == [
        ("ann", False, 3),
        ("bob", False, 3),
        ("cy", False, 0),
        ("dan", False, 0),
        ("group", True, 1),
    ]
    assert broken.calls == 6 and "not tried" in (results[2].error or "")


def test_a_bug_in_a_transport_is_a_failed_message_not_a_crash() -> None:
    results = send.deliver(
        [_message("feishu"), _message("slack")],
        {"feishu": Scripted(KeyError("oops")), "slack": Scripted()},
        redact=send.Redactor(),
        sleep=lambda s: None,
    )
    assert [r.ok for r in results] == [False, True] and "unexpected KeyError" in (results[0].error or "")


def test_a_channel_without_transport_fails_its_messages_with_the_reason() -> None:
    [result] = send.deliver([_message("slack")], {"slack": "slack: SLACK_WEBHOOK is not set"}, redact=send.Redactor())
    assert result.error == "slack: SLACK_WEBHOOK is not set" and result.attempts == 0


def test_the_redactor_hides_urls_tokens_and_their_encodings() -> None:
    url = "https://oapi.dingtalk.com/robot/send?access_token=abcdef123456"
    hook = "https://hooks.slack.com/services/T000/B000/XXXXYYYYZZZZ"
    redact = send.Redactor([url, hook, "p@ss word!", "ab"])
    text = f"failed {url} and abcdef123456 and XXXXYYYYZZZZ and p%40ss%20word%21 and p%40ss+word%21 and ab"
    assert redact(text) == "failed *** and *** and *** and *** and *** and ab"


def test_settle_records_what_went_out_and_keeps_failed_days_open() -> None:
    ok = send.Result(_message("email", "ann"), None, 1)
    failed = send.Result(_message("slack"), "HTTP 500", 3)
    log = DeliveryLog(complete_through=date(2026, 11, 20))
    send.settle(log, [ok, failed], date(2026, 11, 27))
    assert log.delivered("email", "ann", ok.message.keys[0]) and not log.delivered("slack", "group", failed.message.keys[0])
    assert log.complete_through == date(2026, 11, 26)
    send.settle(log, [ok], date(2026, 11, 28))
    assert log.complete_through == date(2026, 11, 28)
