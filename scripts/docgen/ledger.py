"""The recognised ledger headers on the how-to for migrating a ledger: the block between the markers is
``pactwatch.ledger.headers.markdown_fields()``, so a new header reaches the docs by regenerating."""

from __future__ import annotations

from pathlib import Path

from pactwatch.ledger.headers import markdown_fields
from scripts.docgen.page import Page

PAGE = "en/how-to/migrate-ledger.md"
START, END = "<!-- generated:ledger-headers -->\n", "<!-- /generated:ledger-headers -->\n"


def pages(content: Path) -> list[Page]:
    text = (content / PAGE).read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    return [Page(PAGE, f"{head}{START}{markdown_fields()}\n{END}{tail}")]
