"""remind.yml: scheduled, least privilege, pinned actions, secrets only where they are used, state kept between runs.

Two jobs share one delivery log: ``remind`` every morning, ``announce`` after a push to main (and every morning,
over a window of days, as a safety net)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.notify.portfolios import REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "remind.yml"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _step(job: dict[str, Any], name: str) -> dict[str, Any]:
    found = next(s for s in job["steps"] if s.get("name") == name)
    assert isinstance(found, dict)
    return found


def test_schedule_permissions_and_concurrency() -> None:
    data = _load()
    triggers = data[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] == [{"cron": "30 0 * * *"}] and "workflow_dispatch" in triggers
    assert triggers["push"] == {"branches": ["main"], "paths": ["contracts/**"]}  # a merged change, announced at once
    assert data["permissions"] == {} and data["concurrency"]["cancel-in-progress"] is False
    remind, announce = data["jobs"]["remind"], data["jobs"]["announce"]
    assert set(data["jobs"]) == {"remind", "announce"}
    assert remind["permissions"] == {"contents": "read", "issues": "write"} and remind["environment"] == "reminders"
    assert remind["if"].startswith("${{ github.event_name != 'push' }}")  # a push sends no reminders at night
    # no GitHub token: announcements go by e-mail and chat robots; after remind, even when it is skipped or failed
    assert announce["permissions"] == {"contents": "read"} and announce["environment"] == "reminders"
    assert announce["needs"] == "remind" and announce["if"].startswith("${{ !cancelled() }}")
    assert _step(announce, "Check out")["with"]["fetch-depth"] == 0  # the push's `before` and the window are in the clone


def test_actions_are_pinned_with_a_version_comment_and_match_the_other_workflows() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+) # (v[\d.]+)", text)
    assert len(uses) == len(re.findall(r"uses:", text)) == 8
    assert all(PINNED.match(action) for action, _ in uses)
    others = "".join(p.read_text(encoding="utf-8") for p in WORKFLOW.parent.glob("*.yml") if p != WORKFLOW)
    for action, version in uses:
        name = action.split("@")[0]
        if f"{name}@" in others:  # the same action elsewhere: the same pin
            assert f"{action} # {version}" in others


def test_no_expression_in_run_and_secrets_only_in_the_sending_step() -> None:
    jobs = _load()["jobs"]
    for job in jobs.values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", "")
            if step.get("name") not in {"Send reminders", "Announce merged changes"}:
                assert "secrets." not in str(step)
    send = _step(jobs["remind"], "Send reminders")
    announce = _step(jobs["announce"], "Announce merged changes")
    assert set(announce["env"]) == set(send["env"]) - {"GITHUB_TOKEN"} | {"BEFORE"}
    assert announce["env"]["BEFORE"] == "${{ github.event.before }}"  # through env, never `${{ }}` inside run:
    howto = (REPO_ROOT / "docs" / "content" / "en" / "how-to" / "reminders.md").read_text(encoding="utf-8")
    named = set(re.findall(r"_env: ([A-Z_]+)", howto.split("## Set up each channel")[0]))
    assert {"SMTP_PASSWORD", "DINGTALK_WEBHOOK"} <= named  # the page still shows the notify: block
    assert named - {"DINGTALK_FINANCE_WEBHOOK", "DINGTALK_FINANCE_SECRET"} <= set(send["env"])
    assert "--state remind-state/delivery-log.json" in send["run"]


@pytest.mark.parametrize(("job", "sends"), [("remind", "Send reminders"), ("announce", "Announce merged changes")])
def test_the_delivery_log_is_restored_before_and_saved_after_even_on_failure(job: str, sends: str) -> None:
    steps = _load()["jobs"][job]["steps"]
    names = [s.get("uses", "").split("@")[0] for s in steps]
    restore, send, save = (
        names.index("actions/cache/restore"),
        [s.get("name") for s in steps].index(sends),
        names.index("actions/cache/save"),
    )
    assert restore < send < save
    restore_step, save_step = steps[restore], steps[save]
    assert restore_step["with"]["path"] == save_step["with"]["path"] == "remind-state"
    assert restore_step["with"]["key"] == save_step["with"]["key"]
    assert "steps.day.outputs.day" in restore_step["with"]["key"] and "pactwatch-remind-" in restore_step["with"]["restore-keys"]
    assert save_step["if"] == "${{ always() }}"
    assert "--state remind-state/delivery-log.json" in steps[send]["run"]


def test_the_two_jobs_keep_one_delivery_log() -> None:
    jobs = _load()["jobs"]
    keys = {name: next(s for s in job["steps"] if "cache/restore" in s.get("uses", ""))["with"] for name, job in jobs.items()}
    # each run saves under its own key (two saves under one key fail); the next restore finds the newest by the shared prefix
    assert keys["announce"]["key"] == keys["remind"]["key"] + "-announce"
    assert keys["announce"]["restore-keys"] == keys["remind"]["restore-keys"]


@pytest.mark.parametrize(("before", "expected"), [("abc123", "--since abc123"), ("", "--since-days 7")])
def test_a_push_announces_since_its_before_and_the_schedule_over_a_window(before: str, expected: str, tmp_path: Path) -> None:
    script = _step(_load()["jobs"]["announce"], "Announce merged changes")["run"]
    stub = tmp_path / "pactwatch"
    stub.write_text('#!/bin/sh\necho "$@"\n', encoding="utf-8")
    stub.chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", "BEFORE": before}
    done = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True, check=True)
    assert done.stdout == f"announce --state remind-state/delivery-log.json {expected}\n"
