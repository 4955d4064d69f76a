"""A real git repository built by a test: files written, committed on given days, branches merged like GitHub does."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

PEOPLE = "people:\n  - {id: ann, name: Ann Lee}\n  - {id: bo, name: 王博, manager: ann}\n"
SETTINGS = "timezone: Asia/Shanghai\nlanguage: en\ncurrency: CNY\n"


def contract(
    due: dict[str, str], *, status: str = "active", ident: str = "C-1", titles: dict[str, str] | None = None, extra: str = ""
) -> str:
    """A contract whose milestones are ``{id: due}`` (a due starting with "after " is a due_after: "after M1+30")."""
    lines = [f"id: {ident}", f"title: Contract {ident}", "type: sales", f"status: {status}", "owner: ann", "counterparty: {name: ACME Ltd}"]
    lines.append("milestones:")
    for number, (mid, when) in enumerate(due.items()):
        title = (titles or {}).get(mid, f"Step {number + 1}")
        lines += [f"  - id: {mid}", f"    title: {title}", "    kind: delivery", "    owner: bo"]
        if when.startswith("after "):
            anchor, days = when[6:].split("+")
            lines.append(f"    due_after: {{milestone: {anchor}, days: {days}}}")
        else:
            lines.append(f"    due: {when}")
        if mid in extra:
            lines.append(extra.split(":", 1)[1])
    return "\n".join(lines) + "\n"


class GitRepo:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.write({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE})

    def git(self, *args: str, day: str = "2026-01-05", author: str = "Ann Lee") -> str:
        stamp = f"{day}T10:00:00+08:00"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": "someone@example.com",
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": "someone@example.com",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(self.root),
        }
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True)
        return done.stdout

    def write(self, files: dict[str, str]) -> None:
        for rel, text in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def commit(self, files: dict[str, str], message: str, day: str, author: str = "Ann Lee") -> str:
        self.write(files)
        self.git("add", "-A", day=day, author=author)
        self.git("commit", "-q", "-m", message, day=day, author=author)
        return self.git("rev-parse", "HEAD").strip()
