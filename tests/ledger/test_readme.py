"""The docs' ledger how-to (docs/content/en/how-to/migrate-ledger.md, which the README links) documents what the code does."""

from __future__ import annotations

from pactwatch.ledger.headers import markdown_fields
from tests.conftest import REPO_ROOT


def _section() -> str:
    return (REPO_ROOT / "docs" / "content" / "en" / "how-to" / "migrate-ledger.md").read_text(encoding="utf-8")


def test_recognised_headers_table_is_in_sync() -> None:
    assert markdown_fields() in _section(), "run .venv/bin/python scripts/gen_docs.py (pactwatch.ledger.headers.markdown_fields())"


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
