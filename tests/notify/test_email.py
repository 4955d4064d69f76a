"""E-mail: the message (text + autoescaped HTML, language, Cc on escalations) and SMTP with STARTTLS and AUTH."""

from __future__ import annotations

import ssl
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from pactwatch.engine import evaluate
from pactwatch.model import Person, Portfolio, Settings
from pactwatch.notify import email, plan, send
from pactwatch.notify.config import EmailConfig
from pactwatch.notify.messages import Context
from pactwatch.notify.outgoing import DeliveryError, Outgoing
from tests.engine.factories import D, contract, milestone, portfolio
from tests.notify.mailserver import SMTP_PASSWORD, SMTP_USER, MailServer

TODAY = D("2026-11-27")
PEOPLE = {
    "ann": Person("ann", "Ann Lee", email="ann@example.com", manager="bob"),
    "bob": Person("bob", "Bob Ma", email="bob@example.com"),
}


def _digest(p: Portfolio) -> tuple[plan.Digest, Context]:
    current = evaluate(p, TODAY)
    digests, _ = plan.digests(plan.notices_for(current, (TODAY,)), p.people)
    return digests[0], Context(TODAY, p.settings, p.people)


def _portfolio(*milestones: object, language: str = "en", **fields: object) -> Portfolio:
    p = portfolio(
        contract("C-1", tuple(milestones), **fields), settings=Settings(language=language, site_url="https://contracts.example.com")
    )  # type: ignore[arg-type]
    return replace(p, people=PEOPLE)


def test_message_is_text_and_html_in_the_portfolios_language() -> None:
    digest, context = _digest(
        _portfolio(milestone("M1", "2026-11-30", amount=Decimal("5000"), title="Second <b>instalment</b> & <script>x</script>"))
    )
    message = email.build(digest, context, "pactwatch <bot@example.com>", email.environment())
    assert message["Subject"] == "[pactwatch] 1 contract reminder for Ann Lee (2026-11-27)"
    assert message["To"] == "Ann Lee <ann@example.com>" and message["Cc"] is None
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "Hello Ann Lee," in text and "[due in 3 days] C-1 Contract C-1" in text and "¥5,000.00" in text
    assert "Second <b>instalment</b> & <script>x</script>" in text  # plain text is not HTML: shown as written
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html and "&amp;" in html
    assert '<a href="https://contracts.example.com/contracts/C-1.html">C-1</a>' in html
    assert message["Message-ID"].startswith("<pactwatch.2026-11-27.ann.") and message["Message-ID"].endswith("@example.com>")
    again = email.build(digest, context, "pactwatch <bot@example.com>", email.environment())
    assert again.as_bytes() == message.as_bytes()  # deterministic (the Date header is added when sending)


def test_escalations_copy_the_manager_and_say_so() -> None:
    digest, context = _digest(_portfolio(milestone("M1", "2026-11-19"), language="zh"))
    message = email.build(digest, context, "bot@example.com", email.environment())
    assert message["Cc"] == "Bob Ma <bob@example.com>"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "已逾期 8 天，升级至 Bob Ma" in text and "因逾期升级，本邮件抄送：Bob Ma" in text
    assert message["Subject"] == "【合同提醒】Ann Lee：1 项事项（2026年11月27日）"


def test_a_portfolio_can_override_the_templates(tmp_path: Path) -> None:
    (tmp_path / "templates" / "notify").mkdir(parents=True)
    (tmp_path / "templates" / "notify" / "email.txt.j2").write_text("Custom: {% for line in lines %}{{ line.contract_id }}{% endfor %}\n")
    digest, context = _digest(_portfolio(milestone("M1", "2026-11-30")))
    message = email.build(digest, context, "bot@example.com", email.environment(tmp_path))
    assert message.get_body(("plain",)).get_content() == "Custom: C-1\n"  # type: ignore[union-attr]
    assert "Hello Ann Lee" in message.get_body(("html",)).get_content()  # type: ignore[union-attr]  (shipped HTML still used)


def _outgoing(p: Portfolio) -> Outgoing:
    digest, context = _digest(p)
    return Outgoing("email", "ann", digest.notices, "", email.build(digest, context, "bot@example.com", email.environment()))


