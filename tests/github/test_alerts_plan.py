"""The pure planner: desired state vs existing issues, without any server."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from github.conftest import TODAY, evaluation, links_for, renderer_for
from pactwatch.catalogue import word
from pactwatch.github.alerts_plan import Plan, managed, plan
from pactwatch.github.issues import ExistingIssue, from_json, ours
from pactwatch.github.render import facts


def plan_for(root: Path, existing: list[ExistingIssue], labels: tuple[str, ...] = ()) -> Plan:
    ev = evaluation(root, TODAY)
    return plan(ev, existing, labels, renderer_for(root, ev), links_for(ev))


def as_existing(root: Path, source_ref: str, **changes: object) -> ExistingIssue:
    """The issue the planner would have created for ``source_ref``, as GitHub would list it."""
    ev = evaluation(root, TODAY)
    (o,) = [o for o in ev.occurrences if o.ref == source_ref]
    renderer = renderer_for(root, ev)
    alert = facts(o, ev.portfolio.people, ev.portfolio.settings, links_for(ev), TODAY)
    labels = ("escalated", "kind:payment", "overdue", "pactwatch")
    issue = ExistingIssue(7, "open", renderer.title(alert), renderer.body(alert), labels, ("lina-ec",), source_ref)
    return replace(issue, **changes)  # type: ignore[arg-type]


def test_an_issue_in_step_needs_nothing(portfolio: Path) -> None:
    issue = as_existing(portfolio, "C-2026-007/M4")
    actions = [a for a in plan_for(portfolio, [issue]).actions if a.ref == issue.ref]
    assert actions == []


def test_label_case_and_people_labels_do_not_cause_updates(portfolio: Path) -> None:
    issue = as_existing(portfolio, "C-2026-007/M4", labels=("Escalated", "KIND:payment", "Overdue", "PactWatch", "needs-finance"))
    the_plan = plan_for(portfolio, [issue], ("Escalated", "KIND:payment", "Overdue", "PactWatch"))
    assert [a for a in the_plan.actions if a.ref == issue.ref] == []
    assert "pactwatch" not in [a.ref for a in the_plan.actions if a.op == "create_label"]


def test_a_closed_issue_of_a_done_milestone_stays_closed(portfolio: Path) -> None:
    issue = as_existing(portfolio, "C-2026-001/M4", state="closed", state_reason="completed")
    assert [a for a in plan_for(portfolio, [issue]).actions if a.ref == issue.ref] == []


def test_an_open_issue_of_a_done_milestone_is_closed_completed(portfolio: Path) -> None:
    issue = as_existing(portfolio, "C-2026-007/M4", ref="C-2026-001/M4")
    (close,) = [a for a in plan_for(portfolio, [issue]).actions if a.ref == "C-2026-001/M4"]
    assert (close.op, close.state_reason, close.why) == ("close", "completed", word("value.done", "zh"))
    assert close.comment is not None and "2026年8月8日" in close.comment


def test_an_acknowledged_occurrence_closes_as_not_planned(portfolio: Path) -> None:
    issue = as_existing(portfolio, "C-2026-007/M4", ref="E-2026-008/M4")
    (close,) = [a for a in plan_for(portfolio, [issue]).actions if a.ref == "E-2026-008/M4"]
    assert (close.op, close.state_reason, close.why) == ("close", "not_planned", word("github.why.acknowledged", "zh"))
    assert close.comment is not None and "Vendor agreed" in close.comment


def test_the_escalation_is_planned_after_the_create(portfolio: Path) -> None:
    ops = [(a.op, a.ref) for a in plan_for(portfolio, []).actions if a.ref == "C-2026-007/M4"]
    assert ops == [("create", "C-2026-007/M4"), ("escalate", "C-2026-007/M4")]


def test_labels_are_created_before_anything_uses_them(portfolio: Path) -> None:
    ops = [a.op for a in plan_for(portfolio, []).actions]
    assert ops[:7] == ["create_label"] * 7 and "create_label" not in ops[7:]


def test_the_plan_is_json_and_deterministic(portfolio: Path) -> None:
    one, two = plan_for(portfolio, []), plan_for(portfolio, [])
    assert one == two
    data = json.loads(json.dumps(one.as_json(), ensure_ascii=False))
    assert data["counts"]["create"] == 6 and data["open_wanted"] == 6


def test_managed_labels() -> None:
    assert all(managed(n) for n in ("pactwatch", "Overdue", "escalated", "kind:payment"))
    assert not any(managed(n) for n in ("bug", "priority", "kindness"))


def test_pull_requests_and_unmarked_issues_are_not_ours() -> None:
    bot = {"login": "pactwatch-bot"}
    items = [
        {"number": 1, "title": "pr", "body": "<!-- pactwatch:C-1/M1 -->", "pull_request": {"url": "x"}, "labels": [], "user": bot},
        {"number": 2, "title": "human", "body": "hello", "labels": [{"name": "pactwatch"}], "user": bot},
        {
            "number": 3,
            "title": "ours",
            "body": "<!-- pactwatch:C-1/M1 -->\ntext",
            "labels": [{"name": "pactwatch"}],
            "state": "closed",
            "user": bot,
        },
        {"number": 4, "title": "no body", "body": None, "labels": [], "user": bot},
        {
            "number": 5,
            "title": "forged",
            "body": "<!-- pactwatch:C-1/M2 -->",
            "labels": [{"name": "pactwatch"}],
            "user": {"login": "mallory"},
        },
        {"number": 6, "title": "no author", "body": "<!-- pactwatch:C-1/M3 -->", "labels": [{"name": "pactwatch"}]},
    ]
    assert [i.number for i in ours(items, "PactWatch-Bot")] == [3]  # logins are case-insensitive
    assert from_json(items[0]) is None
