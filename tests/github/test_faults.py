"""Faults against the stand-in: 5xx, rate limits, lost answers, permissions; and the rerun that converges."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from github.conftest import FakeClock
from github.fake_github import FakeGitHub
from github.test_alerts_run import EXPECTED, by_ref
from pactwatch.catalogue import text
from pactwatch.github.apply import RunResult
from pactwatch.github.client import GitHubError

Run = Callable[..., RunResult]
ISSUES = r"/repos/example-co/contracts/issues$"


def assert_converged(fake: FakeGitHub) -> None:
    issues = by_ref(fake)
    assert sorted(issues) == sorted(EXPECTED)
    assert all(len(found) == 1 for found in issues.values()), {ref: len(found) for ref, found in issues.items()}
    for ref, (_, _, manager) in EXPECTED.items():
        comments = fake.comments[int(str(issues[ref][0]["number"]))]
        assert len(comments) == (1 if manager else 0), ref


def test_a_fault_mid_run_then_a_rerun_converges_without_duplicates(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    fake.fail("POST", ISSUES, 500, skip=2, times=100)  # the third create onwards keeps failing
    first = alerts_run(portfolio)
    assert first.outcome is not None and not first.outcome.ok
    assert len(first.outcome.failed) == 4 + 2  # four creates, and the escalations of two of them
    assert len(by_ref(fake)) == 2
    fake.faults.clear()
    second = alerts_run(portfolio)
    assert second.outcome is not None and second.outcome.ok, second.outcome
    assert_converged(fake)
    third = alerts_run(portfolio)
    assert third.plan.actions == ()


def test_a_create_done_but_answered_with_502_is_not_repeated(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    fake.fail("POST", ISSUES, 502, after_work=True)
    fake.fail("POST", r"/comments$", 502, after_work=True)  # the first escalation comment too
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.ok, result.outcome
    assert_converged(fake)


def test_a_create_that_failed_with_502_is_tried_again(portfolio: Path, fake: FakeGitHub, clock: FakeClock, alerts_run: Run) -> None:
    fake.fail("POST", ISSUES, 502, times=2)
    result = alerts_run(portfolio, write_interval=0)
    assert result.outcome is not None and result.outcome.ok
    assert_converged(fake)
    assert clock.sleeps == [2.0, 4.0]  # backoff between the checks and the retries


def test_server_errors_on_reads_are_retried_with_backoff(portfolio: Path, fake: FakeGitHub, clock: FakeClock, alerts_run: Run) -> None:
    fake.fail("GET", ISSUES, 503, times=3)
    result = alerts_run(portfolio, dry_run=True)
    assert len(result.plan.actions) == 16
    assert clock.sleeps == [2.0, 4.0, 8.0]


def test_reads_that_keep_failing_give_up(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    fake.fail("GET", ISSUES, 500, times=100)
    with pytest.raises(GitHubError, match="500"):
        alerts_run(portfolio)
    assert fake.writes == []


@pytest.mark.parametrize("status", [403, 429])
def test_primary_rate_limit_waits_for_the_reset(portfolio: Path, fake: FakeGitHub, clock: FakeClock, alerts_run: Run, status: int) -> None:
    reset = int(clock.now) + 30
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(reset)}
    fake.fail("POST", ISSUES, status, headers=headers, body={"message": "API rate limit exceeded"}, skip=1)
    result = alerts_run(portfolio, write_interval=0)
    assert result.outcome is not None and result.outcome.ok
    assert clock.sleeps == [31.0]
    assert_converged(fake)


@pytest.mark.parametrize("status", [403, 429])
def test_secondary_rate_limit_honours_retry_after(
    portfolio: Path, fake: FakeGitHub, clock: FakeClock, alerts_run: Run, status: int
) -> None:
    body = {"message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}
    fake.fail("POST", ISSUES, status, headers={"retry-after": "7"}, body=body, times=2)
    result = alerts_run(portfolio, write_interval=0)
    assert result.outcome is not None and result.outcome.ok
    assert clock.sleeps == [7.0, 7.0]
    assert_converged(fake)


def test_secondary_rate_limit_without_retry_after_waits_a_minute_and_more(
    portfolio, fake: FakeGitHub, clock: FakeClock, alerts_run: Run
) -> None:
    body = {"message": "You have exceeded a secondary rate limit."}
    fake.fail("POST", r"/labels$", 403, body=body, times=2)
    alerts_run(portfolio, write_interval=0)
    assert clock.sleeps == [60.0, 120.0]
    assert_converged(fake)


def test_a_rate_limit_too_long_to_wait_stops_the_run_and_the_next_run_finishes(
    portfolio, fake: FakeGitHub, clock: FakeClock, alerts_run: Run
) -> None:
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(clock.now) + 3600)}
    fake.fail("POST", ISSUES, 403, headers=headers, skip=3)
    first = alerts_run(portfolio)
    assert first.outcome is not None and first.outcome.stopped is not None
    resumes = first.outcome.stopped.split("约 ")[1].split(" 解除")[0]  # the portfolio's language (zh)
    assert first.outcome.stopped == text(
        "github.client.rate_limit_primary", "zh", method="POST", path="/repos/example-co/contracts/issues", resumes=resumes
    )
    assert first.outcome.not_started > 0 and clock.sleeps.count(3600.0) == 0
    alerts_run(portfolio)
    assert_converged(fake)


def test_a_cap_on_writes_leaves_the_rest_for_the_next_run(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    first = alerts_run(portfolio, max_writes=9)
    assert first.outcome is not None and first.outcome.stopped is not None
    said = {text("github.stopped.writes", "zh", writes=w, count=first.outcome.not_started) for w in range(1, 10)}
    assert first.outcome.stopped in said  # in the portfolio's language, under the cap of 9
    assert 8 <= len(fake.writes) <= 9  # never past the cap: an escalation (two writes) waits for the next run
    alerts_run(portfolio)
    assert_converged(fake)


def test_a_read_only_token_stops_at_the_first_write_and_names_the_permission(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    fake.read_only = True
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.stopped is not None
    assert "issues: write" in result.outcome.stopped and "403" in result.outcome.stopped
    assert len(fake.writes) == 1
    assert result.outcome.not_started == len(result.plan.actions) - 1
