"""A local SMTP server (aiosmtpd) that demands STARTTLS and AUTH, like a real submission port (587).

The certificate is made for the run with the ``openssl`` command: a test CA, and a server
certificate for ``localhost`` / ``127.0.0.1`` signed by it; clients trust the CA through
``SSL_CERT_FILE`` (which OpenSSL's default verify paths, and so ``ssl.create_default_context``, read).
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import warnings
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

SMTP_USER = "pactwatch-bot"
SMTP_PASSWORD = "smtp-password-Qx7!kV2#p9"


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """(ca.pem, server.pem, server.key) under ``folder``."""
    ca_key, ca, key, csr, cert, ext = (folder / n for n in ("ca.key", "ca.pem", "server.key", "server.csr", "server.pem", "ext.cnf"))
    ext.write_text(
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n"
    )
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    commands = [
        ["openssl", "req", "-x509", *ec, "-keyout", ca_key, "-out", ca, "-days", "3650", "-subj", "/CN=pactwatch test CA",
         "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        ["openssl", "req", *ec, "-keyout", key, "-out", csr, "-subj", "/CN=localhost"],
        ["openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-out", cert,
         "-days", "3650", "-extfile", ext],
    ]  # fmt: skip
    for command in commands:
        subprocess.run([str(part) for part in command], check=True, capture_output=True)
    return ca, cert, key


@dataclass
class Mail:
    sender: str
    recipients: list[str]
    message: EmailMessage
    tls: bool
    login: str | None


@dataclass
class Inbox:
    mails: list[Mail] = field(default_factory=list)
    refuse: int = 0  # answer "451" to this many DATA commands (a temporary failure)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 try again later"
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None  # STARTTLS, or SMTPS
        self.mails.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), message, tls, login))
        return "250 OK"

    def to(self, address: str) -> list[Mail]:
        return [m for m in self.mails if address in m.recipients]


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == SMTP_USER.encode() and auth_data.password == SMTP_PASSWORD.encode()
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class MailServer:
    def __init__(self, certificate: Path, key: Path, *, implicit_tls: bool = False) -> None:
        """STARTTLS required (a submission port, 587); or ``implicit_tls``: TLS from the first byte (465)."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certificate, key)
        self.inbox = Inbox()
        self.port = _free_port()
        tls: dict[str, Any] = {"ssl_context": context} if implicit_tls else {"tls_context": context, "require_starttls": True}
        self.controller = Controller(
            self.inbox,
            hostname="127.0.0.1",
            port=self.port,
            authenticator=_authenticate,
            auth_require_tls=not implicit_tls,  # aiosmtpd only counts STARTTLS as TLS; SMTPS is TLS throughout
            **tls,
        )

    def __enter__(self) -> MailServer:
        # aiosmtpd 1.4 itself sets the deprecated Session.login_data after every successful AUTH
        warnings.filterwarnings("ignore", "Session.login_data is deprecated", DeprecationWarning)
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()
