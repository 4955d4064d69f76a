"""The one git runner: typed failures (no repository, no folder), shallow clones, and a checkout's config that cannot run code."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pactwatch.errors import PactwatchError
from pactwatch.git import GitError, run_git
from pactwatch.github import gitref
from pactwatch.site.history import read_history


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Li Na", "-c", "user.email=ln@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return done.stdout.decode()


def repository(root: Path, commits: int = 3) -> Path:
    """A repository whose every commit changes contracts/C-1.yaml."""
    (root / "contracts").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    for n in range(commits):
        (root / "contracts" / "C-1.yaml").write_text(f"id: C-1\nversion: {n}\n", encoding="utf-8")
        git(root, "add", ".")
        git(root, "commit", "-q", "-m", f"Change {n} (#{n + 10})")
    return root


def test_outside_a_repository_git_fails_with_its_reason(tmp_path: Path) -> None:
    with pytest.raises(GitError) as failed:
        run_git(tmp_path, "log")
    assert failed.value.reason == "failed" and failed.value.returncode not in (None, 0)
    assert "not a git repository" in failed.value.stderr
    with pytest.raises(GitError) as missing:
        run_git(tmp_path / "nowhere", "log")
    assert missing.value.reason == "no-folder"
    assert read_history(tmp_path) == {} and read_history(tmp_path / "nowhere") == {}
    with pytest.raises(PactwatchError, match="is not in a git repository"):
        gitref.resolve(tmp_path, "main")


def test_a_shallow_clone_has_the_history_it_was_given(tmp_path: Path) -> None:
    origin = repository(tmp_path / "origin")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "shallow")
    shallow = tmp_path / "shallow"
    assert run_git(shallow, "rev-parse", "--is-shallow-repository").strip() == b"true"
    history = read_history(shallow)
    assert [change.subject for change in history["contracts/C-1.yaml"]] == ["Change 2 (#12)"]
    assert len(read_history(origin)["contracts/C-1.yaml"]) == 3
    with pytest.raises(PactwatchError, match="fetch-depth: 0"):
        gitref.resolve(shallow, "HEAD~2")  # not fetched
    (shallow / "contracts" / "C-2.yaml").write_text("id: C-2\n", encoding="utf-8")
    changed = gitref.changed(shallow, "HEAD")
    assert changed.paths == ("contracts/C-2.yaml",)
    assert gitref.old_bytes(shallow, changed.base, "contracts/C-1.yaml") == b"id: C-1\nversion: 2\n"


def test_a_checkouts_config_cannot_run_a_program(tmp_path: Path) -> None:
    root = repository(tmp_path / "repo", commits=1)
    marker = tmp_path / "ran"
    hook = tmp_path / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
    hook.chmod(0o755)
    git(root, "config", "core.fsmonitor", str(hook))
    (root / "contracts" / "C-1.yaml").write_text("id: C-1\nedited: true\n", encoding="utf-8")
    assert run_git(root, "diff", "--name-only", "HEAD") == b"contracts/C-1.yaml\n"
    assert gitref.changed(root, "HEAD").paths == ("contracts/C-1.yaml",)
    assert not marker.exists()
    git(root, "diff", "--name-only", "HEAD")  # plain git runs the program: the test above means something
    assert marker.exists()


def test_the_callers_git_variables_do_not_redirect_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo", commits=2)
    other = repository(tmp_path / "other", commits=1)
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    assert len(read_history(root)["contracts/C-1.yaml"]) == 2
