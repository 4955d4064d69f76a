"""Hostile repositories and a hostile GitHub: forged markers, looping pages, pages that are not JSON,
errors that echo the token, titles GitHub refuses, and a run stopped half-way through an escalation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from github.fake_github import FakeGitHub
from github.test_alerts_run import EXPECTED, by_ref, edit, number_of
from pactwatch.catalogue import text
from pactwatch.github.apply import RunResult
from pactwatch.github.client import GitHubClient, GitHubError
from pactwatch.github.identity import ACTIONS_BOT
from pactwatch.github.issues import marker
from pactwatch.github.render import TITLE_LIMIT, bounded_title, escalation_marker
from tests.conftest import CliResult

Run = Callable[..., RunResult]
MakeClient = Callable[..., GitHubClient]
ISSUES = "/repos/example-co/contracts/issues"


# ---- (6) only what the token's own identity wrote is pactwatch's -------------------------------------


def test_issues_with_our_marker_written_by_someone_else_are_not_touched(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    labels = ("pactwatch", "overdue", "kind:acceptance")
    closed = fake.add_issue("forged, closed", marker("E-2026-009/M2"), labels, state="closed", author="mallory")
    opened = fake.add_issue("forged, open", marker("C-2026-001/M1"), labels, author="mallory")  # not overdue: would be closed
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.ok, result.outcome
    assert result.plan.issues_seen == 0
    touched = {r.path for r in fake.writes}
    assert not touched & {f"{ISSUES}/{closed}", f"{ISSUES}/{opened}", f"{ISSUES}/{closed}/comments", f"{ISSUES}/{opened}/comments"}
    assert (fake.issues[closed]["state"], fake.issues[opened]["state"]) == ("closed", "open")
    ours = [i for i in by_ref(fake)["E-2026-009/M2"] if i["user"] == {"login": fake.login}]
    assert len(ours) == 1 and ours[0]["state"] == "open"  # pactwatch opened its own issue instead


def test_an_explicit_login_is_used_and_an_installation_token_is_github_actions(
    portfolio: Path, fake: FakeGitHub, alerts_run: Run, make_client: MakeClient
) -> None:
    from pactwatch.github.identity import resolve

    with make_client() as client:
        assert resolve(client, "Some-App[bot]") == "Some-App[bot]"
        assert not [r for r in fake.requests if r.path == "/user"]  # given: GitHub is not asked
        assert resolve(client, None) == "pactwatch-bot"
        fake.installation = True
        assert resolve(client, None) == ACTIONS_BOT


def test_a_wrong_guess_of_who_the_token_is_stops_at_the_first_issue(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    fake.installation = True  # GET /user refused: taken for github-actions[bot], but GitHub writes as pactwatch-bot
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.stopped is not None
    said = text("github.client.wrong_author", "zh", number="1", who="pactwatch-bot", login=ACTIONS_BOT, env="PACTWATCH_BOT_LOGIN")
    assert result.outcome.stopped == said  # in the portfolio's language
    assert len(fake.open_issues()) == 1  # one issue, not one per run per occurrence


def test_a_run_stopped_between_the_escalation_comment_and_its_label_mentions_the_manager_once(
    portfolio: Path, fake: FakeGitHub, alerts_run: Run
) -> None:
    fake.fail("POST", r"/issues/\d+/labels$", 422, times=100)  # every escalation: the comment went out, the label did not
    first = alerts_run(portfolio)
    assert first.outcome is not None and len(first.outcome.failed) == 3
    escalated = {ref: number_of(fake, ref) for ref, (_, _, boss) in EXPECTED.items() if boss}
    assert all(len(fake.comments[n]) == 1 and "escalated" not in fake.label_names(n) for n in escalated.values())
    fake.faults.clear()
    second = alerts_run(portfolio)
    assert second.outcome is not None and second.outcome.ok, second.outcome
    for n in escalated.values():
        assert len(fake.comments[n]) == 1 and "escalated" in fake.label_names(n)


def test_a_stranger_typing_the_escalation_marker_does_not_silence_the_mention(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    fake.fail("POST", r"/issues/\d+/comments$", 422, times=100)  # issues opened, escalations not yet posted
    alerts_run(portfolio)
    escalated = {ref: number_of(fake, ref) for ref, (_, _, boss) in EXPECTED.items() if boss}
    for ref, n in escalated.items():
        fake.add_comment(n, f"{escalation_marker(ref)}\nnothing to see here", author="mallory")
    fake.faults.clear()
    second = alerts_run(portfolio)
    assert second.outcome is not None and second.outcome.ok, second.outcome
    for n in escalated.values():
        mine = [c for c in fake.comments[n] if c["user"] == {"login": fake.login}]
        assert len(mine) == 1 and "@sunhao-ec" in mine[0]["body"] and "escalated" in fake.label_names(n)


# ---- (9) the client against a hostile or broken GitHub ---------------------------------------------------


def test_a_next_link_to_the_same_page_is_an_error_not_a_loop(fake: FakeGitHub, make_client: MakeClient) -> None:
    fake.add_issue("one", labels=("pactwatch",))
    loop = {"link": f'<{fake.url}{ISSUES}?page=2>; rel="next"'}
    fake.fail("GET", r"/issues$", 200, headers=loop, body=[{"number": 1}], times=1_000)
    with make_client() as client, pytest.raises(GitHubError, match="links back to a page already read"):
        list(client.paginate(ISSUES))
    assert len(fake.requests) == 2  # the first page, then page 2 once: its link back to itself stops the reading


def test_pages_are_capped(fake: FakeGitHub, make_client: MakeClient) -> None:
    for n in range(5):
        fake.add_issue(f"i{n}")
    with make_client() as client:
        client.max_pages = 3
        with pytest.raises(GitHubError, match="more than 3 pages"):
            list(client.paginate(ISSUES, params={"per_page": 1}))
        client.max_pages = 5
        assert len(list(client.paginate(ISSUES, params={"per_page": 1}))) == 5


def test_a_success_that_is_not_json_is_a_clean_error(fake: FakeGitHub, make_client: MakeClient) -> None:
    fake.fail("GET", r"/issues$", 200, raw=b"<html>proxy login</html>")
    with make_client() as client, pytest.raises(GitHubError, match=r"answered GET .*/issues with 200 but not with JSON \(text/html\)"):
        client.get(ISSUES)


@pytest.mark.parametrize("status", [401, 403, 404, 422, 500])
def test_an_error_that_echoes_the_token_is_redacted(fake: FakeGitHub, make_client: MakeClient, status: int) -> None:
    echo = {"message": f"bad header Authorization: Bearer {fake.token}", "errors": [{"field": "title", "value": fake.token}]}
    fake.fail("POST", r"/issues$", status, body=echo, times=10)
    with make_client(attempts=1) as client, pytest.raises(GitHubError) as caught:
        client.request("POST", ISSUES, json={"title": "x"})
    assert fake.token not in str(caught.value) and ("***" in str(caught.value) or status == 404)  # a 404 says no message


def test_the_alerts_command_prints_no_token_github_echoed(
    portfolio: Path, fake: FakeGitHub, run_cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in (("GITHUB_API_URL", fake.url), ("GITHUB_TOKEN", fake.token), ("GITHUB_REPOSITORY", fake.repo)):
        monkeypatch.setenv(name, value)
    fake.fail("POST", r"/issues$", 422, body={"message": f"token {fake.token} rejected"}, times=100)
    result = run_cli("alerts", "--root", portfolio, "--pace", "0")
    assert result.code == 1 and "rejected" in result.err
    assert fake.token not in result.out + result.err
    fake.faults.clear()
    fake.fail("GET", r"/issues$", 200, raw=b"not json " + fake.token.encode())
    broken = run_cli("alerts", "--root", portfolio, "--pace", "0")
    said = text("github.client.not_json", "zh", method="GET", path="/repos/example-co/contracts/issues", status=200, kind="text/html")
    assert broken.code == 1 and said in broken.err and "Traceback" not in broken.err


def test_a_long_milestone_title_is_cut_to_what_github_takes(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    long = ("@x " * 67)[:200]  # 200 characters, each mention gets an invisible joiner: well over 256 once escaped
    edit(portfolio, "contracts/sales/E-2026-009.yaml", "title: Solution design sign-off", f'title: "{long}"')
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.ok, result.outcome
    (issue,) = by_ref(fake)["E-2026-009/M2"]
    title = str(issue["title"])
    assert len(title) <= TITLE_LIMIT and title.startswith("逾期：E-2026-009 M2 @") and title.endswith("…（到期 2026年11月24日）")
    again = alerts_run(portfolio)
    assert again.plan.actions == ()  # the bounded title is stable: no update on every run


def test_bounded_title_keeps_our_words_and_cuts_the_users() -> None:
    def make(text: str) -> str:
        return f"Overdue: C-1 M1 {text} (due 1 May)"

    assert bounded_title(make, "short") == "Overdue: C-1 M1 short (due 1 May)"
    cut = bounded_title(make, "y" * 400, limit=60)
    assert len(cut) == 60 and cut.startswith("Overdue: C-1 M1 yyy") and cut.endswith("y… (due 1 May)")
    assert bounded_title(make, "y" * 400, limit=10) == "Overdue: C"  # nothing of the user's left: cut last
