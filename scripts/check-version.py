#!/usr/bin/env python3
"""Keep pactwatch's version in step everywhere users copy it from; exit 1 listing what differs.

The one version is ``__version__`` in toolkit/pactwatch/__init__.py (pyproject.toml reads it through
hatch). It must be the one in every install line, pre-commit ``rev:`` and wheel name of README.md and
.pre-commit-hooks.yaml, and in what ``pactwatch init`` writes (the workflows install exactly the
pactwatch that wrote them, from git at the tag). The repository those lines name must be
``scaffold.REPOSITORY_URL``. Run by tests/commands/test_init.py; ``python scripts/check-version.py``.
"""

from __future__ import annotations

import re
import sys
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INIT = "toolkit/pactwatch/__init__.py"
# every way a version is written where users copy it from
VERSIONED = (
    re.compile(r"git\+(?P<url>https://[^\s\"'@]+)@v(?P<version>[^\s\"']+)"),
    re.compile(r"rev: v(?P<version>\S+)"),
    re.compile(r"pactwatch-(?P<version>[0-9][^-\s]*)-py3-none-any\.whl"),
)
REPO_LINE = re.compile(r"- repo: (?P<url>https://\S+)")


def declared_version(root: Path) -> str:
    match = re.search(r'^__version__ = "([^"]+)"$', (root / INIT).read_text(encoding="utf-8"), re.MULTILINE)
    if match is None:
        raise SystemExit(f"check-version: no __version__ in {INIT}")
    return match[1]


def pyproject_problems(root: Path, version: str) -> list[str]:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    static = project["project"].get("version")
    if static is not None:
        return [] if static == version else [f"pyproject.toml: version {static} but {INIT} says {version}"]
    path = project.get("tool", {}).get("hatch", {}).get("version", {}).get("path")
    if "version" not in project["project"].get("dynamic", []) or path != INIT:
        return [f"pyproject.toml: the version must be read from {INIT} ([tool.hatch.version] path)"]
    return []


def text_problems(name: str, text: str, version: str, repository_url: str) -> list[str]:
    """Every version and pactwatch repository written in ``text`` that is not this one."""
    found = []
    for pattern in VERSIONED:
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            if match["version"] != version:
                found.append(f"{name}:{line}: version {match['version']}, but pactwatch is {version}")
            url = match.groupdict().get("url")
            if url is not None and url != repository_url:
                found.append(f"{name}:{line}: installs from {url}, but pactwatch lives at {repository_url}")
    for match in REPO_LINE.finditer(text):
        if match["url"].rstrip("/").endswith("/pactwatch") and match["url"] != repository_url:
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{name}:{line}: repo {match['url']}, but pactwatch lives at {repository_url}")
    return found


def scaffold_problems(version: str) -> list[str]:
    from pactwatch import scaffold

    found = []
    install = f'pip install "{scaffold.requirement(version)}"'
    for language in scaffold.LANGUAGES:
        answers = scaffold.Answers(language, "Asia/Shanghai", "CNY", "Example", date(2026, 1, 1))
        for name, text in scaffold.render(answers).items():
            found += text_problems(f"pactwatch init ({language}) {name}", text, version, scaffold.REPOSITORY_URL)
            if name.startswith(".github/workflows/") and install not in text:
                found.append(f"pactwatch init ({language}) {name}: does not run {install}")
    return found


def problems(root: Path = ROOT) -> list[str]:
    sys.path.insert(0, str(root / "toolkit"))
    from pactwatch import __version__, scaffold

    version = declared_version(root)
    found = [] if __version__ == version else [f"the imported pactwatch is {__version__}, {INIT} says {version}"]
    found += pyproject_problems(root, version)
    readme = (root / "README.md").read_text(encoding="utf-8")
    found += text_problems("README.md", readme, version, scaffold.REPOSITORY_URL)
    for needed in (scaffold.requirement(version), scaffold.wheel(version)):
        if needed not in readme:
            found.append(f"README.md: does not show how to install {needed}")
    hooks = (root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    found += text_problems(".pre-commit-hooks.yaml", hooks, version, scaffold.REPOSITORY_URL)
    return found + scaffold_problems(version)


def main() -> int:
    found = problems()
    for problem in found:
        print(f"check-version: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
