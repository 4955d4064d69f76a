"""The README documents what the code does."""

from __future__ import annotations

from pactwatch.findings import markdown_table
from tests.conftest import REPO_ROOT


def test_findings_table_is_in_sync() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "regenerate the README findings table from pactwatch.findings.markdown_table()"


def test_readme_commands_are_registered() -> None:
    from pactwatch.cli import COMMANDS

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"pactwatch {name}" in readme, f"the README does not document `pactwatch {name}`"
