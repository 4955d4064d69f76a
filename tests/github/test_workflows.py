"""The workflows are hardened: least privilege, pinned actions, no untrusted ${{ }} in scripts.

actionlint and zizmor lint the same files in scripts/lint-workflows.sh; these checks pin down our own
rules so a later edit cannot quietly loosen them.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from github.conftest import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
PINS = {  # verified against GitHub Actions run logs ("Download action repository 'X@vN' (SHA:...)")
    "actions/checkout": ("34e114876b0b11c390a56381ad16ebd13914f8d5", "v4.3.1"),
    "actions/setup-python": ("a26af69be951a213d495a4c3e4e4022e16d87065", "v5.6.0"),
    "actions/upload-pages-artifact": ("56afc609e74202658d3ffba0e8f6dda462b719fa", "v3.0.1"),
    "actions/deploy-pages": ("d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e", "v4.0.5"),
}
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+?)@(\S+)(?:\s+#\s*(\S+))?\s*$", re.MULTILINE)


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


NAMES = sorted(p.name for p in WORKFLOWS.glob("*.yml"))


def test_the_three_workflows_exist() -> None:
    assert {"alerts.yml", "pages.yml", "validate.yml"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_hardening(name: str) -> None:
    data = load(name)
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    assert data["permissions"] == {}, "no token permissions by default"
    assert "pull_request_target" not in data["on"] and "workflow_run" not in data["on"]
    for job_name, job in data["jobs"].items():
        assert "permissions" in job, f"{job_name}: permissions are given per job"
        assert "timeout-minutes" in job
    for step in steps(data):
        assert "${{" not in step.get("run", ""), f"{name}: pass expressions to run: through env:"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
    found = USES.findall(text)
    assert found, name
    for action, ref, version in found:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action} is pinned to a full commit SHA"
        assert re.fullmatch(r"v[0-9]+(\.[0-9]+)*", version), f"{action}: the version it pins, in a comment"
        if action in PINS:
            assert (ref, version) == PINS[action], f"{action}@{ref} # {version}"


def test_alerts_workflow() -> None:
    data = load("alerts.yml")
    assert data["on"]["schedule"] == [{"cron": "17 0 * * *"}] and "workflow_dispatch" in data["on"]
    assert data["concurrency"] == {"group": "pactwatch-alerts", "cancel-in-progress": False}
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    (run,) = [s for s in job["steps"] if "pactwatch alerts" in s.get("run", "")]
    assert run["env"] == {"GITHUB_TOKEN": "${{ secrets.GITHUB_TOKEN }}"}


def test_pages_workflow() -> None:
    data = load("pages.yml")
    assert set(data["on"]) == {"push", "schedule", "workflow_dispatch"} and data["on"]["push"] == {"branches": ["main"]}
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert any("pactwatch build" in s.get("run", "") for s in build["steps"])
    assert [s["uses"].split("@")[0] for s in build["steps"] if "uses" in s][-1] == "actions/upload-pages-artifact"


def test_validate_workflow() -> None:
    data = load("validate.yml")
    assert set(data["on"]) == {"pull_request", "push"}
    job, comment = data["jobs"]["validate"], data["jobs"]["comment"]
    assert set(data["jobs"]) == {"validate", "comment"}
    assert job["permissions"] == {"contents": "read"}
    # the one pull-request comment: only this job may write, and only to pull requests; no PR text in run:
    assert comment["if"] == "github.event_name == 'pull_request'"
    assert comment["permissions"] == {"contents": "read", "pull-requests": "write"}
    (post,) = [s for s in comment["steps"] if "pactwatch pr-comment" in s.get("run", "")]
    assert post["run"] == 'pactwatch pr-comment --base "origin/$BASE_REF" --pr "$PR_NUMBER"' and "${{" not in post["run"]
    assert post["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    runs = [s.get("run", "") for s in job["steps"]]
    for command in ("pip install .", "pactwatch validate --format github", "pactwatch codeowners --check", "pactwatch build"):
        assert any(command in r for r in runs), command
    (approvals,) = [s for s in job["steps"] if "pactwatch approvals" in s.get("run", "")]
    assert approvals["env"] == {"BASE_REF": "${{ github.base_ref }}"} and '"origin/$BASE_REF"' in approvals["run"]
