"""The pre-commit hook: what .pre-commit-hooks.yaml offers, and a real `pre-commit run` in a git repository.

The offered hook is `language: python`, which pre-commit installs from the
repository (that needs the network). The real run therefore uses the same
entry, files pattern and options as a local `language: system` hook, which is
exactly how this repository's own .pre-commit-config.yaml runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from pactwatch.catalogue import text

REPO = Path(__file__).resolve().parents[2]
HOOK_ID = "pactwatch-validate"


def offered_hook() -> dict[str, Any]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == HOOK_ID]
    assert isinstance(hook, dict)
    return hook


def local_hook(config: dict[str, Any], hook_id: str) -> dict[str, Any]:
    [hook] = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"] if h["id"] == hook_id]
    assert isinstance(hook, dict)
    return hook


def test_offered_hook() -> None:
    hook = offered_hook()
    assert hook["entry"] == "pactwatch validate"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert hook.get("pass_filenames", True) is True


@pytest.mark.parametrize(
    ("path", "matches"),
    [
        ("contracts/C-1.yaml", True),
        ("contracts/sales/2026/C-2026-001.yaml", True),
        ("contracts/lease/L-1.yml", True),
        ("people.yaml", True),
        ("pactwatch.yml", True),
        ("contracts/README.md", False),
        ("contracts/C-1.yaml.bak", False),
        ("people.yml", False),
        ("docs/people.yaml", False),
        ("tests/examples/invalid/pw105-duplicate-key/contracts/C-1.yaml", False),
        ("mkdocs.yml", False),
        (".github/workflows/validate.yml", False),
    ],
)
def test_files_pattern(path: str, matches: bool) -> None:
    assert bool(re.search(offered_hook()["files"], path)) is matches


def test_this_repository_runs_the_same_hook_on_itself() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ours, offered = local_hook(config, HOOK_ID), offered_hook()
    for key in ("entry", "files", "require_serial"):
        assert ours[key] == offered[key], key
    assert ours["language"] == "system"
    assert {"ruff-check", "ruff-format"} <= {h["id"] for repo in config["repos"] for h in repo["hooks"]}
    assert all(repo["repo"] == "local" for repo in config["repos"]), "hooks must run without the network"


@pytest.fixture
def git_portfolio(tmp_path: Path) -> Path:
    """A git repository holding a copy of the example portfolio and a config running the offered hook locally."""
    root = tmp_path / "contracts-repo"
    root.mkdir()
    shutil.copytree(REPO / "contracts", root / "contracts")
    for name in ("people.yaml", "pactwatch.yml"):
        shutil.copy2(REPO / name, root / name)
    (root / "notes").mkdir()
    (root / "notes" / "contracts").mkdir()
    (root / "notes" / "contracts" / "broken.yaml").write_text("not: [valid\n", encoding="utf-8")  # outside the pattern
    hook = {**offered_hook(), "language": "system"}
    hook.pop("minimum_pre_commit_version", None)
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    return root


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=root, check=True, capture_output=True)


def pre_commit(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",  # where `pactwatch` is installed
        "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home"),
        "PACTWATCH_TODAY": "2026-11-27",
        "NO_COLOR": "1",
    }
    command = [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)


def test_pre_commit_run_passes_then_catches_a_broken_contract(git_portfolio: Path) -> None:
    clean = pre_commit(git_portfolio, "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"pactwatch validate\.+Passed", clean.stdout)

    contract = next((git_portfolio / "contracts").rglob("*.yaml"))
    contract.write_text(contract.read_text(encoding="utf-8") + "status: active\n", encoding="utf-8")
    git(git_portfolio, "add", ".")
    broken = pre_commit(git_portfolio, "--files", contract.relative_to(git_portfolio).as_posix())
    assert broken.returncode == 1
    assert re.search(r"pactwatch validate\.+Failed", broken.stdout)
    assert f"{contract.relative_to(git_portfolio).as_posix()}:" in broken.stdout
    error = text("finding.severity.error", "zh")  # the repository's portfolio speaks zh: so does its hook
    assert f"{error} PW105 {text('finding.yaml.duplicate_key', 'zh', key='status')}" in broken.stdout
    assert text("finding.yaml.duplicate_key_hint", "zh") in broken.stdout
    assert text("validate.errors", "zh", count=1) in broken.stdout


def test_changing_people_rechecks_every_contract(git_portfolio: Path) -> None:
    owner = re.search(r"^owner: (\S+)", (git_portfolio / "contracts/sales/C-2026-001.yaml").read_text(encoding="utf-8"), re.MULTILINE)
    assert owner is not None
    people = git_portfolio / "people.yaml"
    text = people.read_text(encoding="utf-8")
    assert f"- id: {owner.group(1)}\n" in text
    people.write_text(text.replace(f"- id: {owner.group(1)}\n", "- id: someone.else\n"), encoding="utf-8")
    git(git_portfolio, "add", ".")
    result = pre_commit(git_portfolio, "--files", "people.yaml")
    assert result.returncode == 1
    assert re.search(r"contracts/\S+\.yaml:\d+:\d+: 错误 PW304", result.stdout), result.stdout
