"""The GitHub digest against the stand-in GitHub: one issue per owner, updated in place, comments that mention."""

from __future__ import annotations

from pathlib import Path

from pactwatch.catalogue import text
from pactwatch.load.portfolio import load_portfolio
from pactwatch.notify import github_digest
from pactwatch.notify.run import Pacing, Report, run
from pactwatch.settings import load_settings
from tests.engine.factories import D
from tests.github.fake_github import FakeGitHub
from tests.notify.portfolios import GITHUB_TOKEN, REPO_ROOT, example_settings_without_notify

NO_WAIT = Pacing(retry_wait=0, github_pace=0, sleep=lambda s: None)


def _portfolio(tmp_path: Path, people: str | None = None) -> Path:
    root = tmp_path / "p"
    root.mkdir(exist_ok=True)
    (root / "contracts").mkdir(exist_ok=True)
    for source in sorted((REPO_ROOT / "contracts").rglob("*.yaml")):
        target = root / source.relative_to(REPO_ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    (root / "people.yaml").write_text(people or (REPO_ROOT / "people.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    block = "overdue_every_days: 365\nnotify:\n  github: {digest: true}\n"  # follow-ups apart: see conftest.example
    (root / "pactwatch.yml").write_text(example_settings_without_notify() + block, encoding="utf-8")
    return root


def _run(root: Path, day: str, github: FakeGitHub, state: Path) -> Report:
    settings = load_settings(root)
    loaded = load_portfolio(root, D(day), settings=settings, use_cache=False)
    environ = {"GITHUB_TOKEN": GITHUB_TOKEN, "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": github.repo}
    return run(root, loaded.portfolio, D(day), state=state, dry_run=False, environ=environ, pacing=NO_WAIT)


def _digest_of(github: FakeGitHub, person: str) -> dict[str, object]:
    [issue] = [i for i in github.issues.values() if github_digest.marker(person) in i["body"]]
    return issue


def test_digest_issues_are_updated_in_place_and_comments_mention_new_notices(github: FakeGitHub, tmp_path: Path) -> None:
    root, state = _portfolio(tmp_path), tmp_path / "state.json"
    first = _run(root, "2026-11-27", github, state)
    assert first.ok, [r.error for r in first.failed]
    chen = _digest_of(github, "chen.jing")
    assert chen["title"] == "近期合同节点：陈静" and [lb["name"] for lb in chen["labels"]] == ["pactwatch-digest"]  # type: ignore[index]
    assert "到货验收及上架测试" in chen["body"] and "_截至 2026年11月27日" in chen["body"]  # type: ignore[operator]
    assert len(github.comments[chen["number"]]) == 1  # type: ignore[index]
    issues_before = len(github.issues)

    second = _run(root, "2026-11-28", github, state)
    assert second.ok and len(github.issues) == issues_before  # the same issues, edited
    chen = _digest_of(github, "chen.jing")
    assert "_截至 2026年11月28日" in chen["body"]  # type: ignore[operator]
    comments = [c["body"] for c in github.comments[chen["number"]]]  # type: ignore[index]
    # calendar CN: the 7-day reminder of Saturday 12-05 falls on Saturday 11-28, so it came on Friday 11-27 (8 days before)
    assert comments[0].split("\n")[1].startswith("@chenjing-ec 以下 2 个节点进入提醒期") and "8 天后到期" in comments[0]
    assert len(comments) == 2 and comments[1].split("\n")[1].startswith("@chenjing-ec 以下 1 个节点进入提醒期")
    assert "升级至 孙浩" in comments[1] and "天后到期" not in comments[1] and "到货验收及上架测试" not in comments[1]


def test_a_lost_answer_to_a_comment_does_not_post_it_twice(github: FakeGitHub, tmp_path: Path) -> None:
    github.fail("POST", r"/issues/\d+/comments$", 502, after_work=True)  # GitHub posted it, the answer got lost
    root, state = _portfolio(tmp_path), tmp_path / "state.json"
    report = _run(root, "2026-11-27", github, state)
    assert report.ok and github.faults[0].times == 0  # the 502 happened; the retry found the comment's marker
    posts = [r for r in github.requests if r.method == "POST" and r.path.endswith("/comments")]
    assert len(posts) == 2 and all(len(c) == 1 for c in github.comments.values() if c)


def test_owners_with_nothing_upcoming_get_their_digest_closed(github: FakeGitHub, tmp_path: Path) -> None:
    stale = github.add_issue(
        "近期合同节点：赵敏", f"{github_digest.marker('zhao.min')}\nold", labels=("pactwatch-digest",), author=github.login
    )
    people_written = github.add_issue("Hand-written", "no marker here", labels=("pactwatch-digest",))
    root = _portfolio(tmp_path)
    assert _run(root, "2026-11-27", github, tmp_path / "s.json").ok
    assert github.issues[stale]["state"] == "closed" and "目前没有临近或逾期的节点" in github.issues[stale]["body"]
    assert github.issues[people_written]["state"] == "open" and github.issues[people_written]["body"] == "no marker here"


def test_people_without_a_github_login_are_noted_and_contract_text_is_inert(github: FakeGitHub, tmp_path: Path) -> None:
    people = (REPO_ROOT / "people.yaml").read_text(encoding="utf-8").replace("    github: zhoulei-ec\n", "")
    root = _portfolio(tmp_path, people)
    target = root / "contracts" / "purchase" / "P-2026-003.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("到货验收及上架测试", '"验收 @everyone #12 <!-- x -->"'), encoding="utf-8")
    report = _run(root, "2026-11-27", github, tmp_path / "s.json")
    noted = text("finding.outbox.no_github", "zh", person="周磊 (zhou.lei)", count=1)  # the portfolio speaks zh; people by name
    assert report.ok and noted == "GitHub：周磊 (zhou.lei) 在 people.yaml 中没有 GitHub 账号（1 条提醒）" and noted in report.skipped
    body = _digest_of(github, "chen.jing")["body"]
    assert (
        "@everyone" not in body
        and "@\u200deveryone" in body
        and "#\u200d12" in body
        and "&lt;\\!-- x --&gt;" in body
        and "&amp;" not in body
    )  # type: ignore[operator]


def test_dry_run_makes_no_request(github: FakeGitHub, tmp_path: Path) -> None:
    root = _portfolio(tmp_path)
    settings = load_settings(root)
    loaded = load_portfolio(root, D("2026-11-27"), settings=settings, use_cache=False)
    report = run(root, loaded.portfolio, D("2026-11-27"), state=None, dry_run=True, environ={}, pacing=NO_WAIT)
    assert report.messages and not report.results and not github.requests
