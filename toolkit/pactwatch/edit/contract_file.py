"""One contract file changed on disk: read it, make the change with the editor, validate the result, write it.

Nothing is written unless the edited text validates as the portfolio's validator would check this file
(its own checks, then the cross-file rules that can concern one file: owners in people.yaml, completion
dates after today, dates far off, the calendar). A refusal lists the findings, located in the new text.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pactwatch.catalogue import Msg, msg
from pactwatch.edit.milestone import Applied, Refused, Request, apply
from pactwatch.edit.reconcile import EditError, reconcile
from pactwatch.findings import Finding
from pactwatch.load.yaml import Document, load_bytes
from pactwatch.model import Person, Settings


@dataclass(frozen=True, slots=True)
class Edited:
    source: str  # root-relative POSIX path
    before: str
    after: str
    applied: Applied

    def diff(self) -> str:
        """A unified diff of the change (line ends shown as LF)."""
        lines = difflib.unified_diff(
            self.before.lstrip("\ufeff").splitlines(),
            self.after.lstrip("\ufeff").splitlines(),
            f"a/{self.source}",
            f"b/{self.source}",
            lineterm="",
        )
        return "\n".join(lines)


class Invalid(Exception):
    """The edited text would not validate: its findings (located in the edited text)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} findings")
        self.findings = findings


def errors_in(source: str, text: str, settings: Settings, people: Mapping[str, Person], today: date) -> list[Finding]:
    """The errors the validator would report for ``text`` as the file ``source``."""
    from pactwatch.load.portfolio import process_contract
    from pactwatch.rules import portfolio_rules, relative
    from pactwatch.rules.site import Site

    raw = text.encode("utf-8")
    result = process_contract(source, raw, settings.currency)
    findings = list(result.findings)
    if result.contract is not None:
        document = load_bytes(source, raw)
        assert isinstance(document, Document)  # it loaded just now
        sites = {source: Site(source, document)}
        findings += portfolio_rules.check_contracts([result.contract], people or None, today, sites)
        findings += relative.check_calendar([result.contract], settings, sites)
    return sorted((f for f in findings if f.severity == "error"), key=lambda f: f.sort_key)


def read_text(root: Path, source: str) -> str:
    """The file's text as it is: a BOM kept as U+FEFF, CRLF kept (the editor writes them back)."""
    from pactwatch.load.files import read

    raw = read(root, source)
    if isinstance(raw, Finding):
        raise Refused(_as_msg(raw))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(_as_msg(Finding("PW101", "error", source, 1, 1, "", "file is not valid UTF-8"))) from None


def _as_msg(finding: Finding) -> Msg:
    return msg("chatops.error.unreadable", file=finding.file, problem=finding.message_text("en"))


def change(root: Path, source: str, request: Request, settings: Settings, people: Mapping[str, Person], today: date) -> Edited:
    """The change ``request`` asks for, made on ``source`` in memory and validated; Refused or Invalid when it cannot be."""
    before = read_text(root, source)
    loaded = load_bytes(source, before.encode("utf-8"))
    if not isinstance(loaded, Document) or not isinstance(loaded.data, dict):
        raise Invalid([loaded] if isinstance(loaded, Finding) else [])
    applied = apply(loaded.data, request, today, settings.language)
    try:
        after = reconcile(before, applied.data)
    except EditError as exc:
        raise Refused(msg("chatops.error.cannot_edit", file=source, problem=str(exc))) from None
    errors = errors_in(source, after, settings, people, today)
    if errors:
        raise Invalid(errors)
    return Edited(source, before, after, applied)


def write(root: Path, edited: Edited) -> None:
    """Replace the file atomically (readers see the old text or the new one)."""
    from pactwatch.fileio import write_atomic

    write_atomic(root / edited.source, edited.after.encode("utf-8"))
