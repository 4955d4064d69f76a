"""The docs are built where the brief says: by .ci/run with --strict, and by the Pages workflow under
/docs/ after the progress site (which stays at /); the changelog starts with the current version."""

from __future__ import annotations

import re

import yaml

from pactwatch import __version__
from tests.docs.conftest import REPO_ROOT


def test_ci_builds_the_docs_strict() -> None:
    script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"mkdocs build --strict .*-f docs/mkdocs\.yml", script)


def test_pages_publishes_the_docs_under_docs_after_the_site() -> None:
    workflow = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    runs = [str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"]]
    site = next(i for i, run in enumerate(runs) if run.startswith("pactwatch build"))
    docs = next(i for i, run in enumerate(runs) if "-f docs/mkdocs.yml" in run)
    assert site < docs, "the docs go into site/docs after pactwatch build has written site/"
    assert "--strict" in runs[docs] and runs[docs].endswith('/site/docs"')


def test_the_changelog_starts_with_the_current_version() -> None:
    text = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = re.search(r"^## (\S+)", text, re.MULTILINE)
    assert first is not None and first[1] == __version__
