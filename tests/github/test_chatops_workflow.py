"""The chatops workflow: the events it listens to, least privilege, no comment text in a shell."""

from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "chatops.yml"


def _load() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_triggers_and_least_privilege() -> None:
    data = _load()
    on = data[True]  # YAML 1.1 reads the key `on` as true
    assert on == {"issue_comment": {"types": ["created"]}, "issues": {"types": ["opened"]}}
    assert data["permissions"] == {}
    job = data["jobs"]["chatops"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert "startsWith(github.event.comment.body, '/')" in job["if"] and "'pactwatch'" in job["if"]
    assert "startsWith(github.event.issue.title, '[pactwatch] ')" in job["if"]


def test_no_event_text_reaches_a_shell() -> None:
    for step in _load()["jobs"]["chatops"]["steps"]:
        run = step.get("run", "")
        assert "${{" not in run and "github.event" not in run
    assert 'pactwatch chatops --event "$GITHUB_EVENT_PATH"' in WORKFLOW.read_text(encoding="utf-8")
