"""remind.yml: scheduled, least privilege, pinned actions, secrets only where they are used, state kept between runs."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.notify.portfolios import REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "remind.yml"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_schedule_permissions_and_concurrency() -> None:
    data = _load()
    triggers = data[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] == [{"cron": "30 0 * * *"}] and "workflow_dispatch" in triggers
    assert data["permissions"] == {} and data["concurrency"]["cancel-in-progress"] is False
    [job] = data["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"} and job["environment"] == "reminders"


def test_actions_are_pinned_with_a_version_comment_and_match_the_other_workflows() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+) # (v[\d.]+)", text)
    assert len(uses) == len(re.findall(r"uses:", text)) == 4
    assert all(PINNED.match(action) for action, _ in uses)
    others = "".join(p.read_text(encoding="utf-8") for p in WORKFLOW.parent.glob("*.yml") if p != WORKFLOW)
    for action, version in uses:
        name = action.split("@")[0]
        if f"{name}@" in others:  # the same action elsewhere: the same pin
            assert f"{action} # {version}" in others


def test_no_expression_in_run_and_secrets_only_in_the_sending_step() -> None:
    [job] = _load()["jobs"].values()
    for step in job["steps"]:
        assert "${{" not in step.get("run", "")
        if step.get("name") != "Send reminders":
            assert "secrets." not in str(step)
    send = next(s for s in job["steps"] if s.get("name") == "Send reminders")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("<!-- section:remind -->") : readme.index("<!-- /section:remind -->")]
    named = set(re.findall(r"_env: ([A-Z_]+)", block.split("### Set up each channel")[0]))
    assert named - {"DINGTALK_FINANCE_WEBHOOK", "DINGTALK_FINANCE_SECRET"} <= set(send["env"])
    assert "--state remind-state/delivery-log.json" in send["run"]


def test_the_delivery_log_is_restored_before_and_saved_after_even_on_failure() -> None:
    [job] = _load()["jobs"].values()
    names = [s.get("uses", "").split("@")[0] for s in job["steps"]]
    restore, send, save = (
        names.index("actions/cache/restore"),
        [s.get("name") for s in job["steps"]].index("Send reminders"),
        names.index("actions/cache/save"),
    )
    assert restore < send < save
    restore_step, save_step = job["steps"][restore], job["steps"][save]
    assert restore_step["with"]["path"] == save_step["with"]["path"] == "remind-state"
    assert restore_step["with"]["key"] == save_step["with"]["key"]
    assert "steps.day.outputs.day" in restore_step["with"]["key"] and "pactwatch-remind-" in restore_step["with"]["restore-keys"]
    assert save_step["if"] == "${{ always() }}"
