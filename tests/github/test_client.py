"""The REST client on its own: rate-limit arithmetic, messages, pagination safety, the token kept secret."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from github.conftest import FakeClock
from github.fake_github import FakeGitHub
from pactwatch.errors import PactwatchError
from pactwatch.github.client import GitHubClient, GitHubError, Secret, explain, rate_limit_wait

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("status", "headers", "message", "expected"),
    [
        (403, {"retry-after": "7"}, "", ("secondary", 7.0)),
        (429, {"retry-after": "Thu, 15 Jan 2027 08:00:10 GMT"}, "", ("secondary", 10.0)),
        (403, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW) + 60)}, "", ("primary", 61.0)),
        (429, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW) - 5)}, "", ("primary", 1.0)),
        (403, {}, "You have exceeded a secondary rate limit", ("secondary", None)),
        (429, {}, "", ("secondary", None)),
        (403, {"x-ratelimit-remaining": "12"}, "Resource not accessible by integration", None),
        (500, {"retry-after": "5"}, "", None),
    ],
)
def test_rate_limit_wait(status: int, headers: dict[str, str], message: str, expected: tuple[str, float | None] | None) -> None:
    assert rate_limit_wait(status, headers, message, NOW) == expected


def test_the_token_never_shows() -> None:
    secret = Secret("ghp_supersecret")
    assert "ghp_supersecret" not in repr(secret) + str(secret) + f"{secret}"
    client = GitHubClient("https://api.github.com", secret)
    try:
        assert "ghp_supersecret" not in repr(client)
    finally:
        client.close()


def test_errors_never_carry_the_token(fake: FakeGitHub, make_client: Callable[..., GitHubClient]) -> None:
    client = make_client(token="ghp_wrong_and_secret")
    with pytest.raises(GitHubError) as caught:
        client.get("/repos/example-co/contracts/issues", need="issues: read")
    assert caught.value.status == 401 and caught.value.fatal
    assert "GITHUB_TOKEN" in str(caught.value)
    assert "ghp_wrong_and_secret" not in str(caught.value) + repr(caught.value) + repr(caught.value.args)


def test_a_missing_repository_names_the_permission(fake: FakeGitHub, make_client: Callable[..., GitHubClient]) -> None:
    with pytest.raises(GitHubError, match=r"404.*issues: read.*--repo") as caught:
        make_client().get("/repos/other/repo/issues", need="issues: read")
    assert not caught.value.fatal


def test_anonymous_reads_work_and_writes_ask_for_a_token(fake: FakeGitHub, make_client: Callable[..., GitHubClient]) -> None:
    client = make_client(token=None)
    assert client.get("/repos/example-co/contracts/labels").data == []
    with pytest.raises(GitHubError, match="set GITHUB_TOKEN"):
        client.request("POST", "/repos/example-co/contracts/labels", json={"name": "x"}, need="issues: write")


def test_a_validation_error_lists_the_fields(fake: FakeGitHub, make_client: Callable[..., GitHubClient]) -> None:
    client = make_client()
    client.request("POST", "/repos/example-co/contracts/labels", json={"name": "Overdue"})
    with pytest.raises(GitHubError, match="422 Validation Failed: name already_exists") as caught:
        client.request("POST", "/repos/example-co/contracts/labels", json={"name": "overdue"})
    assert caught.value.errors[0]["code"] == "already_exists"


def test_pagination_follows_every_link(fake: FakeGitHub, make_client: Callable[..., GitHubClient]) -> None:
    for n in range(7):
        fake.add_issue(f"i{n}", labels=("pactwatch",))
    fake.page_limit = 3
    items = list(make_client().paginate("/repos/example-co/contracts/issues", params={"per_page": 100, "state": "all"}))
    assert [i["title"] for i in items] == [f"i{n}" for n in reversed(range(7))]
    assert [r.query.get("page", "1") for r in fake.requests] == ["1", "2", "3"]


def test_pagination_never_follows_a_link_to_another_host(fake: FakeGitHub, make_client: Callable[..., GitHubClient]) -> None:
    fake.add_issue("one")
    fake.add_issue("two")
    fake.page_limit = 1
    fake.link_base = "http://evil.example"  # the server now writes Link headers to another host
    with pytest.raises(GitHubError, match="refusing to follow a link away"):
        list(make_client().paginate("/repos/example-co/contracts/issues"))


def test_writes_keep_their_distance(fake: FakeGitHub, make_client: Callable[..., GitHubClient], clock: FakeClock) -> None:
    client = make_client(write_interval=1.5)
    for name in ("a", "b", "c"):
        client.request("POST", "/repos/example-co/contracts/labels", json={"name": name})
    client.get("/repos/example-co/contracts/labels")
    assert clock.sleeps == [1.5, 1.5]
    assert client.writes == 3


def test_a_bad_api_url_is_refused() -> None:
    with pytest.raises(PactwatchError, match="not an http"):
        GitHubClient("file:///etc/passwd", None)


@pytest.mark.parametrize(
    ("status", "needle"),
    [(401, "wrong or expired"), (403, "lacks the permission issues: write"), (404, "cannot see it"), (410, "issues turned off")],
)
def test_explanations(status: int, needle: str) -> None:
    said = explain(status, "POST", "/repos/o/r/issues", "msg", "issues=write", "issues: write", True)
    assert needle in said.render("en") and said.render("zh") != said.render("en")  # a Msg: worded where it is shown
