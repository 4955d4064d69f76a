"""Effects: ask git which portfolio files changed since a ref, and what they held there.

Compares the merge base of REF and HEAD with the working tree (uncommitted and untracked files
included), which is what a pull request changes. All paths are relative to the portfolio root.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pactwatch.errors import PactwatchError
from pactwatch.git import GitError, run_git

WATCHED = ("contracts", "pactwatch.yml", "people.yaml")


@dataclass(frozen=True, slots=True)
class Changed:
    base: str  # the commit compared against (merge base of REF and HEAD, else REF)
    paths: tuple[str, ...]  # changed, added or removed files under WATCHED, sorted


def _git(root: Path, *args: str) -> bytes:
    try:
        return run_git(root, *args)
    except GitError as exc:
        if exc.reason == "no-git":
            raise PactwatchError("git is not installed (pactwatch approvals compares with a git ref)") from None
        raise


def _answer(root: Path, *args: str) -> bytes | None:
    """git's output, or None when git says no (a ref that is not there, no merge base)."""
    try:
        return _git(root, *args)
    except GitError as exc:
        if exc.reason != "failed":
            raise
        return None


def resolve(root: Path, ref: str) -> str:
    """The commit to compare with: the merge base of ``ref`` and HEAD, or ``ref`` itself."""
    if ref.startswith("-"):
        raise PactwatchError(f"{ref!r} is not a git ref")
    if _answer(root, "rev-parse", "--is-inside-work-tree") is None:
        raise PactwatchError(f"{root} is not in a git repository: approvals compares the portfolio with a git ref (commit it to git first)")
    found = _answer(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found is None:
        raise PactwatchError(
            f"git ref {ref!r} not found in {root}; in a workflow, check out with `fetch-depth: 0` so the base branch is there"
        )
    commit = found.decode().strip()
    merge_base = _answer(root, "merge-base", commit, "HEAD")
    return merge_base.decode().strip() if merge_base is not None else commit


def changed(root: Path, ref: str) -> Changed:
    base = resolve(root, ref)
    diff = _git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", base, "--", *WATCHED)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *WATCHED)
    names = {p for out in (diff, untracked) for p in out.decode("utf-8", "surrogateescape").split("\0") if p}
    return Changed(base, tuple(sorted(names)))


def old_bytes(root: Path, base: str, path: str) -> bytes | None:
    """The file's content at ``base``; None when it did not exist there."""
    return _answer(root, "show", "--no-textconv", f"{base}:./{path}")


def new_bytes(root: Path, path: str) -> bytes | None:
    try:
        return (root / path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PactwatchError(f"cannot read {path}: {exc.strerror}") from None