def _transport(server: MailServer, ca: Path, password: str = SMTP_PASSWORD) -> email.SmtpTransport:
    config = EmailConfig(smtp_host="localhost", sender="bot@example.com", smtp_port=server.port)
    return email.SmtpTransport(config, SMTP_USER, password, ssl.create_default_context(cafile=str(ca)), timeout=5)


def test_smtp_delivery_uses_starttls_and_auth_and_copies_the_manager(mailserver: MailServer, certificates: tuple[Path, Path, Path]) -> None:
    _transport(mailserver, certificates[0]).deliver(_outgoing(_portfolio(milestone("M1", "2026-11-19"))))
    [mail] = mailserver.inbox.mails
    assert mail.tls and mail.login == SMTP_USER and mail.sender == "bot@example.com"
    assert sorted(mail.recipients) == ["ann@example.com", "bob@example.com"]
    assert mail.message["Date"] is not None


def test_a_wrong_password_is_a_permanent_failure(mailserver: MailServer, certificates: tuple[Path, Path, Path]) -> None:
    with pytest.raises(DeliveryError, match="refused the login") as caught:
        _transport(mailserver, certificates[0], password="wrong").deliver(_outgoing(_portfolio(milestone("M1", "2026-11-30"))))
    assert not caught.value.retryable and "wrong" not in str(caught.value)
    assert not mailserver.inbox.mails


def test_an_untrusted_certificate_is_refused_before_any_password_is_sent(mailserver: MailServer) -> None:
    config = EmailConfig(smtp_host="localhost", sender="bot@example.com", smtp_port=mailserver.port)
    transport = email.SmtpTransport(
        config, SMTP_USER, SMTP_PASSWORD, ssl.create_default_context(cafile=None, cadata=None, capath="/nonexistent")
    )
    with pytest.raises(DeliveryError, match="SSLCertVerificationError"):
        transport.deliver(_outgoing(_portfolio(milestone("M1", "2026-11-30"))))
    assert not mailserver.inbox.mails


def test_a_temporary_refusal_is_retried(mailserver: MailServer, certificates: tuple[Path, Path, Path]) -> None:
    mailserver.inbox.refuse = 1
    [result] = send.deliver(
        [_outgoing(_portfolio(milestone("M1", "2026-11-30")))],
        {"email": _transport(mailserver, certificates[0])},
        redact=send.Redactor(),
        sleep=lambda s: None,
    )
    assert result.ok and result.attempts == 2 and len(mailserver.inbox.mails) == 1


def test_implicit_tls_smtps(certificates: tuple[Path, Path, Path]) -> None:
    ca, cert, key = certificates
    with MailServer(cert, key, implicit_tls=True) as server:
        config = EmailConfig(smtp_host="localhost", sender="bot@example.com", smtp_port=server.port, ssl=True)
        transport = email.SmtpTransport(config, SMTP_USER, SMTP_PASSWORD, ssl.create_default_context(cafile=str(ca)), timeout=5)
        transport.deliver(_outgoing(_portfolio(milestone("M1", "2026-11-30"))))
        [mail] = server.inbox.mails
        assert mail.tls and mail.login == SMTP_USER


def test_no_password_is_sent_over_a_plain_connection() -> None:
    from pactwatch.notify import config as notify_config
    from pactwatch.notify.run import Pacing, wire

    p = _portfolio(milestone("M1", "2026-11-30"))
    raw = {"email": {"smtp_host": "smtp.example.com", "from": "bot@example.com", "starttls": False, "password_env": "PW"}}
    assert [problem.code for problem in notify_config.problems(raw)] == ["PW324"]  # pactwatch.yml refuses it (validate and remind)
    plain = EmailConfig("smtp.example.com", "bot@example.com", starttls=False, password_env="PW")  # and the edge still does
    wiring = wire(notify_config.NotifyConfig(email=plain), p, {"PW": "secret-pw"}, TODAY, Pacing())
    assert wiring.transports["email"] == "email: refusing to send the SMTP password unencrypted (starttls: false and no ssl)"
    relay = {"email": {"smtp_host": "localhost", "from": "bot@example.com", "starttls": False}}  # a local relay without login
    assert isinstance(wire(notify_config.parse(relay), p, {}, TODAY, Pacing()).transports["email"], email.SmtpTransport)
