"""A GitHub that does not answer: `alerts --dry-run --offline` needs no network; without it, a silent server fails fast.

The silent server is a real socket on the loopback interface that accepts connections and never
writes a byte (what a firewall that swallows packets, or a hung proxy, looks like to a client).
"""

from __future__ import annotations

import functools
import json
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from github.conftest import FakeClock
from pactwatch.catalogue import text, word
from pactwatch.github import client as client_module
from pactwatch.github.client import GitHubClient, GitHubError, RetryPolicy
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
SHORT = {"connect_timeout": 0.2, "read_timeout": 0.2, "deadline": 0.5, "backoff": 0.05}  # the defaults' shape, in tenths of a second


class SilentServer:
    """Accepts every connection on 127.0.0.1 and never answers; counts the connections."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(connection)  # held open, never written to

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for connection in self.accepted:
            connection.close()
        self._listener.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    with SilentServer() as server:
        yield server


@pytest.fixture
def portfolio(copy_portfolio: Callable[[Path], Path]) -> Path:
    from tests.conftest import REPO_ROOT

    return copy_portfolio(REPO_ROOT)


@pytest.fixture
def silent_env(silent: SilentServer, monkeypatch: pytest.MonkeyPatch) -> SilentServer:
    monkeypatch.setenv("GITHUB_API_URL", silent.url)
    monkeypatch.setenv("GITHUB_TOKEN", "ghs_never_sent_0123456789")
    monkeypatch.setenv("GITHUB_REPOSITORY", "example-co/contracts")
    return silent


def test_alerts_dry_run_offline_plans_from_the_files_alone(portfolio: Path, silent_env: SilentServer, run_cli: Cli) -> None:
    result = run_cli("alerts", "--root", portfolio, "--dry-run", "--offline")
    assert result.code == 0, result.err
    head = text("cli.alerts.head", "zh", repository="example-co/contracts", wanted=6, seen=0)
    assert result.out.startswith(f"{head}；{word('github.op.create_label', 'zh')} 7、{word('github.op.create', 'zh')} 6")
    subject = "C-2026-007/M4 逾期：C-2026-007 M4 验收款 60%（到期 2026年8月25日）"
    action = text(
        "cli.alerts.action", "zh", sign="+", op=word("github.op.create", "zh"), subject=subject, why=word("github.why.overdue", "zh")
    )
    assert action in result.out
    assert word("cli.alerts.offline", "zh") in result.out
    assert silent_env.accepted == []  # not even a connection


def test_alerts_offline_needs_no_token_and_no_repository(portfolio: Path, run_cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = portfolio / "pactwatch.yml"
    settings.write_text(
        "".join(line for line in settings.read_text(encoding="utf-8").splitlines(True) if not line.startswith("repository"))
    )
    result = run_cli("alerts", "--root", portfolio, "--dry-run", "--offline", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["offline"] is True and data["plan"]["repository"] == "OWNER/REPOSITORY"
    assert next(a["ref"] for a in data["plan"]["actions"] if a["op"] == "create") == "C-2026-007/M4"


def test_alerts_offline_is_only_a_preview(portfolio: Path, run_cli: Cli) -> None:
    result = run_cli("alerts", "--root", portfolio, "--offline")
    assert result.code == 2 and "use it with --dry-run" in result.err


def test_alerts_dry_run_against_a_silent_github_fails_with_one_line(
    portfolio: Path, silent_env: SilentServer, run_cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_module, "RetryPolicy", functools.partial(RetryPolicy, **SHORT))  # the defaults take ~12 s
    result = run_cli("alerts", "--root", portfolio, "--dry-run")
    assert result.code == 1
    lines = result.err.strip().splitlines()
    said = text("github.client.no_answer", "zh", method="GET", path="/user", base=silent_env.url, error="ReadTimeout")
    assert lines == [f"pactwatch: {said}"]
    assert "Traceback" not in result.err and len(silent_env.accepted) >= 1


def test_a_silent_github_is_given_up_on_after_the_deadline(silent: SilentServer) -> None:
    with GitHubClient(silent.url, None, policy=RetryPolicy(**SHORT)) as client, pytest.raises(GitHubError, match="no answer from GitHub"):
        client.get("/repos/o/r/issues")
    assert 1 <= len(silent.accepted) < RetryPolicy().attempts  # the deadline, not the number of tries, ended it


def test_the_default_policy_gives_up_on_silence_within_15_seconds() -> None:
    """Every try times out after the longest wait it is allowed; the clock is moved by exactly that (no real waiting)."""
    clock = FakeClock()
    waits: list[float] = []

    def swallow(request: httpx.Request) -> httpx.Response:
        timeout = request.extensions["timeout"]
        waits.append(timeout["connect"] + timeout["read"])
        clock.now += timeout["connect"] + timeout["read"]  # the worst case: a slow connect, then a silent read
        raise httpx.ReadTimeout("silent", request=request)

    client = GitHubClient("https://api.github.com", None, transport=httpx.MockTransport(swallow), sleep=clock.sleep, clock=clock.time)
    began = clock.now
    with client, pytest.raises(GitHubError, match="no answer from GitHub"):
        client.get("/user")
    assert clock.now - began <= 15.0
    assert len(waits) >= 1
