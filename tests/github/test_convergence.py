"""Property: whatever state the issues are in, applying the plan once brings them to a state the
planner is content with (a second plan is empty), with exactly one open issue per wanted occurrence.

GitHub is simulated in memory here (the stand-in server tests cover the HTTP side), so hypothesis can
try many days and many messes quickly.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from github.conftest import REPO_ROOT, TODAY, evaluation, links_for, renderer_for
from pactwatch.engine import Evaluation, evaluate
from pactwatch.github.alerts_plan import Action, plan, wanted_occurrences
from pactwatch.github.issues import ExistingIssue
from pactwatch.github.render import Renderer

START = date(2026, 6, 1)


@cache
def base() -> tuple[Evaluation, Renderer]:
    ev = evaluation(REPO_ROOT, TODAY)  # validated on the demo day; other days are evaluated from it
    return ev, renderer_for(REPO_ROOT, ev)


def evaluation_on(day: date) -> Evaluation:
    return evaluate(base()[0].portfolio, day)


def simulate(issues: list[ExistingIssue], labels: set[str], actions: tuple[Action, ...]) -> tuple[list[ExistingIssue], set[str]]:
    by_number = {i.number: i for i in issues}
    created: dict[str, int] = {}
    for a in actions:
        if a.op == "create_label":
            labels.add(a.ref)
            continue
        if a.op == "create":
            number = max(by_number, default=0) + 1
            created[a.ref] = number
            by_number[number] = ExistingIssue(
                number, "open", a.title or "", a.body or "", tuple(a.labels or ()), tuple(a.assignees or ()), a.ref
            )
            continue
        number = a.number or created[a.ref]
        issue = by_number[number]
        if a.op == "escalate":
            issue = replace(issue, labels=(*issue.labels, *(a.labels or ())))
        elif a.op == "close":
            issue = replace(issue, state="closed", state_reason=a.state_reason)
        else:
            issue = replace(
                issue,
                state="open",
                title=a.title if a.title is not None else issue.title,
                body=a.body if a.body is not None else issue.body,
                labels=a.labels if a.labels is not None else issue.labels,
                assignees=a.assignees if a.assignees is not None else issue.assignees,
            )
        by_number[number] = issue
    return sorted(by_number.values(), key=lambda i: i.number), labels


def mess(issue: ExistingIssue, how: int) -> ExistingIssue:
    """One of the things people (or earlier versions, or other days) do to an issue."""
    changes = [
        {},
        {"state": "closed"},
        {"title": "edited"},
        {"body": issue.body + "\nedited"},
        {"labels": ("pactwatch", "priority")},
        {"labels": (*issue.labels, "Overdue", "needs-legal")},
        {"assignees": ()},
    ]
    return replace(issue, **changes[how % len(changes)])  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=st.integers(min_value=0, max_value=300),
    later=st.integers(min_value=0, max_value=120),
    messes=st.lists(st.integers(min_value=0, max_value=6), max_size=12),
    duplicate=st.booleans(),
)
def test_one_plan_converges(first: int, later: int, messes: list[int], duplicate: bool) -> None:
    _, renderer = base()
    links = links_for(base()[0])
    day_one = START + timedelta(days=first)
    ev = evaluation_on(day_one)
    issues, labels = simulate([], set(), plan(ev, [], (), renderer, links).actions)
    issues = [mess(issue, messes[i]) if i < len(messes) else issue for i, issue in enumerate(issues)]
    if duplicate and issues:
        issues.append(replace(issues[0], number=issues[-1].number + 1, state="open"))
    day_two = day_one + timedelta(days=later)
    ev = evaluation_on(day_two)
    issues, labels = simulate(issues, labels, plan(ev, issues, labels, renderer, links).actions)
    assert plan(ev, issues, labels, renderer, links).actions == ()
    wanted = wanted_occurrences(ev)
    open_refs = sorted(i.ref for i in issues if i.state == "open" and i.ref is not None)
    assert open_refs == sorted(wanted)
