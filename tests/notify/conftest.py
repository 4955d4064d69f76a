"""Stand-ins for everything a reminder run talks to: an SMTP server (STARTTLS + AUTH), the four chat
robots (checking tokens and signatures), and GitHub (tests/github/fake_github.py); plus a portfolio
with a ``notify:`` block pointing at them and the environment that holds their credentials."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.github.fake_github import FakeGitHub, Server
from tests.notify.mailserver import SMTP_PASSWORD, SMTP_USER, MailServer, make_certificates
from tests.notify.portfolios import GITHUB_TOKEN, HANDLES, REPO_ROOT, example_settings_without_notify, notify_block
from tests.notify.robots import Robots, RobotServer


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    return make_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def mailserver(certificates: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[MailServer]:
    ca, cert, key = certificates
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    with MailServer(cert, key) as server:
        yield server


@pytest.fixture
def robots() -> Iterator[Robots]:
    with RobotServer() as running:
        yield running


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    stand_in = FakeGitHub(token=GITHUB_TOKEN)
    stand_in.collaborators = set(HANDLES)
    with Server(stand_in) as running:
        yield running


@pytest.fixture
def example(tmp_path: Path, mailserver: MailServer) -> Path:
    """A copy of the example portfolio whose notify block points at the stand-ins.

    Its weekly follow-ups of overdue items are spaced out of the way (``overdue_every_days: 365``): these tests
    pin the channels on the demo days; the follow-ups have their own (tests/notify/test_followup.py).
    """
    root = tmp_path / "portfolio"
    root.mkdir()
    for name in ("people.yaml", "contracts"):
        source = REPO_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    settings = example_settings_without_notify() + "overdue_every_days: 365\n" + notify_block(mailserver.port)
    (root / "pactwatch.yml").write_text(settings, encoding="utf-8")
    return root


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, robots: Robots, github: FakeGitHub) -> Callable[[], dict[str, str]]:
    """Sets every credential variable; returns them (so tests can look for leaks)."""

    def apply() -> dict[str, str]:
        values = {
            **robots.env(),
            "SMTP_USER": SMTP_USER,
            "SMTP_PASSWORD": SMTP_PASSWORD,
            "GITHUB_TOKEN": GITHUB_TOKEN,
            "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": github.repo,
        }
        for name, value in values.items():
            monkeypatch.setenv(name, value)
        return values

    return apply
