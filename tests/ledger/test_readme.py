"""The README's ledger section documents what the code does."""

from __future__ import annotations

from pactwatch.ledger.headers import markdown_table
from tests.conftest import REPO_ROOT


def _section() -> str:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    return readme[readme.index("<!-- section:ledger -->") : readme.index("<!-- /section:ledger -->")]


def test_recognised_headers_table_is_in_sync() -> None:
    assert markdown_table() in _section(), "regenerate the table from pactwatch.ledger.headers.markdown_table()"


def test_commands_and_options_are_documented() -> None:
    section = _section()
    for text in (
        "pactwatch import",
        "--mapping",
        "--add-people",
        "--dry-run",
        "--force",
        "--sheet",
        "pactwatch export",
        "--public",
        "--format xlsx|csv",
        "pactwatch new",
        "--list",
    ):
        assert text in section, text
    for template in ("sales", "purchase", "service", "lease", "nda", "framework"):
        assert f"| `{template}` |" in section
