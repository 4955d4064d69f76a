"""Effects: the contract files two revisions differ in, read through git and parsed by the strict loader.

    found = compare(root, "origin/main", None, "CNY")   # the merge base with origin/main, and the working tree
    found.pairs["C-1"]                                  # (Contract at base or None, Contract at head or None)

Only the files git says differ are read: one ``git diff --name-only``, one ``git ls-tree`` per side and one
``git cat-file --batch`` (pactwatch.history.gitlog.read_blobs) for all their contents. A version that does
not load (broken YAML, a schema error) is listed in ``unreadable``, never guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pactwatch.catalogue import text
from pactwatch.changes.semantic import Pair
from pactwatch.errors import PactwatchError
from pactwatch.git import GitError, run_git
from pactwatch.github import gitref
from pactwatch.history.gitlog import read_blobs
from pactwatch.load.files import CONTRACTS_DIR
from pactwatch.load.portfolio import process_contract
from pactwatch.model import Contract

POLICY_FILES = ("pactwatch.yml", "people.yaml")
DEFAULT_BRANCHES = ("origin/HEAD", "origin/main", "origin/master", "main", "master")


@dataclass(frozen=True, slots=True)
class Compared:
    base: str  # the commit compared against
    head: str | None  # the commit compared, None for the working tree
    pairs: dict[str, Pair]  # contract id -> (old, new)
    unreadable: tuple[str, ...]  # changed files that do not load on one side
    paths: tuple[str, ...]  # the changed files under contracts/ (for findings)
    base_files: dict[str, bytes]  # their content at base (those it has)


class UnknownRef(PactwatchError):
    """REF names no commit this clone holds: a typo, history a shallow clone did not fetch, a commit pushed away."""


def _is_contract(path: str) -> bool:
    return path.startswith(f"{CONTRACTS_DIR}/") and path.endswith((".yaml", ".yml"))


def commit_of(root: Path, ref: str, language: str) -> str:
    """The commit ``ref`` names; a one-line error when git is missing, the portfolio is not in git, or the ref is not there."""
    try:
        run_git(root, "rev-parse", "--is-inside-work-tree")
    except GitError as exc:
        raise PactwatchError(text("changes.no_git", language, reason=str(exc))) from None
    if ref.startswith("-"):
        raise PactwatchError(text("changes.bad_ref", language, ref=ref))
    try:
        return run_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        raise UnknownRef(text("changes.bad_ref", language, ref=ref)) from None


def default_base(root: Path, language: str) -> str:
    """The default branch: where origin/HEAD points, else the first of origin/main, origin/master, main, master."""
    for ref in DEFAULT_BRANCHES:
        try:
            return commit_of(root, ref, language)
        except PactwatchError:
            continue
    raise PactwatchError(text("changes.no_base", language))


def _names(output: bytes) -> list[str]:
    return [p for p in output.decode("utf-8", "surrogateescape").split("\0") if p]


def _tree(root: Path, commit: str, paths: list[str]) -> dict[str, bytes]:
    """The content of ``paths`` at ``commit`` (those it has), read in one batch."""
    if not paths:
        return {}
    listed = _names(run_git(root, "ls-tree", "-z", commit, "--", *paths))
    objects = {}
    for row in listed:
        meta, _, path = row.partition("\t")
        parts = meta.split(" ")
        if len(parts) == 3 and parts[1] == "blob":
            objects[path] = parts[2]
    blobs = read_blobs(root, sorted(set(objects.values())))
    return {path: blobs[name] for path, name in objects.items() if name in blobs}


def _working(root: Path, paths: list[str]) -> dict[str, bytes]:
    found = {}
    for path in paths:
        raw = gitref.new_bytes(root, path)
        if raw is not None:
            found[path] = raw
    return found


def pair_up(sides: tuple[dict[str, bytes], dict[str, bytes]], currency: str) -> tuple[dict[str, Pair], tuple[str, ...]]:
    """Old and new versions paired by contract id (a moved file is one contract), and the files that do not load."""
    pairs: dict[str, list[Contract | None]] = {}
    unreadable: set[str] = set()
    for index, side in enumerate(sides):
        for path, raw in sorted(side.items()):
            contract = process_contract(path, raw, currency).contract
            if contract is None:
                unreadable.add(path)
                continue
            pairs.setdefault(contract.id, [None, None])[index] = contract
    return {cid: (pair[0], pair[1]) for cid, pair in pairs.items()}, tuple(sorted(unreadable))


def compare_commits(root: Path, base: str, head: str | None, currency: str) -> Compared:
    """``base`` and ``head`` are commits (``head`` None: the working tree, untracked files included)."""
    if head is None:
        diff = run_git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", base, "--", CONTRACTS_DIR)
        untracked = run_git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", CONTRACTS_DIR)
        paths = sorted({p for out in (diff, untracked) for p in _names(out) if _is_contract(p)})
        new = _working(root, paths)
    else:
        diff = run_git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", base, head, "--", CONTRACTS_DIR)
        paths = sorted(p for p in _names(diff) if _is_contract(p))
        new = _tree(root, head, paths)
    old = _tree(root, base, paths)
    pairs, unreadable = pair_up((old, new), currency)
    return Compared(base, head, pairs, unreadable, tuple(paths), old)


def policy_changed(root: Path, base: str) -> tuple[str, ...]:
    """pactwatch.yml and people.yaml, when the working tree changed them since ``base`` (their change needs the policy's teams)."""
    return tuple(_names(run_git(root, "diff", "--name-only", "--relative", "-z", base, "--", *POLICY_FILES)))


def compare(root: Path, base_ref: str | None, head_ref: str | None, currency: str, language: str) -> Compared:
    """BASE (default: the default branch) against HEAD (default: the working tree), from their merge base as a pull request is."""
    head = commit_of(root, head_ref, language) if head_ref is not None else None
    base = commit_of(root, base_ref, language) if base_ref is not None else default_base(root, language)
    try:
        base = run_git(root, "merge-base", base, head or "HEAD").decode().strip()
    except GitError as exc:
        if exc.reason != "failed":
            raise  # no merge base (unrelated histories): compare with BASE itself
    return compare_commits(root, base, head, currency)
