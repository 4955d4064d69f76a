"""Alerts end to end against the stand-in GitHub: fetch, plan, apply, and run again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from github.conftest import TODAY, FakeClock
from github.fake_github import FakeGitHub
from pactwatch.github.apply import RunResult
from pactwatch.github.issues import marker, ref_in

Run = Callable[..., RunResult]
EXPECTED = {
    "C-2026-007/M4": ("lina-ec", "kind:payment", "sunhao-ec"),
    "E-2026-009/M2": ("emilyclark-ec", "kind:acceptance", None),
    "F-2026-006/M6": ("lina-ec", "kind:payment", "sunhao-ec"),
    "O-2026-010/M3": ("zhangwei-ec", "kind:delivery", None),
    "P-2026-003/M2": ("chenjing-ec", "kind:delivery", None),
    "S-2026-004/R1@2026-11-05": ("chenjing-ec", "kind:report", "sunhao-ec"),
}


def by_ref(fake: FakeGitHub) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {}
    for issue in fake.issues.values():
        ref = ref_in(str(issue["body"]))
        if ref is not None and "pull_request" not in issue:
            found.setdefault(ref, []).append(issue)
    return found


def number_of(fake: FakeGitHub, ref: str) -> int:
    (issue,) = by_ref(fake)[ref]
    return int(str(issue["number"]))


def edit(root: Path, source: str, old: str, new: str) -> None:
    path = root / source
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_first_run_opens_one_issue_per_overdue_occurrence(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.ok, result.outcome
    issues = by_ref(fake)
    assert sorted(issues) == sorted(EXPECTED)  # E-2026-008/M4 is overdue but acknowledged: no issue
    for ref, (owner, kind, manager) in EXPECTED.items():
        (issue,) = issues[ref]
        number = int(str(issue["number"]))
        assert str(issue["body"]).startswith(marker(ref))
        assert [a["login"] for a in issue["assignees"]] == [owner]  # type: ignore[attr-defined]
        labels = fake.label_names(number)
        assert {"pactwatch", "overdue", kind} <= set(labels)
        assert ("escalated" in labels) == (manager is not None)
        comments = fake.comments[number]
        if manager is None:
            assert comments == []
        else:
            assert len(comments) == 1 and f"@{manager}" in comments[0]["body"]
    assert {"pactwatch", "overdue", "escalated", "kind:payment"} <= set(fake.labels)
    assert fake.labels["overdue"]["color"] == "d73a4a"


def test_second_run_with_no_change_writes_nothing(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    before = len(fake.requests)
    result = alerts_run(portfolio)
    assert result.plan.actions == ()
    assert [r for r in fake.requests[before:] if r.is_write] == []
    assert result.outcome is not None and result.outcome.ok and result.outcome.done == []


def test_a_new_day_escalates_once_and_rewrites_nothing_else(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    before = len(fake.requests)
    alerts_run(portfolio, TODAY + timedelta(days=1))  # P-2026-003/M2 is now 8 days late (> 7); S-2026-004/M2 1 day
    writes = [(r.method, r.path) for r in fake.requests[before:] if r.is_write]
    number = number_of(fake, "P-2026-003/M2")
    path = f"/repos/example-co/contracts/issues/{number}"
    base = "/repos/example-co/contracts"
    assert writes == [("POST", f"{base}/labels"), ("POST", f"{path}/comments"), ("POST", f"{path}/labels"), ("POST", f"{base}/issues")]
    assert "kind:renewal" in fake.labels and "S-2026-004/M2" in by_ref(fake)
    assert "@sunhao-ec" in fake.comments[number][0]["body"]
    before = len(fake.requests)
    alerts_run(portfolio, TODAY + timedelta(days=2))
    assert [r for r in fake.requests[before:] if r.is_write] == []
    assert all(len(fake.comments[number_of(fake, ref)]) <= 1 for ref in EXPECTED)


def test_done_milestone_closes_its_issue_as_completed(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    edit(portfolio, "contracts/sales/C-2026-007.yaml", "status: pending   # 已逾期", "status: done\n    completed_on: 2026-11-26   #")
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.ok
    issue = by_ref(fake)["C-2026-007/M4"][0]
    assert (issue["state"], issue["state_reason"]) == ("closed", "completed")
    assert "2026年11月26日" in fake.comments[int(str(issue["number"]))][-1]["body"]
    assert [a.op for a in result.plan.actions] == ["close"]


def test_waived_milestone_closes_as_not_planned(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    edit(portfolio, "contracts/purchase/P-2026-003.yaml", "status: in_progress", "status: waived")
    alerts_run(portfolio)
    issue = by_ref(fake)["P-2026-003/M2"][0]
    assert (issue["state"], issue["state_reason"]) == ("closed", "not_planned")
    assert "豁免" in fake.comments[int(str(issue["number"]))][-1]["body"]


def test_a_closed_issue_still_overdue_is_reopened(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    number = number_of(fake, "O-2026-010/M3")
    fake.issues[number].update(state="closed", state_reason="completed")  # someone closed it by hand
    result = alerts_run(portfolio)
    assert [(a.op, a.number) for a in result.plan.actions] == [("reopen", number)]
    assert (fake.issues[number]["state"], fake.issues[number]["state_reason"]) == ("open", "reopened")


def test_an_ack_closes_the_issue_and_its_end_reopens_it(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    edit(
        portfolio,
        "contracts/purchase/P-2026-003.yaml",
        "status: in_progress",
        "status: in_progress\n    ack: {until: 2026-12-10, note: '@boss said #42'}",
    )
    alerts_run(portfolio)
    number = number_of(fake, "P-2026-003/M2")
    assert (fake.issues[number]["state"], fake.issues[number]["state_reason"]) == ("closed", "not_planned")
    closing = fake.comments[number][-1]["body"]
    assert "2026年12月10日" in closing and "@boss" not in closing and "#42" not in closing
    alerts_run(portfolio, date(2026, 12, 11))
    assert fake.issues[number]["state"] == "open"


def test_issues_people_wrote_and_pull_requests_are_never_touched(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    human = fake.add_issue("Ask legal about C-2026-007", "please check", labels=("pactwatch", "overdue"))
    pr = fake.add_issue("Record M4 payment", marker("C-2026-007/M4"), labels=("pactwatch",), pull_request=True)
    old_closed = fake.add_issue("old", "no marker", labels=("pactwatch",), state="closed")
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.ok
    touched = {r.path for r in fake.writes}
    for number in (human, pr, old_closed):
        assert not any(path.startswith(f"/repos/example-co/contracts/issues/{number}") for path in touched)
    assert fake.issues[pr]["title"] == "Record M4 payment"
    assert len(by_ref(fake)["C-2026-007/M4"]) == 1  # the PR did not count as its issue: a real issue was opened


def test_every_page_of_the_issue_list_is_read(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    for n in range(5):
        fake.add_issue(f"note {n}", "from a person", labels=("pactwatch",))
    fake.page_limit = 2  # 11 pactwatch issues -> 6 pages
    before = len(fake.requests)
    result = alerts_run(portfolio)
    pages = [r for r in fake.requests[before:] if r.method == "GET" and r.path.endswith("/issues")]
    assert len(pages) == 6 and pages[-1].query["page"] == "6"
    assert result.plan.issues_seen == len(EXPECTED)
    assert [r for r in fake.requests[before:] if r.is_write] == []


def test_a_stale_issue_is_updated_and_labels_people_added_are_kept(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    number = number_of(fake, "F-2026-006/M6")
    fake.issues[number]["title"] = "edited by hand"
    fake.issues[number]["labels"].append({"name": "priority", "color": "000000"})  # type: ignore[union-attr]
    fake.issues[number]["labels"] = [lb for lb in fake.issues[number]["labels"] if lb["name"] != "overdue"]  # type: ignore[union-attr]
    before = len(fake.requests)
    alerts_run(portfolio)
    (patch,) = [r for r in fake.requests[before:] if r.is_write]
    assert patch.method == "PATCH" and set(patch.body) == {"title", "labels"}
    assert fake.issues[number]["title"].startswith("逾期：F-2026-006 M6")  # type: ignore[union-attr]
    assert {"priority", "overdue", "escalated"} <= set(fake.label_names(number))


def test_changed_contract_text_updates_the_body(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    edit(portfolio, "contracts/sales/C-2026-007.yaml", "name: 杭州云帆物流有限公司", "name: 杭州云帆物流集团有限公司")
    result = alerts_run(portfolio)
    assert [(a.op, a.changed) for a in result.plan.actions] == [("update", ("body",))]
    assert "杭州云帆物流集团有限公司" in str(by_ref(fake)["C-2026-007/M4"][0]["body"])


def test_a_removed_contract_closes_its_issue(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    (portfolio / "contracts/other/O-2026-010.yaml").unlink()
    alerts_run(portfolio)
    issue = by_ref(fake)["O-2026-010/M3"][0]
    assert (issue["state"], issue["state_reason"]) == ("closed", "not_planned")


def test_duplicate_issues_for_one_occurrence_are_closed_but_one(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    alerts_run(portfolio)
    keep = number_of(fake, "E-2026-009/M2")
    body = str(fake.issues[keep]["body"])
    extra = fake.add_issue("copy", body, labels=("pactwatch", "overdue", "kind:acceptance"), author=fake.login)  # a lost answer made two
    alerts_run(portfolio)
    assert fake.issues[keep]["state"] == "open"
    assert (fake.issues[extra]["state"], fake.issues[extra]["state_reason"]) == ("closed", "not_planned")
    assert f"#{keep}" in fake.comments[extra][-1]["body"]


def test_dry_run_writes_nothing(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    result = alerts_run(portfolio, dry_run=True)
    assert result.outcome is None
    assert fake.writes == []
    counts = Counter(a.op for a in result.plan.actions)
    assert counts == {"create": 6, "create_label": 7, "escalate": 3}


def test_an_owner_github_cannot_assign_gets_an_unassigned_issue(portfolio: Path, fake: FakeGitHub, alerts_run: Run) -> None:
    fake.collaborators.discard("emilyclark-ec")
    result = alerts_run(portfolio)
    assert result.outcome is not None and result.outcome.ok
    assert any("emilyclark-ec" in w for w in result.outcome.warnings)
    assert by_ref(fake)["E-2026-009/M2"][0]["assignees"] == []
    assert len(by_ref(fake)["E-2026-009/M2"]) == 1


def test_writes_are_spaced_out(portfolio: Path, fake: FakeGitHub, clock: FakeClock, alerts_run: Run) -> None:
    alerts_run(portfolio, write_interval=1.0)
    assert clock.sleeps.count(1.0) == len(fake.writes) - 1  # the stand-in answers at once, so every gap is waited
