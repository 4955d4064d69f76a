"""The site's "Mark done" / "Report a delay" links open an issue the chatops workflow recognises."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

from pactwatch.chatops.event import Ask, read
from pactwatch.chatops.prefill import links_html, request_links
from pactwatch.links import new_issue


def test_new_issue_quotes_everything_and_needs_a_repository() -> None:
    url = new_issue("acme/contracts", "a&b=c #1", "/done 2026-12-03\n")
    assert url == "https://github.com/acme/contracts/issues/new?title=a%26b%3Dc%20%231&body=%2Fdone%202026-12-03%0A"
    assert new_issue(None, "t", "b") is None and new_issue("../x", "t", "b") is None


def test_a_prefilled_issue_reads_back_as_the_request() -> None:
    (_, done), (_, delay) = request_links("acme/contracts", "C-1", "R1@2026-05-31", "月报 & co", "2026-05-31", date(2026, 6, 2), "en")
    for url, command in ((done, "/done 2026-06-02"), (delay, "/reschedule 2026-05-31 reason")):
        query = parse_qs(urlsplit(url).query)
        issue = {"number": 7, "title": query["title"][0], "body": query["body"][0], "user": {"login": "li-na"}}
        ask = read({"action": "opened", "issue": issue}, "pactwatch-bot")
        assert isinstance(ask, Ask) and (ask.contract_id, ask.ref, ask.body.strip()) == ("C-1", "R1@2026-05-31", command)


def test_closed_and_derived_occurrences_get_no_links() -> None:
    args = ("acme/contracts", "C-1", "M1", "<b>t</b>")
    assert links_html(*args, "done", "2026-01-01", date(2026, 1, 2), "zh") == ""
    assert links_html("acme/contracts", "C-1", "_notice@2026-01-01", "t", "overdue", "2026-01-01", date(2026, 1, 2), "zh") == ""
    shown = links_html(*args, "overdue", date(2026, 1, 1), date(2026, 1, 2), "zh")
    assert "标记完成" in shown and "报告延期" in shown and "<b>" not in shown
