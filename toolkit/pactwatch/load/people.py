"""people.yaml -> Person records, parsed or (while its bytes are unchanged) remembered by the cache."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from pactwatch.catalogue import msg
from pactwatch.findings import Finding
from pactwatch.load.files import PEOPLE_FILE, read
from pactwatch.load.store import remember_parse, remembered_parse
from pactwatch.model import Person

if TYPE_CHECKING:
    from pactwatch.load.yaml import Document


def load_people(root: Path) -> tuple[list[Person], list[Finding], Document | None]:
    from pactwatch.load import construct, schema
    from pactwatch.load.yaml import load_bytes

    if not os.path.lexists(root / PEOPLE_FILE):  # a link, even a broken one, is refused when read (PW112)
        missing = Finding("PW001", "error", PEOPLE_FILE, 1, 1, "", msg("finding.people.missing"), msg("finding.people.missing_hint"))
        return [], [missing], None
    raw = read(root, PEOPLE_FILE)
    if isinstance(raw, Finding):
        return [], [raw], None
    loaded = load_bytes(PEOPLE_FILE, raw)
    if isinstance(loaded, Finding):
        return [], [loaded], None
    findings = schema.check(loaded, "people")
    if findings:
        return [], findings, loaded
    return construct.people_from(loaded.data), [], loaded


def remembered_people(root: Path, *, remember: bool) -> list[Person]:
    """people.yaml's people, reused from the cache while its bytes are unchanged (and it parsed without findings)."""
    raw = read(root, PEOPLE_FILE) if remember else None
    if isinstance(raw, bytes):
        known = remembered_parse(root, PEOPLE_FILE, raw, list[Person])
        if known is not None:
            return known
    people, findings, _ = load_people(root)
    if isinstance(raw, bytes) and not findings:
        remember_parse(root, PEOPLE_FILE, raw, people)
    return people


def remember_people(root: Path, people: list[Person]) -> None:
    """Remember ``people`` as what people.yaml's current bytes parse to (call only after a parse without findings)."""
    raw = read(root, PEOPLE_FILE)
    if isinstance(raw, bytes):
        remember_parse(root, PEOPLE_FILE, raw, people)
