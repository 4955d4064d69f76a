"""Three presentations of one list of findings: text (with a caret), JSON, GitHub annotations."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence

from pactwatch.catalogue import text as catalogue_text
from pactwatch.escape.annotations import workflow_command
from pactwatch.escape.terminal import terminal_text
from pactwatch.findings import Finding


def _display_width(text: str) -> int:
    """Terminal columns taken by ``text``: CJK characters are two columns wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def caret_line(source: str, column: int) -> str:
    prefix = terminal_text(source[: max(column - 1, 0)].replace("\t", " "))  # as the source line is shown
    return " " * _display_width(prefix) + "^"


def text(findings: Sequence[Finding], *, colour: bool = False, language: str = "en") -> str:
    """Findings for a terminal or a log: every piece of user text (file names too) goes through ``terminal_text``."""
    red, yellow, dim, reset = ("\x1b[31m", "\x1b[33m", "\x1b[2m", "\x1b[0m") if colour else ("", "", "", "")
    out: list[str] = []
    for f in findings:
        tone = red if f.severity == "error" else yellow
        where = f"{terminal_text(f.file)}:{f.line}:{f.column}"
        out.append(f"{where}: {tone}{_severity(f, language)} {f.code}{reset} {terminal_text(f.message_text(language))}")
        if f.source:
            shown = terminal_text(f.source.replace("\t", " "))
            out.append(f"    {shown}")
            out.append(f"    {tone}{caret_line(f.source, f.column)}{reset}")
        if f.hint:
            hint = catalogue_text("finding.hint", language, hint=f.hint_text(language))
            out.append(f"    {dim}{terminal_text(hint)}{reset}")
    return "\n".join(out)


def as_json(findings: Sequence[Finding], language: str = "en") -> str:
    return json.dumps({"findings": [f.as_json(language) for f in findings]}, ensure_ascii=False, indent=2)


def github(findings: Sequence[Finding], *, prefix: str = "", language: str = "en") -> str:
    """GitHub Actions workflow commands, so findings land on the pull request's lines."""
    lines = []
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        message = f.message_text(language)
        if f.hint:
            message += catalogue_text("finding.hint_inline", language, hint=f.hint_text(language))
        where = (("file", f"{prefix}{f.file}"), ("line", f.line), ("col", f.column), ("title", f.code))
        lines.append(workflow_command(level, where, message))
    return "\n".join(lines)


def _severity(finding: Finding, language: str) -> str:
    return catalogue_text(f"finding.severity.{finding.severity}", language)
