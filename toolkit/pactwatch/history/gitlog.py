"""Reading the main line's changes to contract files: ONE ``git log --raw -M`` and ONE ``git cat-file --batch``.

    commits = parse_log(run_git(root, *log_command()))     # oldest first, each with its file changes
    blobs = read_blobs(root, names)                         # object name -> bytes, in one process

The log follows the first parent with merges diffed against it (as ``site.history`` does): each entry is
one change as it landed, so a re-plan made on a branch counts once, at its merge, by whoever merged it.
``-z`` keeps every path verbatim (no quoting), and ``-M`` pairs a deleted file with an added one as a rename.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pactwatch.git import run_git
from pactwatch.site.history import pull_request_of

_RECORD, _FIELD = "\x1e", "\x1f"
LOG_FORMAT = "%x1e%H%x1f%cs%x1f%an%x1f%s"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_NO_OBJECT = "0" * 40


@dataclass(frozen=True, slots=True)
class FileChange:
    status: str  # A added, M modified, D deleted, R renamed, C copied, T type changed
    path: str  # the path after the change (relative to the portfolio root)
    old_path: str | None  # for R and C: the path before
    blob: str | None  # the new content's object name; None when deleted


@dataclass(frozen=True, slots=True)
class Commit:
    commit: str
    day: date
    author: str
    pull_request: int | None
    changes: tuple[FileChange, ...]


def log_command(folder: str) -> tuple[str, ...]:
    return (
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "--raw",
        "-M",
        "--no-abbrev",
        "-z",
        "--relative",
        f"--format={LOG_FORMAT}",
        "--",
        folder,
    )


def _header(token: str) -> tuple[str, date, str, int | None] | None:
    parts = token.lstrip("\n").lstrip(_RECORD).split(_FIELD)
    if len(parts) < 4:
        return None
    try:
        day = date.fromisoformat(parts[1])
    except ValueError:
        return None
    subject = _FIELD.join(parts[3:])
    return parts[0], day, _CONTROL.sub(" ", parts[2]).strip(), pull_request_of(subject)


def parse_log(output: bytes) -> list[Commit]:
    """The ``log_command`` output as commits, oldest first; anything malformed is skipped, never guessed."""
    tokens = output.decode("utf-8", "surrogateescape").split("\0")
    commits: list[Commit] = []
    header: tuple[str, date, str, int | None] | None = None
    changes: list[FileChange] = []
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip("\n")
        i += 1
        if token.startswith(":"):  # ":100644 100644 <old> <new> M" then one path, or two for R and C
            fields = token.split(" ")
            if len(fields) < 5:
                continue
            status, blob = fields[4][:1], fields[3]
            paths = 2 if status in "RC" else 1
            names = tokens[i : i + paths]
            i += paths
            if len(names) == paths:
                changes.append(
                    FileChange(status, names[-1], names[0] if paths == 2 else None, None if status == "D" or blob == _NO_OBJECT else blob)
                )
        elif token.startswith(_RECORD):
            if header is not None:
                commits.append(Commit(*header, tuple(changes)))
            header, changes = _header(token), []
    if header is not None:
        commits.append(Commit(*header, tuple(changes)))
    return commits


def read_blobs(root: Path, names: list[str]) -> dict[str, bytes]:
    """The content of each object in ``names``, from one ``git cat-file --batch``; a missing one is left out."""
    if not names:
        return {}
    output = run_git(root, "cat-file", "--batch", stdin="".join(f"{name}\n" for name in names).encode())
    found: dict[str, bytes] = {}
    at = 0
    while at < len(output):
        end = output.index(b"\n", at)
        head = output[at:end].split(b" ")
        at = end + 1
        if len(head) != 3 or head[1] != b"blob":  # "<name> missing", or not a file
            continue
        size = int(head[2])
        found[head[0].decode()] = output[at : at + size]
        at += size + 1
    return found
