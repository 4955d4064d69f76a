"""E-mail: one message per person per day (plain text + HTML, in the portfolio's language), sent over SMTP.

Rendering is pure (Jinja2 templates ``templates/notify/email.{txt,html}.j2``; a portfolio's own
``templates/notify/`` overrides them; HTML is autoescaped). Sending uses smtplib with STARTTLS
(RFC 3207) and a verifying TLS context before any login; managers are copied on escalations.
"""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pactwatch.catalogue import msg, text
from pactwatch.catalogue.jinja import globals_for
from pactwatch.escape.email_header import header_text, mailbox
from pactwatch.i18n import format_date
from pactwatch.naming import person_name
from pactwatch.notify import texts
from pactwatch.notify.config import EmailConfig
from pactwatch.notify.messages.base import Context, names
from pactwatch.notify.outgoing import DeliveryError, Outgoing
from pactwatch.notify.plan import Digest
from pactwatch.resources import data_dir, own_templates

_COLOURS = {"overdue": "#cf222e", "today": "#bc4c00", "soon": "#9a6700", "later": "#656d76"}


def environment(root: Path | None = None) -> Environment:
    """Templates from the portfolio's ``templates/`` first, then the shipped ones."""
    loaders = [own_templates(root / "templates")] if root is not None and (root / "templates" / "notify").is_dir() else []
    loaders.append(FileSystemLoader(str(data_dir("templates"))))
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(
            enabled_extensions=("html.j2",), default_for_string=False, default=False
        ),  # text and Markdown are escaped in Python
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def subject(digest: Digest, context: Context) -> str:
    lang = context.language
    name = person_name(digest.person.id, context.people)
    said = text("notify.email.subject", lang, name=name, count=len(digest.notices), date=format_date(context.day, lang))
    return header_text(said)  # a name with a line break must not end the header


def build(digest: Digest, context: Context, sender: str, env: Environment) -> EmailMessage:
    """The message to ``digest.person`` (who must have an e-mail address), copying managers with one.

    Names reach the headers only through pactwatch.escape.email_header (one line, one mailbox each);
    ValueError when an address cannot be one mailbox (the outbox fails that message alone).
    """
    assert digest.person.email is not None
    lang = context.language
    lines = [texts.line(n, context.people, context.settings, private=True) for n in digest.notices]
    cc = [p for p in digest.cc if p.email]
    values = {
        "lines": lines,
        "name": person_name(digest.person.id, context.people),
        "cc": names(cc, context) if cc else "",
        "language": lang,
        "subject": subject(digest, context),
        "colours": _COLOURS,
        **globals_for(lang),  # t("notify.email.intro"): the catalogue; the HTML template autoescapes its result
    }
    message = EmailMessage()
    message["Subject"] = values["subject"]
    message["From"] = sender
    message["To"] = mailbox(digest.person.name, digest.person.email)
    if cc:
        message["Cc"] = tuple(mailbox(p.name, p.email or "") for p in cc)
    fingerprint = hashlib.sha256("\n".join(n.key for n in digest.notices).encode()).hexdigest()[:16]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "pactwatch.invalid"
    message["Message-ID"] = f"<pactwatch.{context.day.isoformat()}.{digest.person.id}.{fingerprint}@{domain}>"
    message.set_content(env.get_template("notify/email.txt.j2").render(values))
    message.add_alternative(env.get_template("notify/email.html.j2").render(values), subtype="html")
    message.set_boundary(f"=_pactwatch_{fingerprint}")  # deterministic bytes: same notices, same message
    return message


class SmtpTransport:
    """One SMTP conversation per message: EHLO, STARTTLS (certificate verified), EHLO, AUTH, send.

    With ``ssl: true`` the connection is TLS from the first byte (SMTPS, RFC 8314, port 465) instead.
    """

    def __init__(
        self, config: EmailConfig, username: str | None, password: str | None, tls: ssl.SSLContext | None = None, timeout: float = 30.0
    ) -> None:
        self.config = config
        self._username = username
        self._password = password
        self._tls = tls or ssl.create_default_context()
        self._timeout = timeout

    def __repr__(self) -> str:
        return f"SmtpTransport({self.config.smtp_host}:{self.config.smtp_port})"

    def _connect(self) -> smtplib.SMTP:
        host, port = self.config.smtp_host, self.config.smtp_port
        if self.config.ssl:
            return smtplib.SMTP_SSL(host, port, timeout=self._timeout, context=self._tls)
        return smtplib.SMTP(host, port, timeout=self._timeout)

    def deliver(self, message: Outgoing) -> None:
        assert isinstance(message.payload, EmailMessage)
        mail = message.payload
        del mail["Date"]
        mail["Date"] = formatdate(localtime=False, usegmt=True)
        where = f"{self.config.smtp_host}:{self.config.smtp_port}"
        try:
            with self._connect() as smtp:
                smtp.ehlo()
                if self.config.starttls and not self.config.ssl:
                    smtp.starttls(context=self._tls)
                    smtp.ehlo()
                if self._username:
                    smtp.login(self._username, self._password or "")
                refused = smtp.send_message(mail)
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(msg("notify.send.login_refused", where=where, code=exc.smtp_code), retryable=False) from None
        except smtplib.SMTPNotSupportedError:
            raise DeliveryError(msg("notify.send.no_starttls", where=where), retryable=False) from None
        except smtplib.SMTPRecipientsRefused as exc:
            said = msg("notify.send.recipients_refused", where=where, recipients=", ".join(sorted(exc.recipients)))
            raise DeliveryError(said, retryable=False) from None
        except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
            raise DeliveryError(f"{where}: {type(exc).__name__}: {exc}") from None
        owner = parseaddr(str(mail["To"]))[1]
        if owner in refused:  # a refused Cc alone does not make the owner's reminder undelivered
            raise DeliveryError(msg("notify.send.owner_refused", where=where, address=owner), retryable=False)
