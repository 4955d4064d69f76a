"""Fixtures for the GitHub tests: a stand-in GitHub server, a fake clock, a copy of the example portfolio."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from github.fake_github import FakeGitHub, Server
from pactwatch.engine import Evaluation, evaluate
from pactwatch.github.apply import RunResult, run
from pactwatch.github.client import GitHubClient, RetryPolicy, Secret
from pactwatch.github.render import Links, Renderer, search_path
from pactwatch.load.portfolio import load_portfolio
from pactwatch.resources import data_dir
from pactwatch.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 27)
HANDLES = ("zhaomin-ec", "wangfang-ec", "zhangwei-ec", "liuyang-ec", "sunhao-ec", "lina-ec", "chenjing-ec", "zhoulei-ec", "emilyclark-ec")


@dataclass
class FakeClock:
    """Epoch seconds that move only when the code under test sleeps."""

    now: float = 1_800_000_000.0
    sleeps: list[float] = field(default_factory=list)

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    stand_in = FakeGitHub()
    stand_in.collaborators = set(HANDLES)
    with Server(stand_in) as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_client(fake: FakeGitHub, clock: FakeClock) -> Iterator[Callable[..., GitHubClient]]:
    made: list[GitHubClient] = []

    def make(token: str | None = "default", **policy: float) -> GitHubClient:
        secret = Secret(fake.token if token == "default" else token) if token is not None else None
        client = GitHubClient(fake.url, secret, sleep=clock.sleep, clock=clock.time, policy=RetryPolicy(**policy))  # type: ignore[arg-type]
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """A copy of the example portfolio, safe to edit."""
    root = tmp_path / "portfolio"
    root.mkdir()
    for name in ("pactwatch.yml", "people.yaml"):
        shutil.copy2(REPO_ROOT / name, root / name)
    shutil.copytree(REPO_ROOT / "contracts", root / "contracts")
    return root


def evaluation(root: Path, today: date = TODAY) -> Evaluation:
    settings = load_settings(root)
    loaded = load_portfolio(root, today, settings=settings, use_cache=False)
    assert not loaded.errors, loaded.errors
    return evaluate(loaded.portfolio, today)


def renderer_for(root: Path, ev: Evaluation) -> Renderer:
    return Renderer(search_path(root, data_dir("templates")), ev.portfolio.settings.language)


def links_for(ev: Evaluation, repo: str = "example-co/contracts") -> Links:
    return Links(repo, site_url=ev.portfolio.settings.site_url)


@pytest.fixture
def alerts_run(make_client: Callable[..., GitHubClient]) -> Callable[..., RunResult]:
    """One alerts run against the stand-in: fetch, plan, apply (or only plan when dry_run)."""

    def go(root: Path, today: date = TODAY, *, dry_run: bool = False, max_writes: int = 400, **policy: float) -> RunResult:
        ev = evaluation(root, today)
        with make_client(**policy) as client:
            return run(ev, client, renderer_for(root, ev), links_for(ev), dry_run=dry_run, max_writes=max_writes)

    return go
