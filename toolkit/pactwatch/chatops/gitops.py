"""The branch a request becomes: a commit with the commenter as author, pushed to ``origin``.

Made in a temporary worktree (``git worktree add``), so the checkout the workflow runs in, and anything a
person has in theirs, is never touched. Every git command goes through pactwatch.git.run_git.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from pactwatch.fileio import write_atomic
from pactwatch.git import GitError, run_git

COMMITTER = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


def toplevel(folder: Path) -> Path:
    return Path(run_git(folder, "rev-parse", "--show-toplevel").decode("utf-8").strip())


def noreply(login: str, user_id: int | None) -> str:
    """The commit author GitHub links to the account: ``login <id+login@users.noreply.github.com>``."""
    local = f"{user_id}+{login}" if user_id is not None else login
    return f"{login} <{local}@users.noreply.github.com>"


def remote_has(top: Path, branch: str) -> bool:
    return bool(run_git(top, "ls-remote", "--heads", "origin", f"refs/heads/{branch}").strip())


def push_change(top: Path, branch: str, files: Mapping[str, bytes], author: str, message: str) -> None:
    """Commit ``files`` (paths relative to ``top``) on HEAD as ``author`` and push the commit as ``branch`` to origin."""
    scratch = Path(tempfile.mkdtemp(prefix="pactwatch-chatops-"))
    tree = scratch / "tree"
    run_git(top, "worktree", "add", "--detach", "--quiet", str(tree), "HEAD")
    try:
        for rel, data in files.items():
            write_atomic(tree / rel, data)
        run_git(tree, "add", "--", *files)
        name, email = COMMITTER
        run_git(tree, "-c", f"user.name={name}", "-c", f"user.email={email}", "commit", "--quiet", f"--author={author}", "-m", message)
        run_git(tree, "push", "--quiet", "origin", f"HEAD:refs/heads/{branch}")
    finally:
        with contextlib.suppress(GitError):  # the folder goes below; `git worktree prune` forgets it
            run_git(top, "worktree", "remove", "--force", str(tree))
        shutil.rmtree(scratch, ignore_errors=True)
