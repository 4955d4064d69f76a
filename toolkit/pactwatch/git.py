"""Running git (the effects edge): fixed arguments, no shell, a timeout, and settings a checkout cannot turn against us.

    out = run_git(root, "log", "--format=%H", "--", "contracts")   # bytes, or GitError

pactwatch reads history from checkouts it does not control (a pull request's,
on CI). A repository's own config can name programs that git runs while it
reads the work tree (``core.fsmonitor``), hooks, pagers and prompts; all are
switched off here, git's system config and the caller's ``GIT_*`` variables
(``GIT_DIR`` and the like, which would point git elsewhere) are ignored.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pactwatch.errors import PactwatchError

TIMEOUT_SECONDS = 300.0  # a full log of a large, old portfolio
Reason = Literal["no-git", "no-folder", "timeout", "failed"]

# -c settings that override the checkout's own config for this one command
SAFE_CONFIG = (
    "core.fsmonitor=false",  # a fsmonitor hook is a program named in .git/config, run by diff, ls-files, status
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.quotepath=off",  # paths as UTF-8, not octal escapes
)
SAFE_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_ATTR_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_ASKPASS": "",
    "SSH_ASKPASS": "",
    "GIT_PAGER": "cat",
    "PAGER": "cat",
    "GIT_OPTIONAL_LOCKS": "0",  # read-only commands do not refresh (write) the index
}


class GitError(PactwatchError):
    """git could not answer: ``reason`` says why, ``stderr`` holds git's own words."""

    def __init__(self, args: tuple[str, ...], reason: Reason, message: str, returncode: int | None = None, stderr: str = "") -> None:
        super().__init__(message)
        self.git_args = args
        self.reason: Reason = reason
        self.returncode = returncode
        self.stderr = stderr


def git_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` without git's own variables, plus the settings above."""
    return {**{k: v for k, v in environ.items() if not k.startswith("GIT_")}, **SAFE_ENV}


def run_git(repo: Path, *args: str, timeout: float = TIMEOUT_SECONDS, stdin: bytes | None = None) -> bytes:
    """git's standard output for ``git ARGS`` run in the folder ``repo``; GitError when it cannot answer.

    ``stdin``: what git reads (``cat-file --batch`` takes the names of many objects in one process)."""
    if not repo.is_dir():
        raise GitError(args, "no-folder", f"{repo} is not a folder")
    command = ["git", *(part for setting in SAFE_CONFIG for part in ("-c", setting)), *args]
    try:
        done = subprocess.run(
            command,
            cwd=repo,
            env=git_environment(os.environ),
            stdin=subprocess.DEVNULL if stdin is None else None,
            input=stdin,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        raise GitError(args, "no-git", "git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(args, "timeout", f"git {' '.join(args)} took more than {timeout:.0f} s") from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").strip()
        last = stderr.splitlines()[-1] if stderr else f"exit code {done.returncode}"
        raise GitError(args, "failed", f"git {' '.join(args)} failed: {last}", done.returncode, stderr)
    return done.stdout
